//! The app's state and every event that changes it, as plain Rust.
//!
//! `reduce` is pure: storage, files and the clock are handled by the app's effects, which
//! report their results back as actions. So everything the user sees can be tested natively.

use std::rc::Rc;

use schemas::Case;

use crate::edit::{self, Edit};
use crate::library::{sort_for_start_page, CaseSummary};

/// Whether this browser lets Yttra keep cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Not known yet: the database is being opened.
    Opening,
    Available,
    /// Private mode, blocked storage, or an old browser: work goes on, but only downloads keep it.
    Unavailable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Start,
    Case,
}

/// The case on screen, with the stored revision it was read at.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenCase {
    pub id: String,
    pub revision: u64,
    pub case: Case,
    /// True when the case has changes that are not in storage yet.
    pub unsaved: bool,
}

/// A message to the user, read out by screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub storage: Storage,
    pub saved: Vec<CaseSummary>,
    pub view: View,
    pub open: Option<OpenCase>,
    pub notice: Option<Notice>,
    /// The id of a saved case the user asked to delete, awaiting confirmation.
    pub confirm_delete: Option<String>,
    /// Another tab saved the open case after this tab read it.
    pub changed_elsewhere: bool,
}

impl Default for AppState {
    fn default() -> AppState {
        AppState {
            storage: Storage::Opening,
            saved: Vec::new(),
            view: View::Start,
            open: None,
            notice: None,
            confirm_delete: None,
            changed_elsewhere: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    StorageReady(Vec<CaseSummary>),
    StorageUnavailable,
    /// The list of saved cases changed (here or in another tab).
    SavedListed(Vec<CaseSummary>),
    /// A case was opened: from storage, a file, the example, or made new. Boxed: a case is
    /// large and every other action is small.
    Opened(Box<OpenCase>),
    /// A file could not be opened; the message says why. Nothing stored changes.
    OpenFailed(String),
    Edit(Edit),
    /// The effect stored the open case at this revision.
    Saved {
        id: String,
        revision: u64,
    },
    /// Storage refused the save; the case stays on screen, unsaved.
    SaveFailed(String),
    /// Another tab saved this case at a revision this tab has not read.
    ChangedElsewhere {
        id: String,
        revision: u64,
    },
    AskDelete(String),
    CancelDelete,
    Deleted(String),
    BackToStart,
    Notify(Notice),
    DismissNotice,
}

impl AppState {
    pub fn reduce(mut self, action: Action) -> AppState {
        match action {
            Action::StorageReady(mut saved) => {
                sort_for_start_page(&mut saved);
                self.storage = Storage::Available;
                self.saved = saved;
            }
            Action::StorageUnavailable => self.storage = Storage::Unavailable,
            Action::SavedListed(mut saved) => {
                sort_for_start_page(&mut saved);
                self.saved = saved;
            }
            Action::Opened(open) => {
                self.open = Some(*open);
                self.view = View::Case;
                self.notice = None;
                self.changed_elsewhere = false;
            }
            Action::OpenFailed(message) => self.notice = Some(Notice::Error(message)),
            Action::Edit(change) => self.apply_edit(change),
            Action::Saved { id, revision } => {
                if let Some(open) = self.open.as_mut().filter(|open| open.id == id) {
                    open.revision = revision;
                    open.unsaved = false;
                }
            }
            Action::SaveFailed(message) => self.notice = Some(Notice::Error(message)),
            Action::ChangedElsewhere { id, revision } => {
                let newer = self
                    .open
                    .as_ref()
                    .is_some_and(|open| open.id == id && revision > open.revision);
                self.changed_elsewhere |= newer;
            }
            Action::AskDelete(id) => self.confirm_delete = Some(id),
            Action::CancelDelete => self.confirm_delete = None,
            Action::Deleted(id) => {
                self.saved.retain(|summary| summary.id != id);
                self.confirm_delete = None;
                if self.open.as_ref().is_some_and(|open| open.id == id) {
                    self.open = None;
                    self.view = View::Start;
                }
                self.notice = Some(Notice::Info("Ärendet är borttaget.".into()));
            }
            Action::BackToStart => {
                self.view = View::Start;
                self.notice = None;
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
        }
        self
    }

    fn apply_edit(&mut self, change: Edit) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match edit::apply(&mut open.case, change) {
            Ok(()) => open.unsaved = true,
            Err(error) => self.notice = Some(Notice::Error(error.to_string())),
        }
    }
}

/// The thin adapter to Yew's `use_reducer`; all logic is in `AppState::reduce`.
impl yew::functional::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().reduce(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::AuditText;

    fn opened(id: &str, revision: u64) -> Action {
        Action::Opened(Box::new(OpenCase {
            id: id.into(),
            revision,
            case: Case::new_empty(),
            unsaved: false,
        }))
    }

    fn run(actions: impl IntoIterator<Item = Action>) -> AppState {
        actions
            .into_iter()
            .fold(AppState::default(), AppState::reduce)
    }

    #[test]
    fn an_edit_marks_the_case_unsaved_until_the_save_returns() {
        let state = run([
            opened("a", 1),
            Action::Edit(Edit::SetAuditText(AuditText::Title, "Granskning".into())),
        ]);
        let open = state.open.clone().expect("open");
        assert!(open.unsaved);
        assert_eq!(open.case.audit.title, "Granskning");
        let state = state.reduce(Action::Saved {
            id: "a".into(),
            revision: 2,
        });
        let open = state.open.expect("open");
        assert!(!open.unsaved);
        assert_eq!(open.revision, 2);
    }

    #[test]
    fn a_refused_edit_shows_a_message_and_changes_nothing() {
        let state = run([
            opened("a", 1),
            Action::Edit(Edit::RemoveQuestion { number: 3 }),
        ]);
        assert_eq!(
            state.notice,
            Some(Notice::Error("Revisionsfråga 3 finns inte.".into()))
        );
        assert!(!state.open.expect("open").unsaved);
    }

    #[test]
    fn a_failed_open_keeps_the_saved_list_and_the_view() {
        let summary = CaseSummary {
            id: "a".into(),
            title: "T".into(),
            reference: "R".into(),
            boards: vec![],
            next_deadline: None,
            saved_at: "t".into(),
            revision: 1,
        };
        let state = run([
            Action::StorageReady(vec![summary.clone()]),
            Action::OpenFailed("Filen är inte giltig JSON.".into()),
        ]);
        assert_eq!(state.saved, [summary]);
        assert_eq!(state.view, View::Start);
        assert_eq!(
            state.notice,
            Some(Notice::Error("Filen är inte giltig JSON.".into()))
        );
    }

    #[test]
    fn only_a_newer_save_in_another_tab_counts_as_a_change_elsewhere() {
        let state = run([
            opened("a", 3),
            Action::ChangedElsewhere {
                id: "a".into(),
                revision: 3,
            },
        ]);
        assert!(!state.changed_elsewhere, "our own save echoed back");
        let state = state.reduce(Action::ChangedElsewhere {
            id: "b".into(),
            revision: 9,
        });
        assert!(!state.changed_elsewhere, "another case");
        let state = state.reduce(Action::ChangedElsewhere {
            id: "a".into(),
            revision: 4,
        });
        assert!(state.changed_elsewhere);
    }

    #[test]
    fn deleting_needs_a_confirmation_and_closes_the_open_case() {
        let state = run([
            opened("a", 1),
            Action::BackToStart,
            Action::AskDelete("a".into()),
        ]);
        assert_eq!(state.confirm_delete.as_deref(), Some("a"));
        let cancelled = state.clone().reduce(Action::CancelDelete);
        assert_eq!(cancelled.confirm_delete, None);
        assert!(cancelled.open.is_some());
        let deleted = state.reduce(Action::Deleted("a".into()));
        assert_eq!(deleted.open, None);
        assert_eq!(deleted.view, View::Start);
    }
}
