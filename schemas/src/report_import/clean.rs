//! The pages of a report as read, made into paragraphs of running text: page numbers, running
//! headers and footers, the table of contents and footnote markers glued to words are taken
//! out (and counted, so the user is told), and lines broken by the page layout are joined.

use super::{Place, SourceText};
use crate::date::Date;
use crate::report_import::lists::{is_lone_marker, is_private_use, join_text, strip_marker, tidy};

/// A paragraph of running text and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub place: Place,
    /// The lines it was joined from, as read (a list keeps its bullets here).
    pub lines: Vec<String>,
}

/// What cleaning took out, to say so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// Running headers and footers, once each ("Granskning av stadens IT-säkerhet").
    pub furniture: Vec<String>,
    pub page_numbers: usize,
    pub contents_lines: usize,
    pub footnote_markers: usize,
    /// Footnotes at the foot of a page ("1 Rekommendationerna upprepas i avsnitt 4.2."), or
    /// amid the text under a number taken from a word.
    pub footnotes: usize,
    /// The footnote markers taken from words in the source being read, whose footnotes are
    /// still to find: each number with the paragraph it stood in.
    marker_numbers: Vec<(u8, usize)>,
    /// The numbers of the footnotes taken from the foot of this source's pages.
    foot_numbers: Vec<u8>,
}

/// How many paragraphs after its marker a footnote amid the text may stand (a page or so).
const FOOTNOTE_REACH: usize = 15;

/// How many lines at the top and at the foot of a page can be a running header or footer.
const EDGE_LINES: usize = 4;

/// Every source's pages as paragraphs, in order, and what was taken out.
pub fn paragraphs(sources: &[SourceText]) -> (Vec<Paragraph>, Removed) {
    let mut removed = Removed::default();
    let mut all = Vec::new();
    for (file, source) in sources.iter().enumerate() {
        let pages = without_furniture(&source.pages, &mut removed);
        let pages = without_repeated_lines(pages, &mut removed);
        let pages = without_contents(pages, &mut removed);
        let pages = without_footnotes(pages, &mut removed);
        let page_of = |index: usize| if source.paged { index as u32 + 1 } else { 0 };
        let joined = join_paragraphs(file, &pages, page_of, &mut removed);
        all.extend(without_marked_footnotes(joined, &mut removed));
        removed.marker_numbers.clear();
        removed.foot_numbers.clear();
    }
    (all, removed)
}

/// A line's shape for recognising a running header or footer: digits and spacing do not count
/// ("Sida 7 (46)" and "Sida 8 (46)" are one footer).
fn furniture_key(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace() && !is_private_use(*c))
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// "7", "Sida 7 (46)", "Sida 7 av 46", "7 (46)", "7/46", "- 7 -".
pub fn is_page_number(line: &str) -> bool {
    let text = line.trim().to_lowercase();
    let text = text.strip_prefix("sida").unwrap_or(&text).trim();
    let text = text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    if text.is_empty() || text.chars().count() > 12 {
        return false;
    }
    let first_number = text.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&first_number) {
        return false;
    }
    let rest = text[first_number..]
        .replace("av", " ")
        .replace(['(', ')', '/'], " ");
    rest.split_whitespace()
        .all(|word| word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()))
}

/// Pages without their page numbers and running headers and footers: a line at the top or foot
/// of a page whose shape recurs there on at least three pages (and a third of them). The first
/// page keeps such a line, as it is often the report's title on its title page.
fn without_furniture(pages: &[Vec<String>], removed: &mut Removed) -> Vec<Vec<String>> {
    let edges = |page: &Vec<String>| -> Vec<String> {
        let lines: Vec<&String> = page.iter().filter(|line| !line.trim().is_empty()).collect();
        let mut keys: Vec<String> = lines
            .iter()
            .take(EDGE_LINES)
            .chain(lines.iter().rev().take(EDGE_LINES))
            .map(|line| furniture_key(line))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for page in pages {
        for key in edges(page) {
            match counts.iter_mut().find(|(known, _)| *known == key) {
                Some((_, count)) => *count += 1,
                None => counts.push((key, 1)),
            }
        }
    }
    let needed = 3.max(pages.len().div_ceil(3));
    let furniture: Vec<&String> = counts
        .iter()
        .filter(|(key, count)| *count >= needed && !key.is_empty() && key.chars().count() <= 80)
        .map(|(key, _)| key)
        .collect();
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let edge_keys = edges(page);
            page.iter()
                .enumerate()
                .filter(|(at, line)| {
                    if is_page_number(line) && !marks_footnote(page, *at) {
                        removed.page_numbers += 1;
                        return false;
                    }
                    let key = furniture_key(line);
                    let running = index > 0
                        && edge_keys.contains(&key)
                        && furniture.iter().any(|known| **known == key);
                    if running {
                        let text = tidy(line);
                        if !removed.furniture.contains(&text) && !text.contains('#') {
                            removed.furniture.push(text);
                        }
                    }
                    !running
                })
                .map(|(_, line)| line.clone())
                .collect()
        })
        .collect()
}

/// Whether the lone number at `at` is a footnote's marker: the next line is the footnote's
/// text, a sentence.
fn marks_footnote(page: &[String], at: usize) -> bool {
    let number = page[at].trim();
    number.len() <= 2
        && number.chars().all(|c| c.is_ascii_digit())
        && page.get(at + 1).is_some_and(|next| {
            let next = next.trim();
            next.chars().next().is_some_and(char::is_uppercase) && next.ends_with(['.', ')'])
        })
}

/// Whether a line starts a footnote: "1 Text …" or a lone "1" (its text on the next line).
fn starts_footnote(line: &str) -> bool {
    let text = line.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &text[digits..];
    rest.is_empty()
        || rest.starts_with(char::is_whitespace)
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
}

/// Where a running header stood inside a page's text: joining goes on over it as over a page
/// break. (A line no reader gives: it holds a NUL.)
const HEADER_REMOVED: &str = "\u{0}header";

/// How often a short line must stand alone in a source to be taken for a running header.
const REPEATS_OF_HEADER: usize = 3;

/// Pages without the running headers left inside their text: text pasted from a PDF, or a PDF
/// whose header the layout put amid the page ("Malmö stad" / "Granskning av stadens IT-
/// säkerhet" / "2020-12-16" between the halves of a sentence).
///
/// A header is a short line (no sentence, no heading with a number, no list item) that stands
/// alone at least three times and shows itself as furniture at least once: next to another such
/// repeated line (the block of a header, gaps between allowed), or between the halves of a
/// sentence. A sub-heading repeated in every chapter ("Bedömning") or a date repeated in a
/// missiv's table is neither. Before the first numbered heading (the title page) it stays;
/// after it, it goes wherever it stands alone, next to another header line, in a sentence, at
/// a paragraph's edge, or (a date) on any line of its own.
fn without_repeated_lines(pages: Vec<Vec<String>>, removed: &mut Removed) -> Vec<Vec<String>> {
    let key = |line: &str| -> String {
        let text = tidy(line);
        without_markup(&text).to_string()
    };
    let candidate = |line: &str| {
        let text = key(line);
        !text.is_empty()
            && !text.starts_with(char::is_lowercase)
            && text.split_whitespace().count() <= 8
            && !text.ends_with(['.', ':', ';', '!', '?', ','])
            && !starts_own_paragraph(line)
    };
    let lines: Vec<(usize, usize, &String)> = pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| {
            lines
                .iter()
                .enumerate()
                .map(move |(at, line)| (page, at, line))
        })
        .collect();
    // The nearest line with text before and after each line, over gaps and page breaks.
    let nearest = |index: usize, step: isize| -> Option<&String> {
        let mut at = index as isize + step;
        while at >= 0 && (at as usize) < lines.len() {
            let line = lines[at as usize].2;
            if !line.trim().is_empty() {
                return Some(line);
            }
            at += step;
        }
        None
    };
    let adjacent = |index: usize, step: isize| -> Option<&String> {
        let at = index as isize + step;
        (at >= 0)
            .then(|| lines.get(at as usize))
            .flatten()
            .and_then(|(page, _, line)| (*page == lines[index].0).then_some(*line))
    };
    let alone = |index: usize| {
        let apart = |line: Option<&String>| {
            line.is_none_or(|line| line.trim().is_empty() || candidate(line))
        };
        apart(adjacent(index, -1)) && apart(adjacent(index, 1))
    };
    let breaks_sentence = |index: usize| {
        let before =
            nearest(index, -1).is_some_and(|line| !ends_sentence(line.trim()) && !candidate(line));
        let after = nearest(index, 1)
            .is_some_and(|line| line.trim().chars().next().is_some_and(char::is_lowercase));
        before && after
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (index, (_, _, line)) in lines.iter().enumerate() {
        if candidate(line) && alone(index) {
            let text = key(line);
            match counts.iter_mut().find(|(known, _)| *known == text) {
                Some((_, count)) => *count += 1,
                None => counts.push((text, 1)),
            }
        }
    }
    let repeated: Vec<String> = counts
        .into_iter()
        .filter(|(_, count)| *count >= REPEATS_OF_HEADER)
        .map(|(text, _)| text)
        .collect();
    let is_repeated =
        |line: Option<&String>| line.is_some_and(|line| repeated.contains(&key(line)));
    let headers: Vec<&String> = repeated
        .iter()
        .filter(|header| {
            lines.iter().enumerate().any(|(index, (_, _, line))| {
                key(line) == **header
                    && (is_repeated(nearest(index, -1))
                        || is_repeated(nearest(index, 1))
                        || breaks_sentence(index))
            })
        })
        .collect();
    if headers.is_empty() {
        return pages;
    }
    let is_header = |line: Option<&String>| line.is_some_and(|line| headers.contains(&&key(line)));
    let title_page_ends = lines
        .iter()
        .position(|(_, _, line)| section_number(line).is_some())
        .unwrap_or(0);
    let mut out: Vec<Vec<String>> = vec![Vec::new(); pages.len()];
    for (index, (page, _, line)) in lines.iter().enumerate() {
        let kept = &mut out[*page];
        let goes = index > title_page_ends
            && is_header(Some(line))
            && (alone(index)
                || is_header(adjacent(index, -1))
                || is_header(adjacent(index, 1))
                || breaks_sentence(index)
                // A header's date on a line of its own is the header's wherever it stands.
                || Date::parse_swedish(&key(line)).is_some()
                || adjacent(index, -1).is_none_or(|l| l.trim().is_empty())
                || adjacent(index, 1).is_none_or(|l| l.trim().is_empty()));
        if !goes {
            kept.push((*line).clone());
            continue;
        }
        let said = key(line);
        if !removed.furniture.contains(&said) {
            removed.furniture.push(said);
        }
        if kept.last().is_none_or(|last| last != HEADER_REMOVED) {
            kept.push(HEADER_REMOVED.to_string());
        }
    }
    out
}

/// Pages without the footnotes at their foot (see [`footnote_start`]), the last first.
fn without_footnotes(mut pages: Vec<Vec<String>>, removed: &mut Removed) -> Vec<Vec<String>> {
    for page in &mut pages {
        loop {
            while page.last().is_some_and(|line| line.trim().is_empty()) {
                page.pop();
            }
            let Some(start) = footnote_start(page) else {
                break;
            };
            removed.footnotes += 1;
            let number: String = page[start]
                .trim()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            removed.foot_numbers.extend(number.parse::<u8>().ok());
            page.truncate(start);
        }
    }
    pages
}

/// Where the last footnote on a page starts, if the page ends in one: the block after the
/// last gap, or (in text whose lines have no gaps, as pdftotext gives) from a lone footnote
/// number near the foot, when it starts with the footnote's number and ends a sentence.
fn footnote_start(page: &[String]) -> Option<usize> {
    let is_footnote = |block: &[String]| {
        let text = block
            .iter()
            .map(|line| line.trim())
            .collect::<Vec<_>>()
            .join(" ");
        block.first().is_some_and(|first| starts_footnote(first))
            && section_number(&text).is_none()
            && text.ends_with(['.', ')'])
            && block.len() <= 6
    };
    let after_gap = page
        .iter()
        .rposition(|line| line.trim().is_empty())
        .map(|gap| gap + 1)
        .filter(|start| *start > 1 && is_footnote(&page[*start..]));
    // Without a gap, a lone number is a footnote's only when the page has its marker: a
    // number on a line of its own may be a table's.
    let lone_number = (page.len().saturating_sub(6)..page.len())
        .rev()
        .find(|at| *at > 0 && marks_footnote(page, *at))
        .filter(|at| is_footnote(&page[*at..]) && page_marks(&page[..*at], page[*at].trim()));
    after_gap.or(lone_number)
}

/// Whether a line of `lines` has footnote `number` glued to a word in lower case ("att1:").
fn page_marks(lines: &[String], number: &str) -> bool {
    lines.iter().any(|line| {
        let mut scratch = Removed::default();
        without_footnote_markers(line, &mut scratch);
        scratch
            .marker_numbers
            .iter()
            .any(|(marked, _)| marked.to_string() == number)
    })
}

/// Paragraphs without the footnotes that a layout put amid the text (a report converted to
/// Word and back keeps them where their page ended): a paragraph, or a line within one (a
/// footnote at a page's foot with no gap before it), that starts with the number of a marker
/// taken from a word, then a capital ("1 Ant. av kf 17–18/12 1991 …"), and is no heading.
/// Each marker's footnote is taken once.
fn without_marked_footnotes(paragraphs: Vec<Paragraph>, removed: &mut Removed) -> Vec<Paragraph> {
    // A footnote already taken from a page's foot is not looked for again.
    for number in std::mem::take(&mut removed.foot_numbers) {
        if let Some(at) = removed
            .marker_numbers
            .iter()
            .position(|(marked, _)| *marked == number)
        {
            removed.marker_numbers.remove(at);
        }
    }
    if removed.marker_numbers.is_empty() {
        return paragraphs;
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for (index, mut paragraph) in paragraphs.into_iter().enumerate() {
        if paragraph.text.split_whitespace().count() <= 40
            && take_footnote(&paragraph.text, index, removed)
        {
            continue;
        }
        let before = paragraph.lines.len();
        let mut first = true;
        paragraph
            .lines
            .retain(|line| std::mem::take(&mut first) || !take_footnote(line, index, removed));
        if paragraph.lines.len() != before {
            paragraph.text = paragraph
                .lines
                .iter()
                .fold(String::new(), |text, line| join_text(&text, &tidy(line)));
        }
        out.push(paragraph);
    }
    out
}

/// Whether `text`, in paragraph `index`, is the footnote of a marker taken from a word in
/// the paragraphs just before; if so, the marker is done.
fn take_footnote(text: &str, index: usize, removed: &mut Removed) -> bool {
    let text = text.trim();
    let Some((number, rest)) = text.split_once(' ') else {
        return false;
    };
    let Some(at) = number.parse::<u8>().ok().and_then(|number| {
        removed
            .marker_numbers
            .iter()
            .position(|(known, marked_in)| {
                *known == number && *marked_in <= index && index <= marked_in + FOOTNOTE_REACH
            })
    }) else {
        return false;
    };
    // A heading has no figures ("2 Syfte, revisionsfrågor och avgränsning"); a footnote often
    // looks like one otherwise ("4 Beslutad av kommunstyrelsen 2013-11-27, senast …").
    let unlike_heading =
        section_number(text).is_none() || rest.contains(|c: char| c.is_ascii_digit());
    let footnote = rest.starts_with(char::is_uppercase) && unlike_heading;
    if footnote {
        removed.marker_numbers.remove(at);
        removed.footnotes += 1;
    }
    footnote
}

/// Pages without the table of contents: after "Innehållsförteckning" (or "Innehåll"), the
/// lines up to the next gap, when they are mostly numbers and titles (an entry may wrap).
fn without_contents(mut pages: Vec<Vec<String>>, removed: &mut Removed) -> Vec<Vec<String>> {
    for page in &mut pages {
        let Some(start) = page.iter().position(|line| is_contents_heading(line)) else {
            continue;
        };
        let first = (start + 1..page.len())
            .find(|&index| !page[index].trim().is_empty())
            .unwrap_or(page.len());
        let end = (first..page.len())
            .find(|&index| page[index].trim().is_empty())
            .unwrap_or(page.len());
        let entries = &page[first..end];
        let words: Vec<&str> = entries
            .iter()
            .flat_map(|line| line.split_whitespace())
            .collect();
        let numbers = words
            .iter()
            .filter(|word| word.chars().all(|c| c.is_ascii_digit() || c == '.'))
            .count();
        // A contents list is section and page numbers between the titles: at least one word in
        // four a number (running text has far fewer).
        if entries.is_empty() || numbers * 4 < words.len() {
            continue;
        }
        removed.contents_lines += entries.len() + 1;
        page.drain(start..end);
    }
    pages
}

fn is_contents_heading(line: &str) -> bool {
    let text = tidy(line).trim_matches('#').trim().to_lowercase();
    text == "innehållsförteckning" || text == "innehåll"
}

/// "rekommendationer1" → "rekommendationer", "att1:" → "att:": a footnote number glued to the
/// end of a word in lower case. Numbers after an upper-case word ("ISO27001"), a hyphen
/// ("covid-19") or a digit stay.
fn without_footnote_markers(line: &str, removed: &mut Removed) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c.is_ascii_digit() && index >= 2 {
            let digits = chars[index..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = chars.get(index + digits);
            let word_start = chars[..index]
                .iter()
                .rposition(|c| !c.is_alphabetic())
                .map_or(0, |p| p + 1);
            let word = &chars[word_start..index];
            let glued = digits <= 2
                && word.len() >= 2
                && word.iter().all(|c| c.is_lowercase())
                && after.is_none_or(|c| c.is_whitespace() || ".,:;)".contains(*c));
            if glued {
                removed.footnote_markers += 1;
                let number: String = chars[index..index + digits].iter().collect();
                // The paragraph is set by `join_paragraphs`, which knows it.
                removed
                    .marker_numbers
                    .extend(number.parse::<u8>().ok().map(|number| (number, usize::MAX)));
                index += digits;
                continue;
            }
        }
        out.push(c);
        index += 1;
    }
    out
}

/// A line that starts a paragraph of its own: a bullet or list number, or a heading.
fn starts_own_paragraph(line: &str) -> bool {
    let text = line.trim();
    strip_marker(text).is_some() || is_lone_marker(text) || section_number(text).is_some()
}

/// A line without a converter's heading marks and bold ("## **Malmö stad**" → "Malmö stad").
pub fn without_markup(text: &str) -> &str {
    text.trim_start_matches(|c: char| c == '#' || c.is_whitespace())
        .trim_matches(|c: char| c == '*' || c.is_whitespace())
}

/// The number of a numbered heading: "4.2 Rekommendationer" → "4.2". A short line, not a
/// sentence, whose first word is a section number.
pub fn section_number(line: &str) -> Option<String> {
    let text = tidy(line);
    // Markdown's heading marks and bold ("## **3.6.2 Bedömning**", text copied from a
    // converter) are no part of the heading.
    let text = without_markup(&text);
    let (first, rest) = text.split_once(' ')?;
    // "1." numbers a list item; "1" and "4.2" (and "4.2.") number headings.
    if first.ends_with('.') && first.matches('.').count() == 1 {
        return None;
    }
    let number = first.trim_end_matches('.');
    let numbered = !number.is_empty()
        && number
            .split('.')
            .all(|part| (1..=2).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit()));
    // A contents line ends in its page number ("3.5 Förändrade arbetssätt 30"); a heading may
    // end in a year ("3.5 … under Corona-pandemin 2020").
    let last_word = rest.rsplit(' ').next().unwrap_or("");
    let ends_in_year = last_word.len() == 4
        && last_word.chars().all(|c| c.is_ascii_digit())
        && (last_word.starts_with("19") || last_word.starts_with("20"));
    let heading = rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().count() <= 90
        && !rest.ends_with(['.', ',', ';', ':'])
        && (ends_in_year || !rest.chars().last().is_some_and(|c| c.is_ascii_digit()));
    (numbered && heading).then(|| number.to_string())
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

/// Lines into paragraphs: a bullet, a heading or a line after one that ends with a colon starts
/// a new one. A page break or a gap (an empty line) ends a paragraph only when its sentence has
/// ended or the next line starts in upper case.
fn join_paragraphs(
    file: usize,
    pages: &[Vec<String>],
    page_of: impl Fn(usize) -> u32,
    removed: &mut Removed,
) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for (index, page) in pages.iter().enumerate() {
        let place = Place {
            file,
            page: page_of(index),
            ..Place::default()
        };
        let mut after_break = true;
        // Whether the open paragraph is a list item whose bullet stood indented (text laid
        // out as on the page, pdftotext -layout): a line at the margin then ends it.
        let mut in_indented_item = false;
        for raw in page {
            let line = without_footnote_markers(raw.trim(), removed);
            if raw == HEADER_REMOVED || line.trim().is_empty() {
                // A gap, or a header taken out, ends the paragraph unless its sentence goes
                // on: text converted from a PDF keeps the page break as an empty line.
                open = false;
                after_break = true;
                continue;
            }
            let indented = raw.starts_with(char::is_whitespace);
            let continues = !starts_own_paragraph(&line)
                && (indented || !in_indented_item)
                && out.last().is_some_and(|last| {
                    let previous = last.lines.last().map_or("", String::as_str);
                    let after_heading = section_number(previous).is_some() && last.lines.len() == 1;
                    let joinable = !previous.trim_end().ends_with(':') && !after_heading;
                    if after_break {
                        // Over a page break (and the gaps the page's header left), a sentence
                        // goes on when it has not ended and the new page starts in lower case.
                        joinable
                            && !ends_sentence(&last.text)
                            && line.chars().next().is_some_and(char::is_lowercase)
                    } else {
                        open && joinable
                    }
                });
            match out.last_mut() {
                Some(last) if continues => {
                    last.text = join_text(&last.text, &tidy(&line));
                    last.lines.push(line);
                }
                _ => {
                    let item = strip_marker(&line).is_some() || is_lone_marker(&line);
                    in_indented_item = item && indented;
                    out.push(Paragraph {
                        text: tidy(&line),
                        place,
                        lines: vec![line],
                    })
                }
            }
            // The markers taken from this line stood in the paragraph it went into.
            let paragraph = out.len().saturating_sub(1);
            for (_, marked_in) in removed.marker_numbers.iter_mut().rev() {
                if *marked_in != usize::MAX {
                    break;
                }
                *marked_in = paragraph;
            }
            open = true;
            after_break = false;
        }
    }
    join_broken_dates(out)
}

/// A date broken over two paragraphs by the layout ("senast 2026-01-" / "30 (servicenämnden)")
/// is joined back.
fn join_broken_dates(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        match out.last_mut() {
            Some(last) if ends_with_broken_date(&last.text) && starts_with_day(&paragraph.text) => {
                last.text.push_str(&paragraph.text);
                last.lines.extend(paragraph.lines);
            }
            _ => out.push(paragraph),
        }
    }
    out
}

fn ends_with_broken_date(text: &str) -> bool {
    let bytes = text.trim_end().as_bytes();
    let n = bytes.len();
    n >= 8
        && bytes[n - 1] == b'-'
        && bytes[n - 4] == b'-'
        && bytes[n - 8..n - 4].iter().all(u8::is_ascii_digit)
        && bytes[n - 3..n - 1].iter().all(u8::is_ascii_digit)
}

fn starts_with_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 2
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && bytes.get(2).is_none_or(|b| !b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(pages: &[&str]) -> SourceText {
        SourceText {
            name: "rapport.pdf".into(),
            paged: true,
            pages: pages
                .iter()
                .map(|page| page.lines().map(str::to_string).collect())
                .collect(),
        }
    }

    fn texts(paragraphs: &[Paragraph]) -> Vec<&str> {
        paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn page_numbers_are_recognised_in_their_usual_forms() {
        for number in [
            "7",
            "Sida 7 (46)",
            "sida 7 av 46",
            "7 (46)",
            "7/46",
            "- 7 -",
        ] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["2020", "7 punkter", "Sida", "Sidan 7 visar", "2025-01-29"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_running_header_left_amid_pasted_text_goes_and_the_sentence_it_broke_is_joined() {
        let header = "Malmö stad\n\nGranskning av IT-säkerhet\n\n2020-12-16";
        let text = format!(
            "{header}\n\n## 3.3 Klassning\n\nFörvaltningarna arbetar med riskanalyser i\n\n{header}\n\nsamband med klassningar.\n\nNästa stycke har\n\nen sidbrytning utan sidhuvud.\n\n{header}\n\nSista stycket.\n\nKort rubrik\n\nEtt stycke efter en rubrik."
        );
        let (paragraphs, removed) =
            super::paragraphs(&[SourceText::single_page("inklistrad text", &text)]);
        assert_eq!(
            texts(&paragraphs),
            [
                // The first time is kept: it is often the title page.
                "Malmö stad",
                "Granskning av IT-säkerhet",
                "2020-12-16",
                "## 3.3 Klassning",
                "Förvaltningarna arbetar med riskanalyser i samband med klassningar.",
                "Nästa stycke har en sidbrytning utan sidhuvud.",
                "Sista stycket.",
                // Standing alone once, a short line is a heading, and stays.
                "Kort rubrik",
                "Ett stycke efter en rubrik.",
            ]
        );
        assert_eq!(
            removed.furniture,
            ["Malmö stad", "Granskning av IT-säkerhet", "2020-12-16"]
        );
    }

    #[test]
    fn a_footnote_is_taken_once_near_its_marker_and_a_heading_or_a_table_number_stays() {
        let pages = [
            "Enligt reglementet2 ansvarar nämnden.\n\n2 Antaget av kommunfullmäktige 2019.",
            "2 Syfte, revisionsfrågor och avgränsning\n\nGranskningen avser nämnden.",
            "Ärenden per nämnd\nKommunstyrelsen\n12\nVi bedömer att rutinerna inte följs i tillräcklig grad.",
        ];
        let (paragraphs, removed) = super::paragraphs(&[source(&pages)]);
        let texts = texts(&paragraphs);
        assert!(
            texts.contains(&"2 Syfte, revisionsfrågor och avgränsning"),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.ends_with("Vi bedömer att rutinerna inte följs i tillräcklig grad.")),
            "{texts:?}"
        );
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("Antaget av kommunfullmäktige")),
            "{texts:?}"
        );
        assert_eq!(removed.footnotes, 1);
    }

    #[test]
    fn a_repeated_sub_heading_or_a_missiv_table_date_is_no_running_header() {
        let chapter = |n: u32| {
            format!("## {n} Kapitel\n\nText om kapitlet.\n\nBedömning\n\nVi bedömer att det brister i kapitel {n}.\n")
        };
        let text: String = (1..=4).map(chapter).collect::<Vec<_>>().join("\n");
        let (paragraphs, removed) = super::paragraphs(&[SourceText::single_page("r.txt", &text)]);
        assert_eq!(
            paragraphs.iter().filter(|p| p.text == "Bedömning").count(),
            4
        );
        assert!(removed.furniture.is_empty());
        let table = "Till:\n\nKommunstyrelsen\n2021-03-26\n\nServicenämnden\n2021-03-26\n\nMiljönämnden\n2021-03-26\n";
        let (paragraphs, removed) = super::paragraphs(&[SourceText::single_page("m.txt", table)]);
        assert_eq!(
            paragraphs
                .iter()
                .filter(|p| p.text.contains("2021-03-26"))
                .count(),
            3
        );
        assert!(removed.furniture.is_empty());
    }

    #[test]
    fn running_headers_and_footers_go_and_are_named_but_the_title_page_keeps_its_title() {
        let page = |body: &str, number: usize| {
            format!("Granskning av stadens IT-säkerhet\n{body}\nSida {number} (4)")
        };
        let pages: Vec<String> = [
            "Rapport\n\nInledningen börjar här.",
            "Mer text som\nfortsätter här.",
            "Ännu ett stycke.",
            "Sista stycket.",
        ]
        .iter()
        .enumerate()
        .map(|(index, body)| page(body, index + 1))
        .collect();
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let (paragraphs, removed) = super::paragraphs(&[source(&pages)]);
        assert_eq!(
            texts(&paragraphs),
            [
                // Without a gap between them, the title page's two lines are one paragraph.
                "Granskning av stadens IT-säkerhet Rapport",
                "Inledningen börjar här.",
                "Mer text som fortsätter här.",
                "Ännu ett stycke.",
                "Sista stycket."
            ]
        );
        assert_eq!(removed.furniture, ["Granskning av stadens IT-säkerhet"]);
        assert_eq!(removed.page_numbers, 4);
        assert_eq!(paragraphs[2].place.page, 2);
    }

    #[test]
    fn the_table_of_contents_is_left_out() {
        let (paragraphs, removed) = super::paragraphs(&[source(&[
            "Innehållsförteckning\n1 Sammanfattning 2\n2.1 Syfte, revisionsfråga och avgränsning 6\n\tBilaga 1 Intervjupersoner\t41\n\n1 Sammanfattning\nText.",
        ])]);
        assert_eq!(texts(&paragraphs), ["1 Sammanfattning", "Text."]);
        assert_eq!(removed.contents_lines, 4);
        // Entries wrapped into running lines, as some PDF readers give them.
        let (paragraphs, _) = super::paragraphs(&[source(&[
            "Innehållsförteckning\n\n1 Sammanfattning 2 2 Bakgrund 6 2.1 Syfte\n6 2.2 Metod 7 3 Resultat av\ngranskningen 9\n\n1 Sammanfattning",
        ])]);
        assert_eq!(texts(&paragraphs), ["1 Sammanfattning"]);
    }

    #[test]
    fn footnote_markers_glued_to_words_go_and_other_numbers_stay() {
        let mut removed = Removed::default();
        assert_eq!(
            without_footnote_markers(
                "rekommenderar vi kommunstyrelsen att1: följa ISO27001, covid-19 och rekommendationer12.",
                &mut removed
            ),
            "rekommenderar vi kommunstyrelsen att: följa ISO27001, covid-19 och rekommendationer."
        );
        assert_eq!(removed.footnote_markers, 2);
    }

    #[test]
    fn a_sentence_over_a_page_break_is_one_paragraph_and_a_list_item_is_its_own() {
        let (paragraphs, _) = super::paragraphs(&[source(&[
            "Vi rekommenderar kommunstyrelsen att:\n\u{f0b7} Etablera en organisation med\ntydligt ansvar\n\u{f0b7} Ta fram en policy som",
            "omfattar IT-\nsäkerhet\nNästa stycke.",
        ])]);
        assert_eq!(
            texts(&paragraphs),
            [
                "Vi rekommenderar kommunstyrelsen att:",
                "Etablera en organisation med tydligt ansvar",
                "Ta fram en policy som omfattar IT-säkerhet Nästa stycke."
            ]
        );
    }

    #[test]
    fn a_date_broken_over_two_paragraphs_is_joined() {
        let (paragraphs, _) = super::paragraphs(&[source(&[
            "Det uppföljande yttrandet ska inkomma senast 2026-01-\n\n30 (servicenämnden).",
        ])]);
        assert_eq!(
            texts(&paragraphs),
            ["Det uppföljande yttrandet ska inkomma senast 2026-01-30 (servicenämnden)."]
        );
    }

    #[test]
    fn numbered_headings_are_told_from_sentences_and_contents_lines() {
        assert_eq!(
            section_number("4.2 Rekommendationer").as_deref(),
            Some("4.2")
        );
        assert_eq!(
            section_number("## 4 Slutsats och rekommendationer").as_deref(),
            Some("4")
        );
        assert_eq!(section_number("2 Revisionsfrågor"), Some("2".into()));
        assert_eq!(section_number("2020 var ett år då mycket hände."), None);
        assert_eq!(section_number("4.2 Rekommendationer 39"), None);
        assert_eq!(
            section_number("3.5 Förändrade arbetssätt under Corona-pandemin 2020").as_deref(),
            Some("3.5")
        );
        assert_eq!(section_number("3 av 5 nämnder"), None);
    }
}
