//! The overview of many self-assessments against one framework: each thing assessed (an asset,
//! or a board or förvaltning as a whole) as a row, each chapter as a column, the latest
//! assessment's numbers in every cell, and the trend per year. Assessments are grouped by
//! framework id, so the versions of a guideline stand in one table; chapters are matched by id.

use crate::date::Date;
use crate::model::Case;
use crate::self_assessment::{Score, SelfAssessment};

/// One framework's overview.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub framework_id: String,
    /// As the newest assessment's framework names it.
    pub framework_title: String,
    /// The chapters of the newest version: (id, title).
    pub chapters: Vec<(String, String)>,
    pub rows: Vec<OverviewRow>,
    /// Every year an assessment was started, oldest first: the trend's columns.
    pub years: Vec<u16>,
    /// The newest version's top level (4 on the default scale): the means are out of it.
    pub scale_max: u8,
}

/// One thing assessed, with its latest assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    /// The asset's name, or the board's for an assessment of the whole board.
    pub name: String,
    /// The assessing board's name.
    pub board: String,
    /// The latest assessment's id, title and start.
    pub assessment: String,
    pub title: String,
    pub started: Date,
    pub overall: Score,
    /// Per chapter of [`Overview::chapters`]: the score, or why there is none.
    pub cells: Vec<Cell>,
    /// Per year of [`Overview::years`]: the mean of the latest assessment started that year.
    pub trend: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Score(Score),
    /// The chapter is marked not applicable in this assessment.
    NotApplicable,
    /// The assessment's version of the framework has no such chapter.
    Missing,
}

/// Every framework's overview, in the order the frameworks were first used.
pub fn overviews(case: &Case) -> Vec<Overview> {
    let mut framework_ids: Vec<&str> = Vec::new();
    for assessment in &case.self_assessments {
        if !framework_ids.contains(&assessment.framework.id.as_str()) {
            framework_ids.push(&assessment.framework.id);
        }
    }
    framework_ids
        .into_iter()
        .map(|id| overview_of(case, id))
        .collect()
}

fn overview_of(case: &Case, framework_id: &str) -> Overview {
    let assessments: Vec<&SelfAssessment> = case
        .self_assessments
        .iter()
        .filter(|assessment| assessment.framework.id == framework_id)
        .collect();
    let newest = latest(&assessments);
    let chapters: Vec<(String, String)> = newest
        .map(|assessment| {
            assessment
                .framework
                .areas
                .iter()
                .map(|area| (area.id.clone(), area.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut years: Vec<u16> = assessments.iter().map(|a| a.started.year()).collect();
    years.sort_unstable();
    years.dedup();
    let mut groups: Vec<(String, String, Vec<&SelfAssessment>)> = Vec::new();
    for assessment in &assessments {
        let board = case
            .board(&assessment.board)
            .map_or(assessment.board.clone(), |board| board.name.clone());
        let name = subject_name(assessment).unwrap_or_else(|| board.clone());
        match groups
            .iter_mut()
            .find(|(n, b, _)| *n == name && *b == board)
        {
            Some((_, _, members)) => members.push(assessment),
            None => groups.push((name, board, vec![assessment])),
        }
    }
    let rows = groups
        .into_iter()
        .filter_map(|(name, board, members)| {
            let last = latest(&members)?;
            Some(OverviewRow {
                name,
                board,
                assessment: last.id.clone(),
                title: last.title.clone(),
                started: last.started,
                overall: last.overall_score(),
                cells: chapters.iter().map(|(id, _)| cell(last, id)).collect(),
                trend: years.iter().map(|year| mean_in(&members, *year)).collect(),
            })
        })
        .collect();
    Overview {
        framework_id: framework_id.to_string(),
        framework_title: newest.map_or(String::new(), |a| a.framework.title.clone()),
        chapters,
        rows,
        years,
        scale_max: newest.map_or(0, |a| a.framework.scale.max()),
    }
}

/// The asset's name, when an asset is assessed and named.
fn subject_name(assessment: &SelfAssessment) -> Option<String> {
    let name = assessment.subject.as_ref()?.name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The assessment started last (the later in the list on the same day).
fn latest<'a>(assessments: &[&'a SelfAssessment]) -> Option<&'a SelfAssessment> {
    assessments.iter().copied().reduce(|best, next| {
        if next.started >= best.started {
            next
        } else {
            best
        }
    })
}

fn cell(assessment: &SelfAssessment, chapter: &str) -> Cell {
    match assessment
        .framework
        .areas
        .iter()
        .find(|area| area.id == chapter)
    {
        None => Cell::Missing,
        Some(area) if assessment.area_not_applicable(&area.id).is_some() => Cell::NotApplicable,
        Some(area) => Cell::Score(assessment.area_score(area)),
    }
}

fn mean_in(members: &[&SelfAssessment], year: u16) -> Option<f64> {
    let that_year: Vec<&SelfAssessment> = members
        .iter()
        .copied()
        .filter(|assessment| assessment.started.year() == year)
        .collect();
    latest(&that_year)?.overall_score().mean
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicability::Subject;
    use crate::framework::{Area, Framework, Requirement};
    use crate::self_assessment::{Answer, AreaNotApplicable, Rating};
    use crate::Board;

    fn framework() -> Framework {
        let mut framework = Framework::new("riktlinje", "Riktlinje");
        for (area, ids) in [("a", ["1", "2"]), ("b", ["3", "4"])] {
            framework.areas.push(Area {
                id: area.into(),
                title: area.to_uppercase(),
                description: String::new(),
                requirements: ids
                    .iter()
                    .map(|id| Requirement {
                        id: id.to_string(),
                        text: format!("Krav {id}"),
                        guidance: String::new(),
                        reference: String::new(),
                        applies: Default::default(),
                    })
                    .collect(),
            });
        }
        framework
    }

    fn assessment(id: &str, asset: &str, started: &str, ratings: &[(&str, u8)]) -> SelfAssessment {
        SelfAssessment {
            id: id.into(),
            board: "sn".into(),
            title: format!("{asset} {}", &started[..4]),
            started: Date::parse(started).expect("date"),
            framework: framework(),
            answers: ratings
                .iter()
                .map(|(requirement, level)| Answer {
                    requirement: requirement.to_string(),
                    rating: Some(Rating::Level(*level)),
                    ..Answer::default()
                })
                .collect(),
            subject: (!asset.is_empty()).then(|| Subject {
                name: asset.into(),
                ..Subject::default()
            }),
            not_applicable_areas: Vec::new(),
            carried_from: None,
        }
    }

    #[test]
    fn each_asset_is_a_row_with_its_latest_numbers_and_its_trend() {
        let mut case = Case::new_self_assessments("Självskattningar");
        case.boards.push(Board::new("sn", "Servicenämnden"));
        case.self_assessments = vec![
            assessment("S1", "Ekonomisystemet", "2025-02-01", &[("1", 1), ("3", 1)]),
            assessment("S2", "", "2025-03-01", &[("1", 4)]),
            assessment(
                "S3",
                "Ekonomisystemet",
                "2026-02-01",
                &[("1", 3), ("2", 2), ("3", 2)],
            ),
        ];
        case.self_assessments[2]
            .not_applicable_areas
            .push(AreaNotApplicable {
                area: "b".into(),
                motivation: "Ingen egen drift".into(),
            });
        let [overview] = overviews(&case).try_into().expect("one framework");
        assert_eq!(overview.years, [2025, 2026]);
        assert_eq!(overview.scale_max, 4);
        assert_eq!(
            overview.chapters,
            [("a".into(), "A".into()), ("b".into(), "B".into())]
        );
        let names: Vec<&str> = overview.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Ekonomisystemet", "Servicenämnden"]);
        let system = &overview.rows[0];
        assert_eq!(system.assessment, "S3");
        assert!(matches!(&system.cells[0], Cell::Score(score) if score.mean == Some(2.5)));
        assert_eq!(system.cells[1], Cell::NotApplicable);
        assert_eq!(system.trend, [Some(1.0), Some(2.5)]);
        assert_eq!(overview.rows[1].trend, [Some(4.0), None]);
    }
}
