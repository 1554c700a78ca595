//! What the unit tests of the app core share: dates from text and the example case.

use schemas::{load_case, Case, Date};

pub fn day(text: &str) -> Date {
    Date::parse(text).expect("test date")
}

/// The example with two boards, "ks" and "sn", both with a first yttrande.
pub fn example() -> Case {
    load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json")).expect("example reads")
}
