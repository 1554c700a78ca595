//! `docgen`: Yttra on the command line. Checks case files, writes the yttranden and their
//! tjänsteskrivelser as DOCX, exports the deadlines as a calendar, and reads the case back out
//! of a filed DOCX.
//!
//! This is the shell around the pure crates: it reads files and the clock, prints, and turns
//! every failure into one Swedish message and an exit code (0 done, 1 failed or the case has
//! errors, 2 the command itself was wrong). It never panics on bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use docgen::template::{Template, MAX_TEMPLATE_BYTES};
use schemas::documents::{DocumentKind, Output, Request, MAX_CASE_BYTES};
use schemas::framework_import::{read_framework_file, MAX_FRAMEWORK_FILE_BYTES};
use schemas::{load_case, save_case, validate, Case, Date, Finding, Severity, Yttrande};

const USAGE: &str = "\
Användning:
  docgen validate ÄRENDE.json [--today ÅÅÅÅ-MM-DD]
      Granskar ärendet och skriver ut alla fel och varningar.
      Avslutas med kod 1 om ärendet har fel.
  docgen first ÄRENDE.json --board ID [--out FIL.docx] [--today ÅÅÅÅ-MM-DD]
      Skriver nämndens första yttrande som Word-dokument (DOCX).
  docgen follow-up ÄRENDE.json --board ID [--out FIL.docx] [--today ÅÅÅÅ-MM-DD]
      Skriver nämndens uppföljande yttrande (DOCX).
  docgen cover ÄRENDE.json --board ID --yttrande first|follow-up [--out FIL.docx] [--today …]
      Skriver tjänsteskrivelsen till nämnden för det första eller det uppföljande yttrandet.
  docgen assessment ÄRENDE.json --assessment ID [--compare ID] [--without-unanswered]
                    [--xlsx] [--out FIL.docx|FIL.xlsx] [--today …]
      Skriver rapporten för en självskattning: sammanfattning, diagram och tabell per område,
      brister med åtgärder, jämförd med en tidigare om --compare anges. --without-unanswered
      utelämnar frågor utan svar ur svarstabellerna. --xlsx skriver i stället en arbetsbok för
      Excel med översikt och alla svar.
  docgen overview ÄRENDE.json [--out FIL.xlsx] [--today …]
      Skriver översikten över ärendets självskattningar som arbetsbok för Excel: per ramverk
      varje skattat system eller nämnd × kapitel, med genomsnittet per år och ett diagram.
  docgen calendar ÄRENDE.json [--out FIL.ics] [--today ÅÅÅÅ-MM-DD]
      Skriver ärendets tidplan (yttranden och åtgärder) som kalenderfil för Outlook.
  docgen form ÄRENDE.json --board ID (--item R2 | --responsible ROLL) [--out FIL.docx] [--today …]
      Skriver ett underlag (Begär underlag): med --item nämndens svar på en bedömning eller
      rekommendation till det första yttrandet, med --responsible vad som har blivit av den
      ansvarigas åtgärder till uppföljningen; ifyllt läses det in med extract.
  docgen extract DOKUMENT.docx [--adopt] [--out FIL.json]
      Läser ut ärendet som finns inbäddat i ett yttrande skapat med Yttra och listar varje fält
      som har ändrats i Word (fält, Yttras text, dokumentets text). Med --adopt skrivs ärendet
      med dokumentets texter.
  docgen framework RIKTLINJE.csv|json [--out RAMVERK.json]
      Läser en riktlinje (CSV eller Yttra-ramverk) och skriver ut kapitlen, antalet krav och
      allt som importen inte kunde läsa som det stod (oanvända kolumner, rader utan kapitel,
      citattecken som slår ihop rader). Avslutas med kod 1 om filen inte kan läsas; med --out
      skrivs ramverket som JSON.
  docgen import RAPPORT.pdf|docx|txt [--missiv MISSIV.pdf|docx|txt] [--out ÄRENDE.json]
      Läser granskningsrapporten (och missivet) och skriver ett förslag till ärende: rubrik,
      diarienummer, datum, samlad bedömning, revisionsfrågor, rekommendationer med
      mottagare och avsnitt, nämnderna med sista dag för yttrandena. Skriver ut vad som hittades
      (med sida), vad som inte hittades och vad som togs bort (sidhuvuden, sidnummer,
      innehållsförteckning). Avslutas med kod 1 om filen inte kan läsas eller inte ser ut som
      en granskning; då skrivs ingenting.
  docgen template MALL.dotx
      Visar vad kommunens Word-mall innehåller och vad Yttra gör med den: sidhuvud, sidfot,
      fält som fylls i, formatmallar och var Yttras text hamnar.
  docgen schema
      Skriver ut JSON Schema för ärendefilen.

--today anger dagens datum (standard: datorns datum); det används för dokument utan eget datum.
--template MALL.dotx (till first, follow-up, cover, assessment och form) skriver dokumentet i
kommunens Word-mall (.dotx eller .docx): mallens sidhuvud, sidfot, marginaler och formatmallar,
och fälten {{diarienummer}}, {{datum}}, {{nämnd}}, {{rubrik}}, {{referens}}, {{handläggare}},
{{organisation}} och {{dokument}} ifyllda.";

/// A failure with its exit code.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: format!("{}\n\n{USAGE}", message.into()),
            code: 2,
        }
    }

    fn failed(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run(arguments: &[String]) -> Result<(), Failure> {
    let (command, rest) = arguments
        .split_first()
        .ok_or_else(|| Failure::usage("Ange ett kommando."))?;
    let options = Options::parse(rest)?;
    match command.as_str() {
        "validate" => validate_command(&options),
        "first" => document_command(&options, DocumentKind::FirstYttrande),
        "follow-up" => document_command(&options, DocumentKind::FollowUpYttrande),
        "cover" => {
            let kind = match options.yttrande.as_deref() {
                Some("first") => DocumentKind::CoverNote(Yttrande::First),
                Some("follow-up") => DocumentKind::CoverNote(Yttrande::FollowUp),
                Some(other) => {
                    return Err(Failure::usage(format!(
                        "--yttrande ska vara first eller follow-up, inte «{other}»."
                    )))
                }
                None => {
                    return Err(Failure::usage(
                        "Ange vilket yttrande tjänsteskrivelsen gäller: --yttrande first eller --yttrande follow-up.",
                    ))
                }
            };
            document_command(&options, kind)
        }
        "calendar" => calendar_command(&options),
        "assessment" => assessment_command(&options),
        "overview" => overview_command(&options),
        "form" => form_command(&options),
        "extract" => extract_command(&options),
        "template" => template_command(&options),
        "framework" => framework_command(&options),
        "import" => import_command(&options),
        "schema" => {
            print!("{}", schemas::json_schema::case_json_schema());
            Ok(())
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::usage(format!("Okänt kommando «{other}»."))),
    }
}

/// The parsed arguments after the command.
#[derive(Default)]
struct Options {
    input: Option<PathBuf>,
    board: Option<String>,
    yttrande: Option<String>,
    assessment: Option<String>,
    compare: Option<String>,
    without_unanswered: bool,
    xlsx: bool,
    out: Option<PathBuf>,
    today: Option<Date>,
    adopt: bool,
    responsible: Option<String>,
    item: Option<String>,
    template: Option<PathBuf>,
    missiv: Option<PathBuf>,
}

impl Options {
    fn parse(arguments: &[String]) -> Result<Options, Failure> {
        let mut options = Options::default();
        let mut remaining = arguments.iter();
        while let Some(argument) = remaining.next() {
            let mut value = |flag: &str| {
                remaining
                    .next()
                    .cloned()
                    .ok_or_else(|| Failure::usage(format!("{flag} behöver ett värde.")))
            };
            match argument.as_str() {
                "--board" => options.board = Some(value("--board")?),
                "--yttrande" => options.yttrande = Some(value("--yttrande")?),
                "--assessment" => options.assessment = Some(value("--assessment")?),
                "--compare" => options.compare = Some(value("--compare")?),
                "--out" => options.out = Some(PathBuf::from(value("--out")?)),
                "--adopt" => options.adopt = true,
                "--without-unanswered" => options.without_unanswered = true,
                "--xlsx" => options.xlsx = true,
                "--responsible" => options.responsible = Some(value("--responsible")?),
                "--item" => options.item = Some(value("--item")?),
                "--template" => options.template = Some(PathBuf::from(value("--template")?)),
                "--missiv" => options.missiv = Some(PathBuf::from(value("--missiv")?)),
                "--today" => {
                    let text = value("--today")?;
                    let date = Date::parse(&text).ok_or_else(|| {
                        Failure::usage(format!("«{text}» är inget giltigt datum (ÅÅÅÅ-MM-DD)."))
                    })?;
                    options.today = Some(date);
                }
                flag if flag.starts_with("--") => {
                    return Err(Failure::usage(format!("Okänd flagga «{flag}».")))
                }
                path if options.input.is_none() => options.input = Some(PathBuf::from(path)),
                extra => return Err(Failure::usage(format!("Oväntat argument «{extra}»."))),
            }
        }
        Ok(options)
    }

    fn input(&self) -> Result<&Path, Failure> {
        self.input
            .as_deref()
            .ok_or_else(|| Failure::usage("Ange vilken fil som ska läsas."))
    }

    fn today(&self) -> Date {
        self.today.unwrap_or_else(today_from_clock)
    }
}

fn today_from_clock() -> Date {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() / 86_400)
        .unwrap_or(0);
    // A clock outside the years a Date holds (1900–2999) falls back to 1970-01-01.
    i64::try_from(days)
        .ok()
        .and_then(Date::from_unix_days)
        .or_else(|| Date::from_ymd(1970, 1, 1))
        .expect("1970-01-01 is a valid date")
}

fn validate_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let case = read_case(path)?;
    let findings = validate(&case, options.today());
    print_findings(&findings);
    let errors = count(&findings, Severity::Error);
    let warnings = count(&findings, Severity::Warning);
    println!("{}: {errors} fel, {warnings} varningar.", path.display());
    if errors > 0 {
        return Err(Failure::failed(
            "Ärendet har fel som måste rättas innan yttrandet skickas.",
        ));
    }
    Ok(())
}

fn document_command(options: &Options, kind: DocumentKind) -> Result<(), Failure> {
    let path = options.input()?;
    let board = options
        .board
        .as_deref()
        .ok_or_else(|| Failure::usage("Ange nämnd med --board (t.ex. --board ks)."))?;
    let case = read_case(path)?;
    let today = options.today();
    let output = make(options, &case, &Request::document(board, kind), today)?;
    let out = save(options, &output)?;
    println!("Skrev {} ({} kB).", out.display(), kilobytes(&output));
    warn_about_board_errors(&case, board, today);
    Ok(())
}

fn form_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let board = options
        .board
        .clone()
        .ok_or_else(|| Failure::usage("Ange nämnd med --board (t.ex. --board ks)."))?;
    let request =
        match (&options.item, &options.responsible) {
            (Some(item), None) => Request::AnswerForm {
                board,
                item: item.parse().map_err(Failure::usage)?,
            },
            (None, Some(responsible)) => Request::OutcomeForm {
                board,
                responsible: responsible.clone(),
            },
            _ => return Err(Failure::usage(
                "Ange --item (t.ex. --item R2) för ett underlag till det första yttrandet, eller \
                 --responsible (t.ex. --responsible Säkerhetschef) för ett underlag till \
                 uppföljningen.",
            )),
        };
    let case = read_case(path)?;
    let output = make(options, &case, &request, options.today())?;
    let out = save(options, &output)?;
    println!("Skrev {} ({} kB).", out.display(), kilobytes(&output));
    Ok(())
}

fn assessment_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let assessment = options.assessment.clone().ok_or_else(|| {
        Failure::usage("Ange självskattning med --assessment (t.ex. --assessment S1).")
    })?;
    let case = read_case(path)?;
    let request = if options.xlsx {
        Request::AssessmentWorkbook { assessment }
    } else {
        Request::AssessmentReport {
            assessment,
            compare_with: options.compare.clone(),
            leave_out_unanswered: options.without_unanswered,
        }
    };
    let output = make(options, &case, &request, options.today())?;
    let out = save(options, &output)?;
    println!("Skrev {} ({} kB).", out.display(), kilobytes(&output));
    Ok(())
}

fn import_command(options: &Options) -> Result<(), Failure> {
    let mut sources = vec![read_report_source(options.input()?)?];
    if let Some(missiv) = &options.missiv {
        // The missiv first: it says most plainly what each board must do.
        sources.insert(0, read_report_source(missiv)?);
    }
    let proposal = schemas::report_import::recognise(&sources);
    if let Some(reason) = &proposal.refused {
        return Err(Failure::failed(format!("{reason} Ingenting skrevs.")));
    }
    if proposal.is_empty() {
        return Err(Failure::failed(
            "Filen ser inte ut som en granskningsrapport eller ett missiv: ingen rubrik, inga rekommendationer och inga nämnder hittades. Ingenting skrevs.",
        ));
    }
    println!("Hittat:");
    for line in proposal.found_sv() {
        println!("  {line}");
    }
    let missing = proposal.missing_sv();
    if !missing.is_empty() {
        println!("Hittades inte (fyll i själv):");
        for what in missing {
            println!("  {what}");
        }
    }
    for warning in &proposal.warnings {
        println!("Varning! {warning}");
    }
    for note in &proposal.notes {
        println!("Obs! {note}");
    }
    let case = proposal.to_case();
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("ärende-förslag.json"));
    write_file(&out, save_case(&case).as_bytes())?;
    println!(
        "Skrev {} ({} nämnder, {} rekommendationer, {} revisionsfrågor). Kontrollera förslaget mot rapporten.",
        out.display(),
        case.boards.len(),
        case.audit.recommendations.len(),
        case.audit.questions.len()
    );
    Ok(())
}

/// A report or missiv as text: a PDF, a Word document, or plain text (copied from a PDF).
fn read_report_source(path: &Path) -> Result<schemas::report_import::SourceText, Failure> {
    let limit = schemas::report_import::MAX_REPORT_FILE_BYTES as u64;
    let bytes = read_bounded(path, limit)?;
    let name = path
        .file_name()
        .map_or(String::new(), |name| name.to_string_lossy().into_owned());
    let failed = |message: String| Failure::failed(format!("{}: {message}", path.display()));
    use schemas::report_import::{report_format, ReportFormat, SourceText};
    match report_format(&bytes).map_err(failed)? {
        ReportFormat::Pdf => docgen::report_text::pdf_source(&bytes, &name).map_err(failed),
        ReportFormat::Docx => docgen::report_text::docx_source(&bytes, &name).map_err(failed),
        ReportFormat::Text => Ok(SourceText::single_page(
            &name,
            &String::from_utf8_lossy(&bytes),
        )),
    }
}

fn overview_command(options: &Options) -> Result<(), Failure> {
    let case = read_case(options.input()?)?;
    if case.self_assessments.is_empty() {
        return Err(Failure::failed(
            "Ärendet har inga självskattningar att göra en översikt av.",
        ));
    }
    let output = make(options, &case, &Request::OverviewWorkbook, options.today())?;
    let out = save(options, &output)?;
    println!("Skrev {} ({} kB).", out.display(), kilobytes(&output));
    Ok(())
}

fn calendar_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let case = read_case(path)?;
    let output = make(options, &case, &Request::Calendar, options.today())?;
    let out = save(options, &output)?;
    let events = String::from_utf8_lossy(&output.bytes)
        .matches("BEGIN:VEVENT")
        .count();
    println!("Skrev {} ({events} händelser).", out.display());
    Ok(())
}

/// The file a request asks for, made by docgen's one entry, in the template of `--template`
/// when given.
fn make(options: &Options, case: &Case, request: &Request, today: Date) -> Result<Output, Failure> {
    let template = options.template.as_deref().map(read_template).transpose()?;
    docgen::make_in(case, request, today, template.as_ref())
        .map_err(|error| Failure::failed(error.to_string()))
}

fn read_template(path: &Path) -> Result<Template, Failure> {
    let bytes = read_bounded(path, MAX_TEMPLATE_BYTES as u64 + 1)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    Template::read(&bytes, &name)
        .map_err(|error| Failure::failed(format!("{}: {error}", path.display())))
}

/// `docgen framework`: a guideline read as the app reads it, with every warning.
fn framework_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let bytes = read_bounded(path, MAX_FRAMEWORK_FILE_BYTES as u64)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = read_framework_file(&name, &bytes)
        .map_err(|error| Failure::failed(format!("{}: {error}", path.display())))?;
    let framework = &imported.framework;
    let chapters = imported.chapters();
    println!(
        "{}: {} krav i {} kapitel.",
        framework.title,
        framework.requirement_count(),
        chapters.len()
    );
    for (title, count) in &chapters {
        println!("  {title}: {count}");
    }
    for warning in &imported.warnings {
        println!("Varning: {warning}");
    }
    if imported.warnings.is_empty() {
        println!("Inget behövde gissas: varje rad och kolumn lästes in.");
    }
    if let Some(out) = &options.out {
        let json = serde_json::to_string_pretty(framework)
            .map_err(|error| Failure::failed(format!("Ramverket kunde inte skrivas: {error}")))?;
        write_file(out, json.as_bytes())?;
        println!("Skrev {}.", out.display());
    }
    Ok(())
}

/// `docgen template`: what the settings page shows of a template.
fn template_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let summary = read_template(path)?.summary();
    let page = summary.page;
    println!(
        "Sida: {} × {} mm, marginaler {} / {} / {} / {} mm (över, höger, under, vänster).",
        page.width_mm, page.height_mm, page.top_mm, page.right_mm, page.bottom_mm, page.left_mm
    );
    for (what, parts) in [("Sidhuvud", &summary.headers), ("Sidfot", &summary.footers)] {
        for part in parts {
            let pictures = match part.images {
                0 => String::new(),
                1 => ", 1 bild".to_string(),
                n => format!(", {n} bilder"),
            };
            println!(
                "{what} ({}{pictures}): {}",
                part.pages,
                part.lines.join(" | ")
            );
        }
    }
    if let Some(placement) = summary.placement {
        println!("{}", placement.describe_sv());
    }
    let fields: Vec<String> = summary
        .fields
        .iter()
        .map(|key| format!("{{{{{key}}}}}"))
        .collect();
    println!(
        "Fält som fylls i: {}",
        if fields.is_empty() {
            "inga".to_string()
        } else {
            fields.join(", ")
        }
    );
    for unknown in &summary.unknown {
        println!("Okänt fält {unknown} lämnas som det står.");
    }
    for style in &summary.styles {
        println!(
            "{}: {}",
            style.role,
            style
                .template_style
                .as_deref()
                .unwrap_or("Yttras egen formatmall")
        );
    }
    for note in &summary.notes {
        println!("Obs: {note}");
    }
    Ok(())
}

/// Writes a made file to `--out`, or under its own name in the current folder.
fn save(options: &Options, output: &Output) -> Result<PathBuf, Failure> {
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(&output.file_name));
    write_file(&out, &output.bytes)?;
    Ok(out)
}

fn kilobytes(output: &Output) -> usize {
    output.bytes.len().div_ceil(1024)
}

/// A draft may be written with open errors, but the user is told which.
fn warn_about_board_errors(case: &Case, board_id: &str, today: Date) {
    let index = case.responses.iter().position(|r| r.board == board_id);
    // Errors of the case as a whole, and of this board's own response, not of other boards'.
    let errors: Vec<Finding> = validate(case, today)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| f.location.response().is_none_or(|at| Some(at) == index))
        .collect();
    if !errors.is_empty() {
        eprintln!(
            "Obs! Ärendet har {} fel; dokumentet är ett utkast tills de är rättade:",
            errors.len()
        );
        print_findings(&errors);
    }
}

fn extract_command(options: &Options) -> Result<(), Failure> {
    let path = options.input()?;
    let bytes = read_bounded(path, docgen::MAX_DOCX_BYTES)?;
    let read = docgen::read_back::read_back(&bytes)
        .map_err(|error| Failure::failed(format!("{}: {error}", path.display())))?;
    report_differences(&read, options.out.is_some());
    let case = if options.adopt {
        adopted_case(&read)?
    } else {
        read.extracted.case
    };
    let json = save_case(&case);
    match &options.out {
        Some(out) => {
            write_file(out, json.as_bytes())?;
            println!("Skrev {}.", out.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(json.as_bytes())
                .map_err(|e| Failure::failed(format!("Kunde inte skriva ut ärendet: {e}")))?;
        }
    }
    Ok(())
}

/// Every field edited in Word, and text typed outside the fields, on standard output when the
/// case goes to a file, else on standard error (so that the case JSON stays alone on stdout).
fn report_differences(read: &docgen::read_back::ReadBack, to_stdout: bool) {
    let mut lines: Vec<String> = read
        .differences
        .iter()
        .map(|difference| format!("{} [{}]", difference.describe_sv(), difference.field()))
        .collect();
    lines.extend(
        read.outside
            .iter()
            .map(|text| format!("Text utanför fälten läses inte in: «{text}»")),
    );
    if lines.is_empty() {
        return;
    }
    let heading = "Dokumentet skiljer sig från ärendet det bär med sig:";
    if to_stdout {
        println!("{heading}\n{}", lines.join("\n"));
    } else {
        eprintln!("{heading}\n{}", lines.join("\n"));
    }
}

/// The embedded case with every field edited in Word taken from the document. Fields edited
/// differently in two places, or that cannot be read, are named and nothing is written.
fn adopted_case(read: &docgen::read_back::ReadBack) -> Result<Case, Failure> {
    use docgen::read_back::{adopt, document_versions, Difference};
    let undecided: Vec<String> = read
        .differences
        .iter()
        .filter(|d| {
            matches!(
                d,
                Difference::Conflicting { .. } | Difference::Unreadable { .. }
            )
        })
        .map(Difference::describe_sv)
        .collect();
    if !undecided.is_empty() {
        return Err(Failure::failed(format!(
            "Dokumentets texter togs inte in; de här fälten måste avgöras först:\n{}",
            undecided.join("\n")
        )));
    }
    let Some(board) = docgen::read_back::answering_board(&read.extracted) else {
        return Ok(read.extracted.case.clone());
    };
    let mut case = read.extracted.case.clone();
    for difference in &read.differences {
        if let Difference::NewMeasure { field, texts } = difference {
            schemas::fields::adopt_new_measure(&mut case, &board, field, texts)
                .map_err(Failure::failed)?;
        }
    }
    adopt(&case, &board, &document_versions(&read.differences))
        .map_err(|refused| Failure::failed(refused.join("\n")))
}

fn read_case(path: &Path) -> Result<Case, Failure> {
    // usize to u64 is lossless on every target Rust supports.
    let bytes = read_bounded(path, MAX_CASE_BYTES as u64)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::failed(format!(
            "{}: filen är inte text i UTF-8 och kan inte vara ett ärende.",
            path.display()
        ))
    })?;
    load_case(&text).map_err(|error| Failure::failed(format!("{}: {error}", path.display())))
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Failure> {
    let size = std::fs::metadata(path)
        .map_err(|e| {
            Failure::failed(format!(
                "{}: filen kan inte läsas ({}).",
                path.display(),
                io_reason(&e)
            ))
        })?
        .len();
    if size > limit {
        return Err(Failure::failed(format!(
            "{}: filen är för stor ({} MB); högst {} MB läses.",
            path.display(),
            size.div_ceil(1024 * 1024),
            limit / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(|e| {
        Failure::failed(format!(
            "{}: filen kan inte läsas ({}).",
            path.display(),
            io_reason(&e)
        ))
    })
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| {
        Failure::failed(format!(
            "{}: filen kan inte skrivas ({}).",
            path.display(),
            io_reason(&e)
        ))
    })
}

fn io_reason(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "den finns inte",
        std::io::ErrorKind::PermissionDenied => "behörighet saknas",
        std::io::ErrorKind::IsADirectory => "det är en mapp",
        _ => "okänt fel",
    }
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

fn print_findings(findings: &[Finding]) {
    for finding in findings {
        println!("{finding}");
    }
}
