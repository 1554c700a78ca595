//! The step list and the previous/next buttons shared by the two yttrande pages: a summary
//! step, then one step per assessment and recommendation addressed to the board.

use app_core::app_state::{Action, View};
use schemas::wording::count_sv;
use schemas::{Case, ItemKind, ItemRef};
use yew::prelude::*;

/// The list of steps. `done[0]` is the summary step, then one per item; `done_word` and
/// `open_word` tell screen readers each step's state ("besvarad", "inte besvarad").
pub fn step_list(
    items: &[ItemRef],
    done: &[bool],
    current: Option<usize>,
    (done_word, open_word): (&str, &str),
    on_step: &Callback<Option<usize>>,
) -> Html {
    let labels = std::iter::once(("Sammanfattande svar".to_string(), None)).chain(
        items
            .iter()
            .enumerate()
            .map(|(index, item)| (item.label_sv(), Some(index))),
    );
    html! {
        <nav aria-label="Delar av yttrandet">
            <ol class="steps">
                { for labels.zip(done).map(|((label, step), &done)| {
                    let is_current = current == step;
                    let text = if done { format!("{label} ✓") } else { label.clone() };
                    let aria = format!("{label}, {}", if done { done_word } else { open_word });
                    html! {
                        <li>
                            <button type="button" class={classes!("step", is_current.then_some("current"))}
                                aria-current={is_current.then_some("step")} aria-label={aria}
                                onclick={on_step.reform(move |_| step)}>
                                { text }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// "Föregående" and "Nästa" (or "Klar" on the last item, back to the case).
pub fn step_buttons(
    index: usize,
    count: usize,
    on_step: &Callback<Option<usize>>,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        <div class="actions step-nav">
            <button type="button" class="secondary"
                onclick={on_step.reform(move |_| index.checked_sub(1))}>
                { if index == 0 { "Föregående: Sammanfattande svar" } else { "Föregående" } }
            </button>
            if index + 1 < count {
                <button type="button" onclick={on_step.reform(move |_| Some(index + 1))}>
                    { "Nästa" }
                </button>
            } else {
                <button type="button" onclick={dispatch.reform(|_| Action::Navigate(View::Case))}>
                    { "Klar: tillbaka till ärendet" }
                </button>
            }
        </div>
    }
}

/// How far the board has come in its första yttrande: "3 av 4 rekommendationer besvarade ·
/// 1 av 2 bedömningar besvarade" (a kind the board has none of is not named).
pub fn first_progress_text(case: &Case, board: &str) -> String {
    [ItemKind::Recommendation, ItemKind::Assessment]
        .into_iter()
        .map(|kind| (kind, case.progress(board, kind)))
        .filter(|(_, progress)| progress.total > 0)
        .map(|(kind, progress)| {
            let (one, many) = match kind {
                ItemKind::Assessment => ("bedömning besvarad", "bedömningar besvarade"),
                ItemKind::Recommendation => {
                    ("rekommendation besvarad", "rekommendationer besvarade")
                }
            };
            format!(
                "{} av {}",
                progress.answered,
                count_sv(progress.total, one, many)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
