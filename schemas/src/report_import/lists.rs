//! Lists in text copied or read from a report's PDF (recommendations, assessments or audit
//! questions), split into one text per item: the paste import's and the report import's.
//!
//! Copied PDF text is messy: bullets come as "•", "-", "–", "*", the private-use characters of
//! Word's Symbol and Wingdings fonts (U+F0B7, U+F0BE, …), or numbers ("1.", "2)", "a)"); lines
//! are broken mid-sentence, sometimes inside a hyphenated word ("IT-\nsäkerhet"); an introduction
//! ("… rekommenderar vi kommunstyrelsen och de granskade nämnderna att:") heads each list and
//! names whom it is addressed to; page headers (the organisation, the report's title, a date, a
//! page number) and closing lines ("Datum som ovan") stand between and after the items. The
//! result keeps every line the parser left out, so the user sees all it did and can check, fix,
//! merge or split the items, and change every addressee, before accepting them.

use crate::Board;

/// One item a paste turned into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedItem {
    /// The item's text, whitespace tidied, with no private-use characters.
    pub text: String,
    /// The line that introduces the list the item stands in ("… rekommenderar vi
    /// kommunstyrelsen att:"), when the paste had one.
    pub intro: Option<String>,
}

/// What a paste turned into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteResult {
    /// The items, in the pasted order.
    pub items: Vec<PastedItem>,
    /// Lines that belong to no item and introduce no list (page headers, closing lines), as
    /// pasted.
    pub skipped: Vec<String>,
}

/// Splits pasted text into items.
pub fn split_items(pasted: &str) -> PasteResult {
    let lines = join_introductions(pasted.lines().map(Line::classify).collect());
    if lines.iter().any(|line| matches!(line, Line::Marked(_))) {
        split_marked(&lines)
    } else {
        split_unmarked(&lines)
    }
}

/// The boards of the case that an introduction names: by name ("kommunstyrelsen",
/// "socialnämnden"), or all of them when it speaks of the boards together ("de granskade
/// nämnderna", "samtliga nämnder"). In the order of the case's boards.
pub fn boards_named(intro: &str, boards: &[Board]) -> Vec<String> {
    let intro = intro.to_lowercase();
    let all = ["nämnderna", "samtliga nämnder", "alla nämnder"]
        .iter()
        .any(|phrase| intro.contains(phrase));
    boards
        .iter()
        .filter(|board| {
            let name = board.name.trim().to_lowercase();
            all || (!name.is_empty() && intro.contains(&name))
        })
        .map(|board| board.id.clone())
        .collect()
}

/// One pasted line, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line<'a> {
    Blank,
    /// Starts with a bullet or a list number; holds the text after the marker.
    Marked(&'a str),
    Plain(&'a str),
    /// Introduces the list below it ("… rekommenderar vi kommunstyrelsen att:"), joined from
    /// the lines it was broken over.
    Intro(String),
    /// A line already joined into the introduction after it.
    JoinedIntoIntro,
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
            None if is_introduction(text) => Line::Intro(text.to_string()),
            None => Line::Plain(text),
        }
    }
}

/// An introduction broken over several lines ("… rekommenderar vi kommunstyrelsen\noch de
/// granskade nämnderna att:") starts at the nearest line above its last one that begins with a
/// capital letter, among the plain lines right above it. Those lines join the introduction, so
/// that none of them is glued to the item before.
fn join_introductions(mut lines: Vec<Line>) -> Vec<Line> {
    for end in 0..lines.len() {
        let Line::Intro(last) = &lines[end] else {
            continue;
        };
        if starts_uppercase(last) {
            continue;
        }
        let mut start = end;
        while start > 0 {
            let Line::Plain(text) = lines[start - 1] else {
                break;
            };
            start -= 1;
            if starts_uppercase(text) {
                break;
            }
        }
        let Line::Plain(first) = lines[start] else {
            continue;
        };
        if !starts_uppercase(first) {
            continue;
        }
        let mut joined = String::new();
        for line in &mut lines[start..end] {
            if let Line::Plain(text) = line {
                join_onto(&mut joined, text);
            }
            *line = Line::JoinedIntoIntro;
        }
        if let Line::Intro(last) = &mut lines[end] {
            *last = join_text(&joined, last);
        }
    }
    lines
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' || c == '\u{c}'
}

/// Unicode's private-use area, where Word's symbol fonts put their bullets when a PDF is
/// copied; such a character is never real text in a report.
pub fn is_private_use(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Bullet characters seen in text copied from PDFs and Word documents (besides the private-use
/// area, which is all bullets).
const BULLETS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '■', '□', '●', '○', '-', '–', '—', '*', '>', '»', '✓', '✔', '➢', '➤',
    '►', '→',
];

/// The text after a leading bullet or list number ("1.", "12)", "a)", "(3)"), if there is one.
pub fn strip_marker(text: &str) -> Option<&str> {
    // A private-use glyph is a bullet even when the text follows without a space.
    if let Some(rest) = text.strip_prefix(is_private_use) {
        return Some(rest.trim_start_matches(|c| is_space(c) || is_private_use(c)));
    }
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

/// A line that is only a bullet or a list number ("•", "3.", "b)", "").
pub fn is_lone_marker(text: &str) -> bool {
    if text.chars().all(is_private_use) || text.strip_prefix(BULLETS) == Some("") {
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

/// Collects items as the lines are read: the item being built, the introduction of the list
/// it stands in, and the finished ones.
#[derive(Default)]
struct Collector {
    result: PasteResult,
    current: Option<String>,
    intro: Option<String>,
    /// The lines joined to the current item right after its own, each with the item's length
    /// before it was joined, so that page-header lines can be taken back out.
    joined: Vec<(usize, String)>,
}

impl Collector {
    /// Takes the last joined lines back out of the current item while they look like a page
    /// header (short, starting in upper case, ending no sentence: "Malmö stad", the report's
    /// title), and reports them as left out.
    fn take_back_page_header(&mut self) {
        let Some(item) = self.current.as_mut() else {
            return;
        };
        let mut header = Vec::new();
        while let Some((length, line)) = self.joined.last() {
            if !looks_like_page_header(line) {
                break;
            }
            item.truncate(*length);
            header.push(line.clone());
            self.joined.pop();
        }
        self.result.skipped.extend(header.into_iter().rev());
    }

    fn finish_item(&mut self) {
        self.joined.clear();
        if let Some(text) = self.current.take() {
            let text = tidy(&text);
            if !text.is_empty() {
                self.result.items.push(PastedItem {
                    text,
                    intro: self.intro.clone(),
                });
            }
        }
    }

    fn start_list(&mut self, intro: &str) {
        self.finish_item();
        self.intro = Some(tidy(intro));
    }

    fn skip(&mut self, line: &str) {
        self.result.skipped.push(line.to_string());
    }

    fn into_result(mut self) -> PasteResult {
        self.finish_item();
        self.result
    }
}

/// With markers: each marked line starts an item; plain lines right after an item's line
/// continue it. A plain line after a blank line, or before the first item, belongs to no item.
fn split_marked(lines: &[Line]) -> PasteResult {
    let mut collector = Collector::default();
    let mut after_blank = true;
    for line in lines {
        match line {
            Line::Blank => after_blank = true,
            Line::JoinedIntoIntro => {}
            Line::Intro(text) => {
                collector.start_list(text);
                after_blank = true;
            }
            Line::Marked(text) => {
                collector.finish_item();
                collector.current = Some((*text).to_string());
                after_blank = false;
            }
            Line::Plain(text) if is_page_furniture(text) => {
                // A page break with no blank lines around its header: the header lines were
                // taken as the item's continuation. They come back out, before the date or page
                // number that gives them away.
                collector.take_back_page_header();
                collector.skip(text)
            }
            Line::Plain(text) if is_closing_line(text) => collector.skip(text),
            Line::Plain(text) => match collector.current.as_mut() {
                Some(item) if !after_blank => {
                    collector.joined.push((item.len(), (*text).to_string()));
                    join_onto(item, text);
                }
                // A wrapped line can follow a blank line when a page break fell inside the item:
                // it continues the item when the item has not ended its sentence and the line
                // starts in lower case.
                Some(item) if !ends_sentence(item) && starts_lowercase(text) => {
                    join_onto(item, text);
                    after_blank = false;
                }
                _ => collector.skip(text),
            },
        }
    }
    collector.into_result()
}

/// Without markers: blank lines separate items when there are any; otherwise a line that ends
/// a sentence ends the item, as in a list whose bullets were lost in copying.
fn split_unmarked(lines: &[Line]) -> PasteResult {
    let has_blank_separators = has_blank_between_texts(lines);
    let mut collector = Collector::default();
    for line in lines {
        match line {
            Line::Blank => collector.finish_item(),
            Line::JoinedIntoIntro => {}
            Line::Intro(text) => collector.start_list(text),
            Line::Plain(text) | Line::Marked(text) => {
                if is_page_furniture(text) || is_closing_line(text) {
                    collector.skip(text);
                    continue;
                }
                let item = collector.current.get_or_insert_with(String::new);
                join_onto(item, text);
                if !has_blank_separators && ends_sentence(item) {
                    collector.finish_item();
                }
            }
        }
    }
    collector.into_result()
}

/// "och", "eller", "samt", … as the first word: what follows a shortened compound
/// ("informations- och IT-säkerhet").
fn starts_with_conjunction(text: &str) -> bool {
    let first = text.split(is_space).next().unwrap_or_default();
    ["och", "eller", "samt", "respektive", "resp.", "som", "till"].contains(&first)
}

/// True when a blank line stands between two lines of text (not merely before or after them).
fn has_blank_between_texts(lines: &[Line]) -> bool {
    let is_text = |line: &Line| matches!(line, Line::Plain(_) | Line::Marked(_));
    let (Some(first), Some(last)) = (
        lines.iter().position(is_text),
        lines.iter().rposition(is_text),
    ) else {
        return false;
    };
    lines[first..last]
        .iter()
        .any(|line| matches!(line, Line::Blank))
}

/// Joins a wrapped line to the text before it. A line ending in a hyphen joins without a
/// space and keeps the hyphen ("IT-" + "säkerhet"), which is right for Swedish compounds;
/// but a hyphen that shortens a compound before a conjunction keeps its space
/// ("informations-" + "och IT-säkerhet").
pub fn join_text(before: &str, after: &str) -> String {
    let mut joined = before.to_string();
    join_onto(&mut joined, after);
    joined
}

/// [`join_text`] in place. Every wrapped line of an item or an introduction is joined with this,
/// never by copying the text so far into a new string: that made a paste quadratic in its
/// length (found while fuzzing the paste import: 900 KB of wrapped lines took 41 s in the fuzz
/// build, 0.9 s now).
fn join_onto(text: &mut String, after: &str) {
    text.truncate(text.trim_end_matches(is_space).len());
    let after = after.trim_start_matches(is_space);
    // A hyphen ending a line joins without a space, unless a conjunction follows it.
    let hyphenated = text.ends_with('-') && !starts_with_conjunction(after);
    if !text.is_empty() && !hyphenated {
        text.push(' ');
    }
    text.push_str(after);
}

/// Collapses runs of whitespace (including non-breaking spaces) into single spaces and drops
/// private-use characters, which show as boxes.
pub fn tidy(text: &str) -> String {
    text.split(|c| is_space(c) || is_private_use(c))
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

fn starts_uppercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// An introduction to a list: "Utifrån … rekommenderar vi kommunstyrelsen att:".
fn is_introduction(text: &str) -> bool {
    text.trim_end_matches(is_space).ends_with(':')
}

/// A line that can be a page header: a few words starting in upper case that end no sentence
/// ("Malmö stad", "**Granskning av stadens IT- säkerhet**").
fn looks_like_page_header(line: &str) -> bool {
    let text = line.trim_matches(|c: char| is_space(c) || c == '*');
    starts_uppercase(text)
        && text.split(is_space).filter(|word| !word.is_empty()).count() <= 8
        && !text.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// A line that closes a report or letter rather than a list item: "Datum som ovan".
fn is_closing_line(text: &str) -> bool {
    let text = text
        .trim_matches(|c: char| is_space(c) || c.is_ascii_punctuation())
        .to_lowercase();
    [
        "datum som ovan",
        "dag som ovan",
        "datum enligt ovan",
        "ort och datum",
    ]
    .iter()
    .any(|closing| text.starts_with(closing))
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
        texts(&split_items(pasted))
    }

    fn texts(result: &PasteResult) -> Vec<String> {
        result.items.iter().map(|item| item.text.clone()).collect()
    }

    fn intros(result: &PasteResult) -> Vec<Option<&str>> {
        result
            .items
            .iter()
            .map(|item| item.intro.as_deref())
            .collect()
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
            texts(&result),
            [
                "Bereda förslag till en informationssäkerhetspolicy eller motsvarande vars innehåll motsvarar de krav som ställs enligt ISO 27000-serien.",
                "Tillse att uppföljning sker i enlighet med beslut i Riktlinjer för informationssäkerhet.",
            ]
        );
        let intro = "Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att:";
        assert_eq!(intros(&result), [Some(intro), Some(intro)]);
        assert!(result.skipped.is_empty(), "the introduction heads the list");
    }

    #[test]
    fn private_use_bullets_from_word_symbol_fonts_are_bullets_and_never_text() {
        for bullet in [
            '\u{f0a7}', '\u{f0b7}', '\u{f0be}', '\u{f0d8}', '\u{f076}', '\u{f0fc}', '\u{e000}',
            '\u{f8ff}',
        ] {
            let pasted =
                format!("{bullet} Första punkten\n{bullet}\tAndra punkten\n{bullet}Tredje");
            assert_eq!(
                items(&pasted),
                ["Första punkten", "Andra punkten", "Tredje"],
                "U+{:04X}",
                bullet as u32
            );
        }
        assert_eq!(
            items("\u{f0be}\nEtablera en organisation\nmed tydligt ansvar\n\u{f0be}\nTa fram \u{f0b7} policy"),
            ["Etablera en organisation med tydligt ansvar", "Ta fram policy"],
            "a glyph alone on its line, and one left inside the text"
        );
    }

    #[test]
    fn a_line_ending_in_a_colon_heads_the_list_and_is_never_an_item() {
        let pasted = "• Etablera en organisation med tydligt ansvar\n\
            • Ta fram policy för informationssäkerhet\n\
            Utifrån våra iakttagelser och vår bedömning rekommenderar vi kommunstyrelsen och de granskade nämnderna att:\n\
            • Säkerställa att rutinen följs\n\
            Datum som ovan";
        let result = split_items(pasted);
        assert_eq!(
            texts(&result),
            [
                "Etablera en organisation med tydligt ansvar",
                "Ta fram policy för informationssäkerhet",
                "Säkerställa att rutinen följs"
            ],
            "the introduction is not glued to the item before it, the closing line is no item"
        );
        let intro = "Utifrån våra iakttagelser och vår bedömning rekommenderar vi kommunstyrelsen och de granskade nämnderna att:";
        assert_eq!(intros(&result), [None, None, Some(intro)]);
        assert_eq!(result.skipped, ["Datum som ovan"]);
    }

    #[test]
    fn an_introduction_broken_over_lines_is_joined_whole() {
        let pasted = "Vi rekommenderar kommunstyrelsen att:\n\
            - Etablera en organisation\n\
            Utifrån våra iakttagelser rekommenderar vi kommunstyrelsen\n\
            och de granskade nämnderna att:\n\
            - Följa upp arbetet";
        let result = split_items(pasted);
        assert_eq!(
            texts(&result),
            ["Etablera en organisation", "Följa upp arbetet"]
        );
        assert_eq!(
            intros(&result),
            [
                Some("Vi rekommenderar kommunstyrelsen att:"),
                Some("Utifrån våra iakttagelser rekommenderar vi kommunstyrelsen och de granskade nämnderna att:")
            ]
        );
    }

    #[test]
    fn closing_lines_are_no_items_without_markers_either() {
        let result =
            split_items("Etablera en organisation\n\nTa fram en policy\n\nDatum som ovan\n");
        assert_eq!(
            texts(&result),
            ["Etablera en organisation", "Ta fram en policy"]
        );
        assert_eq!(result.skipped, ["Datum som ovan"]);
    }

    #[test]
    fn a_hyphen_at_a_line_end_joins_the_compound() {
        assert_eq!(
            items("• Tillse att utbildning om IT-\nsäkerhetshot genomförs."),
            ["Tillse att utbildning om IT-säkerhetshot genomförs."]
        );
        assert_eq!(
            items("• Stärk stadens informations-\noch IT-säkerhetsarbete."),
            ["Stärk stadens informations- och IT-säkerhetsarbete."],
            "a shortened compound before a conjunction keeps its space"
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
            texts(&result),
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
    fn a_page_header_with_no_blank_lines_around_it_is_taken_out_of_the_item() {
        let pasted = "- Säkerställ budget så att åtgärder kan vidtas för systemdrift och\n\
            **Malmö stad**\n\
            Granskning av stadens IT- säkerhet\n\
            2020-12-16\n\
            40\n\
            nätverk\n\
            - Upprätta risk- och sårbarhetsanalyser för nätverk";
        let result = split_items(pasted);
        assert_eq!(
            texts(&result),
            [
                "Säkerställ budget så att åtgärder kan vidtas för systemdrift och nätverk",
                "Upprätta risk- och sårbarhetsanalyser för nätverk",
            ]
        );
        assert_eq!(
            result.skipped,
            [
                "**Malmö stad**",
                "Granskning av stadens IT- säkerhet",
                "2020-12-16",
                "40"
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
            texts(&result),
            [
                "Etablera en organisation med tydligt ansvar och mandat för arbetet.",
                "Ta fram en policy.",
                "Följ upp arbetet årligen."
            ]
        );
        assert_eq!(result.skipped, ["Sida 4 (12)"]);
        let intro = "Utifrån vår bedömning rekommenderar vi nämnden att:";
        assert_eq!(intros(&result), [Some(intro); 3]);
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
            assert_eq!(items(pasted), Vec::<String>::new(), "{pasted:?}");
        }
    }
}
