//! One self-assessment: what it assesses (the board or a classified asset), progress and
//! results per area (with a chart), the questions chapter by chapter with rating, comment,
//! evidence, who and when, filters for the unanswered, the low-rated and a role, keyboard rating,
//! chapters marked not applicable, a measure from a gap, and the comparison with an earlier
//! assessment of the same framework.
//!
//! Each question is its own component with plain-data props, so one rating change re-renders
//! one row, not all 500; a long framework shows one chapter at a time (measured in
//! `tests/e2e/bench.mjs`).

mod chapters;
mod subject;

use std::rc::Rc;

use app_core::app_state::Action;
use app_core::edit::{AnswerField, AssessmentEdit, Edit};
use app_core::field_id;
use app_core::gap_elsewhere::PendingGap;
use schemas::documents::Request;
use schemas::location::AssessmentAnswerField;
use schemas::self_assessment::{
    compare, different_subjects_sv, rating_short_sv, AssessmentComparison, Change, Score, GAP_LEVEL,
};
use schemas::wording::count_sv;
use schemas::{Answer, Area, Case, ItemRef, Rating, Requirement, SelfAssessment};
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use chapters::{ChapterEntry, ChapterNav, ChapterNotApplicable};
use subject::SubjectFields;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::fields::{DateField, TextField};
use crate::widgets::navigation::back_to_case;

/// A framework with more questions than this opens on its first chapter instead of all.
const ONE_CHAPTER_FROM: usize = 60;

#[derive(Properties, PartialEq)]
pub struct AssessmentPageProps {
    pub case: Shared<Case>,
    pub id: String,
    /// The earlier assessment chosen for comparison, kept in the app's state.
    pub compared: Option<String>,
    pub dispatch: Callback<Action>,
    /// Downloads a file of the assessment: the report, the workbook or the answers as CSV.
    pub on_download: Callback<Request>,
    /// The audit cases stored here (id, title), where a gap of self-assessments kept on their
    /// own can become a measure; and carrying a gap there (the app opens the case).
    pub audit_cases: Vec<(String, String)>,
    pub on_carry_gap: Callback<PendingGap>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Unanswered,
    Low,
    /// Answers carried over from last year and not yet confirmed or changed.
    Carried,
    /// Requirements new or changed since the assessment this one started from.
    NewOrChanged,
}

#[function_component(AssessmentPage)]
pub fn assessment_page(props: &AssessmentPageProps) -> Html {
    let filter = use_state(|| Filter::All);
    let leave_out = use_state(|| false);
    let keep_ratings = use_state(|| true);
    let role = use_state(|| None::<String>);
    let show_out_of_scope = use_state(|| false);
    let case = &props.case;
    let found = case.self_assessments.iter().find(|a| a.id == props.id);
    let chapter = {
        let first = found
            .filter(|a| a.framework.requirement_count() > ONE_CHAPTER_FROM)
            .and_then(|a| a.framework.areas.first())
            .map(|area| area.id.clone());
        use_state(move || first)
    };
    let Some(assessment) = found else {
        return html! { <main id="main">{ back_to_case(&props.dispatch) }<p role="alert">{ "Självskattningen finns inte längre." }</p></main> };
    };
    let board_name = case
        .board(&assessment.board)
        .map_or(assessment.board.clone(), |b| b.name.clone());
    let earlier_options: Vec<&SelfAssessment> = case
        .self_assessments
        .iter()
        .filter(|other| other.id != assessment.id && other.framework.id == assessment.framework.id)
        .collect();
    let earlier = props
        .compared
        .as_deref()
        .and_then(|id| earlier_options.iter().find(|a| a.id == id).copied());
    let comparison = earlier.and_then(|earlier| compare(earlier, assessment));
    let items: Rc<Vec<(ItemRef, String)>> = Rc::new(
        case.items_for_board(&assessment.board)
            .map(|(item, audit_item)| {
                (
                    item,
                    format!("{}: {}", item.label_sv(), shorten(&audit_item.text, 70)),
                )
            })
            .collect(),
    );
    let labels: Rc<Vec<(u8, String)>> = Rc::new(
        assessment
            .framework
            .scale
            .levels
            .iter()
            .map(|l| (l.value, l.label.clone()))
            .collect(),
    );
    let on_title = props.dispatch.reform({
        let id = assessment.id.clone();
        move |title| {
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::SetTitle {
                assessment: id.clone(),
                title,
            }))
        }
    });
    let on_earlier = props.dispatch.reform({
        let id = assessment.id.clone();
        move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            Action::CompareAssessment {
                assessment: id.clone(),
                earlier: Some(value).filter(|v| !v.is_empty()),
            }
        }
    });
    let made = measures_by_question(case, &assessment.id);
    let cases: Rc<Vec<(String, String)>> = Rc::new(if case.is_self_assessments() {
        props.audit_cases.clone()
    } else {
        Vec::new()
    });
    let on_carry = {
        let (on_carry_gap, case, assessment, titles) = (
            props.on_carry_gap.clone(),
            case.clone(),
            assessment.clone(),
            cases.clone(),
        );
        Callback::from(move |(requirement, target): (String, String)| {
            let title = titles
                .iter()
                .find(|(id, _)| *id == target)
                .map_or(String::new(), |(_, title)| title.clone());
            if let Some(gap) = PendingGap::of(&case, &assessment, &requirement, &target, &title) {
                on_carry_gap.emit(gap);
            }
        })
    };
    let on_remove = {
        let (dispatch, id) = (props.dispatch.clone(), assessment.id.clone());
        let question = match made.len() {
            0 => "Ta bort självskattningen och alla dess svar? Det går inte att ångra.".to_string(),
            1 => "Ta bort självskattningen och alla dess svar? Det går inte att ångra. \
                  Åtgärden som skapades från den blir kvar."
                .to_string(),
            n => format!(
                "Ta bort självskattningen och alla dess svar? Det går inte att ångra. \
                 De {n} åtgärder som skapades från den blir kvar."
            ),
        };
        Callback::from(move |_: MouseEvent| {
            if browser::confirm(&question) {
                dispatch.emit(Action::Edit(Edit::SelfAssessment(AssessmentEdit::Remove {
                    assessment: id.clone(),
                })));
            }
        })
    };
    let overall = assessment.overall_score();
    let on_report = props.on_download.reform({
        let (id, earlier) = (assessment.id.clone(), earlier.map(|e| e.id.clone()));
        let leave_out_unanswered = *leave_out;
        move |_| Request::AssessmentReport {
            assessment: id.clone(),
            compare_with: earlier.clone(),
            leave_out_unanswered,
        }
    });
    let on_leave_out = {
        let leave_out = leave_out.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            leave_out.set(input.checked());
        })
    };
    let blank = assessment
        .framework
        .requirements()
        .filter(|(_, r)| {
            assessment
                .answer(&r.id)
                .is_none_or(|answer| answer.is_blank())
        })
        .count();
    let download = |request: fn(String) -> Request| {
        let id = assessment.id.clone();
        props
            .on_download
            .reform(move |_: MouseEvent| request(id.clone()))
    };
    let on_workbook = download(|assessment| Request::AssessmentWorkbook { assessment });
    let on_csv = download(|assessment| Request::AssessmentAnswers { assessment });
    html! {
        <main id="main" class="wide">
            { back_to_case(&props.dispatch) }
            <h1>{ if assessment.title.trim().is_empty() { "Självskattning".to_string() } else { assessment.title.clone() } }</h1>
            <p class="lead">{ format!("{board_name} · {} · påbörjad {}", assessment.framework.title, assessment.started) }</p>
            <TextField id={field_id::ASSESSMENT_TITLE} label="Självskattningens namn" value={assessment.title.clone()} on_change={on_title} />
            <SubjectFields assessment={assessment.id.clone()} subject={assessment.subject.clone()}
                board_name={board_name.clone()}
                in_scope={(overall.total, assessment.framework.requirement_count())}
                has_thresholds={assessment.framework.has_thresholds()}
                dispatch={props.dispatch.clone()} />
            if let Some(line) = carried_from_line(assessment) {
                <p class="hint">{ line }</p>
            }
            <p class="progress" role="status">
                { format!("{} · {}", overall.progress_sv(), score_text(&overall, assessment.framework.scale.max())) }
            </p>
            <section aria-labelledby="results-heading">
                <h2 id="results-heading">{ "Resultat per område" }</h2>
                { area_chart(assessment, comparison.as_ref(), earlier) }
            </section>
            <div class="field checkbox">
                <input type="checkbox" id="leave-out-unanswered" checked={*leave_out} onchange={on_leave_out} />
                <label for="leave-out-unanswered">
                    { format!("Utelämna frågor utan svar ur rapportens svarstabeller ({})", count_sv(blank, "fråga", "frågor")) }
                </label>
            </div>
            <div class="actions">
                <button type="button" onclick={on_report}>
                    { if earlier.is_some() { "Rapport med jämförelse (Word)" } else { "Rapport (Word)" } }
                </button>
                <button type="button" class="secondary" onclick={on_workbook}>{ "Arbetsbok (Excel)" }</button>
                <button type="button" class="secondary" onclick={on_csv}>{ "Svaren som CSV" }</button>
                <button type="button" class="secondary" onclick={on_remove}>{ "Ta bort självskattningen" }</button>
            </div>
            <section aria-labelledby="compare-heading">
                <h2 id="compare-heading">{ "Jämför med en tidigare självskattning" }</h2>
                if earlier_options.is_empty() {
                    <p>{ "Det finns ingen annan självskattning av samma ramverk i ärendet ännu." }</p>
                } else {
                    <div class="field">
                        <label for="compare-with">{ "Tidigare självskattning" }</label>
                        <select id="compare-with" onchange={on_earlier}>
                            <option value="" selected={earlier.is_none()}>{ "Ingen jämförelse" }</option>
                            { for earlier_options.iter().map(|other| html! {
                                <option value={other.id.clone()} selected={earlier.is_some_and(|e| e.id == other.id)}>
                                    { format!("{} (påbörjad {}{})", if other.title.is_empty() { other.id.as_str() } else { other.title.as_str() }, other.started, subject_note(other)) }
                                </option>
                            }) }
                        </select>
                    </div>
                    if let Some(note) = earlier.and_then(|earlier| different_subjects_sv(earlier, assessment)) {
                        <p class="hint attention" role="note">{ note }</p>
                    }
                    if let Some(comparison) = &comparison {
                        { comparison_view(comparison) }
                    }
                }
            </section>
            { next_year_section(assessment, &keep_ratings, &props.dispatch) }
            <section aria-labelledby="questions-heading">
                <h2 id="questions-heading">{ "Frågor" }</h2>
                { question_tools(assessment, &filter, &chapter, &role, &show_out_of_scope) }
                <div class="chapters-layout">
                    <ChapterNav chapters={chapter_entries(assessment, role.as_deref())}
                        selected={(*chapter).clone()}
                        overall={overall}
                        on_select={{ let chapter = chapter.clone(); Callback::from(move |id| chapter.set(id)) }} />
                    <div class="chapter-questions">
                        { for assessment.framework.areas.iter()
                            .filter(|area| chapter.as_deref().is_none_or(|id| id == area.id))
                            .filter(|area| concerns(area, role.as_deref()))
                            .map(|area| {
                            let score = assessment.area_score(area);
                            let marked = assessment.area_not_applicable(&area.id).map(str::to_string);
                            let shown: Vec<&Requirement> = area.requirements.iter()
                                .filter(|r| role.as_deref().is_none_or(|role| r.applies.concerns(role)))
                                .filter(|r| *show_out_of_scope || assessment.verdict(r).applies())
                                .filter(|r| shows(*filter, assessment, area, r))
                                .collect();
                            let hidden = area.requirements.len() - assessment.in_scope(area).count();
                            html! {
                                <section class="area" key={area.id.clone()} aria-label={area.title.clone()}>
                                    <h3>{ format!("{} ({})", area.title, score.progress_sv()) }</h3>
                                    if !area.description.trim().is_empty() {
                                        <p class="hint">{ area.description.trim() }</p>
                                    }
                                    <ChapterNotApplicable assessment={assessment.id.clone()} area={area.id.clone()} title={area.title.clone()}
                                        marked={marked.clone()}
                                        answered_inside={area.requirements.iter().filter(|r| assessment.own_rating(&r.id).is_some()).count()}
                                        dispatch={props.dispatch.clone()} />
                                    if hidden > 0 && !*show_out_of_scope {
                                        <p class="hint">{ format!("{} gäller inte med den här klassningen och visas inte.", count_sv(hidden, "krav", "krav")) }</p>
                                    }
                                    if marked.is_some() {
                                        <p class="hint">{ "Frågorna visas inte medan kapitlet är markerat som ej tillämpligt." }</p>
                                    } else {
                                        if shown.is_empty() {
                                            <p class="hint">{ "Inga frågor att visa med det här urvalet." }</p>
                                        }
                                        { for shown.into_iter().map(|requirement| {
                                            let verdict = assessment.verdict(requirement);
                                            html! {
                                            <QuestionRow key={requirement.id.clone()}
                                                assessment={assessment.id.clone()}
                                                cases={cases.clone()}
                                                on_carry={on_carry.clone()}
                                                requirement={requirement.clone()}
                                                answer={assessment.answer(&requirement.id).cloned()}
                                                applies={verdict.applies()}
                                                reason={verdict.reason().map(str::to_string)}
                                                labels={labels.clone()}
                                                not_applicable={assessment.framework.scale.not_applicable}
                                                items={items.clone()}
                                                made={made.iter().filter(|(question, _)| *question == requirement.id).map(|(_, id)| id.clone()).collect::<Vec<_>>()}
                                                novelty={novelty(assessment, &requirement.id)}
                                                dispatch={props.dispatch.clone()} />
                                        } }) }
                                    }
                                </section>
                            }
                        }) }
                    </div>
                </div>
            </section>
        </main>
    }
}

/// Next year's assessment from this one: the ratings kept or reset, then started.
fn next_year_section(
    assessment: &SelfAssessment,
    keep_ratings: &UseStateHandle<bool>,
    dispatch: &Callback<Action>,
) -> Html {
    let choose = |keep: bool| {
        let keep_ratings = keep_ratings.clone();
        Callback::from(move |_: Event| keep_ratings.set(keep))
    };
    let on_start = dispatch.reform({
        let (from, keep) = (assessment.id.clone(), **keep_ratings);
        move |_: MouseEvent| Action::StartNextAssessment {
            from: from.clone(),
            keep_ratings: keep,
            today: browser::today(),
        }
    });
    html! {
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">{ "Nästa års självskattning" }</h2>
            <p>{ "Börja nästa självskattning från den här. Svaren följer med och är markerade som överförda tills du bekräftar eller ändrar dem; krav som har tillkommit eller ändrats i ramverket markeras." }</p>
            <fieldset class="filter">
                <legend>{ "Betygen" }</legend>
                <span class="checkbox">
                    <input type="radio" name="keep-ratings" id="keep-ratings" checked={**keep_ratings} onchange={choose(true)} />
                    <label for="keep-ratings">{ "Behåll betygen som utgångspunkt" }</label>
                </span>
                <span class="checkbox">
                    <input type="radio" name="keep-ratings" id="reset-ratings" checked={!**keep_ratings} onchange={choose(false)} />
                    <label for="reset-ratings">{ "Sätt alla betyg på nytt (kommentarer och belägg följer med)" }</label>
                </span>
            </fieldset>
            <div class="actions">
                <button type="button" onclick={on_start}>{ "Påbörja nästa självskattning från den här" }</button>
            </div>
        </section>
    }
}

/// The filters above the questions: by answer, by role (when the framework names roles), and
/// whether requirements outside the asset's classification are shown; with the keyboard help.
fn question_tools(
    assessment: &SelfAssessment,
    filter: &UseStateHandle<Filter>,
    chapter: &UseStateHandle<Option<String>>,
    role: &UseStateHandle<Option<String>>,
    show_out_of_scope: &UseStateHandle<bool>,
) -> Html {
    let set_filter = |value: Filter| {
        let filter = filter.clone();
        Callback::from(move |_: Event| filter.set(value))
    };
    let roles = assessment.framework.roles();
    let on_role = {
        let (role, chapter) = (role.clone(), chapter.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            role.set(Some(value).filter(|v| !v.is_empty()));
            // The chapter shown may not concern the role: show every chapter it concerns.
            chapter.set(None);
        })
    };
    let on_out_of_scope = {
        let show = show_out_of_scope.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };
    let out_of_scope = assessment.out_of_scope_count();
    html! {
        <div class="question-tools">
            <fieldset class="filter">
                <legend>{ "Visa" }</legend>
                { for [(Filter::All, "Alla frågor", "filter-all"), (Filter::Unanswered, "Obesvarade", "filter-unanswered"), (Filter::Low, "Låga betyg (0–1)", "filter-low")]
                    .into_iter()
                    .chain(assessment.carried_from.is_some().then_some([
                        (Filter::Carried, "Överförda att bekräfta", "filter-carried"),
                        (Filter::NewOrChanged, "Nya och ändrade krav", "filter-new"),
                    ]).into_iter().flatten())
                    .map(|(value, label, id)| html! {
                        <span class="checkbox">
                            <input type="radio" name="filter" id={id} checked={**filter == value} onchange={set_filter(value)} />
                            <label for={id}>{ label }</label>
                        </span>
                    }) }
            </fieldset>
            if !roles.is_empty() {
                <div class="field">
                    <label for="role-filter">{ "Kapitel som rör rollen" }</label>
                    <select id="role-filter" onchange={on_role}>
                        <option value="" selected={role.is_none()}>{ "Alla roller" }</option>
                        { for roles.iter().map(|name| html! {
                            <option value={name.clone()} selected={role.as_deref() == Some(name.as_str())}>{ name }</option>
                        }) }
                    </select>
                </div>
            }
            if out_of_scope > 0 {
                <span class="checkbox">
                    <input type="checkbox" id="show-out-of-scope" checked={**show_out_of_scope} onchange={on_out_of_scope} />
                    <label for="show-out-of-scope">{ format!("Visa även de {} som inte gäller med den här klassningen", count_sv(out_of_scope, "krav", "krav")) }</label>
                </span>
            }
            <p class="hint">{ keyboard_hint(assessment) }</p>
        </div>
    }
}

/// ", gäller Ekonomisystemet" for an assessment of an asset; empty for the whole board.
fn subject_note(assessment: &SelfAssessment) -> String {
    match assessment.subject.as_ref().map(|s| s.name.trim()) {
        Some(name) if !name.is_empty() => format!(", gäller {name}"),
        _ => String::new(),
    }
}

/// "Med tangentbordet: …", with the keys of this framework's scale.
fn keyboard_hint(assessment: &SelfAssessment) -> String {
    let scale = &assessment.framework.scale;
    let levels: Vec<u8> = scale.levels.iter().map(|level| level.value).collect();
    let keys = match (levels.iter().min(), levels.iter().max()) {
        (Some(low), Some(high)) if low != high => format!("{low}–{high}"),
        (Some(only), _) => only.to_string(),
        _ => String::new(),
    };
    let not_applicable = if scale.not_applicable {
        " eller E för ej tillämplig"
    } else {
        ""
    };
    format!(
        "Med tangentbordet: stå i en betygslista och tryck {keys} för betyg{not_applicable}; \
         fokus går vidare till nästa fråga."
    )
}

/// The chapters the role filter leaves, with their progress.
fn chapter_entries(assessment: &SelfAssessment, role: Option<&str>) -> Vec<ChapterEntry> {
    assessment
        .framework
        .areas
        .iter()
        .filter(|area| concerns(area, role))
        .map(|area| ChapterEntry {
            id: area.id.clone(),
            title: area.title.clone(),
            score: assessment.area_score(area),
            not_applicable: assessment.area_not_applicable(&area.id).is_some(),
        })
        .collect()
}

fn concerns(area: &Area, role: Option<&str>) -> bool {
    role.is_none_or(|role| area.concerns(role))
}

fn shows(
    filter: Filter,
    assessment: &SelfAssessment,
    area: &Area,
    requirement: &Requirement,
) -> bool {
    let rating = || assessment.rating_in(area, &requirement.id);
    match filter {
        Filter::All => true,
        Filter::Unanswered => rating().is_none(),
        Filter::Low => matches!(rating(), Some(Rating::Level(value)) if value <= GAP_LEVEL),
        Filter::Carried => assessment
            .answer(&requirement.id)
            .is_some_and(|answer| answer.carried_over),
        Filter::NewOrChanged => novelty(assessment, &requirement.id).is_some(),
    }
}

/// "Nytt krav" or "Ändrat krav" since the assessment this one started from.
fn novelty(assessment: &SelfAssessment, requirement: &str) -> Option<&'static str> {
    let from = assessment.carried_from.as_ref()?;
    let has = |ids: &[String]| ids.iter().any(|id| id == requirement);
    if has(&from.new_requirements) {
        Some("Nytt krav sedan förra självskattningen")
    } else if has(&from.changed_requirements) {
        Some("Kravet har ändrats sedan förra självskattningen")
    } else {
        None
    }
}

/// "Påbörjad från «Ekonomisystemet 2025» (2025-11-20): 12 av 40 överförda svar är bekräftade."
fn carried_from_line(assessment: &SelfAssessment) -> Option<String> {
    let from = assessment.carried_from.as_ref()?;
    let waiting = assessment.answers.iter().filter(|a| a.carried_over).count();
    let name = from.name();
    let ratings = if from.ratings_kept {
        "betygen följde med"
    } else {
        "betygen sätts på nytt"
    };
    Some(format!(
        "Påbörjad från «{name}» ({}; {ratings}). {} att bekräfta eller ändra.",
        from.started,
        count_sv(waiting, "överfört svar återstår", "överförda svar återstår")
    ))
}

/// "genomsnitt 2,5 av 4 (63 %)", or that nothing is rated yet.
fn score_text(score: &Score, max: u8) -> String {
    match (score.mean_sv(max), score.percent) {
        (Some(mean), Some(percent)) => format!("genomsnitt {mean} ({percent:.0} %)"),
        _ => "inget betyg satt ännu".to_string(),
    }
}

/// Horizontal bars, one per area: the share of the scale's top level. With a comparison, the
/// earlier result is a lighter bar above the current one. The same numbers are in the table
/// below, for screen readers and for reading exact values.
fn area_chart(
    assessment: &SelfAssessment,
    comparison: Option<&AssessmentComparison>,
    earlier: Option<&SelfAssessment>,
) -> Html {
    let max = assessment.framework.scale.max();
    let bar_height = if comparison.is_some() { 12 } else { 18 };
    let row_height = 34;
    let label_width = 260.0;
    let bar_width = 420.0;
    let areas = &assessment.framework.areas;
    let height = areas.len() * row_height + 24;
    // The earlier assessment's score of the same area (matched by id), when comparing.
    let before = |area_id: &str| {
        let earlier = earlier?;
        let area = earlier.framework.areas.iter().find(|a| a.id == area_id)?;
        Some(earlier.area_score(area))
    };
    let description = areas
        .iter()
        .map(|area| {
            format!(
                "{}: {}",
                area.title,
                score_text(&assessment.area_score(area), max)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <>
        <figure class="chart">
            <svg viewBox={format!("0 0 {} {height}", label_width + bar_width + 60.0)} role="img"
                aria-label={format!("Diagram: andel av högsta nivå per område. {description}")}>
                { for areas.iter().enumerate().map(|(index, area)| {
                    let y = index * row_height + 4;
                    let now = assessment.area_score(area).percent;
                    let then = before(&area.id).and_then(|s| s.percent);
                    html! {
                        <g>
                            <text x="0" y={(y + 16).to_string()} class="chart-label">{ shorten(&area.title, 34) }</text>
                            <rect x={label_width.to_string()} y={y.to_string()} width={bar_width.to_string()} height={(2 * bar_height).min(24).to_string()} class="chart-track" />
                            if let Some(then) = then {
                                <rect x={label_width.to_string()} y={y.to_string()} width={(bar_width * then / 100.0).to_string()} height={bar_height.to_string()} class="chart-before" />
                            }
                            if let Some(now) = now {
                                <rect x={label_width.to_string()} y={(y + if then.is_some() { bar_height } else { 3 }).to_string()}
                                    width={(bar_width * now / 100.0).to_string()} height={bar_height.to_string()} class="chart-now" />
                            }
                            // An area nobody has rated has no result: not 0 %.
                            <text x={(label_width + bar_width + 6.0).to_string()} y={(y + 16).to_string()} class="chart-value">
                                { now.map_or("–".to_string(), |now| format!("{now:.0} %")) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { if comparison.is_some() { "Mörk stapel: den här skattningen. Ljus stapel: den tidigare." } else { "Andel av högsta nivån, per område." } }
            </figcaption>
        </figure>
        <table class="summary">
            <caption class="visually-hidden">{ "Resultat per område" }</caption>
            <thead><tr><th scope="col">{ "Område" }</th><th scope="col">{ "Besvarade" }</th><th scope="col">{ "Resultat" }</th></tr></thead>
            <tbody>
                { for areas.iter().map(|area| {
                    let score = assessment.area_score(area);
                    html! { <tr><th scope="row">{ &area.title }</th><td>{ format!("{} av {}", score.answered, score.total) }</td><td>{ score_text(&score, max) }</td></tr> }
                }) }
            </tbody>
        </table>
        </>
    }
}

/// (question, measure id) for every measure made from a question of an assessment.
fn measures_by_question<'a>(case: &'a Case, assessment: &str) -> Vec<(&'a str, String)> {
    case.measures_with_origin()
        .filter(|(origin, _)| origin.elsewhere.is_none() && origin.assessment == assessment)
        .map(|(origin, measure)| (origin.requirement.as_str(), measure.id.clone()))
        .collect()
}

/// "Åtgärd A4", "Åtgärderna A4 och N1".
fn measure_list_sv(ids: &[String]) -> String {
    match ids {
        [one] => format!("Åtgärd {one}"),
        [rest @ .., last] => format!("Åtgärderna {} och {last}", rest.join(", ")),
        [] => String::new(),
    }
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit - 1).collect();
    format!("{cut}…")
}

fn comparison_view(comparison: &AssessmentComparison) -> Html {
    let (better, worse, unchanged) = comparison.counts();
    let moved: Vec<_> = comparison
        .areas
        .iter()
        .flat_map(|area| area.questions.iter().map(move |q| (area, q)))
        .filter(|(_, q)| !matches!(q.change, Change::Unchanged | Change::NotComparable))
        .collect();
    html! {
        <>
            <p role="status">{ format!(
                "{} bättre, {worse} sämre, {unchanged} oförändrade. Totalt: {}.",
                count_sv(better, "fråga", "frågor"),
                comparison.overall.label_sv().to_lowercase()
            ) }</p>
            <table class="summary comparison-areas">
                <caption>{ "Per område" }</caption>
                <thead><tr><th scope="col">{ "Område" }</th><th scope="col">{ "Förändring" }</th></tr></thead>
                <tbody>
                    { for comparison.areas.iter().map(|area| html! {
                        <tr class={classes!(matches!(area.change, Change::Worse).then_some("attention"))}>
                            <th scope="row">{ &area.title }</th><td>{ area.change.label_sv() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !moved.is_empty() {
                <table class="comparison">
                    <caption>{ "Frågor som har ändrats" }</caption>
                    <thead><tr><th scope="col">{ "Fråga" }</th><th scope="col">{ "Före → efter" }</th></tr></thead>
                    <tbody>
                        { for moved.iter().map(|(_, q)| html! {
                            <tr class={classes!(matches!(q.change, Change::Worse).then_some("late"))}>
                                <td>{ format!("{} {}", q.requirement, q.text) }</td>
                                <td>{ format!("{} → {} ({})", rating_short_sv(q.before), rating_short_sv(q.after), q.change.label_sv()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionRowProps {
    assessment: String,
    /// Audit cases a gap can be carried to (self-assessments on their own only).
    cases: Rc<Vec<(String, String)>>,
    /// Carries the gap of (requirement, audit case id).
    on_carry: Callback<(String, String)>,
    requirement: Requirement,
    answer: Option<Answer>,
    /// Whether the requirement applies to the asset's classification, and why (when it has a
    /// threshold).
    applies: bool,
    reason: Option<String>,
    labels: Rc<Vec<(u8, String)>>,
    not_applicable: bool,
    /// The board's items to make a measure under, with a label that quotes each.
    items: Rc<Vec<(ItemRef, String)>>,
    /// The ids of the measures already made from this question.
    made: Vec<String>,
    /// Whether the requirement is new or changed since the assessment this one started from.
    novelty: Option<&'static str>,
    dispatch: Callback<Action>,
}

/// One question: its text and guidance, the rating, and the answer's details. Re-renders only
/// when its own props change.
#[function_component(QuestionRow)]
fn question_row(props: &QuestionRowProps) -> Html {
    let requirement = &props.requirement;
    let prefix = format!("q-{}", requirement.id);
    let answer = props.answer.clone().unwrap_or_default();
    let edit = {
        let (assessment, id) = (props.assessment.clone(), requirement.id.clone());
        move |field: AnswerField| {
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::SetAnswer {
                assessment: assessment.clone(),
                requirement: id.clone(),
                field,
            }))
        }
    };
    let on_rating = props.dispatch.reform({
        let (assessment, id) = (props.assessment.clone(), requirement.id.clone());
        move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let rating = match value.as_str() {
                "" => None,
                "na" => Some(Rating::NotApplicable),
                level => level.parse().ok().map(Rating::Level),
            };
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::Rate {
                assessment: assessment.clone(),
                requirement: id.clone(),
                rating,
                today: browser::today(),
            }))
        }
    });
    let text = |make: fn(String) -> AnswerField| {
        props.dispatch.reform({
            let edit = edit.clone();
            move |value: String| edit(make(value))
        })
    };
    let on_date = props.dispatch.reform({
        let edit = edit.clone();
        move |date| edit(AnswerField::AssessedOn(date))
    });
    let current = match answer.rating {
        Some(Rating::Level(value)) => value.to_string(),
        Some(Rating::NotApplicable) => "na".to_string(),
        None => String::new(),
    };
    let gap =
        props.applies && matches!(answer.rating, Some(Rating::Level(value)) if value <= GAP_LEVEL);
    let on_key = {
        let (dispatch, assessment, id) = (
            props.dispatch.clone(),
            props.assessment.clone(),
            requirement.id.clone(),
        );
        let levels: Vec<u8> = props.labels.iter().map(|(value, _)| *value).collect();
        let not_applicable = props.not_applicable;
        Callback::from(move |event: KeyboardEvent| {
            let Some(rating) = key_rating(&event, &levels, not_applicable) else {
                if event.key().eq_ignore_ascii_case("e") && !event.ctrl_key() && !event.alt_key() {
                    event.prevent_default();
                }
                return;
            };
            event.prevent_default();
            focus_next_question(&event);
            dispatch.emit(Action::Edit(Edit::SelfAssessment(AssessmentEdit::Rate {
                assessment: assessment.clone(),
                requirement: id.clone(),
                rating: Some(rating),
                today: browser::today(),
            })));
        })
    };
    let on_confirm = props.dispatch.reform({
        let (assessment, id) = (props.assessment.clone(), requirement.id.clone());
        move |_: MouseEvent| {
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::ConfirmCarried {
                assessment: assessment.clone(),
                requirement: id.clone(),
            }))
        }
    });
    html! {
        <div class={classes!("question", gap.then_some("gap"), (!props.applies).then_some("out-of-scope"), answer.carried_over.then_some("carried"))} id={prefix.clone()}>
            <p class="question-text"><strong>{ format!("{} ", requirement.id) }</strong>{ &requirement.text }</p>
            if let Some(novelty) = props.novelty {
                <p class="tag">{ novelty }</p>
            }
            if answer.carried_over {
                <p class="carried-note" id={format!("{prefix}-carried")}>
                    { "Överfört från förra självskattningen. " }
                    <button type="button" class="secondary small" onclick={on_confirm}>
                        { format!("Stämmer fortfarande, fråga {}", requirement.id) }
                    </button>
                </p>
            }
            if props.reason.is_some() || !requirement.applies.roles.is_empty() {
                <p class="applies">
                    if let Some(reason) = &props.reason {
                        { schemas::wording::uppercase_first(reason) }
                        if !props.applies { { ". Svaret räknas inte." } }
                    }
                    if props.reason.is_some() && !requirement.applies.roles.is_empty() { { " · " } }
                    if !requirement.applies.roles.is_empty() {
                        { format!("Berör: {}", requirement.applies.roles.join(", ")) }
                    }
                </p>
            }
            if !requirement.guidance.trim().is_empty() || !requirement.reference.trim().is_empty() {
                <p class="hint">
                    { requirement.guidance.trim() }
                    if !requirement.reference.trim().is_empty() {
                        { format!(" (Källa: {})", requirement.reference.trim()) }
                    }
                </p>
            }
            <div class="columns">
                <div class="field">
                    <label for={format!("{prefix}-rating")}>{ format!("Betyg, fråga {}", requirement.id) }</label>
                    <select id={format!("{prefix}-rating")} class="rating" onchange={on_rating} onkeydown={on_key}>
                        <option value="" selected={current.is_empty()}>{ "Ej besvarad" }</option>
                        { for props.labels.iter().map(|(value, label)| html! {
                            <option value={value.to_string()} selected={current == value.to_string()}>{ format!("{value} – {label}") }</option>
                        }) }
                        if props.not_applicable {
                            <option value="na" selected={current == "na"}>{ "Ej tillämplig" }</option>
                        }
                    </select>
                </div>
                <DateField id={format!("{prefix}-date")} label="Bedömd den" value={answer.assessed_on} on_change={on_date} />
            </div>
            <details>
                <summary>{ format!("Kommentar, belägg och bedömare, fråga {}", requirement.id) }</summary>
                <TextField id={field_id::assessment_answer(&requirement.id, AssessmentAnswerField::Comment)} label="Kommentar" multiline=true value={answer.comment.clone()} on_change={text(AnswerField::Comment)} />
                <TextField id={field_id::assessment_answer(&requirement.id, AssessmentAnswerField::Evidence)} label="Belägg (dokument, rapport, beslut)" value={answer.evidence.clone()} on_change={text(AnswerField::Evidence)} />
                <TextField id={field_id::assessment_answer(&requirement.id, AssessmentAnswerField::AssessedBy)} label="Bedömd av" value={answer.assessed_by.clone()} on_change={text(AnswerField::AssessedBy)} />
            </details>
            if !props.made.is_empty() {
                <p class="hint" id={format!("{prefix}-made")}>{ format!(
                    "{} har skapats från frågan; ändra den under svaret på rekommendationen.",
                    measure_list_sv(&props.made)
                ) }</p>
            } else if gap && !props.items.is_empty() {
                { gap_form(props, &prefix) }
            } else if gap && !props.cases.is_empty() {
                { carry_form(props, &prefix) }
            }
        </div>
    }
}

/// The rating a key gives: a level's digit, or E for "ej tillämplig"; `None` for every other
/// key (the select handles those as usual) and with a modifier held.
fn key_rating(event: &KeyboardEvent, levels: &[u8], not_applicable: bool) -> Option<Rating> {
    if event.ctrl_key() || event.alt_key() || event.meta_key() {
        return None;
    }
    let key = event.key();
    if key.eq_ignore_ascii_case("e") {
        // Without "ej tillämplig" on the scale, E would jump to "Ej besvarad" and clear the
        // rating: the caller swallows the key instead.
        return not_applicable.then_some(Rating::NotApplicable);
    }
    let level: u8 = key.parse().ok()?;
    levels.contains(&level).then_some(Rating::Level(level))
}

/// Moves focus to the rating of the next question on the page, so a chapter can be rated
/// with the keyboard alone.
fn focus_next_question(event: &KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(select) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let next = select
        .closest(".question")
        .ok()
        .flatten()
        .and_then(|question| question.next_element_sibling())
        .and_then(|next| next.query_selector("select.rating").ok().flatten())
        .and_then(|next| next.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(next) = next {
        let _ = next.focus();
    }
}

/// For a low-rated question: make a measure answering one of the board's items.
/// Self-assessments on their own: the gap becomes a measure in an audit case stored here.
fn carry_form(props: &QuestionRowProps, prefix: &str) -> Html {
    let select_id = format!("{prefix}-case");
    let on_carry = {
        let (on_carry, dispatch, id, select_id) = (
            props.on_carry.clone(),
            props.dispatch.clone(),
            props.requirement.id.clone(),
            select_id.clone(),
        );
        Callback::from(
            move |_: MouseEvent| match browser::select_value(&select_id) {
                Some(case) => on_carry.emit((id.clone(), case)),
                None => dispatch.emit(Action::Notify(app_core::app_state::Notice::Error(
                    "Välj först i vilket granskningsärende åtgärden ska stå.".into(),
                ))),
            },
        )
    };
    html! {
        <div class="gap-measure inline-form">
            <div class="field">
                <label for={select_id.clone()}>{ "Gör bristen till en åtgärd i granskningsärendet" }</label>
                <select id={select_id}>
                    <option value="" selected=true>{ "Välj granskningsärende" }</option>
                    { for props.cases.iter().map(|(id, title)| html! { <option value={id.clone()}>{ title }</option> }) }
                </select>
            </div>
            <button type="button" class="secondary" onclick={on_carry}>{ format!("Öppna ärendet och skapa åtgärd från fråga {}", props.requirement.id) }</button>
        </div>
    }
}

fn gap_form(props: &QuestionRowProps, prefix: &str) -> Html {
    let select_id = format!("{prefix}-item");
    let on_make = {
        let (dispatch, assessment, id, select_id) = (
            props.dispatch.clone(),
            props.assessment.clone(),
            props.requirement.id.clone(),
            select_id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let chosen =
                browser::select_value(&select_id).and_then(|value| value.parse::<ItemRef>().ok());
            // Nothing is guessed: without a chosen item the user is asked to choose one.
            let Some(item) = chosen else {
                dispatch.emit(Action::Notify(app_core::app_state::Notice::Error(
                    "Välj först vilken bedömning eller rekommendation åtgärden ska besvara.".into(),
                )));
                return;
            };
            {
                dispatch.emit(Action::Edit(Edit::SelfAssessment(
                    AssessmentEdit::MeasureFromGap {
                        assessment: assessment.clone(),
                        requirement: id.clone(),
                        item,
                    },
                )));
            }
        })
    };
    html! {
        <div class="gap-measure inline-form">
            <div class="field">
                <label for={select_id.clone()}>{ "Åtgärda bristen under" }</label>
                <select id={select_id}>
                    <option value="" selected=true>{ "Välj bedömning eller rekommendation" }</option>
                    { for props.items.iter().map(|(item, label)| html! { <option value={item.to_string()}>{ label }</option> }) }
                </select>
            </div>
            <button type="button" class="secondary" onclick={on_make}>{ format!("Skapa åtgärd från fråga {}", props.requirement.id) }</button>
        </div>
    }
}
