//! Dokumentmallar: the municipality's Word templates. Upload one (or several: for a board or a
//! kind of document), see what it holds and what Yttra will do with it (its first page as text,
//! header and footer, fields, styles), change what it is used for, replace it or remove it.

use app_core::app_state::{Action, TemplateEvent};
use app_core::templates::{shadowed_by, unknown_board, StoredTemplate};
use schemas::template::{DocumentGroup, PartText, TemplateScope, TemplateSummary, TEMPLATE_FIELDS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TemplatesPageProps {
    pub templates: Vec<StoredTemplate>,
    pub confirm_remove: Option<String>,
    /// Board names to suggest for a template's scope (the open case's and the saved cases').
    pub board_names: Vec<String>,
    /// A file picked as a new template, or (with an id) to replace that template.
    pub on_upload: Callback<(Option<String>, web_sys::File)>,
    pub on_scope: Callback<(String, TemplateScope)>,
    pub on_remove: Callback<String>,
    pub on_back: Callback<()>,
    /// "Tillbaka till ärendet" or "Tillbaka till startsidan".
    pub back_label: AttrValue,
    pub dispatch: Callback<Action>,
}

/// The file types the picker offers: the ones Yttra takes, and the ones it refuses with a
/// reason (a .doc or a macro template), so that a user who has only those hears why.
const ACCEPT: &str = ".dotx,.docx,.dot,.doc,.dotm,.docm";

#[function_component(TemplatesPage)]
pub fn templates_page(props: &TemplatesPageProps) -> Html {
    html! {
        <main id="main" class="wide">
            <p><button type="button" class="link" onclick={props.on_back.reform(|_| ())}>
                { format!("← {}", props.back_label) }
            </button></p>
            <h1 tabindex="-1">{ "Dokumentmallar" }</h1>
            <p class="lead">
                { "Ladda upp kommunens Word-mall, så skrivs yttranden, tjänsteskrivelser, underlag \
                   och självskattningsrapporter i den: med mallens sidhuvud och logotyp, sidfot, \
                   marginaler, typsnitt och formatmallar. Mallen sparas bara i den här webbläsaren." }
            </p>
            <section aria-labelledby="upload-heading">
                <h2 id="upload-heading">{ "Ladda upp en mall" }</h2>
                { file_field("template-file", "Word-mall (.dotx eller .docx)", None, &props.on_upload) }
            </section>
            <section aria-labelledby="stored-heading">
                <h2 id="stored-heading">{ "Sparade mallar" }</h2>
                if props.templates.is_empty() {
                    <p>{ "Ingen mall är uppladdad. Dokumenten får Yttras egen, enkla layout." }</p>
                }
                <datalist id="board-names">
                    { for props.board_names.iter().map(|name| html! { <option value={name.clone()} /> }) }
                </datalist>
                { for props.templates.iter().map(|template| template_card(template, props)) }
            </section>
            { fields_help() }
        </main>
    }
}

/// A file picker; picking a file hands it on (with the id of the template it replaces).
fn file_field(
    id: &str,
    label: &str,
    replaces: Option<String>,
    on_upload: &Callback<(Option<String>, web_sys::File)>,
) -> Html {
    let on_change = {
        let on_upload = on_upload.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_upload.emit((replaces.clone(), file));
            }
            // Cleared, so picking the same file again (after fixing it) is seen as a change.
            input.set_value("");
        })
    };
    let hint = format!("{id}-hint");
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            <p class="hint" id={hint.clone()}>
                { "Högst 10 MB. Mallar med makron (.dotm, .docm), äldre Word-filer (.doc) och \
                   lösenordsskyddade filer kan inte användas; Yttra säger varför." }
            </p>
            <input id={id.to_string()} type="file" accept={ACCEPT} onchange={on_change}
                aria-describedby={hint} />
        </div>
    }
}

fn template_card(template: &StoredTemplate, props: &TemplatesPageProps) -> Html {
    let id = template.id.clone();
    let heading = format!("template-{id}-heading");
    let uploaded = template
        .uploaded_at
        .get(..10)
        .unwrap_or(&template.uploaded_at);
    html! {
        <article class="template-card" key={id.clone()} aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ &template.file_name }</h3>
            <p class="hint">{ format!("Uppladdad {uploaded}, {}", template.size_sv()) }</p>
            { scope_fields(template, &props.on_scope) }
            <p class="template-use">{ format!("Används för: {}.", template.scope.describe_sv()) }</p>
            if let Some(later) = shadowed_by(&props.templates, template) {
                <p class="warning-text">{ format!(
                    "Används inte just nu: mallen {} används för samma dokument och är uppladdad \
                     senare. Ändra vad en av dem används för, eller ta bort den ena.",
                    later.file_name
                ) }</p>
            }
            if let Some(board) = unknown_board(template, &props.board_names) {
                <p class="warning-text">{ format!(
                    "Ingen nämnd i de sparade ärendena heter «{board}». Kontrollera stavningen; \
                     mallen används bara för en nämnd med exakt det namnet."
                ) }</p>
            }
            { summary_view(&template.summary) }
            <details class="replace">
                <summary>{ "Byt ut mallen mot en ny fil" }</summary>
                { file_field(&format!("replace-{id}"), "Ny version av mallen", Some(id.clone()), &props.on_upload) }
            </details>
            { remove_controls(template, props) }
        </article>
    }
}

/// What the template is used for: a kind of document (or all) and a board (or all).
fn scope_fields(template: &StoredTemplate, on_scope: &Callback<(String, TemplateScope)>) -> Html {
    let id = template.id.clone();
    let on_documents = {
        let (on_scope, id, scope) = (on_scope.clone(), id.clone(), template.scope.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let documents = DocumentGroup::from_key(&select.value());
            on_scope.emit((
                id.clone(),
                TemplateScope {
                    documents,
                    ..scope.clone()
                },
            ));
        })
    };
    let on_board = {
        let (on_scope, id, scope) = (on_scope.clone(), id.clone(), template.scope.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let name = input.value().trim().to_string();
            let board = (!name.is_empty()).then_some(name);
            if board != scope.board {
                on_scope.emit((
                    id.clone(),
                    TemplateScope {
                        board,
                        ..scope.clone()
                    },
                ));
            }
        })
    };
    let selected = template
        .scope
        .documents
        .map(DocumentGroup::key)
        .unwrap_or("all");
    html! {
        <div class="columns">
            <div class="field">
                <label for={format!("scope-documents-{id}")}>{ "Dokument" }</label>
                <select id={format!("scope-documents-{id}")} onchange={on_documents}>
                    <option value="all" selected={selected == "all"}>{ "Alla dokument" }</option>
                    { for DocumentGroup::ALL.iter().map(|group| html! {
                        <option value={group.key()} selected={selected == group.key()}>{ group.label_sv() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for={format!("scope-board-{id}")}>{ "Nämnd" }</label>
                <input id={format!("scope-board-{id}")} type="text" list="board-names"
                    placeholder="Alla nämnder"
                    value={template.scope.board.clone().unwrap_or_default()}
                    onchange={on_board} />
            </div>
        </div>
    }
}

fn remove_controls(template: &StoredTemplate, props: &TemplatesPageProps) -> Html {
    let id = template.id.clone();
    if props.confirm_remove.as_deref() == Some(id.as_str()) {
        return html! {
            <div class="confirm" role="group" aria-label="Bekräfta borttagning">
                <p>{ format!(
                    "Ta bort mallen {}? Dokument du redan har laddat ner påverkas inte.",
                    template.file_name
                ) }</p>
                <button type="button" class="danger" onclick={props.on_remove.reform(move |_| id.clone())}>
                    { "Ja, ta bort mallen" }
                </button>
                <button type="button" class="secondary"
                    onclick={props.dispatch.reform(|_| Action::Templates(TemplateEvent::CancelRemove))}>
                    { "Avbryt" }
                </button>
            </div>
        };
    }
    html! {
        <div class="actions">
            <button type="button" class="secondary"
                onclick={props.dispatch.reform(move |_| Action::Templates(TemplateEvent::AskRemove(id.clone())))}>
                { "Ta bort mallen" }
            </button>
        </div>
    }
}

/// The template as a page (its header, first lines and footer), then what Yttra does with it.
fn summary_view(summary: &TemplateSummary) -> Html {
    let page = summary.page;
    html! {
        <div class="template-summary">
            <div class="template-page" aria-label="Mallens första sida som text" role="group">
                { for summary.headers.iter().map(|part| part_view("Sidhuvud", part, "template-header")) }
                <div class="template-body">
                    if summary.body.is_empty() {
                        <p class="empty">{ "(ingen text)" }</p>
                    }
                    { for summary.body.iter().take(12).map(|line| html! { <p class={line_class(line)}>{ line }</p> }) }
                </div>
                { for summary.footers.iter().map(|part| part_view("Sidfot", part, "template-footer")) }
            </div>
            <dl class="template-facts">
                <dt>{ "Sida" }</dt>
                <dd>{ format!(
                    "{} × {} mm; marginaler {} mm över, {} mm under, {} mm vänster, {} mm höger.",
                    page.width_mm, page.height_mm, page.top_mm, page.bottom_mm, page.left_mm, page.right_mm
                ) }</dd>
                <dt>{ "Yttras text" }</dt>
                <dd>{ summary.placement.map(|placement| placement.describe_sv()).unwrap_or_default() }</dd>
                <dt>{ "Fält som fylls i" }</dt>
                <dd>{ if summary.fields.is_empty() {
                    "Inga. Skriv till exempel {{diarienummer}} och {{datum}} i mallen (se listan nedan).".to_string()
                } else {
                    summary.fields.iter().map(|key| format!("{{{{{key}}}}}")).collect::<Vec<_>>().join(", ")
                } }</dd>
                if !summary.unknown.is_empty() {
                    <dt>{ "Okända fält" }</dt>
                    <dd class="warning-text">{ format!(
                        "{} känns inte igen och lämnas som de står.",
                        summary.unknown.join(", ")
                    ) }</dd>
                }
                <dt>{ "Formatmallar" }</dt>
                <dd>
                    <ul class="plain-list">
                        { for summary.styles.iter().map(|style| html! {
                            <li>{ format!("{}: {}", style.role, style.template_style.clone().map(|id| format!("mallens {id}")).unwrap_or_else(|| "Yttras egen".to_string())) }</li>
                        }) }
                    </ul>
                </dd>
            </dl>
            if !summary.notes.is_empty() {
                <ul class="template-notes">
                    { for summary.notes.iter().map(|note| html! { <li>{ note }</li> }) }
                </ul>
            }
        </div>
    }
}

fn part_view(what: &str, part: &PartText, class: &'static str) -> Html {
    let pictures = match part.images {
        0 => String::new(),
        1 => ", 1 bild".to_string(),
        n => format!(", {n} bilder"),
    };
    html! {
        <div class={class}>
            <p class="part-label">{ format!("{what} ({}{pictures})", part.pages.to_lowercase()) }</p>
            if part.images > 0 {
                <span class="picture" aria-hidden="true">{ "Bild" }</span>
            }
            { for part.lines.iter().map(|line| html! { <p class={line_class(line)}>{ line }</p> }) }
        </div>
    }
}

/// Lines with a field or the marker stand out, so the user sees where Yttra writes.
fn line_class(line: &str) -> &'static str {
    if line.contains("{{") || line.trim().eq_ignore_ascii_case("[yttra]") {
        "field-line"
    } else {
        ""
    }
}

/// The fields Yttra fills and how a template marks where its text goes.
fn fields_help() -> Html {
    html! {
        <section aria-labelledby="fields-heading">
            <h2 id="fields-heading">{ "Fält som Yttra fyller i" }</h2>
            <p>
                { "Skriv fältet inom dubbla klammerparenteser i mallens text, sidhuvud eller sidfot, \
                   till exempel {{diarienummer}}. En innehållskontroll vars tagg eller rubrik är \
                   fältets namn fylls också i, liksom en anpassad dokumentegenskap med det namnet \
                   (så läser ärendesystem som Platina och Public 360 uppgifter ur dokumentet)." }
            </p>
            <table class="summary fields-table">
                <thead><tr><th scope="col">{ "Fält" }</th><th scope="col">{ "Yttra skriver" }</th></tr></thead>
                <tbody>
                    { for TEMPLATE_FIELDS.iter().map(|field| html! {
                        <tr><th scope="row"><code>{ format!("{{{{{}}}}}", field.key) }</code></th><td>{ field.description }</td></tr>
                    }) }
                </tbody>
            </table>
            <p>
                { "Var Yttras text hamnar: ett stycke med texten [Yttra], eller en innehållskontroll \
                   med taggen yttra, visar platsen, och mallens övriga text står kvar runt den. Utan \
                   en sådan plats ersätts mallens brödtext. Ett fält som Yttra inte känner till \
                   lämnas som det står." }
            </p>
        </section>
    }
}
