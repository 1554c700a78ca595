//! The app's state and every event that changes it, as plain Rust.
//!
//! `reduce` is pure: storage, files and the clock are handled by the app's effects, which
//! report their results back as actions. So everything the user sees can be tested natively.

use schemas::wording::count_sv;
use schemas::Case;
use std::rc::Rc;

use schemas::ItemKind;

use crate::edit::{self, AssessmentEdit, Edit};
use crate::framework_library;
use crate::gap_elsewhere::PendingGap;
use crate::library::{self, sort_for_start_page, CaseSummary};
use crate::paste::{merge_with_next, split_at, PasteDraft, PasteTarget};
use crate::templates::{self, StoredTemplate};
use crate::word_edits::{WordEditAction, WordEdits};

/// Whether this browser lets Yttra keep cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Not known yet: the database is being opened.
    Opening,
    Available,
    /// Private mode, blocked storage, or an old browser: work goes on, but only downloads keep it.
    Unavailable,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    Start,
    Case,
    /// A board's första yttrande: `step` None is the summary answer, `Some(i)` the i:th item
    /// addressed to the board, in the report's order (`Case::items_for_board`).
    FirstYttrande {
        board: String,
        step: Option<usize>,
    },
    /// Granska: the validation findings and a preview of the documents.
    Review,
    /// A board's uppföljande yttrande: `step` as in `Answer`.
    FollowUp {
        board: String,
        step: Option<usize>,
    },
    /// What was promised beside what was done, for every board that has started its follow-up.
    Comparison,
    /// One self-assessment, by id.
    Assessment {
        id: String,
    },
    /// The municipality's Word templates (Dokumentmallar), with or without a case open.
    Templates,
    /// A missiv and report read from their files, proposed as a case to check and accept.
    ReportImport,
}

/// The case on screen, with the stored revision it was read at.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenCase {
    pub id: String,
    /// The stored revision this tab last read or wrote; 0 for a case not stored yet.
    pub revision: u64,
    /// Shared, so the state is copied on every keystroke without copying the case. A shared
    /// case is never changed in place: an edit makes a new one (`case_to_edit`), so the
    /// screen can tell a changed case by its address alone.
    pub case: Rc<Case>,
    /// Counts the edits made in this tab; `saved_changes` is the count storage has.
    pub changes: u64,
    pub saved_changes: u64,
}

impl OpenCase {
    /// A case as read from storage (or, with revision 0 and `stored: false`, one to store).
    /// A case stored before cases had ids of their own takes its storage id.
    pub fn new(id: String, mut case: Case, revision: u64, stored: bool) -> OpenCase {
        if case.id.trim().is_empty() {
            case.id = id.clone();
        }
        OpenCase {
            id,
            revision,
            case: Rc::new(case),
            changes: u64::from(!stored),
            saved_changes: 0,
        }
    }

    /// The case to change: a copy of it, which then replaces it (so a case once shown is never
    /// changed under the screen's feet).
    pub fn case_to_edit(&mut self) -> &mut Case {
        self.case = Rc::new(Case::clone(&self.case));
        // The new case has one owner, so this borrows it without copying again.
        Rc::make_mut(&mut self.case)
    }

    pub fn unsaved(&self) -> bool {
        self.changes != self.saved_changes
    }
}

/// A message to the user, read out by screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A case read from a file whose id is already stored in this browser.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub stored: OpenCase,
    pub incoming: Case,
    /// What tells the two apart, in plain Swedish (`library::differences`).
    pub differences: Vec<String>,
    /// What updating the stored copy from the file would throw away (`library::losses`).
    pub losses: Vec<String>,
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
    /// Another tab saved the open case after this tab read it; saving stops until the user has
    /// chosen which version to keep.
    pub changed_elsewhere: bool,
    /// A pasted list of assessments, recommendations or questions being checked before it is
    /// added.
    pub paste: Option<(PasteTarget, PasteDraft)>,
    /// The id of a field to focus after the next render (a finding the user followed).
    pub focus: Option<String>,
    /// A case opened from a file that is already stored here, waiting for the user to choose:
    /// open the stored one, or update it from the file.
    pub duplicate: Option<Duplicate>,
    /// The earlier assessment each self-assessment is being compared with, by assessment id;
    /// kept while the user moves between pages.
    /// (assessment, earlier assessment) pairs; a handful at most, so a list.
    pub compared: Vec<(String, String)>,
    /// The changes found in a document opened after it was edited in Word, until the user has
    /// decided them or closed the list.
    pub word_edits: Option<WordEdits>,
    /// The municipality's Word templates stored in this browser, in upload order.
    pub templates: Vec<StoredTemplate>,
    /// The id of a template the user asked to remove, awaiting confirmation.
    pub confirm_remove_template: Option<String>,
    /// A framework file read, waiting for the user to accept or cancel it.
    pub framework_preview: Option<FrameworkPreview>,
    /// The frameworks kept in this browser (`framework_library`), to be chosen again.
    pub frameworks: Vec<schemas::Framework>,
    /// A gap of self-assessments kept on their own, waiting to be placed in an audit case.
    pub pending_gap: Option<PendingGap>,
    /// A missiv and report read into a proposal, being checked.
    pub report_draft: Option<ReportDraft>,
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
            paste: None,
            focus: None,
            compared: Vec::new(),
            word_edits: None,
            duplicate: None,
            templates: Vec::new(),
            confirm_remove_template: None,
            framework_preview: None,
            report_draft: None,
            frameworks: Vec::new(),
            pending_gap: None,
        }
    }
}

/// Every event that changes the app's state, grouped the way `Edit` groups the changes to a
/// case: what storage reports, what was opened, edits, navigation, the paste being checked,
/// and messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// What storage and the other tabs report back.
    Storage(StorageEvent),
    /// A case opened, a file that could not be, or the choice about a case found stored.
    Open(OpenEvent),
    /// A change to the open case.
    Edit(Edit),
    /// Shows a page of the open case (a step of a yttrande is a page of its own). A page that
    /// does not fit the case (a board or step that is gone, a follow-up not started) is not
    /// shown.
    Navigate(View),
    /// Shows a page and focuses a field there (following a finding).
    GoTo {
        view: View,
        field: String,
    },
    /// The requested field has been focused.
    Focused,
    /// The list pasted from a report, being checked.
    Paste(PasteAction),
    /// Asks to delete a saved case (the deletion itself is reported by storage).
    AskDelete(String),
    CancelDelete,
    /// Starts a self-assessment and shows it.
    StartAssessment {
        board: String,
        framework: Box<schemas::Framework>,
        title: String,
        today: schemas::Date,
    },
    /// Starts next year's assessment from an earlier one and shows it (see
    /// `AssessmentEdit::StartNext`).
    StartNextAssessment {
        from: String,
        keep_ratings: bool,
        today: schemas::Date,
    },
    /// A framework file was read: shown with its chapters and warnings before it is used.
    PreviewFramework(Box<FrameworkPreview>),
    /// The user names the previewed framework or says which earlier one it is a version of.
    EditFrameworkPreview(PreviewEdit),
    /// The previewed framework is used: a self-assessment of its board starts, from nothing or
    /// (`continue_from`) as next year's from the latest assessment of the earlier version.
    AcceptFramework {
        today: schemas::Date,
        continue_from: Option<String>,
        keep_ratings: bool,
    },
    CancelFramework,
    /// Compares a self-assessment with an earlier one, or with none.
    CompareAssessment {
        assessment: String,
        earlier: Option<String>,
    },
    Notify(Notice),
    DismissNotice,
    /// What to do with the changes found in a document edited in Word.
    WordEdit(WordEditAction),
    /// The municipality's Word templates: what storage reports, and removal to confirm.
    Templates(TemplateEvent),
    /// The frameworks kept in this browser, as storage reports them.
    Frameworks(FrameworkEvent),
    /// A gap of self-assessments kept on their own goes to an audit case (which the app opens).
    CarryGap(Box<PendingGap>),
    /// The carried gap becomes a measure of `board` answering `item` in the open case.
    PlaceGap {
        board: String,
        item: schemas::ItemRef,
    },
    CancelGap,
    /// A missiv and report read from files, checked and accepted (`report_draft`).
    Report(ReportAction),
}

/// What a new assessment started from an earlier one brought along, in plain Swedish.
pub fn carried_over_sv(assessment: &schemas::SelfAssessment) -> String {
    let Some(from) = &assessment.carried_from else {
        return String::new();
    };
    let carried = assessment.answers.iter().filter(|a| a.carried_over).count();
    let ratings = if from.ratings_kept {
        "betygen följde med som utgångspunkt"
    } else {
        "betygen sätts på nytt; kommentarer och belägg följde med"
    };
    let mut text = format!(
        "«{}» har påbörjats från «{}»: {} ({ratings}). Bekräfta eller ändra varje överfört svar.",
        assessment.title,
        from.name(),
        count_sv(carried, "svar har förts över", "svar har förts över")
    );
    if !from.new_requirements.is_empty() || !from.changed_requirements.is_empty() {
        text.push_str(&format!(
            " {} och {} sedan dess är markerade.",
            count_sv(from.new_requirements.len(), "nytt krav", "nya krav"),
            count_sv(
                from.changed_requirements.len(),
                "ändrat krav",
                "ändrade krav"
            )
        ));
    }
    text
}

/// The id of the preview's heading, focused when it appears.
pub const FRAMEWORK_PREVIEW_HEADING: &str = "framework-preview-heading";

pub use crate::framework_preview::{FrameworkPreview, PreviewEdit};
pub use crate::report_draft::{none_read_sv, unread_sv, ReportAction, ReportDraft};

/// What happens to the frameworks kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkEvent {
    Listed(Vec<schemas::Framework>),
    /// A framework used for an assessment was kept (or its copy under the same key replaced).
    Kept(Box<schemas::Framework>),
    /// Removed from the browser, by its key (`framework_library::key`).
    Forgotten(String),
    /// Storage refused; said as it is, nothing else changes.
    Failed(String),
}

/// What happens to the stored templates (`templates`).
#[derive(Clone, Debug, PartialEq)]
pub enum TemplateEvent {
    /// The templates stored in this browser.
    Listed(Vec<StoredTemplate>),
    /// A template was stored: a new one, or one replaced by a new file (`replaced`).
    Saved {
        template: Box<StoredTemplate>,
        replaced: bool,
    },
    /// A template's scope was changed and stored.
    Rescoped(Box<StoredTemplate>),
    AskRemove(String),
    CancelRemove,
    /// A template was removed from storage.
    Removed(String),
    /// A file was not taken as a template, or storage refused it; the message says why.
    Refused(String),
}

/// What storage (and another tab, through it) reports.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageEvent {
    /// The database opened; the saved cases.
    Ready(Vec<CaseSummary>),
    /// Private mode, blocked storage, or an old browser.
    Unavailable,
    /// The list of saved cases changed (here or in another tab).
    Listed(Vec<CaseSummary>),
    /// The open case was stored, as it was after `changes` edits, at this revision.
    Saved {
        id: String,
        revision: u64,
        changes: u64,
    },
    /// The save was refused because another tab saved first. Saving stops until the user has
    /// decided what to keep.
    Conflict {
        id: String,
    },
    /// The save was refused; the case stays on screen, unsaved.
    Failed(String),
    /// Another tab saved this case at a revision this tab has not read.
    ChangedElsewhere {
        id: String,
        revision: u64,
    },
    Deleted(String),
}

/// Opening a case.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenEvent {
    /// A case was opened: from storage, a file, the example, or made new. Boxed: a case is
    /// large and every other action is small.
    Opened(Box<OpenCase>),
    /// A file could not be opened; the message says why. Nothing stored changes.
    Failed(String),
    /// A case file (or a document that embeds a whole case) holds a case that is already
    /// stored: the user chooses what to do. (A board's document or form is never put in place
    /// of the stored case: the app opens the stored case and offers the document's fields,
    /// `EditedInWord`.)
    FoundStored {
        stored: Box<OpenCase>,
        incoming: Box<Case>,
    },
    /// A document that was opened had been changed in Word: the changes wait for the user.
    EditedInWord(Box<WordEdits>),
    /// Of a case found stored: open the stored copy, leaving the file aside.
    KeepStored,
    /// Of a case found stored: replace the stored copy with the file's case.
    UpdateStored,
    CancelDuplicate,
}

/// The paste being checked: start, change the text, fix the items, choose addressees, accept
/// or cancel.
#[derive(Clone, Debug, PartialEq)]
pub enum PasteAction {
    Start(PasteTarget),
    Text(String),
    Item {
        index: usize,
        text: String,
    },
    Merge(usize),
    Split {
        index: usize,
        at_char: usize,
    },
    Remove(usize),
    /// Addresses one item (`item: Some(index)`) or all of them to a board, or not.
    Addressed {
        item: Option<usize>,
        board: String,
        addressed: bool,
    },
    Accept,
    Cancel,
}

impl AppState {
    /// True when the open case has edits that should be written now: some are unsaved, and no
    /// conflict with another tab is waiting for the user.
    pub fn wants_save(&self) -> bool {
        !self.changed_elsewhere
            && self.storage == Storage::Available
            && self.open.as_ref().is_some_and(OpenCase::unsaved)
    }

    /// The state after `action`. One rule for messages: a message stays until the user does
    /// something else, that is moves to another page or makes a change, unless that itself
    /// gives a message. (Storage reports, tabs and focus never clear one.)
    pub fn reduce(self, action: Action) -> AppState {
        let (view, notice) = (self.view.clone(), self.notice.clone());
        let changes_case = matches!(action, Action::Edit(_));
        let changes_before = self.open.as_ref().map(|open| open.changes);
        let mut next = self.apply(action);
        let changed = changes_case && next.open.as_ref().map(|open| open.changes) != changes_before;
        if (next.view != view || changed) && next.notice == notice {
            next.notice = None;
        }
        next
    }

    fn apply(mut self, action: Action) -> AppState {
        match action {
            Action::Storage(event) => self.storage_event(event),
            Action::Open(event) => return self.open_event(event),
            Action::Edit(change) => {
                let scope_before = self.scope_of_changed_subject(&change);
                if self.apply_edit(change.clone()) {
                    self.after_edit(&change);
                    if let Some((assessment, before)) = scope_before {
                        self.announce_scope_change(&assessment, &before);
                    }
                }
            }
            Action::Navigate(view) => self.show(view),
            Action::GoTo { view, field } => {
                let proposal = view == View::ReportImport && self.report_draft.is_some();
                if self.open.is_some() || proposal {
                    self.view = view;
                    self.focus = Some(field);
                }
            }
            Action::Focused => self.focus = None,
            Action::Paste(paste) => self.paste_action(paste),
            Action::AskDelete(id) => self.confirm_delete = Some(id),
            Action::CancelDelete => self.confirm_delete = None,
            Action::StartAssessment {
                board,
                framework,
                title,
                today,
            } => self.start_assessment(board, framework, title, today),
            Action::StartNextAssessment {
                from,
                keep_ratings,
                today,
            } => self.start_next_assessment(from, None, keep_ratings, today),
            Action::CompareAssessment {
                assessment,
                earlier,
            } => {
                self.compared.retain(|(id, _)| *id != assessment);
                if let Some(earlier) = earlier {
                    self.compared.push((assessment, earlier));
                }
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::DismissNotice => self.notice = None,
            Action::WordEdit(action) => self.word_edit(action),
            Action::Templates(event) => self.template_event(event),
            Action::Frameworks(event) => self.framework_event(event),
            Action::CarryGap(gap) => self.pending_gap = Some(*gap),
            Action::CancelGap => self.pending_gap = None,
            Action::PlaceGap { board, item } => self.place_gap(board, item),
            Action::PreviewFramework(preview) => {
                self.framework_preview = Some(*preview);
                self.focus = Some(FRAMEWORK_PREVIEW_HEADING.into());
            }
            Action::EditFrameworkPreview(edit) => {
                if let Some(preview) = self.framework_preview.as_mut() {
                    preview.apply(edit);
                }
            }
            Action::AcceptFramework {
                today,
                continue_from,
                keep_ratings,
            } => {
                if let Some(preview) = self.framework_preview.take() {
                    let framework = Box::new(preview.imported.framework);
                    match continue_from {
                        Some(from) => {
                            self.start_next_assessment(from, Some(framework), keep_ratings, today)
                        }
                        None => {
                            let title = format!("{} {}", framework.title, today.year());
                            self.start_assessment(preview.board, framework, title, today);
                        }
                    }
                }
            }
            Action::CancelFramework => self.framework_preview = None,
            Action::Report(action) => self.report_action(action),
        }
        self
    }

    /// A report read, corrected, put into the open case, or dropped.
    fn report_action(&mut self, action: ReportAction) {
        match action {
            ReportAction::Read {
                sources,
                proposal,
                into_case,
                unread,
            } => match ReportDraft::read(sources, *proposal, into_case) {
                Ok(mut draft) => {
                    if let Some(open) = self.open.as_ref() {
                        draft.warn_if_another_audit(&open.id, &open.case);
                    }
                    self.report_draft = Some(draft);
                    self.view = View::ReportImport;
                    self.notice = unread_sv(&unread).map(Notice::Error);
                }
                Err(message) => {
                    let said = [Some(message), unread_sv(&unread)];
                    self.notice = Some(Notice::Error(
                        said.into_iter().flatten().collect::<Vec<_>>().join(" "),
                    ));
                }
            },
            ReportAction::More {
                sources,
                proposal,
                unread,
            } => {
                if let Some(draft) = self.report_draft.as_mut() {
                    let unread = unread_sv(&unread);
                    self.notice = Some(match (draft.add(sources, *proposal), unread) {
                        (Ok(said), None) => Notice::Info(said),
                        (Ok(said), Some(unread)) => Notice::Error(format!("{unread} {said}")),
                        (Err(message), unread) => Notice::Error(format!(
                            "{}{message} Förslaget är oförändrat.",
                            unread.map(|u| u + " ").unwrap_or_default()
                        )),
                    });
                }
            }
            ReportAction::Edit(edit) => {
                if let Some(draft) = self.report_draft.as_mut() {
                    match draft.proposal.apply(edit) {
                        Ok(said) => {
                            draft.edited = true;
                            self.notice = said.map(Notice::Info);
                        }
                        Err(message) => {
                            self.notice =
                                Some(Notice::Error(format!("{message} Förslaget är oförändrat.")))
                        }
                    }
                }
            }
            ReportAction::Replace(replace) => {
                if let Some(draft) = self.report_draft.as_mut() {
                    draft.replace = replace;
                }
            }
            ReportAction::FillOpenCase => self.fill_open_case(),
            ReportAction::Done => self.report_draft = None,
            ReportAction::Cancel => {
                let back_to_case = self
                    .report_draft
                    .take()
                    .is_some_and(|draft| draft.into_case.is_some() && self.open.is_some());
                self.view = if back_to_case {
                    View::Case
                } else {
                    View::Start
                };
            }
            ReportAction::Failed(message) => self.notice = Some(Notice::Error(message)),
        }
    }

    /// Puts the proposal into the open case (when it is the case it was read for) and says
    /// what was filled in, kept and added.
    fn fill_open_case(&mut self) {
        let (Some(draft), Some(open)) = (self.report_draft.as_ref(), self.open.as_mut()) else {
            return;
        };
        if draft.into_case.as_deref() != Some(open.id.as_str()) {
            return;
        }
        if let Some(reason) = draft.proposal.unfinished() {
            self.notice = Some(Notice::Error(reason));
            return;
        }
        let said = draft.fill(open.case_to_edit());
        open.changes += 1;
        self.report_draft = None;
        self.view = View::Case;
        self.notice = Some(Notice::Info(if said.is_empty() {
            "Förslaget stämde redan med ärendet; inget ändrades.".to_string()
        } else {
            format!("Filerna lästes in i ärendet. {}", said.join(" "))
        }));
    }

    /// Makes the carried gap a measure in the open case, when it is the case the gap was
    /// carried to; says which measure was made and where.
    fn place_gap(&mut self, board: String, item: schemas::ItemRef) {
        let Some(gap) = self.pending_gap.clone() else {
            return;
        };
        if self.open.as_ref().map(|open| &open.id) != Some(&gap.target_case) {
            return;
        }
        let edit = AssessmentEdit::MeasureFromElsewhere {
            board: board.clone(),
            item,
            origin: gap.origin.clone(),
            text: gap.text.clone(),
        };
        if !self.apply_edit(Edit::SelfAssessment(edit)) {
            return;
        }
        self.pending_gap = None;
        let Some(case) = self.open.as_ref().map(|open| &open.case) else {
            return;
        };
        let made = case
            .measures_with_origin()
            .filter(|(origin, _)| **origin == gap.origin)
            .map(|(_, measure)| measure.id.clone())
            .last()
            .unwrap_or_default();
        let board_name = case.board(&board).map_or(board.clone(), |b| b.name.clone());
        self.notice = Some(Notice::Info(format!(
            "Åtgärd {made} har skapats för {board_name} under {}. {}.",
            schemas::wording::lowercase_first(&item.label_sv()),
            gap.origin.label_sv(case)
        )));
    }

    fn framework_event(&mut self, event: FrameworkEvent) {
        match event {
            FrameworkEvent::Listed(mut frameworks) => {
                framework_library::sort(&mut frameworks);
                self.frameworks = frameworks;
            }
            FrameworkEvent::Kept(framework) => {
                framework_library::keep(&mut self.frameworks, *framework)
            }
            FrameworkEvent::Forgotten(key) => {
                let before = self.frameworks.len();
                self.frameworks
                    .retain(|kept| framework_library::key(kept) != key);
                if self.frameworks.len() < before {
                    self.notice = Some(Notice::Info(
                        "Ramverket är borttaget ur webbläsaren. Självskattningar som redan har gjorts mot det finns kvar."
                            .into(),
                    ));
                }
            }
            FrameworkEvent::Failed(message) => self.notice = Some(Notice::Error(message)),
        }
    }

    fn template_event(&mut self, event: TemplateEvent) {
        match event {
            TemplateEvent::Listed(templates) => self.templates = templates::sorted(templates),
            TemplateEvent::Saved { template, replaced } => {
                self.notice = Some(Notice::Info(templates::saved_notice(&template, replaced)));
                self.put_template(*template);
            }
            TemplateEvent::Rescoped(template) => {
                self.notice = Some(Notice::Info(templates::rescoped_notice(&template)));
                self.put_template(*template);
            }
            TemplateEvent::AskRemove(id) => self.confirm_remove_template = Some(id),
            TemplateEvent::CancelRemove => self.confirm_remove_template = None,
            TemplateEvent::Removed(id) => {
                self.confirm_remove_template = None;
                let Some(index) = self.templates.iter().position(|t| t.id == id) else {
                    return;
                };
                let removed = self.templates.remove(index);
                self.notice = Some(Notice::Info(templates::removed_notice(
                    &removed.file_name,
                    &self.templates,
                )));
            }
            TemplateEvent::Refused(message) => self.notice = Some(Notice::Error(message)),
        }
    }

    /// A stored template, in place of the one with its id or added at the end.
    fn put_template(&mut self, template: StoredTemplate) {
        match self.templates.iter_mut().find(|t| t.id == template.id) {
            Some(existing) => *existing = template,
            None => self.templates.push(template),
        }
        self.templates = templates::sorted(std::mem::take(&mut self.templates));
    }

    fn storage_event(&mut self, event: StorageEvent) {
        match event {
            StorageEvent::Ready(mut saved) => {
                sort_for_start_page(&mut saved);
                self.storage = Storage::Available;
                self.saved = saved;
            }
            StorageEvent::Unavailable => self.storage = Storage::Unavailable,
            StorageEvent::Listed(mut saved) => {
                sort_for_start_page(&mut saved);
                self.saved = saved;
            }
            StorageEvent::Saved {
                id,
                revision,
                changes,
            } => {
                if let Some(open) = self.open.as_mut().filter(|open| open.id == id) {
                    open.revision = revision;
                    open.saved_changes = open.saved_changes.max(changes);
                }
            }
            StorageEvent::Conflict { id } => {
                if self.open.as_ref().is_some_and(|open| open.id == id) {
                    self.changed_elsewhere = true;
                }
            }
            StorageEvent::Failed(message) => self.notice = Some(Notice::Error(message)),
            StorageEvent::ChangedElsewhere { id, revision } => {
                let newer = self
                    .open
                    .as_ref()
                    .is_some_and(|open| open.id == id && revision > open.revision);
                self.changed_elsewhere |= newer;
            }
            StorageEvent::Deleted(id) => {
                self.saved.retain(|summary| summary.id != id);
                self.confirm_delete = None;
                if self.open.as_ref().is_some_and(|open| open.id == id) {
                    self.open = None;
                    self.view = View::Start;
                }
                self.notice = Some(Notice::Info("Ärendet är borttaget.".into()));
            }
        }
    }

    fn open_event(mut self, event: OpenEvent) -> AppState {
        match event {
            OpenEvent::Opened(open) => {
                self.duplicate = None;
                // What an earlier file said belongs to that file; a document opened with changes
                // of its own reports them after it is opened.
                self.word_edits = None;
                self.open = Some(*open);
                self.view = View::Case;
                self.notice = None;
                self.changed_elsewhere = false;
            }
            OpenEvent::Failed(message) => self.notice = Some(Notice::Error(message)),
            OpenEvent::FoundStored { stored, incoming } => {
                let differences = library::differences(&stored.case, &incoming);
                if differences.is_empty() {
                    self = self.open_event(OpenEvent::Opened(stored));
                    self.notice = Some(Notice::Info(
                        "Ärendet fanns redan sparat här, likadant som i filen, och är öppnat."
                            .into(),
                    ));
                    return self;
                }
                let losses = library::losses(&stored.case, &incoming);
                self.duplicate = Some(Duplicate {
                    stored: *stored,
                    incoming: *incoming,
                    differences,
                    losses,
                });
                self.view = View::Start;
                self.notice = None;
                self.focus = Some("duplicate-heading".into());
            }
            OpenEvent::KeepStored => {
                // The file is left aside, and with it what was changed in it.
                self.word_edits = None;
                if let Some(duplicate) = self.duplicate.take() {
                    self = self.open_event(OpenEvent::Opened(Box::new(duplicate.stored)));
                    self.notice = Some(Notice::Info(
                        "Det sparade ärendet är öppnat; filen lästes inte in.".into(),
                    ));
                }
            }
            OpenEvent::UpdateStored => {
                if let Some(duplicate) = self.duplicate.take() {
                    let stored = duplicate.stored;
                    // Saved over the stored copy at the revision just read, like any edit.
                    let mut updated =
                        OpenCase::new(stored.id, duplicate.incoming, stored.revision, true);
                    updated.changes = 1;
                    self = self.open_event(OpenEvent::Opened(Box::new(updated)));
                    self.notice = Some(Notice::Info(
                        "Det sparade ärendet har uppdaterats från filen.".into(),
                    ));
                }
            }
            OpenEvent::CancelDuplicate => {
                self.duplicate = None;
                self.word_edits = None;
            }
            OpenEvent::EditedInWord(edits) => self.word_edits = Some(*edits),
        }
        self
    }

    fn paste_action(&mut self, paste: PasteAction) {
        match paste {
            PasteAction::Start(target) => {
                self.paste = Some((target, PasteDraft::default()));
                self.focus = Some("paste-text".into());
            }
            PasteAction::Text(text) => {
                let boards = self.open.as_ref().map(open_boards).unwrap_or_default();
                self.with_draft(|draft| draft.set_text(text, &boards))
            }
            PasteAction::Item { index, text } => {
                self.with_draft(|draft| draft.set_item(index, text))
            }
            PasteAction::Merge(index) => {
                self.with_draft(|draft| merge_with_next(&mut draft.items, index))
            }
            PasteAction::Split { index, at_char } => {
                self.with_draft(|draft| split_at(&mut draft.items, index, at_char))
            }
            PasteAction::Remove(index) => self.with_draft(|draft| draft.remove_item(index)),
            PasteAction::Addressed {
                item,
                board,
                addressed,
            } => self.with_draft(|draft| draft.set_addressed(item, &board, addressed)),
            PasteAction::Accept => self.accept_paste(),
            PasteAction::Cancel => self.paste = None,
        }
    }

    fn start_assessment(
        &mut self,
        board: String,
        framework: Box<schemas::Framework>,
        title: String,
        today: schemas::Date,
    ) {
        let start = AssessmentEdit::Start {
            board,
            framework,
            title,
            today,
        };
        if self.apply_edit(Edit::SelfAssessment(start)) {
            let newest = self
                .open
                .as_ref()
                .and_then(|open| open.case.self_assessments.last())
                .map(|assessment| assessment.id.clone());
            if let Some(id) = newest {
                self.view = View::Assessment { id };
            }
        }
    }

    /// Starts next year's assessment from `from` (against `framework`, or the same one), shows
    /// it compared with `from`, and says what came along.
    fn start_next_assessment(
        &mut self,
        from: String,
        framework: Option<Box<schemas::Framework>>,
        keep_ratings: bool,
        today: schemas::Date,
    ) {
        let start = AssessmentEdit::StartNext {
            from: from.clone(),
            framework,
            keep_ratings,
            today,
        };
        if !self.apply_edit(Edit::SelfAssessment(start)) {
            return;
        }
        let Some(started) = self
            .open
            .as_ref()
            .and_then(|open| open.case.self_assessments.last())
        else {
            return;
        };
        let id = started.id.clone();
        self.notice = Some(Notice::Info(carried_over_sv(started)));
        self.compared.retain(|(assessment, _)| *assessment != id);
        self.compared.push((id.clone(), from));
        self.view = View::Assessment { id };
    }

    /// The earlier assessment `assessment` is being compared with, if one was chosen.
    pub fn compared_with(&self, assessment: &str) -> Option<&str> {
        self.compared
            .iter()
            .find(|(id, _)| id == assessment)
            .map(|(_, earlier)| earlier.as_str())
    }

    /// Where the user is: the open case and the page, for returning there after a reload.
    pub fn place(&self) -> Option<(String, View)> {
        let open = self.open.as_ref()?;
        (self.view != View::Start).then(|| (open.id.clone(), self.view.clone()))
    }

    /// Shows a page of the open case, if it still fits the case (a board may have gone).
    fn show(&mut self, view: View) {
        if view == View::Start || view == View::Templates {
            self.view = view;
            return;
        }
        if view == View::ReportImport {
            if self.report_draft.is_some() {
                self.view = view;
            }
            return;
        }
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let step_fits = |board: &str, step: &Option<usize>| {
            open.case.board(board).is_some()
                && step.is_none_or(|index| index < open.case.items_for_board(board).count())
        };
        let fits = match &view {
            View::FirstYttrande { board, step } => step_fits(board, step),
            View::FollowUp { board, step } => {
                step_fits(board, step)
                    && open
                        .case
                        .response(board)
                        .is_some_and(|response| response.follow_up.is_some())
            }
            View::Assessment { id } => open.case.self_assessments.iter().any(|a| a.id == *id),
            View::Start | View::Templates | View::Case | View::Review | View::Comparison => true,
            View::ReportImport => self.report_draft.is_some(),
        };
        if fits {
            self.view = view;
        }
    }

    fn with_draft(&mut self, change: impl FnOnce(&mut PasteDraft)) {
        if let Some((_, draft)) = self.paste.as_mut() {
            change(draft);
        }
    }

    fn accept_paste(&mut self) {
        let Some((target, draft)) = self.paste.clone() else {
            return;
        };
        let items = draft.accepted_items();
        if items.is_empty() {
            self.notice = Some(Notice::Error(
                "Det finns inga punkter att lägga till.".into(),
            ));
            return;
        }
        let count = items.len();
        let change = match target {
            PasteTarget::Items(kind) => Edit::AddItems { kind, items },
            PasteTarget::Questions => {
                Edit::AddQuestions(items.into_iter().map(|item| item.text).collect())
            }
        };
        let first_new = self
            .open
            .as_ref()
            .map(|open| first_new_field(&open.case, target));
        if self.apply_edit(change) {
            self.paste = None;
            // The first added item takes focus, so the user sees what was added.
            self.focus = first_new;
            let (one, many) = match target {
                PasteTarget::Items(ItemKind::Assessment) => ("bedömning", "bedömningar"),
                PasteTarget::Items(ItemKind::Recommendation) => {
                    ("rekommendation", "rekommendationer")
                }
                PasteTarget::Questions => ("revisionsfråga", "revisionsfrågor"),
            };
            self.notice = Some(Notice::Info(format!(
                "{} har lagts till.",
                count_sv(count, one, many)
            )));
        }
    }

    /// What the user is told, and where they go, after an edit whose result is not in view:
    /// a value set for every board, a measure made from a self-assessment (shown on another
    /// page), the removal of the assessment on screen.
    fn after_edit(&mut self, change: &Edit) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let case = &open.case;
        match change {
            Edit::SetAllBoards(_) => {
                self.notice = Some(Notice::Info(format!(
                    "Uppgiften gäller nu alla {} nämnder.",
                    case.boards.len()
                )));
            }
            Edit::SelfAssessment(AssessmentEdit::MeasureFromGap {
                assessment,
                requirement,
                item,
            }) => {
                if let Some(made) = case.measures_from(assessment, requirement).last() {
                    self.notice = Some(Notice::Info(format!(
                        "Åtgärd {} har skapats under {} från fråga {requirement}.",
                        made.id,
                        item.label_sv().to_lowercase()
                    )));
                }
            }
            Edit::SelfAssessment(AssessmentEdit::Remove { assessment }) => {
                self.compared
                    .retain(|(id, earlier)| id != assessment && earlier != assessment);
                if self.view
                    == (View::Assessment {
                        id: assessment.clone(),
                    })
                {
                    self.view = View::Case;
                }
                self.notice = Some(Notice::Info("Självskattningen är borttagen.".into()));
            }
            _ => {}
        }
    }

    /// For an edit that may change which requirements apply to an assessed asset (its kind, its
    /// classification, the asset itself): the assessment and the requirements that apply now.
    fn scope_of_changed_subject(&self, change: &Edit) -> Option<(String, Vec<String>)> {
        let assessment = match change {
            Edit::SelfAssessment(
                AssessmentEdit::Classify { assessment, .. }
                | AssessmentEdit::SetSubjectKind { assessment, .. }
                | AssessmentEdit::SetSubject { assessment, .. },
            ) => assessment,
            _ => return None,
        };
        let scope = self.requirements_in_scope(assessment)?;
        Some((assessment.clone(), scope))
    }

    fn requirements_in_scope(&self, assessment: &str) -> Option<Vec<String>> {
        let open = self.open.as_ref()?;
        let assessment = open
            .case
            .self_assessments
            .iter()
            .find(|a| a.id == assessment)?;
        Some(
            assessment
                .requirements_in_scope()
                .map(|(_, requirement)| requirement.id.clone())
                .collect(),
        )
    }

    /// Says which requirements came to apply or stopped applying, and that no answer was lost.
    fn announce_scope_change(&mut self, assessment: &str, before: &[String]) {
        let Some(after) = self.requirements_in_scope(assessment) else {
            return;
        };
        let added: Vec<&str> = after
            .iter()
            .filter(|id| !before.contains(id))
            .map(String::as_str)
            .collect();
        let removed: Vec<&str> = before
            .iter()
            .filter(|id| !after.contains(id))
            .map(String::as_str)
            .collect();
        if let Some(message) = scope_change_sv(&added, &removed) {
            self.notice = Some(Notice::Info(message));
        }
    }

    /// Applies an edit to the open case; a refused edit becomes a message. True when applied.
    pub(crate) fn apply_edit(&mut self, change: Edit) -> bool {
        let Some(open) = self.open.as_mut() else {
            return false;
        };
        match edit::apply(open.case_to_edit(), change) {
            Ok(()) => {
                open.changes += 1;
                true
            }
            Err(error) => {
                self.notice = Some(Notice::Error(error.to_string()));
                false
            }
        }
    }
}

/// The field of the first item a paste will add: numbers go on from the highest.
fn first_new_field(case: &Case, target: PasteTarget) -> String {
    match target {
        PasteTarget::Items(kind) => {
            let number = edit::next_number(case.audit.items(kind).iter().map(|i| i.number));
            crate::field_id::item_text(schemas::ItemRef { kind, number })
        }
        PasteTarget::Questions => {
            let number = edit::next_number(case.audit.questions.iter().map(|q| q.number));
            crate::field_id::question(number)
        }
    }
}

/// The boards a pasted item can be pre-addressed to: a board whose first yttrande is filed and
/// locked takes no new items, and shows its box disabled.
fn open_boards(open: &OpenCase) -> Vec<schemas::Board> {
    let locked: Vec<&String> = edit::locked_boards(&open.case).collect();
    open.case
        .boards
        .iter()
        .filter(|board| !locked.contains(&&board.id))
        .cloned()
        .collect()
}

/// "Efter ändringen gäller 2 krav till (K4, K9) och 1 krav inte längre (K2). Svaren
/// finns kvar."; `None` when nothing changed.
fn scope_change_sv(added: &[&str], removed: &[&str]) -> Option<String> {
    let listed = |ids: &[&str]| {
        const SHOWN: usize = 8;
        let mut shown = ids
            .iter()
            .take(SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if ids.len() > SHOWN {
            shown.push_str(" med flera");
        }
        shown
    };
    let added_part = (!added.is_empty()).then(|| {
        format!(
            "{} till ({})",
            count_sv(added.len(), "krav", "krav"),
            listed(added)
        )
    });
    let removed_part = (!removed.is_empty()).then(|| {
        format!(
            "{} inte längre ({})",
            count_sv(removed.len(), "krav", "krav"),
            listed(removed)
        )
    });
    let parts: Vec<String> = added_part.into_iter().chain(removed_part).collect();
    if parts.is_empty() {
        return None;
    }
    let kept = if removed.is_empty() {
        ""
    } else {
        " Svaren på dem som inte längre gäller finns kvar och räknas igen om klassningen ändras tillbaka."
    };
    Some(format!(
        "Efter ändringen gäller {}.{kept}",
        parts.join(" och ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::AuditText;

    fn opened(id: &str, revision: u64) -> Action {
        Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
            id.into(),
            Case::new_empty(),
            revision,
            true,
        ))))
    }

    fn run(actions: impl IntoIterator<Item = Action>) -> AppState {
        actions
            .into_iter()
            .fold(AppState::default(), AppState::reduce)
    }

    fn title(text: &str) -> Action {
        Action::Edit(Edit::SetAuditText(AuditText::Title, text.into()))
    }

    fn stored_template(id: &str, uploaded_at: &str) -> StoredTemplate {
        StoredTemplate {
            id: id.into(),
            file_name: format!("{id}.dotx"),
            uploaded_at: uploaded_at.into(),
            bytes: 1000,
            scope: Default::default(),
            summary: Default::default(),
        }
    }

    fn report_text(name: &str, text: &str) -> schemas::report_import::SourceText {
        schemas::report_import::SourceText::single_page(name, text)
    }

    /// What the app dispatches once the generator has recognised the files.
    fn read_report(
        sources: Vec<schemas::report_import::SourceText>,
        into_case: Option<String>,
    ) -> Action {
        let proposal = Box::new(schemas::report_import::recognise(&sources));
        Action::Report(ReportAction::Read {
            sources,
            proposal,
            into_case,
            unread: Vec::new(),
        })
    }

    #[test]
    fn a_report_read_is_a_proposal_to_check_and_goes_into_the_open_case_without_overwriting() {
        let missiv = report_text(
            "missiv.txt",
            "Till:\nKommunstyrelsen\n\nGranskning av arkiv SR-2025-9\n\nDet första yttrandet ska inkomma senast 2025-05-30.\n",
        );
        // Nothing like an audit: said, and nothing changes.
        let state = run([read_report(
            vec![report_text("brev.txt", "Hej!\nVälkommen på fest.")],
            None,
        )]);
        assert_eq!(state.report_draft, None);
        assert!(
            matches!(&state.notice, Some(Notice::Error(m)) if m.starts_with("«brev.txt» ser inte ut som en granskningsrapport"))
        );
        // A new case: the proposal is shown and corrected.
        let state = run([
            read_report(vec![missiv.clone()], None),
            Action::Report(ReportAction::Edit(
                schemas::report_import::ProposalEdit::Text(
                    schemas::report_import::ProposalText::Title,
                    "Granskning av arkivet".into(),
                ),
            )),
        ]);
        assert_eq!(state.view, View::ReportImport);
        let draft = state.report_draft.as_ref().expect("draft");
        assert!(draft.edited);
        assert_eq!(
            draft.proposal.title.as_ref().map(|f| f.value.as_str()),
            Some("Granskning av arkivet")
        );
        assert_eq!(
            state.reduce(Action::Report(ReportAction::Cancel)).view,
            View::Start
        );
        // Into the open case: what it has is kept and said; the new board is added. The files
        // name another audit than the case, so the user is asked to check them first.
        let open = OpenCase::new("a".into(), crate::test_support::example(), 1, true);
        let title = open.case.audit.title.clone();
        let checking = run([
            Action::Open(OpenEvent::Opened(Box::new(open.clone()))),
            read_report(vec![missiv.clone()], Some("a".into())),
        ]);
        let warnings = &checking
            .report_draft
            .as_ref()
            .expect("draft")
            .proposal
            .warnings;
        assert_eq!(
            warnings,
            &["Ärendet gäller SR-2025-17, men filerna gäller SR-2025-9: kontrollera att du har valt missivet och rapporten till den här granskningen."]
        );
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(open))),
            read_report(vec![missiv], Some("a".into())),
            Action::Report(ReportAction::FillOpenCase),
        ]);
        let case = &state.open.as_ref().expect("open").case;
        assert_eq!(case.audit.title, title);
        assert_eq!(state.view, View::Case);
        assert_eq!(state.report_draft, None);
        assert!(
            matches!(&state.notice, Some(Notice::Info(m)) if m.contains(&format!("Rubrik: ärendets «{title}» behölls")))
        );
    }

    #[test]
    fn files_that_could_not_be_read_are_named_and_the_others_are_read() {
        let missiv = report_text(
            "missiv.txt",
            "Till:\nKommunstyrelsen\n\nGranskning av arkiv SR-2025-9\n",
        );
        let unread = vec!["«låst.pdf»: PDF:en är lösenordsskyddad.".to_string()];
        let Action::Report(ReportAction::Read {
            sources,
            proposal,
            into_case,
            ..
        }) = read_report(vec![missiv.clone()], None)
        else {
            unreachable!()
        };
        let read = Action::Report(ReportAction::Read {
            sources,
            proposal,
            into_case,
            unread: unread.clone(),
        });
        let state = run([read]);
        assert_eq!(state.view, View::ReportImport);
        assert_eq!(
            state.notice,
            Some(Notice::Error("«låst.pdf»: PDF:en är lösenordsskyddad.\nDen filen är inte med i förslaget; de andra filerna lästes in.".into()))
        );
        // Added to the open proposal: what was added and what was not, in one message.
        let more = Action::Report(ReportAction::More {
            sources: vec![report_text(
                "rapport.txt",
                "Rekommendationer\n\nVi rekommenderar kommunstyrelsen att ta fram en arkivplan.\n",
            )],
            proposal: Box::new(schemas::report_import::recognise(&[])),
            unread,
        });
        let state = state.reduce(more);
        assert!(
            matches!(&state.notice, Some(Notice::Error(m)) if m.starts_with("«låst.pdf»: PDF:en är lösenordsskyddad.\nDen filen är inte med i förslaget") && m.contains("«rapport.txt» lästes in")),
            "{:?}",
            state.notice
        );
    }

    #[test]
    fn an_imported_framework_is_shown_before_an_assessment_starts() {
        let case = crate::test_support::example();
        let open = OpenCase::new("a".into(), case, 1, true);
        let imported = schemas::framework_import::read_csv(
            "område;id;text;extra\nA;1;Ett\n",
            "riktlinje",
            "Riktlinje",
        )
        .expect("reads");
        let preview =
            FrameworkPreview::new("ks".into(), "riktlinje.csv".into(), imported, &open.case);
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(open))),
            Action::PreviewFramework(Box::new(preview.clone())),
        ]);
        assert_eq!(
            state
                .open
                .as_ref()
                .expect("open")
                .case
                .self_assessments
                .len(),
            0
        );
        assert_eq!(state.focus.as_deref(), Some(FRAMEWORK_PREVIEW_HEADING));
        let cancelled = state.clone().reduce(Action::CancelFramework);
        assert_eq!(cancelled.framework_preview, None);
        let today = crate::test_support::day("2026-03-01");
        let started = state.reduce(Action::AcceptFramework {
            today,
            continue_from: None,
            keep_ratings: true,
        });
        let assessments = &started.open.as_ref().expect("open").case.self_assessments;
        assert_eq!(assessments.len(), 1);
        assert_eq!(assessments[0].title, "Riktlinje 2026");
        assert!(matches!(started.view, View::Assessment { .. }));
        assert_eq!(started.framework_preview, None);
    }

    #[test]
    fn opening_another_file_clears_what_an_earlier_one_said() {
        let edits = WordEdits {
            file_name: "ändrad.docx".into(),
            board: "ks".into(),
            differences: Vec::new(),
            outside: vec!["Tillagt.".into()],
            settled: Vec::new(),
        };
        let state = run([
            opened("a", 1),
            Action::Open(OpenEvent::EditedInWord(Box::new(edits))),
        ]);
        assert!(state.word_edits.is_some());
        let state = state.reduce(opened("a", 1));
        assert_eq!(state.word_edits, None);
    }

    #[test]
    fn templates_are_listed_replaced_and_removed_only_after_a_confirmation() {
        let state = run([
            Action::Navigate(View::Templates),
            Action::Templates(TemplateEvent::Listed(vec![
                stored_template("b", "2026-02-01T00:00:00Z"),
                stored_template("a", "2026-01-01T00:00:00Z"),
            ])),
        ]);
        assert_eq!(
            state.view,
            View::Templates,
            "the templates page needs no open case"
        );
        let ids = |state: &AppState| {
            state
                .templates
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&state), ["a", "b"]);
        let mut newer = stored_template("a", "2026-03-01T00:00:00Z");
        newer.file_name = "ny.dotx".into();
        let state = state.reduce(Action::Templates(TemplateEvent::Saved {
            template: Box::new(newer),
            replaced: true,
        }));
        assert_eq!(ids(&state), ["b", "a"]);
        assert!(
            matches!(&state.notice, Some(Notice::Info(text)) if text.starts_with("Mallen är utbytt: ny.dotx"))
        );
        let state = state.reduce(Action::Templates(TemplateEvent::AskRemove("b".into())));
        assert_eq!(state.confirm_remove_template.as_deref(), Some("b"));
        assert_eq!(
            state.templates.len(),
            2,
            "nothing is removed before storage says so"
        );
        let state = state.reduce(Action::Templates(TemplateEvent::Removed("b".into())));
        assert_eq!(
            (ids(&state), state.confirm_remove_template.clone()),
            (vec!["a".to_string()], None)
        );
        let state = state.reduce(Action::Templates(TemplateEvent::Refused(
            "Mallen är skadad.".into(),
        )));
        assert_eq!(
            state.notice,
            Some(Notice::Error("Mallen är skadad.".into()))
        );
        assert_eq!(
            state.templates.len(),
            1,
            "a refused file changes nothing stored"
        );
    }

    #[test]
    fn an_edit_is_unsaved_until_a_save_of_it_returns() {
        let state = run([
            Action::Storage(StorageEvent::Ready(vec![])),
            opened("a", 1),
            title("Granskning"),
        ]);
        assert!(state.wants_save());
        assert_eq!(
            state.open.as_ref().expect("open").case.audit.title,
            "Granskning"
        );
        let state = state.reduce(Action::Storage(StorageEvent::Saved {
            id: "a".into(),
            revision: 2,
            changes: 1,
        }));
        let open = state.open.clone().expect("open");
        assert!(!open.unsaved());
        assert_eq!(open.revision, 2);
        assert!(!state.wants_save());
    }

    #[test]
    fn edits_made_while_a_save_runs_are_saved_next() {
        // The save of change 1 is in flight when changes 2 and 3 arrive.
        let state = run([
            Action::Storage(StorageEvent::Ready(vec![])),
            opened("a", 1),
            title("A"),
            title("AB"),
            title("ABC"),
        ]);
        let state = state.reduce(Action::Storage(StorageEvent::Saved {
            id: "a".into(),
            revision: 2,
            changes: 1,
        }));
        assert!(state.wants_save(), "changes 2 and 3 are not stored yet");
        let state = state.reduce(Action::Storage(StorageEvent::Saved {
            id: "a".into(),
            revision: 3,
            changes: 3,
        }));
        assert!(!state.wants_save());
    }

    #[test]
    fn a_new_case_wants_its_first_save_and_a_conflict_stops_saving() {
        let new_case = Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
            "n".into(),
            Case::new_empty(),
            0,
            false,
        ))));
        let state = run([Action::Storage(StorageEvent::Ready(vec![])), new_case]);
        assert!(state.wants_save());
        let state = state.reduce(Action::Storage(StorageEvent::Conflict { id: "n".into() }));
        assert!(state.changed_elsewhere);
        assert!(!state.wants_save(), "no silent overwrite");
    }

    #[test]
    fn nothing_is_saved_without_storage() {
        let state = run([
            Action::Storage(StorageEvent::Unavailable),
            opened("a", 0),
            title("x"),
        ]);
        assert!(!state.wants_save());
        assert!(state.open.expect("open").unsaved());
    }

    #[test]
    fn a_checked_paste_adds_numbered_items_to_the_chosen_boards() {
        let state = run([
            Action::Storage(StorageEvent::Ready(vec![])),
            opened("a", 1),
            Action::Edit(Edit::AddBoard {
                name: "Kommunstyrelsen".into(),
            }),
            Action::Paste(PasteAction::Start(PasteTarget::Items(
                ItemKind::Recommendation,
            ))),
            Action::Paste(PasteAction::Text(
                "• Ta fram\n• en policy.\n• Följ upp. Utbilda.".into(),
            )),
            Action::Paste(PasteAction::Merge(0)),
            Action::Paste(PasteAction::Split {
                index: 1,
                at_char: 10,
            }),
            Action::Paste(PasteAction::Addressed {
                item: None,
                board: "kommunstyrelsen".into(),
                addressed: true,
            }),
            Action::Paste(PasteAction::Accept),
        ]);
        assert_eq!(state.paste, None);
        assert_eq!(
            state.notice,
            Some(Notice::Info("3 rekommendationer har lagts till.".into()))
        );
        let items = &state
            .open
            .as_ref()
            .expect("open")
            .case
            .audit
            .recommendations;
        let texts: Vec<_> = items.iter().map(|i| (i.number, i.text.as_str())).collect();
        assert_eq!(
            texts,
            [(1, "Ta fram en policy."), (2, "Följ upp."), (3, "Utbilda.")]
        );
        assert!(items.iter().all(|i| i.addressees == ["kommunstyrelsen"]));
        assert!(state.wants_save());
    }

    #[test]
    fn an_empty_paste_is_not_accepted() {
        let state = run([
            opened("a", 1),
            Action::Paste(PasteAction::Start(PasteTarget::Items(ItemKind::Assessment))),
            Action::Paste(PasteAction::Accept),
        ]);
        assert!(
            state.paste.is_some(),
            "the draft stays for the user to fill in"
        );
        assert_eq!(
            state.notice,
            Some(Notice::Error(
                "Det finns inga punkter att lägga till.".into()
            ))
        );
    }

    #[test]
    fn answering_steps_through_the_boards_items_and_no_further() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))),
            Action::Navigate(View::FirstYttrande {
                board: "okand".into(),
                step: None,
            }),
        ]);
        assert_eq!(state.view, View::Case, "an unknown board opens nothing");
        let state = state.reduce(Action::Navigate(View::FirstYttrande {
            board: "sn".into(),
            step: None,
        }));
        assert_eq!(
            state.view,
            View::FirstYttrande {
                board: "sn".into(),
                step: None
            }
        );
        let step = |step| {
            Action::Navigate(View::FirstYttrande {
                board: "sn".into(),
                step,
            })
        };
        let state = state.reduce(step(Some(3)));
        assert_eq!(
            state.view,
            View::FirstYttrande {
                board: "sn".into(),
                step: Some(3)
            },
            "sn has 4 items"
        );
        let state = state.reduce(step(Some(4)));
        assert_eq!(
            state.view,
            View::FirstYttrande {
                board: "sn".into(),
                step: Some(3)
            },
            "past the end: not shown, like every page that does not fit"
        );
        assert_eq!(state.reduce(Action::Navigate(View::Case)).view, View::Case);
    }

    #[test]
    fn the_follow_up_opens_only_once_started_and_keeps_its_page_while_stepping() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
                .expect("example");
        let mut state = run([Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
            "a".into(),
            example,
            1,
            true,
        ))))]);
        if let Some(open) = state.open.as_mut() {
            open.case_to_edit().responses.retain(|r| r.board != "ks");
        }
        let state = state.reduce(Action::Navigate(View::FollowUp {
            board: "ks".into(),
            step: None,
        }));
        assert_eq!(state.view, View::Case, "ks has no follow-up here");
        let state = state
            .reduce(Action::Navigate(View::FollowUp {
                board: "sn".into(),
                step: None,
            }))
            .reduce(Action::Navigate(View::FollowUp {
                board: "sn".into(),
                step: Some(1),
            }));
        assert_eq!(
            state.view,
            View::FollowUp {
                board: "sn".into(),
                step: Some(1)
            }
        );
        let state = state.reduce(Action::Navigate(View::Comparison));
        assert_eq!(state.view, View::Comparison);
        let place = serde_json::to_string(&state.place().expect("a place").1).expect("view");
        assert_eq!(place, "\"Comparison\"");
    }

    #[test]
    fn classifying_an_asset_says_which_requirements_now_apply_and_keeps_every_answer() {
        use schemas::applicability::{Parameter, Subject};
        use schemas::Rating;
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let csv =
            "Område;Id;Text;Gäller från\nA;1;Alltid;\nA;2;Kryptering;K2\nA;3;Kontinuitet;T3\n";
        let framework = schemas::framework_import::framework_from_csv(csv, "r", "Riktlinje")
            .expect("framework");
        let today = schemas::Date::parse("2026-11-23").expect("date");
        let edit = |change| Action::Edit(Edit::SelfAssessment(change));
        let classify = |parameter, level| {
            edit(AssessmentEdit::Classify {
                assessment: "S1".into(),
                parameter,
                level,
            })
        };
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))),
            Action::StartAssessment {
                board: "ks".into(),
                framework: Box::new(framework),
                title: "Ekonomisystemet 2026".into(),
                today,
            },
            edit(AssessmentEdit::Rate {
                assessment: "S1".into(),
                requirement: "2".into(),
                rating: Some(Rating::Level(1)),
                today,
            }),
            edit(AssessmentEdit::SetSubject {
                assessment: "S1".into(),
                subject: Some(Subject {
                    name: "Ekonomisystemet".into(),
                    ..Subject::default()
                }),
            }),
        ]);
        assert_eq!(state.notice, None, "unclassified, everything still applies");
        let state = state
            .reduce(classify(Parameter::Konfidentialitet, Some(1)))
            .reduce(classify(Parameter::Tillganglighet, Some(2)));
        assert_eq!(
            state.notice,
            Some(Notice::Info(
                "Efter ändringen gäller 1 krav inte längre (3). Svaren på dem som inte längre \
                 gäller finns kvar och räknas igen om klassningen ändras tillbaka."
                    .into()
            ))
        );
        let state = state.reduce(classify(Parameter::Konfidentialitet, Some(3)));
        assert_eq!(
            state.notice,
            Some(Notice::Info(
                "Efter ändringen gäller 1 krav till (2).".into()
            ))
        );
        let assessment = &state.open.as_ref().expect("open").case.self_assessments[0];
        assert_eq!(assessment.rating("2"), Some(Rating::Level(1)), "kept");
        assert_eq!(assessment.overall_score().total, 2);
        let refused = state.reduce(edit(AssessmentEdit::Classify {
            assessment: "S1".into(),
            parameter: Parameter::Riktighet,
            level: Some(5),
        }));
        assert_eq!(
            refused.notice,
            Some(Notice::Error(
                "Nivå 5 finns inte; klassningen har nivåerna 1–4.".into()
            ))
        );
    }

    #[test]
    fn starting_an_assessment_shows_it_and_a_broken_framework_is_only_a_message() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let start = |framework: schemas::Framework| Action::StartAssessment {
            board: "ks".into(),
            framework: Box::new(framework),
            title: "Självskattning 2026".into(),
            today: schemas::Date::parse("2026-11-23").expect("date"),
        };
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))),
            start(schemas::framework::built_in_lis()),
        ]);
        assert_eq!(state.view, View::Assessment { id: "S1".into() });
        let state = state
            .reduce(Action::Navigate(View::Case))
            .reduce(start(schemas::Framework::new("x", "X")));
        assert_eq!(state.view, View::Case);
        assert!(
            matches!(&state.notice, Some(Notice::Error(message)) if message.starts_with("Ramverket kan inte användas:")),
            "{:?}",
            state.notice
        );
        assert_eq!(
            state.open.as_ref().map(|o| o.case.self_assessments.len()),
            Some(1)
        );
        let state = state.reduce(Action::Navigate(View::Assessment { id: "S1".into() }));
        assert_eq!(state.view, View::Assessment { id: "S1".into() });
        let state = state
            .reduce(Action::Navigate(View::Case))
            .reduce(Action::Navigate(View::Assessment { id: "S7".into() }));
        assert_eq!(
            state.view,
            View::Case,
            "an unknown assessment opens nothing"
        );
    }

    #[test]
    fn a_measure_from_a_gap_is_announced_once_and_a_removed_assessment_closes_its_page() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let today = schemas::Date::parse("2026-11-23").expect("date");
        let framework = Box::new(schemas::framework::from_audit_questions(&example));
        let gap = Action::Edit(Edit::SelfAssessment(AssessmentEdit::MeasureFromGap {
            assessment: "S1".into(),
            requirement: "Q1".into(),
            item: schemas::ItemRef::recommendation(2),
        }));
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))),
            Action::StartAssessment {
                board: "sn".into(),
                framework,
                title: "Självskattning 2026".into(),
                today,
            },
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::Rate {
                assessment: "S1".into(),
                requirement: "Q1".into(),
                rating: Some(schemas::Rating::Level(0)),
                today,
            })),
            gap.clone(),
        ]);
        assert_eq!(
            state.notice,
            Some(Notice::Info(
                "Åtgärd A4 har skapats under rekommendation 2 från fråga Q1.".into()
            ))
        );
        let state = state.reduce(gap);
        assert_eq!(
            state.notice,
            Some(Notice::Error(
                "Fråga Q1 har redan en åtgärd, A4: ändra den i stället.".into()
            )),
            "a second click makes no second measure"
        );
        let state = state
            .reduce(Action::CompareAssessment {
                assessment: "S1".into(),
                earlier: Some("S0".into()),
            })
            .reduce(Action::Navigate(View::Case))
            .reduce(Action::Navigate(View::Assessment { id: "S1".into() }));
        assert_eq!(state.compared_with("S1"), Some("S0"));
        let state = state.reduce(Action::Edit(Edit::SelfAssessment(AssessmentEdit::Remove {
            assessment: "S1".into(),
        })));
        assert_eq!(state.view, View::Case);
        assert!(state.compared.is_empty());
        assert_eq!(state.open.expect("open").case.self_assessments.len(), 0);
    }

    #[test]
    fn the_place_is_remembered_and_restored_only_where_it_still_fits() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let open = || {
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example.clone(),
                1,
                true,
            ))))
        };
        let state = run([
            open(),
            Action::Navigate(View::FirstYttrande {
                board: "sn".into(),
                step: None,
            }),
            Action::Navigate(View::FirstYttrande {
                board: "sn".into(),
                step: Some(2),
            }),
        ]);
        let place = state.place().expect("a place");
        assert_eq!(
            place,
            (
                "a".into(),
                View::FirstYttrande {
                    board: "sn".into(),
                    step: Some(2)
                }
            )
        );
        let text = serde_json::to_string(&place.1).expect("json");
        let restored = run([
            open(),
            Action::Navigate(serde_json::from_str(&text).expect("view")),
        ]);
        assert_eq!(restored.view, place.1);
        let stale = run([
            open(),
            Action::Navigate(View::FirstYttrande {
                board: "sn".into(),
                step: Some(9),
            }),
        ]);
        assert_eq!(stale.view, View::Case, "a step that no longer exists");
        assert_eq!(run([open(), Action::Navigate(View::Start)]).place(), None);
    }

    #[test]
    fn following_a_finding_shows_its_page_and_focuses_its_field() {
        let state = run([opened("a", 1), Action::Navigate(View::Review)]);
        assert_eq!(state.view, View::Review);
        let target = View::FirstYttrande {
            board: "ks".into(),
            step: Some(2),
        };
        let state = state.reduce(Action::GoTo {
            view: target.clone(),
            field: "motivation".into(),
        });
        assert_eq!(state.view, target);
        assert_eq!(state.focus.as_deref(), Some("motivation"));
        assert_eq!(state.reduce(Action::Focused).focus, None);
    }

    #[test]
    fn a_message_stays_until_the_user_moves_on_or_makes_a_change() {
        let info = |text: &str| Action::Notify(Notice::Info(text.into()));
        let state = run([opened("a", 1), info("Sparat.")]);
        let state = state.reduce(Action::Storage(StorageEvent::Saved {
            id: "a".into(),
            revision: 2,
            changes: 0,
        }));
        assert!(state.notice.is_some(), "a storage report keeps it");
        let state = state.reduce(title("Ny titel"));
        assert_eq!(state.notice, None, "the next change clears it");
        let state = state
            .reduce(Action::Edit(Edit::RemoveQuestion { number: 9 }))
            .reduce(Action::Focused);
        assert!(
            matches!(state.notice, Some(Notice::Error(_))),
            "a refused change gives its own message, which stays"
        );
        let state = state.reduce(Action::Navigate(View::Review));
        assert_eq!(state.notice, None, "another page clears it");
        let state = state
            .reduce(info("Klart."))
            .reduce(Action::Navigate(View::Review));
        assert!(state.notice.is_some(), "the same page again keeps it");
        let state = state.reduce(Action::Storage(StorageEvent::Deleted("a".into())));
        assert_eq!(
            (state.view.clone(), state.notice.clone()),
            (
                View::Start,
                Some(Notice::Info("Ärendet är borttaget.".into()))
            ),
            "a move that gives a message shows it"
        );
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
        assert!(!state.open.expect("open").unsaved());
    }

    #[test]
    fn a_file_holding_a_stored_case_opens_the_stored_one_or_updates_it_never_a_copy() {
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let a_year_on =
            schemas::load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
                .expect("example");
        let stored = OpenCase::new(example.id.clone(), example.clone(), 4, true);
        let found = || {
            Action::Open(OpenEvent::FoundStored {
                stored: Box::new(stored.clone()),
                incoming: Box::new(a_year_on.clone()),
            })
        };
        let state = run([Action::Storage(StorageEvent::Ready(vec![])), found()]);
        let duplicate = state.duplicate.clone().expect("the user chooses");
        assert!(duplicate
            .differences
            .iter()
            .any(|line| line.starts_with("Uppföljning påbörjad")));
        assert_eq!(state.view, View::Start);

        let kept = state.clone().reduce(Action::Open(OpenEvent::KeepStored));
        assert_eq!(kept.open.as_ref().map(|o| &*o.case), Some(&example));
        assert!(!kept.wants_save(), "nothing is written");
        assert_eq!(kept.duplicate, None);

        let updated = state.clone().reduce(Action::Open(OpenEvent::UpdateStored));
        let open = updated.open.clone().expect("open");
        assert_eq!((open.id.as_str(), open.revision), ("exempel-sr-2025-17", 4));
        assert_eq!(*open.case, a_year_on);
        assert!(
            updated.wants_save(),
            "the stored copy is replaced at the revision read"
        );
        assert_eq!(
            updated.notice,
            Some(Notice::Info(
                "Det sparade ärendet har uppdaterats från filen.".into()
            ))
        );

        let cancelled = state.reduce(Action::Open(OpenEvent::CancelDuplicate));
        assert_eq!((cancelled.duplicate, cancelled.open), (None, None));
    }

    #[test]
    fn a_failed_open_keeps_the_saved_list_and_the_view() {
        let summary = CaseSummary {
            id: "a".into(),
            title: "T".into(),
            reference: "R".into(),
            boards: vec![],
            follow_ups: vec![],
            next_deadline: None,
            saved_at: "t".into(),
            revision: 1,
            kind: schemas::CaseKind::Audit,
            assessments: 0,
        };
        let state = run([
            Action::Storage(StorageEvent::Ready(vec![summary.clone()])),
            Action::Open(OpenEvent::Failed("Filen är inte giltig JSON.".into())),
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
            Action::Storage(StorageEvent::ChangedElsewhere {
                id: "a".into(),
                revision: 3,
            }),
        ]);
        assert!(!state.changed_elsewhere, "our own save echoed back");
        let state = state.reduce(Action::Storage(StorageEvent::ChangedElsewhere {
            id: "b".into(),
            revision: 9,
        }));
        assert!(!state.changed_elsewhere, "another case");
        let state = state.reduce(Action::Storage(StorageEvent::ChangedElsewhere {
            id: "a".into(),
            revision: 4,
        }));
        assert!(state.changed_elsewhere);
    }

    #[test]
    fn deleting_needs_a_confirmation_and_closes_the_open_case() {
        let state = run([
            opened("a", 1),
            Action::Navigate(View::Start),
            Action::AskDelete("a".into()),
        ]);
        assert_eq!(state.confirm_delete.as_deref(), Some("a"));
        let cancelled = state.clone().reduce(Action::CancelDelete);
        assert_eq!(cancelled.confirm_delete, None);
        assert!(cancelled.open.is_some());
        let deleted = state.reduce(Action::Storage(StorageEvent::Deleted("a".into())));
        assert_eq!(deleted.open, None);
        assert_eq!(deleted.view, View::Start);
    }

    #[test]
    fn next_year_starts_from_last_year_with_answers_marked_until_confirmed() {
        use schemas::Rating;
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let csv = "Område;Id;Text\nA;1;Policy\nA;2;Loggar\nA;3;Kontinuitet\n";
        let framework = schemas::framework_import::framework_from_csv(csv, "r", "Riktlinje")
            .expect("framework");
        let last_year = schemas::Date::parse("2025-11-20").expect("date");
        let today = schemas::Date::parse("2026-11-23").expect("date");
        let edit = |change| Action::Edit(Edit::SelfAssessment(change));
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))),
            Action::StartAssessment {
                board: "ks".into(),
                framework: Box::new(framework),
                title: "Ekonomisystemet 2025".into(),
                today: last_year,
            },
            edit(AssessmentEdit::Rate {
                assessment: "S1".into(),
                requirement: "1".into(),
                rating: Some(Rating::Level(3)),
                today: last_year,
            }),
            edit(AssessmentEdit::Rate {
                assessment: "S1".into(),
                requirement: "2".into(),
                rating: Some(Rating::Level(1)),
                today: last_year,
            }),
            Action::StartNextAssessment {
                from: "S1".into(),
                keep_ratings: true,
                today,
            },
        ]);
        assert_eq!(state.view, View::Assessment { id: "S2".into() });
        assert_eq!(state.compared_with("S2"), Some("S1"));
        assert_eq!(
            state.notice,
            Some(Notice::Info(
                "«Ekonomisystemet 2026» har påbörjats från «Ekonomisystemet 2025»: 2 svar har \
                 förts över (betygen följde med som utgångspunkt). Bekräfta eller ändra varje \
                 överfört svar."
                    .into()
            ))
        );
        let next =
            |state: &AppState| state.open.as_ref().expect("open").case.self_assessments[1].clone();
        assert_eq!(next(&state).own_rating("1"), Some(Rating::Level(3)));
        assert!(next(&state)
            .answers
            .iter()
            .all(|answer| answer.carried_over));
        let state = state
            .reduce(edit(AssessmentEdit::Rate {
                assessment: "S2".into(),
                requirement: "2".into(),
                rating: Some(Rating::Level(2)),
                today,
            }))
            .reduce(edit(AssessmentEdit::ConfirmCarried {
                assessment: "S2".into(),
                requirement: "1".into(),
            }));
        let answers = next(&state).answers;
        assert!(answers.iter().all(|answer| !answer.carried_over));
        assert_eq!(
            answers[1].assessed_on,
            Some(today),
            "a new rating is dated today"
        );
        assert_eq!(
            answers[0].assessed_on, None,
            "a confirmed one was not rated again"
        );
    }

    #[test]
    fn a_gap_of_self_assessments_on_their_own_becomes_a_measure_in_an_audit_case() {
        use crate::gap_elsewhere::PendingGap;
        use schemas::{ItemKind, ItemRef, Rating};
        let mut register = schemas::Case::new_self_assessments("Självskattningar 2026");
        register.id = "reg".into();
        register
            .boards
            .push(schemas::Board::new("ks", "Kommunstyrelsen"));
        let csv = "Område;Id;Text\nA;1;Det finns en kontinuitetsplan\n";
        let framework = schemas::framework_import::framework_from_csv(csv, "r", "Riktlinje")
            .expect("framework");
        let today = schemas::Date::parse("2026-11-23").expect("date");
        let state = run([
            Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "reg".into(),
                register,
                1,
                true,
            )))),
            Action::StartAssessment {
                board: "ks".into(),
                framework: Box::new(framework),
                title: "Ekonomisystemet 2026".into(),
                today,
            },
            Action::Edit(Edit::SelfAssessment(AssessmentEdit::Rate {
                assessment: "S1".into(),
                requirement: "1".into(),
                rating: Some(Rating::Level(0)),
                today,
            })),
        ]);
        let register = state.open.as_ref().expect("open").case.clone();
        let gap = PendingGap::of(
            &register,
            &register.self_assessments[0],
            "1",
            "a",
            "Granskning",
        )
        .expect("a gap");
        let example =
            schemas::load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
                .expect("example");
        let item = ItemRef {
            kind: ItemKind::Recommendation,
            number: 2,
        };
        let place = Action::PlaceGap {
            board: "ks".into(),
            item,
        };
        let state = state
            .reduce(Action::CarryGap(Box::new(gap)))
            .reduce(place.clone());
        assert!(
            state.pending_gap.is_some(),
            "not placed in the register itself"
        );
        let state = state
            .reduce(Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                "a".into(),
                example,
                1,
                true,
            )))))
            .reduce(place.clone());
        assert_eq!(state.pending_gap, None);
        let Some(Notice::Info(said)) = &state.notice else {
            panic!("{:?}", state.notice)
        };
        assert!(
            said.ends_with("Från självskattningen ”Ekonomisystemet 2026” i ”Självskattningar 2026” mot ramverket ”Riktlinje”, fråga 1."),
            "{said}"
        );
        let case = &state.open.as_ref().expect("open").case;
        let (origin, measure) = case.measures_with_origin().last().expect("a measure");
        assert_eq!(
            origin.elsewhere.as_ref().map(|e| e.case.as_str()),
            Some("reg")
        );
        assert_eq!(
            measure.action,
            "Åtgärda brist i självskattningen: Det finns en kontinuitetsplan"
        );
        assert!(
            case.self_assessments.is_empty(),
            "the assessment stays in its own file"
        );
    }
}
