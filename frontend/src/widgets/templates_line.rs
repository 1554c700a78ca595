//! Which of the municipality's Word templates the documents are written in, with the way to
//! the templates page; on the start page and beside the case's downloads.

use app_core::templates::StoredTemplate;
use yew::prelude::*;

/// Which templates the Word documents are written in, and the way to change them.
pub fn templates_line(templates: &[StoredTemplate], on_templates: &Callback<()>) -> Html {
    let text = match templates {
        [] => "Dokumenten får Yttras egen layout. Ladda upp kommunens Word-mall, så skrivs de med \
               kommunens sidhuvud, logotyp och formatmallar."
            .to_string(),
        [only] => format!("Word-dokumenten skrivs i mallen {}.", only.file_name),
        several => format!(
            "Word-dokumenten skrivs i kommunens mallar ({} st): {}.",
            several.len(),
            several
                .iter()
                .map(|template| format!(
                    "{} ({})",
                    template.file_name,
                    template.scope.describe_sv().to_lowercase()
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    html! {
        <div class="templates-line">
            <p>{ text }</p>
            <button type="button" class="secondary" onclick={on_templates.reform(|_| ())}>
                { if templates.is_empty() { "Ladda upp en dokumentmall" } else { "Dokumentmallar" } }
            </button>
        </div>
    }
}
