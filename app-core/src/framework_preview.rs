//! A framework file read and shown before it is used: its chapters and warnings, its name and
//! version as the user sets them, and whether it is a new version of a framework the board has
//! assessed itself against before. A file's identity is then the user's choice, not its file
//! name: the same guideline saved under another name is still the same framework, and next
//! year's assessment can start from last year's with the requirements that changed marked.

use schemas::carry_over::{framework_changes, FrameworkChanges};
use schemas::framework_import::Imported;
use schemas::{Case, Framework, SelfAssessment};

/// The file being previewed.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkPreview {
    /// The board that will assess itself against it.
    pub board: String,
    pub file_name: String,
    pub imported: Imported,
    /// The id the file gave the framework (from its content or its name), used when it is not
    /// a version of an earlier framework.
    pub own_id: String,
    /// The id of the earlier framework this file is a new version of; the framework then takes
    /// that id, so assessments against the two versions are compared.
    pub version_of: Option<String>,
}

/// A change the user makes in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreviewEdit {
    Title(String),
    Version(String),
    /// A new version of the framework with this id, or (`None`) a framework of its own.
    VersionOf(Option<String>),
}

/// A framework the board has assessed itself against, and its latest assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownFramework<'a> {
    pub id: &'a str,
    pub framework: &'a Framework,
    pub latest: &'a SelfAssessment,
}

impl KnownFramework<'_> {
    /// "Riktlinje för informationssäkerhet, version 2025 (senast i «Ekonomisystemet 2025»)".
    pub fn label_sv(&self) -> String {
        let version = match self.framework.version.trim() {
            "" => String::new(),
            version => format!(", version {version}"),
        };
        let latest = self.latest.name();
        format!(
            "{}{version} (senast i «{latest}», påbörjad {})",
            self.framework.title.trim(),
            self.latest.started
        )
    }
}

/// The frameworks the board's assessments used, each with its latest assessment (the one
/// started last), in the order first used.
pub fn known_frameworks<'a>(case: &'a Case, board: &str) -> Vec<KnownFramework<'a>> {
    let mut known: Vec<KnownFramework> = Vec::new();
    for assessment in case.self_assessments.iter().filter(|a| a.board == board) {
        let id = assessment.framework.id.as_str();
        match known.iter_mut().find(|entry| entry.id == id) {
            Some(entry) if assessment.started >= entry.latest.started => {
                entry.latest = assessment;
                entry.framework = &assessment.framework;
            }
            Some(_) => {}
            None => known.push(KnownFramework {
                id,
                framework: &assessment.framework,
                latest: assessment,
            }),
        }
    }
    known
}

impl FrameworkPreview {
    /// A read file, recognised as a new version of a framework the board used before when it
    /// has the same id or the same title.
    pub fn new(
        board: String,
        file_name: String,
        imported: Imported,
        case: &Case,
    ) -> FrameworkPreview {
        let own_id = imported.framework.id.clone();
        let known = known_frameworks(case, &board);
        let title = imported.framework.title.trim();
        let version_of = known
            .iter()
            .find(|entry| entry.id == own_id)
            .or_else(|| {
                known
                    .iter()
                    .find(|entry| entry.framework.title.trim() == title)
            })
            .map(|entry| entry.id.to_string());
        let mut preview = FrameworkPreview {
            board,
            file_name,
            imported,
            own_id,
            version_of: None,
        };
        preview.apply(PreviewEdit::VersionOf(version_of));
        preview
    }

    pub fn apply(&mut self, edit: PreviewEdit) {
        let framework = &mut self.imported.framework;
        match edit {
            PreviewEdit::Title(title) => framework.title = title,
            PreviewEdit::Version(version) => framework.version = version,
            PreviewEdit::VersionOf(earlier) => {
                framework.id = earlier.clone().unwrap_or_else(|| self.own_id.clone());
                self.version_of = earlier;
            }
        }
    }

    /// The latest assessment of the framework this file is a new version of.
    pub fn earlier<'a>(&self, case: &'a Case) -> Option<&'a SelfAssessment> {
        let id = self.version_of.as_deref()?;
        known_frameworks(case, &self.board)
            .into_iter()
            .find(|entry| entry.id == id)
            .map(|entry| entry.latest)
    }

    /// The latest assessment of each thing assessed (an asset, or the board as a whole)
    /// against the framework this file is a new version of, in the order first assessed:
    /// each can be next year's starting point, and none is chosen for the user.
    pub fn earlier_by_subject<'a>(&self, case: &'a Case) -> Vec<&'a SelfAssessment> {
        let Some(id) = self.version_of.as_deref() else {
            return Vec::new();
        };
        let mut latest: Vec<&SelfAssessment> = Vec::new();
        let of_framework = case
            .self_assessments
            .iter()
            .filter(|a| a.board == self.board && a.framework.id == id);
        for assessment in of_framework {
            match latest
                .iter_mut()
                .find(|kept| subject_name(kept) == subject_name(assessment))
            {
                Some(kept) if assessment.started >= kept.started => *kept = assessment,
                Some(_) => {}
                None => latest.push(assessment),
            }
        }
        latest
    }

    /// What differs from the earlier version, requirement by requirement.
    pub fn changes(&self, case: &Case) -> Option<FrameworkChanges> {
        self.earlier(case)
            .map(|earlier| framework_changes(&earlier.framework, &self.imported.framework))
    }
}

/// The asset's name, or `None` for an assessment of the board as a whole.
fn subject_name(assessment: &SelfAssessment) -> Option<&str> {
    assessment
        .subject
        .as_ref()
        .map(|subject| subject.name.trim())
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::framework_import::framework_from_csv;

    fn case_with_assessment() -> Case {
        let mut case =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let framework = framework_from_csv(
            "Område;Id;Text\nA;1;Policy\nA;2;Loggar\n",
            "riktlinje",
            "Riktlinje",
        )
        .expect("framework");
        case.self_assessments.push(SelfAssessment {
            id: "S1".into(),
            board: "ks".into(),
            title: "Riktlinje 2025".into(),
            started: schemas::Date::parse("2025-11-20").expect("date"),
            framework,
            answers: Vec::new(),
            subject: None,
            not_applicable_areas: Vec::new(),
            carried_from: None,
        });
        case
    }

    fn imported(id: &str, title: &str) -> Imported {
        let framework = framework_from_csv(
            "Område;Id;Text\nA;1;Policy\nA;2;Loggar granskas varje vecka\nA;3;Kryptering\n",
            id,
            title,
        )
        .expect("framework");
        Imported {
            framework,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_file_under_another_name_is_recognised_by_its_title_and_compared() {
        let case = case_with_assessment();
        let preview = FrameworkPreview::new(
            "ks".into(),
            "riktlinje-2026.csv".into(),
            imported("riktlinje-2026", "Riktlinje"),
            &case,
        );
        assert_eq!(preview.version_of.as_deref(), Some("riktlinje"));
        assert_eq!(preview.imported.framework.id, "riktlinje");
        assert_eq!(preview.earlier(&case).map(|a| a.id.as_str()), Some("S1"));
        let changes = preview.changes(&case).expect("changes");
        assert_eq!(
            (changes.added, changes.changed),
            (vec!["3".to_string()], vec!["2".to_string()])
        );
    }

    #[test]
    fn each_asset_assessed_against_the_earlier_version_can_start_next_year() {
        let mut case = case_with_assessment();
        let asset = |id: &str, name: &str, started: &str| {
            let mut assessment = case.self_assessments[0].clone();
            assessment.id = id.into();
            assessment.started = schemas::Date::parse(started).expect("date");
            assessment.subject = Some(schemas::applicability::Subject {
                name: name.into(),
                ..Default::default()
            });
            assessment
        };
        let more = [
            asset("S2", "Ekonomisystemet", "2025-03-01"),
            asset("S3", "Lönesystemet", "2025-12-01"),
            asset("S4", "Ekonomisystemet", "2025-10-01"),
        ];
        case.self_assessments.extend(more);
        let preview = FrameworkPreview::new(
            "ks".into(),
            "riktlinje-2026.csv".into(),
            imported("riktlinje", "Riktlinje"),
            &case,
        );
        let ids: Vec<&str> = preview
            .earlier_by_subject(&case)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["S1", "S4", "S3"],
            "the board's own, then each asset's latest"
        );
        assert_eq!(preview.earlier(&case).map(|a| a.id.as_str()), Some("S3"));
    }

    #[test]
    fn the_user_decides_whether_it_is_a_version_and_names_it() {
        let case = case_with_assessment();
        let mut preview = FrameworkPreview::new(
            "ks".into(),
            "annan.csv".into(),
            imported("annan", "Annan riktlinje"),
            &case,
        );
        assert_eq!(preview.version_of, None);
        preview.apply(PreviewEdit::VersionOf(Some("riktlinje".into())));
        preview.apply(PreviewEdit::Version("2026".into()));
        assert_eq!(preview.imported.framework.id, "riktlinje");
        assert_eq!(preview.imported.framework.version, "2026");
        preview.apply(PreviewEdit::VersionOf(None));
        assert_eq!(
            preview.imported.framework.id, "annan",
            "its own id comes back"
        );
        assert_eq!(
            known_frameworks(&case, "ks")[0].label_sv(),
            "Riktlinje (senast i «Riktlinje 2025», påbörjad 2025-11-20)"
        );
        assert!(
            known_frameworks(&case, "sn").is_empty(),
            "another board's are not offered"
        );
    }
}
