//! docgen's integration tests, one binary for fast builds:
//!
//! - `golden`: the normalised XML of every example document against the committed golden files
//!   (`UPDATE_EXPECT=1` rewrites them; a stale one fails with a diff, made by `diff`): the parts
//!   all documents share once, each document's body, header and properties on their own; and
//!   byte-identical output for the same input.
//! - `preview`: the text of a document as the app shows it, and its JSON between the modules.
//! - `round_trip`: render → extract gives back the case cut for the document, for every example
//!   and board.
//! - `disclosure`: a document embeds only what it shows (every embedded free text is visible),
//!   nothing of another board.
//! - `read_back`: fields amended in Word are read back and compared with the embedded case.
//! - `hostile_input`: broken, foreign, oversized and zip-bomb files give a clear error, never a
//!   panic; randomly damaged cases never make loading, validation or rendering panic.
//! - `cli`: the `docgen` binary's commands, messages and exit codes.
//! - `follow_up_counts`: the follow-up's counts in the documents, each status on its own.
//! - `make`: the one entry for every file gives each kind of request its file or its error.
//! - `line_spacing`: no part of any document gives a line height LibreOffice reads as exact.
//! - `measure_origin`: a measure made from a self-assessment gap names its question.
//! - `tables`: every table spans the text width, with a cell per column in every row.
//! - `template`: documents written into a municipality's Word template (the fixture in
//!   `tests/fixtures/word-template`): parts kept, fields filled, styles matched, read back.
//! - `tjansteskrivelse`: the tjänsteskrivelse says what its yttrande says.
//! - `wording`: counts agree in number with their nouns; the introduction names the board's
//!   kinds of items.

mod cli;
mod diff;
mod disclosure;
mod follow_up_counts;
mod golden;
mod hostile_input;
mod line_spacing;
mod make;
mod measure_origin;
mod preview;
mod read_back;
mod round_trip;
mod support;
mod tables;
mod template;
mod tjansteskrivelse;
mod wording;
