//! Swedish phrasing that both the documents and the app print.

use std::fmt::Display;

/// A count with its noun in the right number: "1 åtgärd", "3 åtgärder", "0 åtgärder".
///
/// `one` and `many` may be whole phrases when more than the noun agrees with the number:
/// `count_sv(n, "åtgärd är ännu inte bedömd", "åtgärder är ännu inte bedömda")`. Every count a
/// user reads goes through here, so none reads "1 åtgärder".
pub fn count_sv<N>(count: N, one: &str, many: &str) -> String
where
    N: Display + PartialEq + From<u8>,
{
    let form = if count == N::from(1) { one } else { many };
    format!("{count} {form}")
}

/// "Första yttrandet" → "första yttrandet", for a label in running text.
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "gäller från K2" → "Gäller från K2", for a text that starts a sentence.
pub fn uppercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A", "A och B", "A, B och C": a list in running text.
pub fn join_and_sv<S: AsRef<str>>(parts: &[S]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} och {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_in_running_text_joins_its_last_with_och() {
        assert_eq!(join_and_sv::<&str>(&[]), "");
        assert_eq!(join_and_sv(&["A"]), "A");
        assert_eq!(join_and_sv(&["A", "B"]), "A och B");
        assert_eq!(join_and_sv(&["A", "B", "C"]), "A, B och C");
    }

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(count_sv(1usize, "åtgärd", "åtgärder"), "1 åtgärd");
        assert_eq!(count_sv(0usize, "åtgärd", "åtgärder"), "0 åtgärder");
        assert_eq!(count_sv(2usize, "åtgärd", "åtgärder"), "2 åtgärder");
        assert_eq!(count_sv(1i64, "dag", "dagar"), "1 dag");
        assert_eq!(count_sv(119i64, "dag", "dagar"), "119 dagar");
        assert_eq!(
            count_sv(1usize, "utlovat datum passerat", "utlovade datum passerade"),
            "1 utlovat datum passerat"
        );
    }
}
