//! The report of a self-assessment: results per area, then every question with its rating,
//! comment and evidence; and, when an earlier assessment of the same framework is given, the
//! change per area and the questions that moved. Same document standards as the yttranden.

use docx_rs::{Docx, Paragraph};
use schemas::applicability::{level_name_sv, Parameter, SubjectKind};
use schemas::self_assessment::{compare, rating_short_sv, AssessmentComparison, Change, Score};
use schemas::wording::lowercase_first;
use schemas::{Area, Board, Case, Date, Requirement, SelfAssessment};

use crate::blocks::{self, CellContent, Column, Columns};
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

/// Builds the report; `earlier` is an earlier assessment of the same framework to compare with.
pub fn build(
    case: &Case,
    board: &Board,
    assessment: &SelfAssessment,
    earlier: Option<&SelfAssessment>,
    date: Date,
) -> (Docx, DocumentInfo) {
    let title = if assessment.title.trim().is_empty() {
        format!("Självskattning: {}", assessment.framework.title)
    } else {
        assessment.title.trim().to_string()
    };
    let info = DocumentInfo {
        title,
        subject: format!("Självskattning, {}", board.name),
        author: board.name.clone(),
        date,
    };
    let mut docx = frame::open(case, board, &board.name, &info);
    docx = blocks::add_all(docx, introduction(board, assessment));
    docx = add_subject(docx, assessment);
    docx = add_results(docx, assessment);
    if let Some(comparison) =
        earlier.and_then(|earlier| compare(earlier, assessment).map(|c| (earlier, c)))
    {
        docx = add_comparison(docx, comparison.0, &comparison.1);
    }
    docx = add_questions(docx, assessment);
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
fn add_subject(mut docx: Docx, assessment: &SelfAssessment) -> Docx {
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

fn add_results(docx: Docx, assessment: &SelfAssessment) -> Docx {
    let max = assessment.framework.scale.max();
    let overall = assessment.overall_score();
    let docx = docx
        .add_paragraph(blocks::heading1("Resultat"))
        .add_paragraph(blocks::styled(
            styles::NORMAL,
            &format!(
                "{} av {}. Genomsnittet räknas på de frågor som har fått ett betyg; obesvarade och ej tillämpliga frågor räknas inte.",
                overall.answered,
                count_sv(overall.total, "fråga besvarad", "frågor besvarade")
            ),
        ).keep_next(true));
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

fn add_comparison(docx: Docx, earlier: &SelfAssessment, comparison: &AssessmentComparison) -> Docx {
    let docx = docx.add_paragraph(blocks::heading1("Förändring sedan föregående skattning"));
    add_change(docx, earlier, comparison)
}

/// The change between two assessments as evidence of effect, for the uppföljande yttrande:
/// nothing when the assessments are missing or of different frameworks.
pub fn add_evidence(docx: Docx, case: &Case, earlier: &str, later: &str) -> Docx {
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
fn add_change(docx: Docx, earlier: &SelfAssessment, comparison: &AssessmentComparison) -> Docx {
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
        ).keep_next(true));
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

fn add_questions(mut docx: Docx, assessment: &SelfAssessment) -> Docx {
    docx = docx.add_paragraph(blocks::heading1("Svar per område"));
    for area in &assessment.framework.areas {
        docx = docx.add_paragraph(blocks::heading2(&area.title));
        if let Some(motivation) = assessment.area_not_applicable(&area.id) {
            docx = docx.add_paragraph(blocks::labelled(
                "Hela kapitlet är ej tillämpligt",
                motivation.trim(),
            ));
        }
        let rows = area
            .requirements
            .iter()
            .map(|requirement| {
                let answer = assessment.answer(&requirement.id);
                let mut notes: CellContent = Vec::new();
                if let Some(answer) = answer {
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
            })
            .collect();
        docx = docx
            .add_table(blocks::table_with_header(QUESTION_COLUMNS, rows))
            .add_paragraph(blocks::spacer());
    }
    docx
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
