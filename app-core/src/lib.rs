//! The pure core of Yttra's browser app, tested natively: no browser crate in its dependency
//! tree (checked by `scripts/test.sh`). The `frontend` crate renders this state and sends it
//! actions; everything it decides is here.
//!
//! `paste` turns text copied from a report into audit items; `edit` is every change a user can
//! make to a case, applied by one function; `library` the saved cases as the start page lists
//! them, and the revision rule that keeps two tabs from overwriting each other; `app_state` the
//! app's state and the pure reducer behind every screen; `files` opening a picked JSON or DOCX;
//! `review` where each validation finding is fixed; `word_edits` what was changed in a document
//! edited in Word, for the user to take in; `templates` the municipality's Word templates kept
//! here and which one a document is written in; `framework_preview` a framework file checked,
//! named and recognised as a new version before it is used; `framework_library` the frameworks
//! kept in this browser to be chosen again; `gap_elsewhere` a gap of self-assessments kept on
//! their own on its way to becoming a measure in an audit case; `report_draft` a missiv and
//! report read from their files into a proposal, checked before it becomes a case.

pub mod app_state;
pub mod edit;
pub mod field_id;
pub mod files;
pub mod framework_library;
pub mod framework_preview;
pub mod gap_elsewhere;
pub mod library;
pub mod paste;
pub mod report_draft;
pub mod review;
pub mod templates;
#[cfg(test)]
mod test_support;
pub mod word_edits;
