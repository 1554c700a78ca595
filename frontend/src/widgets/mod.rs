//! Components and parts that several pages share: labelled fields, steps, rows of people, a
//! measure's item links and origin, the tjänsteskrivelse's fields, navigation, and the case
//! page's sections, what was changed in a document edited in Word, and the picker that reads a
//! missiv and report.

pub mod assessments_section;
pub mod cover_note_fields;
pub mod fields;
pub mod items_section;
pub mod measure_parts;
pub mod navigation;
pub mod paste_panel;
pub mod people;
pub mod period;
pub mod report_files;
pub mod steps;
pub mod templates_line;
pub mod word_edits;
