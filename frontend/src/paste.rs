//! Paste import: turns a list of recommendations (or assessments) copied from a report's PDF
//! into one text per item.
//!
//! Copied PDF text is messy: bullets come as "•", "-", "–", "*", the private-use "" of Word
//! symbol fonts, or numbers ("1.", "2)", "a)"); lines are broken mid-sentence, sometimes inside a
//! hyphenated word ("IT-\nsäkerhet"); an introduction ("… rekommenderas kommunstyrelsen att:")
//! and page headers (the organisation, the report's title, a date, a page number) stand between
//! the items. The result keeps every line the parser left out, so the user sees all it did and
//! can check, fix, merge or split the items before accepting them.

/// What a paste turned into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteResult {
    /// One text per item, in the pasted order, whitespace tidied.
    pub items: Vec<String>,
    /// Lines that belong to no item (introductions, page headers), as pasted.
    pub skipped: Vec<String>,
}

/// Splits pasted text into items.
pub fn split_items(pasted: &str) -> PasteResult {
    let lines: Vec<Line> = pasted.lines().map(Line::classify).collect();
    if lines.iter().any(|line| matches!(line, Line::Marked(_))) {
        split_marked(&lines)
    } else {
        split_unmarked(&lines)
    }
}

/// Joins item `index` with the item after it (for an item the PDF broke in two).
pub fn merge_with_next(items: &mut Vec<String>, index: usize) {
    if index + 1 < items.len() {
        let next = items.remove(index + 1);
        let joined = join_text(&items[index], &next);
        items[index] = joined;
    }
}

/// Splits item `index` in two at a character position (for two items the PDF ran together).
/// Positions at either end, or outside the text, change nothing.
pub fn split_at(items: &mut Vec<String>, index: usize, at_char: usize) {
    let Some(text) = items.get(index) else {
        return;
    };
    let Some((byte, _)) = text.char_indices().nth(at_char) else {
        return;
    };
    let (first, second) = (tidy(&text[..byte]), tidy(&text[byte..]));
    if first.is_empty() || second.is_empty() {
        return;
    }
    items[index] = first;
    items.insert(index + 1, second);
}

/// A paste being checked before its items join the case: the pasted text, the items it split
/// into (which the user can fix, merge, split or drop), and the boards they are addressed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteDraft {
    pub text: String,
    pub items: Vec<String>,
    pub skipped: Vec<String>,
    pub addressees: Vec<String>,
}

impl PasteDraft {
    /// Splits the pasted text anew, replacing the items (the user pasted or corrected the text).
    pub fn set_text(&mut self, text: String) {
        let result = split_items(&text);
        self.text = text;
        self.items = result.items;
        self.skipped = result.skipped;
    }

    pub fn set_item(&mut self, index: usize, text: String) {
        if let Some(item) = self.items.get_mut(index) {
            *item = text;
        }
    }

    pub fn remove_item(&mut self, index: usize) {
        if index < self.items.len() {
            self.items.remove(index);
        }
    }

    pub fn set_addressed(&mut self, board: &str, addressed: bool) {
        self.addressees.retain(|id| id != board);
        if addressed {
            self.addressees.push(board.to_string());
        }
    }

    /// The items to add: tidied, empty ones left out.
    pub fn accepted_items(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|item| tidy(item))
            .filter(|item| !item.is_empty())
            .collect()
    }
}

/// One pasted line, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line<'a> {
    Blank,
    /// Starts with a bullet or a list number; holds the text after the marker.
    Marked(&'a str),
    Plain(&'a str),
}

impl<'a> Line<'a> {
    fn classify(raw: &'a str) -> Line<'a> {
        let text = raw.trim_matches(is_space);
        if text.is_empty() {
            return Line::Blank;
        }
        if is_lone_marker(text) {
            // PDFs often put the bullet on its own line and the text on the next.
            return Line::Marked("");
        }
        match strip_marker(text) {
            Some(rest) => Line::Marked(rest),
            None => Line::Plain(text),
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' || c == '\u{c}'
}

/// Bullet characters seen in text copied from PDFs and Word documents.
const BULLETS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '■', '□', '●', '○', '-', '–', '—', '*', '\u{f0b7}', '\u{f0a7}',
    '\u{f0d8}', '\u{f076}', '\u{f0a8}', '>', '»',
];

/// The text after a leading bullet or list number ("1.", "12)", "a)", "(3)"), if there is one.
fn strip_marker(text: &str) -> Option<&str> {
    let after_marker = match text.strip_prefix(BULLETS) {
        Some(rest) => rest,
        None => {
            let inner = text.strip_prefix('(').unwrap_or(text);
            inner[list_label_length(inner)?..].strip_prefix([')', '.'])?
        }
    };
    // The marker must stand apart: "-5 grader" and "t.ex." are text, not list items.
    after_marker
        .starts_with(is_space)
        .then(|| after_marker.trim_start_matches(is_space))
}

/// A line that is only a bullet or a list number ("•", "3.", "b)").
fn is_lone_marker(text: &str) -> bool {
    if text.strip_prefix(BULLETS) == Some("") {
        return true;
    }
    let inner = text.strip_prefix('(').unwrap_or(text);
    list_label_length(inner)
        .and_then(|length| inner[length..].strip_prefix([')', '.']))
        .is_some_and(str::is_empty)
}

/// The length of a list label at the start: one to three digits, or one lower-case letter.
fn list_label_length(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        1..=3 => Some(digits),
        0 if text.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) => Some(1),
        _ => None,
    }
}

/// With markers: each marked line starts an item; plain lines right after an item's line
/// continue it. A plain line after a blank line, or before the first item, belongs to no item.
fn split_marked(lines: &[Line]) -> PasteResult {
    let mut result = PasteResult::default();
    let mut current: Option<String> = None;
    let mut after_blank = true;
    for line in lines {
        match line {
            Line::Blank => after_blank = true,
            Line::Marked(text) => {
                result.items.extend(current.take().map(|item| tidy(&item)));
                current = Some((*text).to_string());
                after_blank = false;
            }
            Line::Plain(text) => match current.as_mut() {
                Some(item) if !after_blank && !is_page_furniture(text) => {
                    *item = join_text(item, text);
                }
                // A wrapped line can follow a blank line when a page break fell inside the item:
                // it continues the item when the item has not ended its sentence and the line
                // starts in lower case.
                Some(item) if !ends_sentence(item) && starts_lowercase(text) => {
                    *item = join_text(item, text);
                    after_blank = false;
                }
                _ => result.skipped.push((*text).to_string()),
            },
        }
    }
    result.items.extend(current.map(|item| tidy(&item)));
    result.items.retain(|item| !item.is_empty());
    result
}

/// Without markers: blank lines separate items when there are any; otherwise a line that ends
/// a sentence ends the item, as in a list whose bullets were lost in copying.
fn split_unmarked(lines: &[Line]) -> PasteResult {
    let mut result = PasteResult::default();
    let has_blank_separators = lines
        .iter()
        .skip_while(|line| matches!(line, Line::Blank))
        .any(|line| matches!(line, Line::Blank));
    let mut current = String::new();
    for line in lines {
        match line {
            Line::Blank => finish(&mut current, &mut result),
            Line::Plain(text) | Line::Marked(text) => {
                if is_page_furniture(text) || (current.is_empty() && is_introduction(text)) {
                    result.skipped.push((*text).to_string());
                    continue;
                }
                current = join_text(&current, text);
                if !has_blank_separators && ends_sentence(&current) {
                    finish(&mut current, &mut result);
                }
            }
        }
    }
    finish(&mut current, &mut result);
    result
}

fn finish(current: &mut String, result: &mut PasteResult) {
    let item = tidy(current);
    if !item.is_empty() {
        result.items.push(item);
    }
    current.clear();
}

/// Joins a wrapped line to the text before it. A line ending in a hyphen joins without a
/// space and keeps the hyphen ("IT-" + "säkerhet"), which is right for Swedish compounds.
fn join_text(before: &str, after: &str) -> String {
    let before = before.trim_end_matches(is_space);
    let after = after.trim_start_matches(is_space);
    if before.is_empty() {
        return after.to_string();
    }
    if before.ends_with('-') {
        format!("{before}{after}")
    } else {
        format!("{before} {after}")
    }
}

/// Collapses runs of whitespace (including non-breaking spaces) into single spaces.
fn tidy(text: &str) -> String {
    text.split(is_space)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(is_space)
        .ends_with(['.', '!', '?', ':', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// An introduction to a list: "Utifrån … rekommenderar vi kommunstyrelsen att:".
fn is_introduction(text: &str) -> bool {
    text.trim_end_matches(is_space).ends_with(':')
}

/// Page furniture that can be told from text anywhere: a lone date or page number ("2020-12-16",
/// "4/12", "12", "Sida 4 (12)"). Other page headers (an organisation's name) are recognised by
/// position instead: after a blank line, outside any item.
fn is_page_furniture(text: &str) -> bool {
    let text = text.trim_matches(is_space).trim_matches('*');
    let digits_and_separators = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '(' | ')' | ' ' | '.'));
    let page_label = text
        .strip_prefix("Sida ")
        .or_else(|| text.strip_prefix("sida "))
        .is_some_and(|rest| {
            rest.chars()
                .all(|c| c.is_ascii_digit() || " ()/av".contains(c))
        });
    digits_and_separators || page_label
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(pasted: &str) -> Vec<String> {
        split_items(pasted).items
    }

    #[test]
    fn bullets_with_wrapped_lines_become_one_item_each() {
        let pasted = "Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att: \n\n\
            • Bereda förslag till en informationssäkerhetspolicy eller motsvarande vars \n\
            innehåll motsvarar de krav som ställs enligt ISO 27000-serien. \n\n\
            • Tillse att uppföljning sker i enlighet med beslut i Riktlinjer för \n\
            informationssäkerhet. \n";
        let result = split_items(pasted);
        assert_eq!(
            result.items,
            [
                "Bereda förslag till en informationssäkerhetspolicy eller motsvarande vars innehåll motsvarar de krav som ställs enligt ISO 27000-serien.",
                "Tillse att uppföljning sker i enlighet med beslut i Riktlinjer för informationssäkerhet.",
            ]
        );
        assert_eq!(
            result.skipped,
            ["Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att:"]
        );
    }

    #[test]
    fn a_hyphen_at_a_line_end_joins_the_compound() {
        assert_eq!(
            items("• Tillse att utbildning om IT-\nsäkerhetshot genomförs."),
            ["Tillse att utbildning om IT-säkerhetshot genomförs."]
        );
    }

    #[test]
    fn every_kind_of_bullet_and_number_is_a_marker() {
        for marker in [
            "•", "-", "–", "—", "*", "\u{f0b7}", "\u{f0a8}", "·", "▪", "1.", "2)", "(3)", "a)",
            "b.",
        ] {
            let pasted = format!("{marker} Första punkten\n{marker} Andra punkten");
            assert_eq!(
                items(&pasted),
                ["Första punkten", "Andra punkten"],
                "{marker}"
            );
        }
    }

    #[test]
    fn a_bullet_alone_on_its_line_starts_the_next_line_as_an_item() {
        assert_eq!(
            items("•\nBereda förslag till policy\nenligt ISO 27000.\n\n•\nTillse uppföljning.\n3.\nFölj upp."),
            ["Bereda förslag till policy enligt ISO 27000.", "Tillse uppföljning.", "Följ upp."]
        );
    }

    #[test]
    fn numbered_lines_keep_numbers_inside_the_text() {
        assert_eq!(
            items("1. Ta fram rutin enligt 3.2 i riktlinjen.\n2. Följ upp 2025."),
            ["Ta fram rutin enligt 3.2 i riktlinjen.", "Följ upp 2025."]
        );
    }

    #[test]
    fn a_hyphen_glued_to_text_is_not_a_bullet() {
        assert_eq!(
            items("• Temperaturen i serverhallen får inte understiga\n-5 grader.\n• Nästa"),
            [
                "Temperaturen i serverhallen får inte understiga -5 grader.",
                "Nästa"
            ]
        );
        assert_eq!(
            items("• Se t.ex.\nt.ex. riktlinjen"),
            ["Se t.ex. t.ex. riktlinjen"]
        );
    }

    #[test]
    fn page_headers_inside_a_list_are_left_out_and_reported() {
        let pasted = "- Säkerställ budget för IT-miljö så att åtgärder kan vidtas för systemdrift och\n\n\n\n\
            **Malmö stad**\n\nGranskning av stadens IT- säkerhet\n\n2020-12-16\n\n\
            - Upprätta risk- och sårbarhetsanalyser för nätverk";
        let result = split_items(pasted);
        assert_eq!(
            result.items,
            [
                "Säkerställ budget för IT-miljö så att åtgärder kan vidtas för systemdrift och",
                "Upprätta risk- och sårbarhetsanalyser för nätverk",
            ]
        );
        assert_eq!(
            result.skipped,
            [
                "**Malmö stad**",
                "Granskning av stadens IT- säkerhet",
                "2020-12-16"
            ]
        );
    }

    #[test]
    fn a_page_break_inside_an_item_continues_it() {
        let pasted = "• Tillse att rutin för uppföljning av det stadsövergripande\n\n\
            informationssäkerhetsarbetet upprättas.\n• Nästa punkt.";
        assert_eq!(
            items(pasted),
            [
                "Tillse att rutin för uppföljning av det stadsövergripande informationssäkerhetsarbetet upprättas.",
                "Nästa punkt."
            ]
        );
    }

    #[test]
    fn paragraphs_without_markers_split_at_blank_lines() {
        let pasted = "Etablera en organisation med\ntydligt ansvar\n\nTa fram en policy\n";
        assert_eq!(
            items(pasted),
            [
                "Etablera en organisation med tydligt ansvar",
                "Ta fram en policy"
            ]
        );
    }

    #[test]
    fn lines_without_markers_or_blank_lines_split_at_sentence_ends() {
        let pasted = "Utifrån vår bedömning rekommenderar vi nämnden att:\n\
            Etablera en organisation med tydligt ansvar och\nmandat för arbetet.\n\
            Ta fram en policy.\nSida 4 (12)\nFölj upp arbetet årligen.";
        let result = split_items(pasted);
        assert_eq!(
            result.items,
            [
                "Etablera en organisation med tydligt ansvar och mandat för arbetet.",
                "Ta fram en policy.",
                "Följ upp arbetet årligen."
            ]
        );
        assert_eq!(
            result.skipped,
            [
                "Utifrån vår bedömning rekommenderar vi nämnden att:",
                "Sida 4 (12)"
            ]
        );
    }

    #[test]
    fn whitespace_of_every_kind_is_tidied() {
        assert_eq!(
            items("•\tTa  fram\u{a0}en\u{2009}policy \r\n•   Följ upp\u{feff}"),
            ["Ta fram en policy", "Följ upp"]
        );
    }

    #[test]
    fn empty_and_blank_pastes_give_nothing() {
        for pasted in ["", "\n\n", "   \t ", "•", "• \n-"] {
            assert_eq!(
                split_items(pasted).items,
                Vec::<String>::new(),
                "{pasted:?}"
            );
        }
    }

    #[test]
    fn a_draft_is_checked_and_fixed_before_it_is_accepted() {
        let mut draft = PasteDraft::default();
        draft.set_text("• Ta fram en\n\n• policy.\n• Följ upp.\n• ".into());
        assert_eq!(draft.items, ["Ta fram en", "policy.", "Följ upp."]);
        merge_with_next(&mut draft.items, 0);
        draft.set_item(1, "Följ upp  årligen. ".into());
        draft.set_addressed("ks", true);
        draft.set_addressed("sn", true);
        draft.set_addressed("ks", false);
        assert_eq!(
            draft.accepted_items(),
            ["Ta fram en policy.", "Följ upp årligen."]
        );
        assert_eq!(draft.addressees, ["sn"]);
        draft.remove_item(0);
        draft.remove_item(7);
        assert_eq!(draft.accepted_items(), ["Följ upp årligen."]);
    }

    #[test]
    fn items_can_be_merged_and_split() {
        let mut list = vec![
            "Ta fram en".to_string(),
            "policy.".to_string(),
            "Följ upp.".to_string(),
        ];
        merge_with_next(&mut list, 0);
        assert_eq!(list, ["Ta fram en policy.", "Följ upp."]);
        merge_with_next(&mut list, 1);
        assert_eq!(
            list,
            ["Ta fram en policy.", "Följ upp."],
            "the last item has nothing to merge with"
        );

        let mut list = vec!["Ta fram en policy. Följ upp årligen.".to_string()];
        split_at(&mut list, 0, 18);
        assert_eq!(list, ["Ta fram en policy.", "Följ upp årligen."]);
        for at in [0, 17_000] {
            split_at(&mut list, 0, at);
        }
        split_at(&mut list, 9, 3);
        assert_eq!(
            list,
            ["Ta fram en policy.", "Följ upp årligen."],
            "no-op splits"
        );
        let mut swedish = vec!["Åtgärd å ä ö".to_string()];
        split_at(&mut swedish, 0, 7);
        assert_eq!(
            swedish,
            ["Åtgärd", "å ä ö"],
            "positions count characters, not bytes"
        );
    }
}
