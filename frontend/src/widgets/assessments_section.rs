//! The case page's self-assessments: the ones made, and starting a new one against the built-in
//! framework, the audit's questions, or a guideline the user imports (CSV or JSON).

use app_core::app_state::{Action, FrameworkPreview, PreviewEdit, View, FRAMEWORK_PREVIEW_HEADING};
use app_core::framework_library;
use app_core::framework_preview::known_frameworks;
use schemas::framework::{built_in_lis, from_audit_questions};
use schemas::framework_import::Imported;
use schemas::wording::count_sv;
use schemas::{Case, Framework};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::fields::TextField;

#[derive(Properties, PartialEq)]
pub struct AssessmentsSectionProps {
    pub case: Shared<Case>,
    pub dispatch: Callback<Action>,
    /// A picked framework file, for the chosen board.
    pub on_import: Callback<(String, web_sys::File)>,
    /// A framework file read, to accept or cancel before the assessment starts.
    pub preview: Option<FrameworkPreview>,
    /// The frameworks kept in this browser, offered beside the built-in ones.
    pub frameworks: Vec<Framework>,
    /// Keeps the framework an assessment starts against; forgets one by its key.
    pub on_keep: Callback<Framework>,
    pub on_forget: Callback<String>,
}

#[function_component(AssessmentsSection)]
pub fn assessments_section(props: &AssessmentsSectionProps) -> Html {
    let case = &props.case;
    let board = use_state(|| {
        case.boards
            .first()
            .map(|b| b.id.clone())
            .unwrap_or_default()
    });
    let source = use_state(|| "lis".to_string());
    let keep_ratings = use_state(|| true);
    let chosen_board = if case.board(&board).is_some() {
        (*board).clone()
    } else {
        case.boards
            .first()
            .map(|b| b.id.clone())
            .unwrap_or_default()
    };
    let on_board = {
        let board = board.clone();
        Callback::from(move |event: Event| {
            board.set(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_source = {
        let source = source.clone();
        Callback::from(move |event: Event| {
            source.set(event.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_start = {
        let (dispatch, case, board, source) = (
            props.dispatch.clone(),
            case.clone(),
            chosen_board.clone(),
            (*source).clone(),
        );
        let kept = props.frameworks.clone();
        Callback::from(move |_| {
            // A kept framework is shown first, as an imported file is: it may be a new version
            // of one the board used, and next year's assessment may start from last year's.
            if let Some(framework) = source
                .strip_prefix(KEPT_PREFIX)
                .and_then(|key| kept.iter().find(|f| framework_library::key(f) == key))
            {
                dispatch.emit(Action::PreviewFramework(Box::new(FrameworkPreview::new(
                    board.clone(),
                    framework_library::label_sv(framework),
                    Imported {
                        framework: framework.clone(),
                        warnings: Vec::new(),
                    },
                    &case,
                ))));
                return;
            }
            let framework = if source == "questions" {
                from_audit_questions(&case)
            } else {
                built_in_lis()
            };
            let today = browser::today();
            dispatch.emit(Action::StartAssessment {
                board: board.clone(),
                title: format!("Självskattning {}", today.year()),
                framework: Box::new(framework),
                today,
            });
        })
    };
    let on_file = {
        let (on_import, board) = (props.on_import.clone(), chosen_board.clone());
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit((board.clone(), file));
            }
            input.set_value("");
        })
    };
    html! {
        <section aria-labelledby="assessments-heading">
            <h2 id="assessments-heading">{ "Självskattning" }</h2>
            <p class="hint">
                { "Skatta nämndens arbete fråga för fråga, gör om det nästa år och jämför. Låga betyg kan bli åtgärder i yttrandet." }
            </p>
            <ul class="documents">
                { for case.self_assessments.iter().map(|assessment| {
                    let id = assessment.id.clone();
                    let board = case.board(&assessment.board).map_or(assessment.board.as_str(), |b| b.name.as_str());
                    let title = if assessment.title.trim().is_empty() { assessment.id.clone() } else { assessment.title.clone() };
                    html! {
                        <li key={assessment.id.clone()}>
                            <button type="button" class="secondary" onclick={props.dispatch.reform(move |_| Action::Navigate(View::Assessment { id: id.clone() }))}>
                                { format!("Öppna {title}") }
                            </button>
                            <span class="hint">
                                { format!(" {board} · {} · {}", assessment.framework.title, assessment.overall_score().progress_sv()) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if case.boards.is_empty() {
                <p>{ "Lägg till en nämnd först." }</p>
            } else {
                <div class="columns">
                    <div class="field">
                        <label for="assessment-board">{ "Nämnd som skattar" }</label>
                        <select id="assessment-board" onchange={on_board}>
                            { for case.boards.iter().map(|b| html! {
                                <option value={b.id.clone()} selected={b.id == chosen_board}>{ &b.name }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="assessment-framework">{ "Ramverk" }</label>
                        <select id="assessment-framework" onchange={on_source}>
                            <option value="lis" selected={*source == "lis"}>{ "Systematiskt informationssäkerhetsarbete (efter MSB)" }</option>
                            if !case.audit.questions.is_empty() {
                                <option value="questions" selected={*source == "questions"}>{ "Granskningens revisionsfrågor" }</option>
                            }
                            { for props.frameworks.iter().map(|framework| {
                                let value = format!("{KEPT_PREFIX}{}", framework_library::key(framework));
                                html! {
                                    <option selected={*source == value} value={value.clone()}>{ format!("Sparad: {}", framework_library::label_sv(framework)) }</option>
                                }
                            }) }
                        </select>
                    </div>
                </div>
                <div class="actions">
                    <button type="button" onclick={on_start}>{ "Påbörja självskattning" }</button>
                </div>
                if let Some(preview) = &props.preview {
                    { framework_preview(preview, case, &keep_ratings, &props.dispatch, &props.on_keep) }
                }
                <div class="field">
                    <label for="framework-file">{ "Eller importera en egen riktlinje (CSV eller JSON)" }</label>
                    <p class="hint" id="framework-file-hint">
                        { "CSV med en rad per krav och kolumnerna område; id; text; vägledning; hänvisning. Första raden namnger kolumnerna." }
                    </p>
                    <input id="framework-file" type="file" accept=".csv,.json,.txt" onchange={on_file}
                        aria-describedby="framework-file-hint" />
                </div>
                { kept_frameworks(&props.frameworks, &props.on_forget) }
            }
        </section>
    }
}

/// An imported guideline before it is used: its chapters with their numbers of requirements, and
/// what the import had to decide (columns not read, rows without a chapter, a quote that seems
/// to swallow rows), to accept or cancel.
/// The value prefix of a kept framework in the framework list.
const KEPT_PREFIX: &str = "sparad:";

/// The frameworks kept in this browser, each with a way to remove it.
fn kept_frameworks(frameworks: &[Framework], on_forget: &Callback<String>) -> Html {
    if frameworks.is_empty() {
        return html! {};
    }
    html! {
        <details class="kept-frameworks">
            <summary>{ format!("Ramverk sparade i den här webbläsaren ({})", frameworks.len()) }</summary>
            <p class="hint">{ "Ett ramverk sparas när en självskattning påbörjas mot det, och kan sedan väljas i listan Ramverk utan filen." }</p>
            <ul>
                { for frameworks.iter().map(|framework| {
                    let key = framework_library::key(framework);
                    let label = framework_library::label_sv(framework);
                    let question = format!("Ta bort «{label}» ur webbläsaren? Självskattningar som redan har gjorts mot det finns kvar.");
                    let on_forget = on_forget.clone();
                    let forget = Callback::from(move |_: MouseEvent| {
                        if browser::confirm(&question) {
                            on_forget.emit(key.clone());
                        }
                    });
                    html! {
                        <li>
                            { label.clone() }{ " " }
                            <button type="button" class="secondary small" onclick={forget}>{ format!("Ta bort {label}") }</button>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

fn framework_preview(
    preview: &FrameworkPreview,
    case: &Case,
    keep_ratings: &UseStateHandle<bool>,
    dispatch: &Callback<Action>,
    on_keep: &Callback<Framework>,
) -> Html {
    let chapters = preview.imported.chapters();
    let total: usize = chapters.iter().map(|(_, count)| count).sum();
    let warnings = &preview.imported.warnings;
    let framework = &preview.imported.framework;
    let edit = |make: fn(String) -> PreviewEdit| {
        dispatch.reform(move |text: String| Action::EditFrameworkPreview(make(text)))
    };
    html! {
        <section class="banner framework-preview" aria-labelledby={FRAMEWORK_PREVIEW_HEADING}>
            <h3 id={FRAMEWORK_PREVIEW_HEADING} tabindex="-1">{ "Granska riktlinjen innan den används" }</h3>
            <p>{ format!(
                "«{}» har {} i {}.",
                preview.file_name,
                count_sv(total, "krav", "krav"),
                count_sv(chapters.len(), "kapitel", "kapitel")
            ) }</p>
            <table class="summary">
                <caption>{ "Krav per kapitel" }</caption>
                <thead><tr><th scope="col">{ "Kapitel" }</th><th scope="col">{ "Krav" }</th></tr></thead>
                <tbody>
                    { for chapters.iter().map(|(title, count)| html! {
                        <tr><th scope="row">{ title }</th><td>{ count }</td></tr>
                    }) }
                </tbody>
            </table>
            if warnings.is_empty() {
                <p>{ "Inget behövde gissas: varje rad och kolumn lästes in." }</p>
            } else {
                <p class="warning-text">{ "Kontrollera det här innan du går vidare:" }</p>
                <ul>{ for warnings.iter().map(|warning| html! { <li>{ warning.to_string() }</li> }) }</ul>
            }
            <div class="columns">
                <TextField id="framework-title" label="Ramverkets namn" value={framework.title.clone()} on_change={edit(PreviewEdit::Title)} />
                <TextField id="framework-version" label="Version (t.ex. 2026 eller 2.1)" value={framework.version.clone()} on_change={edit(PreviewEdit::Version)} />
            </div>
            { version_choice(preview, case, dispatch) }
            { preview_actions(preview, case, keep_ratings, dispatch, on_keep) }
        </section>
    }
}

/// Whether the file is a new version of a framework the board used before; with the changes
/// requirement by requirement when it is.
fn version_choice(preview: &FrameworkPreview, case: &Case, dispatch: &Callback<Action>) -> Html {
    let known = known_frameworks(case, &preview.board);
    if known.is_empty() {
        return html! {};
    }
    let on_change = dispatch.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        Action::EditFrameworkPreview(PreviewEdit::VersionOf(
            Some(value).filter(|v| !v.is_empty()),
        ))
    });
    let framework = &preview.imported.framework;
    let text_of = |id: &str| {
        framework
            .requirement(id)
            .or_else(|| {
                preview
                    .earlier(case)
                    .and_then(|earlier| earlier.framework.requirement(id))
            })
            .map_or(String::new(), |(_, requirement)| requirement.text.clone())
    };
    let list = |title: &str, ids: &[String]| {
        if ids.is_empty() {
            return html! {};
        }
        html! {
            <details>
                <summary>{ format!("{title} ({})", ids.len()) }</summary>
                <ul>{ for ids.iter().map(|id| html! { <li><strong>{ format!("{id} ") }</strong>{ text_of(id) }</li> }) }</ul>
            </details>
        }
    };
    html! {
        <>
            <div class="field">
                <label for="framework-version-of">{ "Är filen en ny version av ett ramverk nämnden har använt?" }</label>
                <select id="framework-version-of" onchange={on_change}>
                    <option value="" selected={preview.version_of.is_none()}>{ "Nej, ett eget ramverk" }</option>
                    { for known.iter().map(|entry| html! {
                        <option value={entry.id.to_string()} selected={preview.version_of.as_deref() == Some(entry.id)}>
                            { format!("Ja: {}", entry.label_sv()) }
                        </option>
                    }) }
                </select>
            </div>
            if let (Some(earlier), Some(changes)) = (preview.earlier(case), preview.changes(case)) {
                <p role="note">{ format!(
                    "Jämfört med versionen i «{}»: {}",
                    earlier.name(),
                    changes.summary_sv()
                ) }</p>
                { list("Nya krav", &changes.added) }
                { list("Ändrade krav", &changes.changed) }
                { list("Borttagna krav", &changes.removed) }
            }
        </>
    }
}

/// Start from nothing, or as next year's from the earlier version's latest assessment.
fn preview_actions(
    preview: &FrameworkPreview,
    case: &Case,
    keep_ratings: &UseStateHandle<bool>,
    dispatch: &Callback<Action>,
    on_keep: &Callback<Framework>,
) -> Html {
    let earlier = preview.earlier_by_subject(case);
    let keep = **keep_ratings;
    let accept = |continue_from: Option<String>| {
        let (dispatch, on_keep) = (dispatch.clone(), on_keep.clone());
        let framework = preview.imported.framework.clone();
        Callback::from(move |_: MouseEvent| {
            on_keep.emit(framework.clone());
            dispatch.emit(Action::AcceptFramework {
                today: browser::today(),
                continue_from: continue_from.clone(),
                keep_ratings: keep,
            });
        })
    };
    let choose = |value: bool| {
        let keep_ratings = keep_ratings.clone();
        Callback::from(move |_: Event| keep_ratings.set(value))
    };
    html! {
        <>
            if earlier.len() > 1 {
                <p class="hint">{ format!("Nämnden har skattat {} saker mot den förra versionen. Välj vilken självskattning som blir utgångspunkt nu; de andra påbörjar du på samma sätt efteråt.", earlier.len()) }</p>
            }
            if !earlier.is_empty() {
                <fieldset class="filter">
                    <legend>{ "Betygen från förra självskattningen" }</legend>
                    <span class="checkbox">
                        <input type="radio" name="preview-keep-ratings" id="preview-keep-ratings" checked={keep} onchange={choose(true)} />
                        <label for="preview-keep-ratings">{ "Behåll betygen som utgångspunkt" }</label>
                    </span>
                    <span class="checkbox">
                        <input type="radio" name="preview-keep-ratings" id="preview-reset-ratings" checked={!keep} onchange={choose(false)} />
                        <label for="preview-reset-ratings">{ "Sätt alla betyg på nytt (kommentarer och belägg följer med)" }</label>
                    </span>
                </fieldset>
            }
            <div class="actions">
                if !earlier.is_empty() {
                    { for earlier.iter().map(|earlier| html! {
                        <button type="button" onclick={accept(Some(earlier.id.clone()))}>
                            { next_from_label(earlier) }
                        </button>
                    }) }
                    <button type="button" class="secondary" onclick={accept(None)}>{ "Påbörja utan förra årets svar" }</button>
                } else {
                    <button type="button" onclick={accept(None)}>{ "Påbörja självskattningen med riktlinjen" }</button>
                }
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::CancelFramework)}>
                    { "Avbryt" }
                </button>
            </div>
        </>
    }
}

/// "Påbörja nästa självskattning från «…»", naming the asset when the title does not, so that
/// two assets' assessments with the same title are told apart.
fn next_from_label(earlier: &schemas::SelfAssessment) -> String {
    let name = earlier.name();
    let asset = earlier
        .subject
        .as_ref()
        .map(|subject| subject.name.trim())
        .filter(|asset| !asset.is_empty() && !name.contains(asset));
    match asset {
        Some(asset) => format!("Påbörja nästa självskattning för {asset} från «{name}»"),
        None => format!("Påbörja nästa självskattning från «{name}»"),
    }
}
