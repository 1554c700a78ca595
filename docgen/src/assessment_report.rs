//! The report of a self-assessment: results per area, then every question with its rating,
//! comment and evidence; and, when an earlier assessment of the same framework is given, the
//! change per area and the questions that moved. Same document standards as the yttranden.

use crate::content::{Document, Paragraph};
use schemas::applicability::{level_name_sv, Parameter, SubjectKind};
use schemas::self_assessment::{
    compare, rating_short_sv, AssessmentComparison, Change, Score, GAP_LEVEL,
};
use schemas::wording::lowercase_first;
use schemas::{Area, Board, Case, Date, Measure, Rating, Requirement, SelfAssessment};

use crate::blocks::{self, CellContent, Column, Columns};
use crate::chart::{self, BarChart, Series};
use crate::frame;
use crate::package::DocumentInfo;
use crate::styles;
use crate::wording::count_sv;

/// The results per area.
const AREA_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Område",
        width: 4272,
    },
    Column {
        title: "Besvarade",
        width: 1600,
    },
    Column {
        title: "Genomsnitt",
        width: 1600,
    },
    Column {
        title: "Andel av högsta nivå",
        width: 1600,
    },
]);
/// Every question with its rating, comment and evidence.
const QUESTION_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Id",
        width: 900,
    },
    Column {
        title: "Fråga",
        width: 3772,
    },
    Column {
        title: "Betyg",
        width: 1600,
    },
    Column {
        title: "Kommentar och belägg",
        width: 2800,
    },
]);
/// The asset's classification, one row per parameter.
const CLASSIFICATION_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Parameter",
        width: 2200,
    },
    Column {
        title: "Nivå",
        width: 2000,
    },
    Column {
        title: "Motivering",
        width: 4872,
    },
]);
/// The gaps with their measures.
const GAP_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Id",
        width: 900,
    },
    Column {
        title: "Fråga",
        width: 3372,
    },
    Column {
        title: "Betyg",
        width: 1400,
    },
    Column {
        title: "Åtgärd",
        width: 3400,
    },
]);
/// The change per area since the earlier assessment.
const CHANGE_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Område",
        width: 4272,
    },
    Column {
        title: "Före",
        width: 1600,
    },
    Column {
        title: "Efter",
        width: 1600,
    },
    Column {
        title: "Förändring",
        width: 1600,
    },
]);
/// The questions whose rating changed.
const MOVED_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Id",
        width: 900,
    },
    Column {
        title: "Fråga",
        width: 3672,
    },
    Column {
        title: "Före",
        width: 1500,
    },
    Column {
        title: "Efter",
        width: 1500,
    },
    Column {
        title: "Förändring",
        width: 1500,
    },
]);

/// What a report is made of: the assessment, and the choices the user made for it.
pub struct ReportOf<'a> {
    pub case: &'a Case,
    pub board: &'a Board,
    pub assessment: &'a SelfAssessment,
    /// An earlier assessment of the same framework to compare with.
    pub earlier: Option<&'a SelfAssessment>,
    /// Leave the questions without an answer out of the answer tables.
    pub leave_out_unanswered: bool,
}

/// Builds the report: what was assessed, a summary, the results per chapter as a chart and a
/// table, the gaps with their measures, the comparison when chosen, and the answers.
pub fn build(report: &ReportOf, date: Date) -> (Document, DocumentInfo) {
    let ReportOf {
        case,
        board,
        assessment,
        ..
    } = *report;
    let title = if assessment.title.trim().is_empty() {
        format!("Självskattning: {}", assessment.framework.title)
    } else {
        assessment.title.trim().to_string()
    };
    let mut info = DocumentInfo {
        title,
        subject: format!("Självskattning, {}", board.name),
        author: board.name.clone(),
        date,
        charts: Vec::new(),
    };
    let comparison = report
        .earlier
        .and_then(|earlier| compare(earlier, assessment).map(|c| (earlier, c)));
    let mut docx = frame::open(case, board, &board.name, &info);
    docx = blocks::add_all(docx, introduction(board, assessment));
    docx = add_subject(docx, assessment);
    docx = blocks::add_all(docx, summary(report, comparison.as_ref()));
    let chart = results_chart(assessment, comparison.as_ref());
    docx = add_results(docx, assessment, info.charts.len() + 1);
    info.charts.push(chart);
    docx = add_gaps(docx, case, assessment);
    if let Some((earlier, comparison)) = &comparison {
        docx = add_comparison(docx, earlier, comparison);
    }
    docx = add_questions(docx, assessment, report.leave_out_unanswered);
    (docx, info)
}

fn introduction(board: &Board, assessment: &SelfAssessment) -> Vec<Paragraph> {
    let framework = &assessment.framework;
    let version = match framework.version.trim() {
        "" => String::new(),
        version => format!(", version {version}"),
    };
    let mut paragraphs = vec![blocks::styled(
        styles::NORMAL,
        &format!(
            "{} har skattat sitt arbete mot ramverket ”{}”{version}. Skattningen påbörjades {}.",
            board.name,
            framework.title.trim(),
            assessment.started.to_swedish_text()
        ),
    )];
    if !framework.source.trim().is_empty() {
        paragraphs.push(blocks::labelled("Källa", framework.source.trim()));
    }
    // Next year's assessment names the one it started from (the embedded case carries it).
    if let Some(from) = &assessment.carried_from {
        paragraphs.push(blocks::labelled(
            "Påbörjad från",
            &format!(
                "{} (påbörjad {})",
                from.name(),
                from.started.to_swedish_text()
            ),
        ));
    }
    let scale = framework
        .scale
        .levels
        .iter()
        .map(|level| format!("{} {}", level.value, level.label))
        .collect::<Vec<_>>()
        .join(", ");
    paragraphs.push(blocks::labelled("Skala", &scale));
    paragraphs
}

/// What was assessed when it is one asset: its name, kind, owner, description and
/// classification with every motivation, and how many requirements its classification leaves
/// out (they stay in the answer tables, marked, so nothing the document carries is unseen).
fn add_subject(mut docx: Document, assessment: &SelfAssessment) -> Document {
    let Some(subject) = &assessment.subject else {
        return docx;
    };
    let name = match subject.name.trim() {
        "" => "(namn saknas)",
        name => name,
    };
    docx = docx
        .add_paragraph(blocks::heading1("Vad som bedömdes"))
        .add_paragraph(blocks::labelled(subject.kind.label_sv(), name));
    for (label, text) in [
        ("Ägare", &subject.owner_role),
        ("Beskrivning", &subject.description),
    ] {
        if !text.trim().is_empty() {
            docx = docx.add_paragraph(blocks::labelled(label, text.trim()));
        }
    }
    // A förvaltning is not tested against thresholds, but a classification entered before the
    // kind was changed is still the user's: it is printed whenever it has a level.
    let classified = Parameter::ALL
        .into_iter()
        .any(|parameter| subject.classification.get(parameter).is_some());
    if subject.kind == SubjectKind::Unit && !classified {
        return docx;
    }
    let rows = Parameter::ALL
        .into_iter()
        .map(|parameter| {
            let classified = subject.classification.get(parameter);
            let level = classified.map_or("Inte klassad".to_string(), |c| {
                format!("{} – {}", c.level, level_name_sv(c.level))
            });
            let motivation = classified.map_or("", |c| c.motivation.trim());
            vec![
                vec![blocks::styled(
                    styles::TABLE_TEXT,
                    &format!("{} ({})", parameter.name_sv(), parameter.letter()),
                )],
                vec![blocks::styled(styles::TABLE_TEXT, &level)],
                blocks::text_paragraphs(styles::TABLE_TEXT, motivation),
            ]
        })
        .collect();
    docx = docx
        .add_table(blocks::table_with_header(CLASSIFICATION_COLUMNS, rows))
        .add_paragraph(blocks::spacer());
    let left_out = assessment.out_of_scope_count();
    if left_out > 0 {
        docx = docx.add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "{} av ramverkets {} gäller först från en högre klassning. De räknas inte i \
                 resultatet och står i svarstabellerna som ”Gäller inte”.",
                count_sv(left_out, "krav", "krav"),
                count_sv(assessment.framework.requirement_count(), "krav", "krav")
            ),
        ));
    }
    docx
}

/// The rating column of a question: its rating, or why it does not count.
fn rating_cell(assessment: &SelfAssessment, area: &Area, requirement: &Requirement) -> String {
    let verdict = assessment.verdict(requirement);
    let own = assessment
        .own_rating(&requirement.id)
        .map(|rating| {
            let label = assessment.label_of(Some(rating));
            format!("; eget betyg {}", lowercase_first(&label))
        })
        .unwrap_or_default();
    if !verdict.applies() {
        return format!(
            "Gäller inte ({}){own}",
            verdict.reason().unwrap_or_default()
        );
    }
    if assessment.area_not_applicable(&area.id).is_some() {
        return format!("Ej tillämplig (hela kapitlet){own}");
    }
    assessment.rating_label(&requirement.id)
}

/// "2,5 av 4" with a Swedish decimal comma; "–" when nothing is rated.
fn mean_sv(score: &Score, max: u8) -> String {
    score.mean_sv(max).unwrap_or_else(|| "–".to_string())
}

fn percent_sv(score: &Score) -> String {
    score
        .percent
        .map_or("–".to_string(), |percent| format!("{percent:.0} %"))
}

/// The summary a board member reads first: how much is answered, the mean, the strongest and
/// weakest chapters, the gaps and how many have a measure, and the change when compared.
fn summary(
    report: &ReportOf,
    comparison: Option<&(&SelfAssessment, AssessmentComparison)>,
) -> Vec<Paragraph> {
    let assessment = report.assessment;
    let max = assessment.framework.scale.max();
    let overall = assessment.overall_score();
    let mut lines = vec![format!(
        "{} av {} som gäller är besvarade.",
        overall.answered,
        count_sv(overall.total, "fråga", "frågor")
    )];
    match overall.mean_sv(max) {
        Some(mean) => lines.push(format!(
            "Genomsnittligt betyg: {mean} ({} av högsta nivån).",
            percent_sv(&overall)
        )),
        None => lines.push("Ingen fråga har fått ett betyg ännu.".to_string()),
    }
    if let Some(line) = strongest_and_weakest(assessment) {
        lines.push(line);
    }
    if overall.mean.is_some() {
        lines.push(gaps_line(report.case, assessment));
    }
    if let Some((earlier, comparison)) = comparison {
        lines.push(format!(
            "Jämfört med skattningen som påbörjades {}: {}.",
            earlier.started.to_swedish_text(),
            comparison.overall.label_sv().to_lowercase()
        ));
    }
    let mut paragraphs = vec![blocks::heading1("Sammanfattning")];
    paragraphs.extend(
        lines
            .iter()
            .map(|line| blocks::styled(styles::NORMAL, line)),
    );
    paragraphs
}

/// "Högst: ”Styrning” (3,2 av 4). Lägst: ”Incidenter” (1,1 av 4)." when two or more chapters
/// have a mean.
fn strongest_and_weakest(assessment: &SelfAssessment) -> Option<String> {
    let max = assessment.framework.scale.max();
    let rated: Vec<(&Area, Score)> = assessment
        .framework
        .areas
        .iter()
        .map(|area| (area, assessment.area_score(area)))
        .filter(|(_, score)| score.mean.is_some())
        .collect();
    if rated.len() < 2 {
        return None;
    }
    let mean = |score: &Score| score.mean.unwrap_or_default();
    // The first of equals, in the framework's order.
    let highest = rated.iter().fold(&rated[0], |best, next| {
        if mean(&next.1) > mean(&best.1) {
            next
        } else {
            best
        }
    });
    let lowest = rated.iter().fold(&rated[0], |worst, next| {
        if mean(&next.1) < mean(&worst.1) {
            next
        } else {
            worst
        }
    });
    Some(format!(
        "Högst: ”{}” ({}). Lägst: ”{}” ({}).",
        highest.0.title.trim(),
        mean_sv(&highest.1, max),
        lowest.0.title.trim(),
        mean_sv(&lowest.1, max)
    ))
}

/// The gap level in words on the assessment's scale: "1 – Påbörjat".
fn gap_level_sv(assessment: &SelfAssessment) -> String {
    assessment.label_of(Some(Rating::Level(GAP_LEVEL)))
}

fn gaps_line(case: &Case, assessment: &SelfAssessment) -> String {
    let gaps = assessment.gaps();
    if gaps.is_empty() {
        return format!(
            "Ingen fråga som gäller har fått betyget {} eller lägre.",
            gap_level_sv(assessment)
        );
    }
    let with_measure = gaps
        .iter()
        .filter(|id| case.measures_from(&assessment.id, id).next().is_some())
        .count();
    format!(
        "{} (betyget {} eller lägre), varav {with_measure} med en åtgärd.",
        count_sv(gaps.len(), "fråga är en brist", "frågor är brister"),
        gap_level_sv(assessment)
    )
}

/// The mean per chapter as bars, with the earlier assessment's beside them when compared.
fn results_chart(
    assessment: &SelfAssessment,
    comparison: Option<&(&SelfAssessment, AssessmentComparison)>,
) -> BarChart {
    let areas = &assessment.framework.areas;
    let max = assessment.framework.scale.max();
    let mut series = Vec::new();
    if let Some((earlier, comparison)) = comparison {
        let before = |area: &Area| {
            comparison
                .areas
                .iter()
                .find(|change| change.area == area.id)
                .and_then(|change| change.before.mean)
                .map(as_printed)
        };
        series.push(Series {
            name: format!("Föregående ({})", earlier.started.to_swedish_text()),
            values: areas.iter().map(before).collect(),
            colour: "9DC3E6",
        });
    }
    series.push(Series {
        name: format!("Denna skattning ({})", assessment.started.to_swedish_text()),
        values: areas
            .iter()
            .map(|area| assessment.area_score(area).mean.map(as_printed))
            .collect(),
        colour: "1F4E79",
    });
    let compared = if comparison.is_some() {
        ", denna skattning och den föregående"
    } else {
        ""
    };
    BarChart {
        categories: areas
            .iter()
            .map(|area| area.title.trim().to_string())
            .collect(),
        series,
        axis_max: f64::from(max),
        description: format!(
            "Stapeldiagram: genomsnittligt betyg per område på skalan 0–{max}{compared}. Ett \
             område utan betyg har ingen stapel. Samma siffror står i tabellen under diagrammet."
        ),
    }
}

/// A mean as the table prints it (one decimal), so the chart and the table give the same
/// number.
fn as_printed(mean: f64) -> f64 {
    format!("{mean:.1}").parse().unwrap_or(mean)
}

fn add_results(docx: Document, assessment: &SelfAssessment, chart: usize) -> Document {
    let max = assessment.framework.scale.max();
    let overall = assessment.overall_score();
    let docx = docx
        .add_paragraph(blocks::heading1("Resultat per område"))
        .add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "Diagrammet visar genomsnittligt betyg per område på skalan 0–{max}; tabellen under det har samma siffror. Genomsnittet räknas på de frågor som har fått ett betyg; obesvarade och ej tillämpliga frågor räknas inte."
            ),
        ).keep_next())
        .add_paragraph(chart::placeholder(chart));
    let mut rows: Vec<Vec<CellContent>> = assessment
        .framework
        .areas
        .iter()
        .map(|area| score_row(&area.title, &assessment.area_score(area), max))
        .collect();
    rows.push(score_row("Samtliga områden", &overall, max));
    docx.add_table(blocks::table_with_header(AREA_COLUMNS, rows))
        .add_paragraph(blocks::spacer())
}

/// The gaps, lowest rated first, each with the measures made from it.
fn add_gaps(docx: Document, case: &Case, assessment: &SelfAssessment) -> Document {
    let docx = docx.add_paragraph(blocks::heading1("Brister och åtgärder"));
    let mut gaps: Vec<(&Area, &Requirement)> = assessment
        .gaps()
        .into_iter()
        .filter_map(|id| assessment.framework.requirement(id))
        .collect();
    if gaps.is_empty() {
        return docx.add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "Ingen fråga som gäller har fått betyget {} eller lägre.",
                gap_level_sv(assessment)
            ),
        ));
    }
    let level = |requirement: &Requirement| match assessment.rating(&requirement.id) {
        Some(Rating::Level(value)) => value,
        _ => u8::MAX,
    };
    // A stable sort: equal ratings stay in the framework's order.
    gaps.sort_by_key(|(_, requirement)| level(requirement));
    let rows = gaps
        .into_iter()
        .map(|(_, requirement)| {
            let measures: CellContent = case
                .measures_from(&assessment.id, &requirement.id)
                .map(measure_paragraph)
                .collect();
            let measures = if measures.is_empty() {
                vec![blocks::styled(styles::TABLE_TEXT, "Ingen åtgärd ännu.")]
            } else {
                measures
            };
            vec![
                vec![blocks::styled(styles::TABLE_TEXT, &requirement.id)],
                blocks::text_paragraphs(styles::TABLE_TEXT, &requirement.text),
                vec![blocks::styled(
                    styles::TABLE_TEXT,
                    &assessment.rating_label(&requirement.id),
                )],
                measures,
            ]
        })
        .collect();
    docx.add_paragraph(
        blocks::styled(
            styles::NORMAL,
            &format!(
                "Frågor som gäller och har fått betyget {} eller lägre, lägst först, med de åtgärder som nämnden har beslutat om.",
                gap_level_sv(assessment)
            ),
        )
        .keep_next(),
    )
    .add_table(blocks::table_with_header(GAP_COLUMNS, rows))
    .add_paragraph(blocks::spacer())
}

/// "A3: Ta fram en kontinuitetsplan. Ansvarig: IT-chef. Klar senast 30 september 2026."
fn measure_paragraph(measure: &Measure) -> Paragraph {
    let mut text = format!("{}: {}", measure.id, measure.action.trim());
    if !measure.responsible.trim().is_empty() {
        text.push_str(&format!(" Ansvarig: {}.", measure.responsible.trim()));
    }
    if let Some(done_by) = measure.done_by {
        text.push_str(&format!(" Klar senast {}.", done_by.to_swedish_text()));
    }
    blocks::styled(styles::TABLE_TEXT, &text)
}

fn score_row(title: &str, score: &Score, max: u8) -> Vec<CellContent> {
    [
        title.to_string(),
        format!("{} av {}", score.answered, score.total),
        mean_sv(score, max),
        percent_sv(score),
    ]
    .iter()
    .map(|text| vec![blocks::styled(styles::TABLE_TEXT, text)])
    .collect()
}

fn add_comparison(
    docx: Document,
    earlier: &SelfAssessment,
    comparison: &AssessmentComparison,
) -> Document {
    let docx = docx.add_paragraph(blocks::heading1("Förändring sedan föregående skattning"));
    add_change(docx, earlier, comparison)
}

/// The change between two assessments as evidence of effect, for the uppföljande yttrande:
/// nothing when the assessments are missing or of different frameworks.
pub fn add_evidence(docx: Document, case: &Case, earlier: &str, later: &str) -> Document {
    let find = |id: &str| case.self_assessments.iter().find(|a| a.id == id);
    let (Some(earlier), Some(later)) = (find(earlier), find(later)) else {
        return docx;
    };
    let Some(comparison) = compare(earlier, later) else {
        return docx;
    };
    let docx = docx
        .add_paragraph(blocks::heading1("Självskattning som belägg för effekt"))
        .add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "Nämnden har skattat sitt arbete mot ramverket ”{}” två gånger: {} och {}.",
                later.framework.title.trim(),
                earlier.started.to_swedish_text(),
                later.started.to_swedish_text()
            ),
        ));
    add_change(docx, earlier, &comparison)
}

/// The counts, the table per area and the questions that moved.
fn add_change(
    docx: Document,
    earlier: &SelfAssessment,
    comparison: &AssessmentComparison,
) -> Document {
    let max = earlier.framework.scale.max();
    let (better, worse, unchanged) = comparison.counts();
    let mut docx = docx
        .add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "Jämfört med skattningen som påbörjades {}: {} bättre betyg, {worse} sämre och {unchanged} samma. Totalt: {}.",
                earlier.started.to_swedish_text(),
                count_sv(better, "fråga har fått", "frågor har fått"),
                comparison.overall.label_sv().to_lowercase()
            ),
        ).keep_next());
    let rows = comparison
        .areas
        .iter()
        .map(|area| {
            [
                area.title.clone(),
                mean_sv(&area.before, max),
                mean_sv(&area.after, max),
                area.change.label_sv().to_string(),
            ]
            .iter()
            .map(|text| vec![blocks::styled(styles::TABLE_TEXT, text)])
            .collect()
        })
        .collect();
    docx = docx
        .add_table(blocks::table_with_header(CHANGE_COLUMNS, rows))
        .add_paragraph(blocks::spacer());
    let moved: Vec<Vec<CellContent>> = comparison
        .areas
        .iter()
        .flat_map(|area| &area.questions)
        .filter(|q| !matches!(q.change, Change::Unchanged | Change::NotComparable))
        .map(|q| {
            [
                q.requirement.clone(),
                q.text.clone(),
                rating_short_sv(q.before),
                rating_short_sv(q.after),
                q.change.label_sv().to_string(),
            ]
            .iter()
            .map(|text| vec![blocks::styled(styles::TABLE_TEXT, text)])
            .collect()
        })
        .collect();
    if moved.is_empty() {
        return docx.add_paragraph(blocks::styled(
            styles::NORMAL,
            "Ingen fråga har ändrat betyg.",
        ));
    }
    docx.add_paragraph(blocks::heading2("Frågor som har ändrats"))
        .add_table(blocks::table_with_header(MOVED_COLUMNS, moved))
        .add_paragraph(blocks::spacer())
}

fn add_questions(
    mut docx: Document,
    assessment: &SelfAssessment,
    leave_out_unanswered: bool,
) -> Document {
    docx = docx.add_paragraph(blocks::heading1("Svar per område"));
    let shown = |requirement: &Requirement| {
        !leave_out_unanswered
            || assessment
                .answer(&requirement.id)
                .is_some_and(|answer| !answer.is_blank())
    };
    if leave_out_unanswered {
        let left_out = assessment
            .framework
            .requirements()
            .filter(|(_, requirement)| !shown(requirement))
            .count();
        docx = docx.add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "Frågor utan svar (inget betyg och ingen kommentar) är utelämnade: {} av {}.",
                left_out,
                count_sv(assessment.framework.requirement_count(), "fråga", "frågor")
            ),
        ));
    }
    for area in &assessment.framework.areas {
        docx = docx.add_paragraph(blocks::heading2(&area.title));
        if let Some(motivation) = assessment.area_not_applicable(&area.id) {
            docx = docx.add_paragraph(blocks::labelled(
                "Hela kapitlet är ej tillämpligt",
                motivation.trim(),
            ));
        }
        let rows: Vec<Vec<CellContent>> = area
            .requirements
            .iter()
            .filter(|requirement| shown(requirement))
            .map(|requirement| question_row(assessment, area, requirement))
            .collect();
        let left_out = area.requirements.len() - rows.len();
        if rows.is_empty() {
            docx = docx.add_paragraph(blocks::styled(
                styles::NORMAL,
                &format!(
                    "Ingen av kapitlets {} har ett svar.",
                    count_sv(left_out, "fråga", "frågor")
                ),
            ));
            continue;
        }
        docx = docx
            .add_table(blocks::table_with_header(QUESTION_COLUMNS, rows))
            .add_paragraph(blocks::spacer());
        if left_out > 0 {
            docx = docx.add_paragraph(blocks::styled(
                styles::NORMAL,
                &format!(
                    "{} utan svar är utelämnade.",
                    count_sv(left_out, "fråga", "frågor")
                ),
            ));
        }
    }
    docx
}

/// A question's row: id, text, rating (or why it does not count), and what was written.
fn question_row(
    assessment: &SelfAssessment,
    area: &Area,
    requirement: &Requirement,
) -> Vec<CellContent> {
    let mut notes: CellContent = Vec::new();
    if let Some(answer) = assessment.answer(&requirement.id) {
        for (label, text) in [
            ("Kommentar", &answer.comment),
            ("Belägg", &answer.evidence),
            ("Bedömd av", &answer.assessed_by),
        ] {
            if !text.trim().is_empty() {
                notes.push(
                    Paragraph::new()
                        .style(styles::TABLE_TEXT)
                        .add_run(blocks::text_run(&format!("{label}: ")).bold())
                        .add_run(blocks::text_run(text.trim())),
                );
            }
        }
    }
    if notes.is_empty() {
        notes.push(blocks::styled(styles::TABLE_TEXT, ""));
    }
    vec![
        vec![blocks::styled(styles::TABLE_TEXT, &requirement.id)],
        blocks::text_paragraphs(styles::TABLE_TEXT, &requirement.text),
        vec![blocks::styled(
            styles::TABLE_TEXT,
            &rating_cell(assessment, area, requirement),
        )],
        notes,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_use_a_decimal_comma() {
        let score = Score {
            mean: Some(2.25),
            percent: Some(56.25),
            ..Score::default()
        };
        assert_eq!(mean_sv(&score, 4), "2,2 av 4");
        assert_eq!(percent_sv(&score), "56 %");
        assert_eq!(mean_sv(&Score::default(), 4), "–");
    }
}
