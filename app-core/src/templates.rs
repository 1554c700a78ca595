//! The municipality's Word templates kept in this browser: what the app knows of each (its
//! file, when it came, which documents it is for and what it holds), which one a document is
//! written in, and what the app says when one is added, replaced or removed. The template's
//! bytes stay in storage until a document is made (`frontend/src/platform/templates.rs`).

use schemas::documents::Request;
use schemas::template::{choose_template, DocumentGroup, TemplateScope, TemplateSummary};
use schemas::Case;
use serde::{Deserialize, Serialize};

/// A stored template, as listed on the settings page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredTemplate {
    pub id: String,
    /// The name of the uploaded file, e.g. "Exempelby yttrande.dotx".
    pub file_name: String,
    /// When it was uploaded (ISO 8601); of two equally fitting templates the later wins.
    pub uploaded_at: String,
    pub bytes: usize,
    #[serde(default)]
    pub scope: TemplateScope,
    pub summary: TemplateSummary,
}

impl StoredTemplate {
    /// The file's size in plain words ("48 kB", "1,2 MB").
    pub fn size_sv(&self) -> String {
        if self.bytes < 1024 * 1024 {
            format!("{} kB", self.bytes.div_ceil(1024))
        } else {
            format!("{:.1} MB", self.bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
        }
    }
}

/// The stored templates in the order they were uploaded.
pub fn sorted(mut templates: Vec<StoredTemplate>) -> Vec<StoredTemplate> {
    templates.sort_by(|a, b| (&a.uploaded_at, &a.id).cmp(&(&b.uploaded_at, &b.id)));
    templates
}

/// The template a request's document is written in: the most specific that covers its board
/// and kind, the latest of equals (see `schemas::template::choose_template`). `None` for files
/// that are not Word documents, and when no template fits.
pub fn template_for<'t>(
    templates: &'t [StoredTemplate],
    case: &Case,
    request: &Request,
) -> Option<&'t StoredTemplate> {
    let group = DocumentGroup::of(request)?;
    let board_name = request.board(case).map(|board| board.name.as_str())?;
    choose_template(
        templates.iter().map(|template| &template.scope),
        board_name,
        group,
    )
    .map(|index| &templates[index])
}

/// The template that keeps `template` from being used: one with the same scope uploaded later
/// (the later wins, see `template_for`).
pub fn shadowed_by<'t>(
    templates: &'t [StoredTemplate],
    template: &StoredTemplate,
) -> Option<&'t StoredTemplate> {
    let order = |t: &StoredTemplate| (t.uploaded_at.clone(), t.id.clone());
    templates
        .iter()
        .filter(|other| other.id != template.id && other.scope.same_as(&template.scope))
        .filter(|other| order(other) > order(template))
        .max_by_key(|other| order(other))
}

/// The board a template is scoped to when no known board has that name (a misspelling would
/// leave the template unused without a word).
pub fn unknown_board<'t>(template: &'t StoredTemplate, board_names: &[String]) -> Option<&'t str> {
    let board = template.scope.board.as_deref()?;
    let board_only = TemplateScope {
        board: Some(board.to_string()),
        documents: None,
    };
    let known = board_names
        .iter()
        .any(|name| board_only.covers(name, DocumentGroup::Yttrande));
    (!known).then_some(board)
}

/// What the app says when a template's scope is changed.
pub fn rescoped_notice(template: &StoredTemplate) -> String {
    format!(
        "Mallen {} används nu för: {}.",
        template.file_name,
        template.scope.describe_sv().to_lowercase()
    )
}

/// What the app says when a template is stored.
pub fn saved_notice(template: &StoredTemplate, replaced: bool) -> String {
    let what = if replaced {
        "Mallen är utbytt"
    } else {
        "Mallen är sparad"
    };
    format!(
        "{what}: {}. {} skrivs nu i den.",
        template.file_name,
        template.scope.describe_sv()
    )
}

/// What the app says when a template is removed, and what documents get instead.
pub fn removed_notice(file_name: &str, remaining: &[StoredTemplate]) -> String {
    if remaining.is_empty() {
        format!(
            "Mallen {file_name} är borttagen. Dokumenten får Yttras egen layout tills du laddar \
             upp en ny mall."
        )
    } else {
        format!("Mallen {file_name} är borttagen. De andra mallarna används som förut.")
    }
}

/// The message when storage refuses to keep a template; nothing stored is changed.
pub fn storage_refused(file_name: &str, full: bool) -> String {
    if full {
        format!(
            "Mallen {file_name} kunde inte sparas: webbläsarens lagring är full. Ta bort mallar \
             eller ärenden du inte längre behöver och försök igen. Inget annat har ändrats."
        )
    } else {
        format!(
            "Mallen {file_name} kunde inte sparas i webbläsaren. Inget har ändrats; försök igen."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::documents::DocumentKind;

    fn template(id: &str, uploaded_at: &str, scope: TemplateScope) -> StoredTemplate {
        StoredTemplate {
            id: id.into(),
            file_name: format!("{id}.dotx"),
            uploaded_at: uploaded_at.into(),
            bytes: 48_000,
            scope,
            summary: TemplateSummary::default(),
        }
    }

    #[test]
    fn a_document_gets_the_most_specific_template_for_its_board() {
        let case = crate::test_support::example();
        let ks = case.boards[0].name.clone();
        let templates = sorted(vec![
            template("b", "2026-02-01T10:00:00Z", TemplateScope::default()),
            template(
                "a",
                "2026-01-01T10:00:00Z",
                TemplateScope {
                    board: Some(ks.to_uppercase()),
                    documents: Some(DocumentGroup::CoverNote),
                },
            ),
        ]);
        let board = case.boards[0].id.clone();
        let cover = Request::document(&board, DocumentKind::CoverNote(schemas::Yttrande::First));
        assert_eq!(
            template_for(&templates, &case, &cover).map(|t| t.id.as_str()),
            Some("a")
        );
        let first = Request::document(&board, DocumentKind::FirstYttrande);
        assert_eq!(
            template_for(&templates, &case, &first).map(|t| t.id.as_str()),
            Some("b")
        );
        assert_eq!(template_for(&templates, &case, &Request::CaseFile), None);
        assert_eq!(template_for(&[], &case, &first), None);
    }

    #[test]
    fn a_template_with_the_same_scope_as_a_later_one_is_named_unused() {
        let templates = sorted(vec![
            template("old", "2026-01-01T00:00:00Z", TemplateScope::default()),
            template("new", "2026-02-01T00:00:00Z", TemplateScope::default()),
            template(
                "sn",
                "2026-03-01T00:00:00Z",
                TemplateScope {
                    board: Some("Socialnämnden".into()),
                    documents: None,
                },
            ),
        ]);
        assert_eq!(
            shadowed_by(&templates, &templates[0]).map(|t| t.id.as_str()),
            Some("new")
        );
        assert_eq!(shadowed_by(&templates, &templates[1]), None);
        let names = vec!["Kommunstyrelsen".to_string(), "SOCIALNÄMNDEN".to_string()];
        assert_eq!(unknown_board(&templates[2], &names), None);
        assert_eq!(
            unknown_board(&templates[2], &names[..1]),
            Some("Socialnämnden")
        );
        assert_eq!(
            unknown_board(&templates[0], &[]),
            None,
            "all boards is never unknown"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        let mut stored = template("a", "", TemplateScope::default());
        assert_eq!(stored.size_sv(), "47 kB");
        stored.bytes = 1_300_000;
        assert_eq!(stored.size_sv(), "1,2 MB");
    }

    #[test]
    fn notices_say_what_documents_now_get() {
        let stored = template("a", "", TemplateScope::default());
        assert_eq!(
            saved_notice(&stored, false),
            "Mallen är sparad: a.dotx. Alla dokument för alla nämnder skrivs nu i den."
        );
        assert!(removed_notice("a.dotx", &[]).contains("Yttras egen layout"));
    }
}
