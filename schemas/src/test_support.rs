//! What the unit tests of this crate share.

use crate::date::Date;

/// A date written in a test, e.g. `day("2025-03-31")`.
pub fn day(text: &str) -> Date {
    Date::parse(text).expect("test date")
}
