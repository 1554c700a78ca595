//! The `docgen` binary, run as a user or a script would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::repo_root;

fn docgen(arguments: &[&str], directory: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docgen"))
        .args(arguments)
        .current_dir(directory)
        .output()
        .expect("docgen runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh, empty folder for one test.
fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "yttra-cli-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).expect("scratch folder");
    path
}

fn example(name: &str) -> String {
    repo_root()
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn validate_reports_a_clean_example() {
    let output = docgen(
        &[
            "validate",
            &example("it-sakerhet-tva-namnder.json"),
            "--today",
            "2025-03-01",
        ],
        &scratch(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).ends_with("0 fel, 0 varningar.\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn validate_fails_with_every_finding_listed() {
    let folder = scratch();
    let mut case = schemas::load_case(
        &std::fs::read_to_string(example("informationssakerhet-delvis.json")).expect("read"),
    )
    .expect("loads");
    case.responses[0].first.summary.clear();
    case.responses[0].first.measures[0].done_by = None;
    std::fs::write(folder.join("case.json"), schemas::save_case(&case)).expect("write");
    let output = docgen(&["validate", "case.json", "--today", "2025-03-01"], &folder);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    assert!(
        printed.contains("Fel: responses[0].first.summary: Skriv ett sammanfattande svar"),
        "{printed}"
    );
    assert!(
        printed.contains("Fel: responses[0].first.measures[0].done_by:"),
        "{printed}"
    );
    assert!(printed.contains("2 fel"), "{printed}");
}

#[test]
fn first_writes_a_named_document_that_extract_reads_back() {
    let folder = scratch();
    let output = docgen(
        &[
            "first",
            &example("it-sakerhet-tva-namnder.json"),
            "--board",
            "ks",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let name = "SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx";
    assert!(folder.join(name).is_file(), "{}", stdout(&output));

    let output = docgen(&["extract", name, "--out", "back.json"], &folder);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let original = std::fs::read_to_string(example("it-sakerhet-tva-namnder.json")).expect("read");
    let request = schemas::documents::Request::document("ks", docgen::DocumentKind::FirstYttrande);
    let cut = schemas::disclosure::embedded_case(
        &schemas::load_case(&original).expect("loads"),
        &request,
    );
    let expected = schemas::save_case(&cut.expect("fits").expect("a document"));
    assert_eq!(
        std::fs::read_to_string(folder.join("back.json")).expect("written"),
        expected
    );
}

#[test]
fn extract_prints_to_stdout_without_out() {
    let folder = scratch();
    docgen(
        &[
            "first",
            &example("informationssakerhet-delvis.json"),
            "--board",
            "ks",
            "--out",
            "y.docx",
        ],
        &folder,
    );
    let output = docgen(&["extract", "y.docx"], &folder);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("{\n  \"format\": \"yttra-case\""));
}

#[test]
fn broken_json_names_line_and_column() {
    let folder = scratch();
    std::fs::write(
        folder.join("broken.json"),
        "{\n  \"format\": \"yttra-case\",\n  ]\n}",
    )
    .expect("write");
    let output = docgen(&["validate", "broken.json"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "broken.json: Filen är inte giltig JSON: tecknen går inte att tolka (rad 3, kolumn 3).\n"
    );
}

#[test]
fn a_newer_format_version_is_refused() {
    let folder = scratch();
    let newer = schemas::FORMAT_VERSION + 1;
    std::fs::write(
        folder.join("new.json"),
        format!(r#"{{"format":"yttra-case","format_version":{newer}}}"#),
    )
    .expect("write");
    let output = docgen(&["first", "new.json", "--board", "ks"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("nyare version av Yttra (formatversion {newer})")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extract_explains_foreign_and_non_zip_files() {
    let folder = scratch();
    std::fs::write(folder.join("text.docx"), "not a zip").expect("write");
    let output = docgen(&["extract", "text.docx"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("går inte att öppna som ett zip-arkiv"));

    let output = docgen(&["extract", "missing.docx"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("den finns inte"));
}

#[test]
fn an_oversized_file_is_refused_before_reading() {
    let folder = scratch();
    let file = std::fs::File::create(folder.join("huge.docx")).expect("create");
    file.set_len(docgen::MAX_DOCX_BYTES + 1)
        .expect("sparse file");
    let output = docgen(&["extract", "huge.docx"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("filen är för stor (51 MB)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let folder = scratch();
    for arguments in [
        &[][..],
        &["first", "x.json"],
        &["frobnicate"],
        &["validate", "--today", "2025-02-30"],
        &["validate", "a", "b"],
    ] {
        let output = docgen(arguments, &folder);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        assert!(stderr(&output).contains("Användning:"), "{arguments:?}");
    }
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = docgen(&["schema"], &scratch());
    let committed =
        std::fs::read_to_string(repo_root().join("schemas/case.schema.json")).expect("read");
    assert_eq!(stdout(&output), committed);
}

#[test]
fn follow_up_and_tjansteskrivelse_are_written_with_default_names() {
    let folder = scratch();
    let case = example("it-sakerhet-uppfoljning.json");
    let output = docgen(
        &["follow-up", &case, "--board", "sn", "--today", "2026-11-23"],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let name = "SR-2025-17-Servicenämnden-uppföljande-yttrande-2026-01-27.docx";
    assert!(
        stdout(&output).starts_with(&format!("Skrev {name}")),
        "{}",
        stdout(&output)
    );
    assert_eq!(stderr(&output), "", "sn's follow-up has no errors");
    let bytes = std::fs::read(folder.join(name)).expect("written");
    let text = crate::support::read_part(&bytes, "word/document.xml").expect("document part");
    assert!(text.contains("Sammanställning"));

    let output = docgen(
        &[
            "cover",
            &case,
            "--board",
            "sn",
            "--yttrande",
            "follow-up",
            "--today",
            "2026-11-23",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(folder
        .join("SR-2025-17-Servicenämnden-tjänsteskrivelse-uppföljande-yttrande-2026-01-12.docx")
        .exists());

    let output = docgen(
        &[
            "cover",
            &case,
            "--board",
            "ks",
            "--yttrande",
            "first",
            "--out",
            "ks.docx",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(folder.join("ks.docx").exists());
}

#[test]
fn a_follow_up_draft_is_written_and_its_open_errors_listed() {
    let folder = scratch();
    let case = example("it-sakerhet-uppfoljning.json");
    let output = docgen(
        &[
            "follow-up",
            &case,
            "--board",
            "ks",
            "--out",
            "ks.docx",
            "--today",
            "2026-02-02",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let warned = stderr(&output);
    assert!(warned.contains("dokumentet är ett utkast"), "{warned}");
    let listed = stdout(&output);
    assert!(
        listed.contains("outcomes[A3].status: Åtgärd A3: ange status"),
        "{listed}"
    );
}

#[test]
fn follow_up_commands_refuse_what_cannot_be_made() {
    let folder = scratch();
    let first_only = example("it-sakerhet-tva-namnder.json");
    let output = docgen(&["follow-up", &first_only, "--board", "ks"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "Kommunstyrelsen har inte påbörjat sitt uppföljande yttrande.\n"
    );
    let output = docgen(&["cover", &first_only, "--board", "ks"], &folder);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("Ange vilket yttrande tjänsteskrivelsen gäller"));
    let output = docgen(
        &["cover", &first_only, "--board", "ks", "--yttrande", "andra"],
        &folder,
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_calendar_is_written_for_outlook() {
    let folder = scratch();
    let output = docgen(
        &[
            "calendar",
            &example("it-sakerhet-tva-namnder.json"),
            "--today",
            "2026-11-23",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Skrev SR-2025-17-tidplan.ics (12 händelser).\n"
    );
    let ics = std::fs::read_to_string(folder.join("SR-2025-17-tidplan.ics")).expect("written");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn a_self_assessment_report_is_written_with_its_comparison() {
    let folder = scratch();
    let case = example("it-sakerhet-uppfoljning.json");
    let output = docgen(
        &[
            "assessment",
            &case,
            "--assessment",
            "S2",
            "--compare",
            "S1",
            "--today",
            "2026-11-23",
        ],
        &folder,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let name = "SR-2025-17-Servicenämnden-självskattning-S2-2026-11-23.docx";
    let bytes = std::fs::read(folder.join(name)).expect("written");
    let text = crate::support::read_part(&bytes, "word/document.xml").expect("document part");
    assert!(text.contains("Förändring sedan föregående skattning"));
    let output = docgen(&["assessment", &case, "--assessment", "S9"], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "Självskattning S9 finns inte.\n");
}

#[test]
fn framework_prints_chapters_and_every_warning_and_writes_the_framework() {
    let dir = scratch();
    std::fs::write(
        dir.join("riktlinje.csv"),
        "Område;Id;Text;Ansvarig\nA;1;\"Ett med citat;alla\nA;2;Två;chefer\nA;3;Tre\";alla\nB;4;Fyra;alla\n",
    )
    .expect("write");
    let output = docgen(
        &["framework", "riktlinje.csv", "--out", "ramverk.json"],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.starts_with("riktlinje: 2 krav i 2 kapitel.\n  A: 1\n  B: 1\n"),
        "{printed}"
    );
    assert!(
        printed.contains("Varning: Rad 1: kolumnen «Ansvarig» läses inte in."),
        "{printed}"
    );
    assert!(
        printed.contains("Varning: Rad 2: rad 2 och 3 ser ut att ha slagits ihop"),
        "{printed}"
    );
    let written = std::fs::read_to_string(dir.join("ramverk.json")).expect("written");
    let framework = schemas::framework_import::load_framework(&written).expect("a framework");
    assert_eq!(framework.requirement_count(), 2);

    std::fs::write(dir.join("trasig.csv"), "Område;Id;Text\nA;1;Ett\nA;1;Två\n").expect("write");
    let output = docgen(&["framework", "trasig.csv"], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim(),
        "trasig.csv: Rad 3: id «1» finns redan på en tidigare rad."
    );
}
