//! What a self-assessment assesses: the whole board, or one information asset with its
//! classification (K/R/T/Sp, levels 1–4, a motivation each). The page says how many
//! requirements apply with the classification; the app says which changed after an edit.

use app_core::app_state::Action;
use app_core::edit::{AssessmentEdit, Edit};
use app_core::field_id;
use schemas::applicability::{level_name_sv, Parameter, Subject, SubjectKind, LEVELS};
use schemas::location::SubjectText;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use schemas::wording::lowercase_first;

use crate::platform::browser;
use crate::widgets::fields::TextField;

#[derive(Properties, PartialEq)]
pub struct SubjectFieldsProps {
    pub assessment: String,
    pub subject: Option<Subject>,
    /// The board's name, for "Hela nämnden".
    pub board_name: String,
    /// (requirements that apply, all requirements), and whether any has a threshold.
    pub in_scope: (usize, usize),
    pub has_thresholds: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(SubjectFields)]
pub fn subject_fields(props: &SubjectFieldsProps) -> Html {
    let on_whole = {
        let (dispatch, assessment, subject) = (
            props.dispatch.clone(),
            props.assessment.clone(),
            props.subject.clone(),
        );
        Callback::from(move |_: Event| {
            // The asset's name, description and classification would be lost: ask first.
            if let Some(subject) = &subject {
                let question = format!(
                    "Självskattningen ska gälla hela nämnden. Uppgifterna om «{}» och dess \
                     klassning tas bort. Fortsätt?",
                    display_name(subject)
                );
                if !browser::confirm(&question) {
                    // Nothing changed, so nothing re-renders: put the radio back by hand.
                    check_radio("subject-asset");
                    return;
                }
            }
            dispatch.emit(set_subject(&assessment, None));
        })
    };
    let on_asset = {
        let (dispatch, assessment) = (props.dispatch.clone(), props.assessment.clone());
        Callback::from(move |_: Event| {
            dispatch.emit(set_subject(&assessment, Some(Subject::default())));
        })
    };
    let (applies, total) = props.in_scope;
    html! {
        <section aria-labelledby="subject-heading" class="subject">
            <h2 id="subject-heading">{ "Vad bedöms?" }</h2>
            <fieldset class="filter">
                <legend class="visually-hidden">{ "Vad bedöms?" }</legend>
                <span class="checkbox">
                    <input type="radio" name="subject" id="subject-whole" checked={props.subject.is_none()} onchange={on_whole} />
                    <label for="subject-whole">{ format!("Hela {}", lowercase_first(&props.board_name)) }</label>
                </span>
                <span class="checkbox">
                    <input type="radio" name="subject" id="subject-asset" checked={props.subject.is_some()} onchange={on_asset} />
                    <label for="subject-asset">{ "Ett system, en e-tjänst, ett register eller en förvaltning" }</label>
                </span>
            </fieldset>
            if let Some(subject) = &props.subject {
                { asset_fields(props, subject) }
            }
            if props.has_thresholds {
                <p class="hint" id="subject-scope">{ scope_text(props.subject.as_ref(), applies, total) }</p>
            }
        </section>
    }
}

fn check_radio(id: &str) {
    let radio = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id));
    if let Some(radio) = radio {
        wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>(radio).set_checked(true);
    }
}

fn set_subject(assessment: &str, subject: Option<Subject>) -> Action {
    Action::Edit(Edit::SelfAssessment(AssessmentEdit::SetSubject {
        assessment: assessment.to_string(),
        subject,
    }))
}

fn display_name(subject: &Subject) -> String {
    match subject.name.trim() {
        "" => subject.kind.label_sv().to_string(),
        name => name.to_string(),
    }
}

/// "280 av 320 krav gäller med klassningen K3 R2 T– Sp1."
fn scope_text(subject: Option<&Subject>, applies: usize, total: usize) -> String {
    match subject {
        Some(subject) if subject.kind != SubjectKind::Unit => format!(
            "{applies} av {total} krav gäller med klassningen {}. Krav som gäller först från \
             en högre nivå visas inte; svaren på dem finns kvar.",
            subject.classification.short_sv()
        ),
        _ => format!(
            "Alla {total} krav visas. Krav som gäller från en klassningsnivå prövas när \
             självskattningen gäller ett klassat system."
        ),
    }
}

fn asset_fields(props: &SubjectFieldsProps, subject: &Subject) -> Html {
    let text = |field: SubjectText| {
        let (dispatch, assessment) = (props.dispatch.clone(), props.assessment.clone());
        Callback::from(move |text: String| {
            dispatch.emit(Action::Edit(Edit::SelfAssessment(
                AssessmentEdit::SetSubjectText {
                    assessment: assessment.clone(),
                    field,
                    text,
                },
            )))
        })
    };
    let on_kind = props.dispatch.reform({
        let assessment = props.assessment.clone();
        move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::SetSubjectKind {
                assessment: assessment.clone(),
                kind: SubjectKind::from_key(&key).unwrap_or_default(),
            }))
        }
    });
    html! {
        <>
            <div class="columns">
                <TextField id={field_id::SUBJECT_NAME} label="Namn" value={subject.name.clone()}
                    hint="T.ex. Ekonomisystemet, E-tjänsten för bygglov, Socialförvaltningen"
                    on_change={text(SubjectText::Name)} />
                <div class="field">
                    <label for="subject-kind">{ "Slag" }</label>
                    <select id="subject-kind" onchange={on_kind}>
                        { for SubjectKind::ALL.into_iter().map(|kind| html! {
                            <option value={kind.key()} selected={subject.kind == kind}>{ kind.label_sv() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <TextField id={field_id::SUBJECT_OWNER_ROLE} label="Ägare (roll)" value={subject.owner_role.clone()}
                hint="T.ex. Systemägare: ekonomichefen" on_change={text(SubjectText::OwnerRole)} />
            <TextField id={field_id::SUBJECT_DESCRIPTION} label="Beskrivning" multiline=true value={subject.description.clone()}
                on_change={text(SubjectText::Description)} />
            if subject.kind == SubjectKind::Unit {
                <p class="hint">{ "En förvaltning eller enhet klassas inte; alla krav visas." }</p>
            } else {
                { classification_table(props, subject) }
            }
        </>
    }
}

/// One row per parameter: its level (or not decided) and why.
fn classification_table(props: &SubjectFieldsProps, subject: &Subject) -> Html {
    html! {
        <table class="classification">
            <caption>{ "Klassning (1 Mindre viktig – 4 Kritisk)" }</caption>
            <thead><tr><th scope="col">{ "Parameter" }</th><th scope="col">{ "Nivå" }</th><th scope="col">{ "Motivering" }</th></tr></thead>
            <tbody>
                { for Parameter::ALL.into_iter().map(|parameter| classification_row(props, subject, parameter)) }
            </tbody>
        </table>
    }
}

fn classification_row(props: &SubjectFieldsProps, subject: &Subject, parameter: Parameter) -> Html {
    let classified = subject.classification.get(parameter);
    let level = classified.map(|c| c.level);
    let has_motivation = classified.is_some_and(|c| !c.motivation.trim().is_empty());
    let on_level = props.dispatch.reform({
        let assessment = props.assessment.clone();
        move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            let value = select.value();
            // Clearing a level with a motivation is refused (the motivation would be lost) and
            // nothing re-renders, so the list is put back by hand.
            if value.is_empty() && has_motivation {
                select.set_value(&level.map(|l| l.to_string()).unwrap_or_default());
            }
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::Classify {
                assessment: assessment.clone(),
                parameter,
                level: value.parse().ok(),
            }))
        }
    });
    let on_motivation = props.dispatch.reform({
        let assessment = props.assessment.clone();
        move |text: String| {
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::SetSubjectText {
                assessment: assessment.clone(),
                field: SubjectText::Motivation(parameter),
                text,
            }))
        }
    });
    let level_id = field_id::subject_level(parameter);
    html! {
        <tr>
            <th scope="row"><label for={level_id.clone()}>{ format!("{} ({})", parameter.name_sv(), parameter.letter()) }</label></th>
            <td>
                <select id={level_id} onchange={on_level}>
                    <option value="" selected={level.is_none()}>{ "Inte klassad" }</option>
                    { for LEVELS.map(|value| html! {
                        <option value={value.to_string()} selected={level == Some(value)}>{ format!("{value} – {}", level_name_sv(value)) }</option>
                    }) }
                </select>
            </td>
            <td>
                if let Some(classified) = classified {
                    <TextField id={field_id::subject_motivation(parameter)}
                        label={format!("Motivering, {}", parameter.name_sv().to_lowercase())}
                        value={classified.motivation.clone()} on_change={on_motivation} />
                } else {
                    <span class="hint">{ "Välj nivå först." }</span>
                }
            </td>
        </tr>
    }
}
