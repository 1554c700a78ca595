//! The file picker that reads a missiv and report (PDF, Word or text, one or several files)
//! into the report import: for a new case, or for the case `into_case`. The same field on the
//! start page, the case page and the proposal page.

use yew::prelude::*;

use crate::platform::{browser, generator, pdf};

#[derive(Properties, PartialEq)]
pub struct ReportFilesProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The case the files are read for; `None`: a new case.
    #[prop_or_default]
    pub into_case: Option<String>,
    pub on_files: Callback<(Vec<web_sys::File>, Option<String>)>,
}

#[function_component(ReportFiles)]
pub fn report_files(props: &ReportFilesProps) -> Html {
    let onchange = {
        let (on_files, into_case) = (props.on_files.clone(), props.into_case.clone());
        Callback::from(move |event: Event| {
            let files = browser::take_picked_files(&event);
            if !files.is_empty() {
                on_files.emit((files, into_case.clone()));
            }
        })
    };
    // The readers load while the user chooses files in the dialog, or drags them over the
    // field (seconds), not after.
    let prepare = || {
        pdf::prepare();
        generator::prepare();
    };
    let onfocus = Callback::from(move |_: FocusEvent| prepare());
    let ondragenter = Callback::from(move |_: DragEvent| prepare());
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <p class="hint" id={hint_id.clone()}>{ &props.hint }</p>
            // .doc, .odt and .rtf are offered too: Yttra cannot read them, and says so and what
            // to do, rather than hiding them from the picker.
            <input id={props.id.clone()} type="file" multiple=true accept=".pdf,.docx,.txt,.doc,.odt,.rtf" {onchange} {onfocus} {ondragenter}
                aria-describedby={hint_id} />
        </div>
    }
}
