//! The report import's side in the browser: the files the user picks (a PDF read by pdf.js, a
//! Word document by the generator, text as it is) or text pasted become the sources the core
//! recognises; an accepted proposal becomes a new case. Nothing is stored until then.

use app_core::app_state::{none_read_sv, Action, OpenCase, OpenEvent, ReportAction, View};
use app_core::library::with_identity;
use schemas::report_import::{report_format, ReportFormat, SourceText, MAX_REPORT_FILE_BYTES};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::State;
use crate::pages::report_import::unfinished_field;
use crate::platform::{browser, generator, pdf};

/// Reads the picked files (report, missiv, in any order) for a new case (`None`) or the open
/// case; one that cannot be read is named, and nothing changes.
pub fn read_report_files(state: &State) -> Callback<(Vec<web_sys::File>, Option<String>)> {
    let state = state.clone();
    Callback::from(
        move |(files, into_case): (Vec<web_sys::File>, Option<String>)| {
            let state = state.clone();
            // Recognition needs the generator: it loads while the files are read.
            generator::prepare();
            spawn_local(async move {
                // The files are read at once (pdf.js parses one while the other's lines are
                // joined). One that cannot be read is named; the others are read all the same.
                let read = futures::future::join_all(files.iter().map(source_of)).await;
                let mut sources = Vec::new();
                let mut unread = Vec::new();
                for (file, source) in files.iter().zip(read) {
                    match source {
                        Ok(source) => sources.push(source),
                        Err(message) => unread.push(format!("«{}»: {message}", file.name())),
                    }
                }
                if sources.is_empty() {
                    if !unread.is_empty() {
                        let said = none_read_sv(&unread);
                        state.dispatch(Action::Report(ReportAction::Failed(said)));
                    }
                    return;
                }
                read_sources(&state, sources, into_case, unread).await;
            });
        },
    )
}

/// Text pasted from a report whose PDF cannot be read goes through the same recognition.
pub fn read_report_text(state: &State) -> Callback<(String, Option<String>)> {
    let state = state.clone();
    Callback::from(move |(text, into_case): (String, Option<String>)| {
        let state = state.clone();
        let source = SourceText::single_page("inklistrad text", &text);
        spawn_local(async move { read_sources(&state, vec![source], into_case, Vec::new()).await });
    })
}

/// Recognises the sources and shows the proposal; files added to an open proposal for the
/// same case fill it in without undoing the user's corrections. `unread` names the files
/// picked with them that could not be read.
async fn read_sources(
    state: &State,
    sources: Vec<SourceText>,
    into_case: Option<String>,
    unread: Vec<String>,
) {
    let adding = state
        .report_draft
        .as_ref()
        .is_some_and(|draft| draft.into_case == into_case && state.view == View::ReportImport);
    let action = match generator::recognise_report(&sources).await {
        Ok(proposal) if adding => ReportAction::More {
            sources,
            proposal: Box::new(proposal),
            unread,
        },
        Ok(proposal) => ReportAction::Read {
            sources,
            proposal: Box::new(proposal),
            into_case,
            unread,
        },
        Err(message) => ReportAction::Failed(message),
    };
    state.dispatch(Action::Report(action));
}

/// The accepted proposal as a new case, opened (and stored by the app as any new case).
pub fn create_case_from_report(state: &State) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_| {
        let Some(draft) = state.report_draft.as_ref() else {
            return;
        };
        if let Some((at, reason)) = draft.proposal.unfinished_at() {
            state.dispatch(Action::Notify(app_core::app_state::Notice::Error(reason)));
            // To the place to mend, so the user need not look for it.
            state.dispatch(Action::GoTo {
                view: View::ReportImport,
                field: unfinished_field(at),
            });
            return;
        }
        let case = with_identity(draft.proposal.to_case(), browser::new_case_id);
        let open = OpenCase::new(case.id.clone(), case, 0, false);
        state.dispatch(Action::Report(ReportAction::Done));
        state.dispatch(Action::Open(OpenEvent::Opened(Box::new(open))));
        state.dispatch(Action::Notify(app_core::app_state::Notice::Info(
            "Ärendet är skapat från rapporten. Kontrollera uppgifterna här och svara sedan för varje nämnd."
                .to_string(),
        )));
    })
}

async fn source_of(file: &web_sys::File) -> Result<SourceText, String> {
    let size = file.size() as usize;
    if size > MAX_REPORT_FILE_BYTES {
        return Err(format!(
            "filen är för stor ({} MB); Yttra läser rapporter på högst {} MB.",
            size.div_ceil(1024 * 1024),
            MAX_REPORT_FILE_BYTES / (1024 * 1024)
        ));
    }
    let name = file.name();
    let bytes = browser::read_file(file).await?;
    match report_format(&bytes)? {
        ReportFormat::Pdf => pdf::read_pdf(&bytes, &name).await,
        ReportFormat::Docx => generator::read_report_docx(&bytes, &name).await,
        ReportFormat::Text => Ok(SourceText::single_page(
            &name,
            &String::from_utf8_lossy(&bytes),
        )),
    }
}
