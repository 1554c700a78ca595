//! A calendar date without time or zone, written as `YYYY-MM-DD` in files.
//!
//! Yttranden only ever talk about days (a deadline, the day a measure is done), so a plain date
//! type keeps the model free of clocks and time zones. "Today" is always passed in by the caller.

use std::borrow::Cow;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid Gregorian date between year 1900 and 2999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Swedish month names, used in running text ("31 mars 2025").
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

impl Date {
    /// Builds a date, or `None` when the day does not exist in the calendar.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1900..=2999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01, or `None` outside the supported years. Lets a
    /// caller turn its own clock reading into "today" without this crate reading a clock.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_index + 2) / 5 + 1;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::from_ymd(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The number of days since 1970-01-01: the inverse of [`Date::from_unix_days`].
    pub fn to_unix_days(self) -> i64 {
        // Howard Hinnant's civil-to-days algorithm.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_index = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * month_index + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Days from `self` to `later` (negative when `later` comes first).
    pub fn days_until(self, later: Date) -> i64 {
        later.to_unix_days() - self.to_unix_days()
    }

    /// Parses the file form `YYYY-MM-DD` (exactly that shape, so `2025-3-1` is refused).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year = text[0..4].parse().ok()?;
        let month = text[5..7].parse().ok()?;
        let day = text[8..10].parse().ok()?;
        Date::from_ymd(year, month, day)
    }

    /// A date as a person types it in Word: the file form `2025-09-30`, or Swedish running text
    /// as documents print it, `30 september 2025` (also `30 sep. 2025` and `30/9 2025`).
    pub fn parse_swedish(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(date) = Date::parse(text) {
            return Some(date);
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let (day, month, year) = match words.as_slice() {
            [day_month, year] if day_month.contains('/') => {
                let (day, month) = day_month.split_once('/')?;
                (day.parse().ok()?, month.parse().ok()?, year.parse().ok()?)
            }
            [day, month, year] => {
                let day = day.trim_end_matches('.').parse().ok()?;
                let month = month.trim_end_matches('.').to_lowercase();
                let number = MONTHS_SV.iter().position(|name| {
                    *name == month || (month.chars().count() >= 3 && name.starts_with(&month))
                })?;
                (day, u8::try_from(number + 1).ok()?, year.parse().ok()?)
            }
            _ => return None,
        };
        Date::from_ymd(year, month, day)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as Swedish running text, e.g. "31 mars 2025".
    pub fn to_swedish_text(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS_SV[usize::from(self.month - 1)],
            self.year
        )
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "«{text}» är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-31)"
            ))
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$",
            "description": "Ett datum på formen ÅÅÅÅ-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_file_form() {
        let date = Date::parse("2025-03-31").expect("valid date");
        assert_eq!((date.year(), date.month(), date.day()), (2025, 3, 31));
        assert_eq!(date.to_string(), "2025-03-31");
        assert_eq!(date.to_swedish_text(), "31 mars 2025");
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        for text in [
            "2025-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "1899-12-31",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(Date::parse("1900-02-29"), None);
    }

    #[test]
    fn refuses_other_shapes() {
        for text in [
            "",
            "2025-3-31",
            "2025/03/31",
            "31-03-2025",
            "2025-03-31T00",
            "２０２５-03-31",
            "+025-03-31",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn converts_unix_days() {
        assert_eq!(
            Date::from_unix_days(0).map(|d| d.to_string()).as_deref(),
            Some("1970-01-01")
        );
        assert_eq!(
            Date::from_unix_days(19_782)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            Date::from_unix_days(20_415)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-11-23")
        );
        assert_eq!(Date::from_unix_days(-40_000), None);
    }

    #[test]
    fn unix_days_round_trip_and_count_days_between() {
        for days in [-25_567, 0, 59, 19_782, 20_415, 47_000] {
            let date = Date::from_unix_days(days).expect("supported year");
            assert_eq!(date.to_unix_days(), days, "{date}");
        }
        let day = |text| Date::parse(text).expect("valid");
        assert_eq!(day("2025-02-28").days_until(day("2025-03-01")), 1);
        assert_eq!(day("2024-02-28").days_until(day("2024-03-01")), 2);
        assert_eq!(day("2026-01-30").days_until(day("2025-01-30")), -365);
    }

    #[test]
    fn orders_by_calendar() {
        let early = Date::parse("2025-01-31").expect("valid");
        let late = Date::parse("2025-02-01").expect("valid");
        assert!(early < late);
    }

    #[test]
    fn deserialising_a_bad_date_says_so_in_swedish() {
        let error = serde_json::from_str::<Date>("\"2025-02-30\"").expect_err("invalid day");
        assert!(error.to_string().contains("inget giltigt datum"), "{error}");
    }
}
