//! Chapter navigation for a long self-assessment: every chapter with its progress, one chapter
//! shown at a time (or all), and a chapter marked "ej tillämplig" as a whole with one motivation.

use app_core::app_state::Action;
use app_core::edit::{AssessmentEdit, Edit};
use app_core::field_id;
use schemas::self_assessment::Score;
use yew::prelude::*;

use crate::widgets::fields::TextField;

/// One entry of the chapter list.
#[derive(Clone, PartialEq)]
pub struct ChapterEntry {
    pub id: String,
    pub title: String,
    pub score: Score,
    /// Marked "ej tillämplig" as a whole.
    pub not_applicable: bool,
}

#[derive(Properties, PartialEq)]
pub struct ChapterNavProps {
    pub chapters: Vec<ChapterEntry>,
    /// `None`: every chapter is shown.
    pub selected: Option<String>,
    /// Progress over every chapter listed.
    pub overall: Score,
    pub on_select: Callback<Option<String>>,
}

/// The chapters as a list of buttons with "answered of total" each; the current one is marked
/// for screen readers with `aria-current`.
#[function_component(ChapterNav)]
pub fn chapter_nav(props: &ChapterNavProps) -> Html {
    let select = |chapter: Option<String>| {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(chapter.clone()))
    };
    // The list chooses what this page shows, so the chosen entry is "current", not a page.
    let current = |chapter: Option<&str>| (props.selected.as_deref() == chapter).then_some("true");
    html! {
        <nav class="chapters" aria-label="Kapitel">
            <ul>
                <li>
                    <button type="button" class="chapter" aria-current={current(None)} onclick={select(None)}>
                        <span>{ "Alla kapitel" }</span>
                        <span class="count">{ progress(&props.overall) }</span>
                    </button>
                </li>
                { for props.chapters.iter().map(|chapter| {
                    let done = chapter.score.total > 0 && chapter.score.answered == chapter.score.total;
                    html! {
                        <li key={chapter.id.clone()}>
                            <button type="button" id={format!("chapter-{}", chapter.id)}
                                class={classes!("chapter", done.then_some("done"))}
                                aria-current={current(Some(&chapter.id))}
                                onclick={select(Some(chapter.id.clone()))}>
                                <span>{ &chapter.title }</span>
                                <span class="count">{
                                    if chapter.not_applicable { "ej tillämpligt".to_string() } else { progress(&chapter.score) }
                                }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// "12/20", read by screen readers as part of the button's name.
fn progress(score: &Score) -> String {
    format!("{}/{}", score.answered, score.total)
}

#[derive(Properties, PartialEq)]
pub struct ChapterNotApplicableProps {
    pub assessment: String,
    pub area: String,
    pub title: String,
    /// The motivation when the chapter is marked.
    pub marked: Option<String>,
    /// How many of the chapter's questions have an answer of their own, kept while marked.
    pub answered_inside: usize,
    pub dispatch: Callback<Action>,
}

/// Marks a whole chapter "ej tillämplig": a motivation is asked for first (a chapter left out
/// without a reason is what auditors ask about), and unmarking brings the answers back.
#[function_component(ChapterNotApplicable)]
pub fn chapter_not_applicable(props: &ChapterNotApplicableProps) -> Html {
    let open = use_state(|| false);
    let draft = use_state(String::new);
    let mark = {
        let (assessment, area) = (props.assessment.clone(), props.area.clone());
        move |motivation: Option<String>| {
            Action::Edit(Edit::SelfAssessment(
                AssessmentEdit::MarkAreaNotApplicable {
                    assessment: assessment.clone(),
                    area: area.clone(),
                    motivation,
                },
            ))
        }
    };
    let motivation_id = field_id::area_motivation(&props.area);
    if let Some(motivation) = &props.marked {
        let on_motivation = props.dispatch.reform({
            let change = mark.clone();
            move |text: String| change(Some(text))
        });
        let on_unmark = props.dispatch.reform({
            let action = mark(None);
            move |_: MouseEvent| action.clone()
        });
        let kept = match props.answered_inside {
            0 => String::new(),
            1 => " Svaret på en fråga finns kvar och räknas igen om markeringen tas bort.".into(),
            n => {
                format!(" Svaren på {n} frågor finns kvar och räknas igen om markeringen tas bort.")
            }
        };
        return html! {
            <div class="chapter-na marked">
                <p><strong>{ "Hela kapitlet är ej tillämpligt." }</strong>{ kept }</p>
                <TextField id={motivation_id} label={format!("Motivering, {}", props.title)}
                    value={motivation.clone()} on_change={on_motivation} />
                <button type="button" class="secondary" onclick={on_unmark}>{ "Ta bort markeringen" }</button>
            </div>
        };
    }
    if !*open {
        let on_open = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <div class="chapter-na">
                <button type="button" class="secondary" onclick={on_open}>{ "Hela kapitlet är ej tillämpligt…" }</button>
            </div>
        };
    }
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |text: String| draft.set(text))
    };
    let on_confirm = {
        let (dispatch, draft, open) = (props.dispatch.clone(), draft.clone(), open.clone());
        let change = mark.clone();
        Callback::from(move |_: MouseEvent| {
            let motivation = draft.trim().to_string();
            // A chapter is never left out without a reason: the button asks for one.
            if motivation.is_empty() {
                dispatch.emit(Action::Notify(app_core::app_state::Notice::Error(
                    "Skriv varför kapitlet inte är tillämpligt innan du markerar det.".into(),
                )));
                return;
            }
            dispatch.emit(change(Some(motivation)));
            open.set(false);
        })
    };
    let on_cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <div class="chapter-na inline-form">
            <TextField id={motivation_id} label={format!("Varför är «{}» inte tillämpligt?", props.title)}
                value={(*draft).clone()} on_change={on_draft} />
            <button type="button" onclick={on_confirm}>{ "Markera kapitlet som ej tillämpligt" }</button>
            <button type="button" class="secondary" onclick={on_cancel}>{ "Avbryt" }</button>
        </div>
    }
}
