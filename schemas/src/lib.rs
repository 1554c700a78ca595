//! Yttra's case file format: the types of an audit case, reading and writing them with version
//! checks and migrations, validation with Swedish findings, and the JSON Schema of the file.
//!
//! This crate is pure: no clock, no files, no browser. Callers pass "today" in.

pub mod applicability;
pub mod carry_over;
pub mod comparison;
pub mod date;
pub mod disclosure;
pub mod documents;
pub mod fields;
pub mod follow_up;
pub mod framework;
pub mod framework_import;
pub mod json_schema;
pub mod location;
pub mod model;
pub mod overview;
pub mod report_import;
pub mod self_assessment;
pub mod template;
#[cfg(test)]
mod test_support;
pub mod validate;
pub mod version;
pub mod wording;

pub use date::Date;
pub use follow_up::{
    AssessmentEvidence, CoverNote, FollowUpYttrande, MeasureOutcome, MeasureStatus, Meeting,
};
pub use framework::{Area, Framework, Requirement, Scale, ScaleLevel};
pub use location::Location;
pub use model::*;
pub use self_assessment::{Answer, Rating, SelfAssessment};
pub use validate::{has_errors, validate, Finding, Severity};
pub use version::{
    case_message, load_case, load_case_value, save_case, LoadError, FORMAT_NAME, FORMAT_VERSION,
};
