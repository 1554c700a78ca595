//! The fields of an audit found in the paragraphs of its missiv and report: the reference, the
//! title, who sent and who performed it, the dates, the samlad bedömning, the revisionsfrågor,
//! the recommendations with their addressee groups and section numbers, and from the missiv the
//! boards that must answer with each one's deadlines, address and follow-up period.
//!
//! Each finder reads the paragraphs in order and takes the first that fits; the missiv usually
//! comes first and says most plainly what the board must do.

use super::clean::{paragraphs, section_number, Paragraph, Removed};
use super::lists::{boards_named, is_lone_marker, split_items, strip_marker, tidy};
use super::{Found, FoundBoard, FoundItem, Place, Proposal, SourceText};
use crate::date::Date;
use crate::model::{Board, YearPeriod};
use crate::wording::{count_sv, uppercase_first};

/// Reads the files (report, missiv, in any order; one file may hold both) into a proposal. A
/// missiv (a file addressed "Till:" on its first page) is read first, whatever the order given.
pub fn recognise(sources: &[SourceText]) -> Proposal {
    let mut sources: Vec<&SourceText> = sources.iter().collect();
    sources.sort_by_key(|source| !is_missiv(source));
    let sources: Vec<SourceText> = sources.into_iter().cloned().collect();
    let sources = sources.as_slice();
    let (paragraphs, removed) = paragraphs(sources);
    let mut proposal = Proposal {
        files: sources.iter().map(|source| source.name.clone()).collect(),
        ..Proposal::default()
    };
    proposal.reference = find_reference(&paragraphs);
    proposal.title = find_title(&paragraphs, proposal.reference.as_ref());
    proposal.auditor = find_auditor(&paragraphs);
    proposal.organisation = find_organisation(&paragraphs);
    proposal.performed_by = find_performer(&paragraphs);
    proposal.conclusion = find_conclusion(&paragraphs);
    proposal.questions = find_questions(&paragraphs);
    proposal.boards = find_addressed_boards(&paragraphs);
    if proposal.boards.is_empty() {
        proposal.boards = audited_boards(&paragraphs);
    }
    let (recommendations, repeated) = find_recommendations(&paragraphs, &mut proposal.boards);
    proposal.recommendations = recommendations;
    proposal.assessments = find_assessments(&paragraphs, &proposal.boards);
    find_board_details(&paragraphs, &mut proposal.boards);
    let missiv_date = find_missiv_date(&paragraphs);
    proposal.report_date = find_report_date(&paragraphs, missiv_date.as_ref());
    proposal.missiv_date = missiv_date;
    proposal.notes = notes(&removed, repeated);
    proposal.warnings = different_audits(sources);
    proposal.refused = sources.iter().find_map(foreign_document);
    proposal
}

/// A board's own document about the audit, not the auditors': its first lines name its kind.
fn foreign_document(source: &SourceText) -> Option<String> {
    const KINDS: [(&str, &str); 3] = [
        ("tjänsteskrivelse", "en tjänsteskrivelse"),
        ("protokollsutdrag", "ett protokollsutdrag"),
        ("protokoll", "ett protokoll"),
    ];
    let first_lines = source.pages.first()?.iter().take(30);
    for line in first_lines {
        let line = tidy(line).trim_matches('*').to_lowercase();
        if let Some((_, kind)) = KINDS.iter().find(|(word, _)| line == *word) {
            return Some(format!(
                "«{}» är {kind}, inte revisorernas missiv eller granskningsrapport. Läs in missivet och rapporten.",
                source.name
            ));
        }
    }
    None
}

/// Files that name different audit references ("SR-2020-83" in one, "SR-2024-38" in another).
fn different_audits(sources: &[SourceText]) -> Vec<String> {
    let references: Vec<(String, String)> = sources
        .iter()
        .filter_map(|source| {
            let (paragraphs, _) = paragraphs(std::slice::from_ref(source));
            let reference = find_reference(&paragraphs)?.value;
            Some((source.name.clone(), reference))
        })
        .collect();
    let Some((first_name, first)) = references.first() else {
        return Vec::new();
    };
    references
        .iter()
        .skip(1)
        .filter(|(_, reference)| reference != first)
        .map(|(name, reference)| {
            format!(
                "«{first_name}» gäller {first} men «{name}» {reference}: kontrollera att filerna hör till samma granskning."
            )
        })
        .collect()
}

fn is_missiv(source: &SourceText) -> bool {
    source.pages.first().is_some_and(|page| {
        page.iter().any(|line| {
            let line = tidy(line).trim_matches('*').to_lowercase();
            line == "till:" || line.starts_with("till: ")
        })
    })
}

fn found<T>(value: T, paragraph: &Paragraph) -> Found<T> {
    Found {
        value,
        place: paragraph.place,
    }
}

/// The words of a text without surrounding punctuation and markdown emphasis.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| "*_#,;()[]\"'”“.:".contains(c)))
        .filter(|word| !word.is_empty())
}

/// "SR-2024-38", "KS-2023-412" (letters, a year, a number) or "Rev 2023:4".
fn reference_in(text: &str) -> Option<String> {
    let all: Vec<&str> = words(text).collect();
    for (index, word) in all.iter().enumerate() {
        let parts: Vec<&str> = word.split('-').collect();
        if let [letters, year, number] = parts.as_slice() {
            let fits = (1..=5).contains(&letters.chars().count())
                && letters.chars().all(char::is_uppercase)
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && (1..=5).contains(&number.len())
                && number.chars().all(|c| c.is_ascii_digit());
            if fits {
                return Some((*word).to_string());
            }
        }
        let after_rev = index > 0 && all[index - 1].eq_ignore_ascii_case("rev");
        if let Some((year, number)) = word.split_once(':') {
            let fits = after_rev
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit());
            if fits {
                return Some(format!("Rev {word}"));
            }
        }
    }
    None
}

fn find_reference(paragraphs: &[Paragraph]) -> Option<Found<String>> {
    paragraphs
        .iter()
        .find_map(|p| reference_in(&p.text).map(|reference| found(reference, p)))
}

const TITLE_STARTS: [&str; 4] = [
    "granskning av",
    "uppföljning av",
    "fördjupad granskning",
    "grundläggande granskning",
];

/// The audit's title: a short line starting "Granskning av …", best the one that carries the
/// reference (the missiv's heading), without the reference.
fn find_title(
    paragraphs: &[Paragraph],
    reference: Option<&Found<String>>,
) -> Option<Found<String>> {
    let candidates: Vec<(String, &Paragraph)> = paragraphs
        .iter()
        .flat_map(|p| p.lines.iter().map(move |line| (tidy(line), p)))
        .map(|(line, p)| {
            (
                line.trim_matches(|c: char| c == '#' || c == '*' || c.is_whitespace())
                    .to_string(),
                p,
            )
        })
        .filter(|(line, _)| {
            let lower = line.to_lowercase();
            TITLE_STARTS.iter().any(|start| lower.starts_with(start))
                && line.split_whitespace().count() <= 14
                && !line.ends_with(['.', ':', ','])
        })
        .collect();
    let with_reference = reference.and_then(|reference| {
        candidates
            .iter()
            .find(|(line, _)| line.contains(&reference.value))
            .map(|(line, p)| {
                let title = line.replace(&reference.value, "");
                found(tidy(title.trim_end_matches([' ', '–', '-', ','])), p)
            })
    });
    with_reference.or_else(|| candidates.first().map(|(line, p)| found(line.clone(), p)))
}

/// The municipality, from a line that is only its name ("Malmö stad", "Ystads kommun",
/// "Region Skåne"), as a report's title page and page headers print it.
fn find_organisation(paragraphs: &[Paragraph]) -> Option<Found<String>> {
    paragraphs.iter().find_map(|p| {
        p.lines.iter().find_map(|line| {
            let line = tidy(line);
            let line = line.trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace());
            let words: Vec<&str> = line.split_whitespace().collect();
            let names = match words.as_slice() {
                ["Region", name] => name.chars().next().is_some_and(char::is_uppercase),
                [name, kind] => {
                    name.chars().next().is_some_and(char::is_uppercase)
                        && matches!(*kind, "stad" | "kommun")
                }
                _ => false,
            };
            names.then(|| found(line.to_string(), p))
        })
    })
}

fn find_auditor(paragraphs: &[Paragraph]) -> Option<Found<String>> {
    paragraphs.iter().find_map(|p| {
        let lower = p.text.to_lowercase();
        ["revisorskollegiet", "revisorskollegium"]
            .iter()
            .find(|name| lower.contains(*name))
            .map(|_| found("Revisorskollegiet".to_string(), p))
    })
}

/// Audit firms, as the reports name them.
const FIRMS: [&str; 9] = [
    "KPMG",
    "PwC",
    "EY",
    "Ernst & Young",
    "Deloitte",
    "BDO",
    "Grant Thornton",
    "Sweco",
    "Öhrlings PricewaterhouseCoopers",
];

/// A firm named where the audit is said to be performed, else the municipality's own
/// revision office ("Malmö stadsrevision har granskat …").
fn find_performer(paragraphs: &[Paragraph]) -> Option<Found<String>> {
    let firm = paragraphs.iter().find_map(|p| {
        let lower = p.text.to_lowercase();
        let about_the_audit = [
            "granskat",
            "på uppdrag",
            "genomföra en granskning",
            "rapport",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
        if !about_the_audit {
            return None;
        }
        FIRMS.iter().find_map(|firm| {
            let named = if firm.contains(' ') {
                p.text.contains(firm)
            } else {
                words(&p.text).any(|word| word == *firm || word == format!("{firm}s"))
            };
            named.then(|| found((*firm).to_string(), p))
        })
    });
    firm.or_else(|| {
        paragraphs.iter().find_map(|p| {
            let all: Vec<&str> = words(&p.text).collect();
            let at = all.iter().position(|word| {
                let lower = word.to_lowercase();
                lower.starts_with("stadsrevision") || lower.starts_with("kommunrevision")
            })?;
            let lower = p.text.to_lowercase();
            if !lower.contains("granskat") && !lower.contains("rapport") {
                return None;
            }
            let office = all[at];
            let name = match at.checked_sub(1).map(|i| all[i]) {
                Some(before) if before.chars().next().is_some_and(char::is_uppercase) => {
                    format!("{before} {office}")
                }
                _ => uppercase_first(office),
            };
            Some(found(name, p))
        })
    })
}

/// The samlad bedömning: from the first sentence that states it to the end of its paragraph
/// (the missiv's, when given first).
fn find_conclusion(paragraphs: &[Paragraph]) -> Option<Found<String>> {
    const PHRASES: [&str; 5] = [
        "samlad bedömning",
        "samlade bedömning",
        "sammanfattande bedömning",
        "sammantagna bedömning",
        "sammantagen bedömning",
    ];
    paragraphs.iter().find_map(|p| {
        let all = sentences(&p.text);
        let first = all.iter().position(|sentence| {
            let lower = sentence.to_lowercase();
            PHRASES.iter().any(|phrase| lower.contains(phrase))
        })?;
        let text = all[first..].join(" ");
        (text.split_whitespace().count() >= 8).then(|| found(text, p))
    })
}

/// Whether a paragraph starts with a bullet or a list number.
fn starts_list_item(p: &Paragraph) -> bool {
    let first = p.lines.first().map_or("", |line| line.trim());
    strip_marker(first).is_some() || is_lone_marker(first)
}

/// A short line that ends no sentence: a page header left in the text ("Malmö stad").
fn is_short_label(p: &Paragraph) -> bool {
    p.text.split_whitespace().count() <= 8 && !p.text.ends_with(['.', ':', ';', '?', '!'])
}

/// The list after paragraph `intro`: the paragraphs that start with a bullet or a number (a
/// page header between two items is passed over), split into items. Returns the items and the
/// index after the list.
fn list_after(paragraphs: &[Paragraph], intro: usize) -> (Vec<(String, Place)>, usize) {
    let mut index = intro + 1;
    let mut region: Vec<&Paragraph> = Vec::new();
    while index < paragraphs.len() {
        let p = &paragraphs[index];
        if starts_list_item(p) {
            region.push(p);
            index += 1;
            continue;
        }
        // A page header inside the list: up to three short labels, then an item again.
        let labels = paragraphs[index..]
            .iter()
            .take(4)
            .take_while(|p| {
                is_short_label(p) && !starts_list_item(p) && section_number(&p.text).is_none()
            })
            .count();
        if labels > 0
            && labels < 4
            && paragraphs.get(index + labels).is_some_and(starts_list_item)
            && !region.is_empty()
        {
            index += labels;
            continue;
        }
        break;
    }
    let items = region
        .iter()
        .flat_map(|p| {
            split_items(&p.lines.join("\n"))
                .items
                .into_iter()
                .map(move |item| (item.text, p.place))
        })
        .collect();
    (items, index)
}

/// The revisionsfrågor: the list after a line that announces them ("… följande
/// revisionsfrågor:"), else the questions ending in "?" in the section about them.
fn find_questions(paragraphs: &[Paragraph]) -> Vec<Found<String>> {
    let mentions = |p: &Paragraph| p.text.to_lowercase().contains("revisionsfråg");
    let announced = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| mentions(p) && p.text.ends_with(':'))
        .map(|(index, _)| list_after(paragraphs, index).0)
        .find(|items| !items.is_empty());
    if let Some(items) = announced {
        return items
            .into_iter()
            .map(|(text, place)| Found { value: text, place })
            .collect();
    }
    for (index, p) in paragraphs.iter().enumerate() {
        if !mentions(p) || section_number(&p.text).is_none() {
            continue;
        }
        let questions: Vec<Found<String>> = paragraphs[index + 1..]
            .iter()
            .take_while(|p| section_number(&p.text).is_none())
            .take(20)
            .filter(|p| p.text.ends_with('?'))
            .map(|p| {
                let text = strip_marker(&p.text).unwrap_or(&p.text).to_string();
                found(tidy(&text), p)
            })
            .collect();
        if !questions.is_empty() {
            return questions;
        }
    }
    Vec::new()
}

/// Whether a line names a board ("Kommunstyrelsen", "Servicenämnden", "Nämnden för …").
fn is_board_name(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    (1..=7).contains(&words)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', ':', ';'])
        && (lower.contains("nämnd") || lower.contains("styrelse"))
}

/// The boards the missiv is sent to for answer: the names after "Till:", up to "För kännedom".
fn find_addressed_boards(paragraphs: &[Paragraph]) -> Vec<FoundBoard> {
    let lines: Vec<(String, &Paragraph)> = paragraphs
        .iter()
        .flat_map(|p| {
            p.lines
                .iter()
                .map(move |line| (tidy(line).trim_matches('*').trim().to_string(), p))
        })
        .collect();
    let Some(start) = lines.iter().position(|(line, _)| {
        let lower = line.to_lowercase();
        lower == "till:" || lower.starts_with("till: ")
    }) else {
        return Vec::new();
    };
    let mut boards: Vec<FoundBoard> = Vec::new();
    let after_colon = lines[start]
        .0
        .split_once(':')
        .map_or("", |(_, rest)| rest.trim());
    let names = std::iter::once((after_colon.to_string(), lines[start].1)).chain(
        lines[start + 1..]
            .iter()
            .map(|(line, p)| (line.clone(), *p)),
    );
    for (line, p) in names {
        if line.is_empty() {
            continue;
        }
        if !is_board_name(&line) {
            break;
        }
        for name in split_board_names(&line) {
            if !boards.iter().any(|board| board.name == name) {
                boards.push(FoundBoard {
                    name,
                    place: p.place,
                    ..FoundBoard::default()
                });
            }
        }
    }
    boards
}

/// "Kommunstyrelsen Servicenämnden" (two names the layout put on one line) → both, as
/// "Kommunstyrelsen, Kulturnämnden" and "… och …"; a name of several words ("Nämnden för
/// arbetsmarknad") stays whole.
fn split_board_names(line: &str) -> Vec<String> {
    let parts: Vec<&str> = line
        .split(", ")
        .flat_map(|part| part.split(" och "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let names_a_board = |part: &str| {
        let lower = part.to_lowercase();
        (lower.contains("nämnd") || lower.contains("styrelse"))
            && part.split_whitespace().count() <= 7
    };
    if parts.len() > 1 && parts.iter().all(|part| names_a_board(part)) {
        return parts
            .iter()
            .flat_map(|part| split_board_names(&uppercase_first(part)))
            .collect();
    }
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let words: Vec<&str> = line.split_whitespace().collect();
    for (index, word) in words.iter().enumerate() {
        current.push(word);
        let lower = word.to_lowercase();
        let ends_name = lower.ends_with("nämnden") || lower.ends_with("styrelsen");
        let next_starts_name = words
            .get(index + 1)
            .is_some_and(|next| next.chars().next().is_some_and(char::is_uppercase));
        if ends_name && next_starts_name {
            names.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        names.push(current.join(" "));
    }
    names
}

/// Boards the report names as audited, for a report read without its missiv: the first
/// sentence that says what was audited ("Granskningen avser kommunstyrelsen och
/// servicenämnden.", "Stadsrevisionen har granskat hur servicenämnden …").
fn audited_boards(paragraphs: &[Paragraph]) -> Vec<FoundBoard> {
    paragraphs
        .iter()
        .find_map(|p| {
            sentences(&p.text).into_iter().find_map(|sentence| {
                let lower = sentence.to_lowercase();
                let about_audit = lower.contains("har granskat")
                    || lower.contains("granskningen avser")
                    || lower.contains("granskningen omfattar");
                let names = boards_in_intro(sentence);
                (about_audit && !names.is_empty()).then(|| {
                    names
                        .into_iter()
                        .map(|name| FoundBoard {
                            name,
                            place: p.place,
                            ..FoundBoard::default()
                        })
                        .collect()
                })
            })
        })
        .unwrap_or_default()
}

/// Boards named in a recommendation's introduction, for a report read without its missiv:
/// "… rekommenderar vi kommunstyrelsen och servicenämnden att:".
fn boards_in_intro(intro: &str) -> Vec<String> {
    words(intro)
        .filter(|word| {
            let lower = word.to_lowercase();
            (lower.ends_with("nämnden") || lower.ends_with("styrelsen")) && lower != "nämnden"
        })
        .map(uppercase_first)
        .fold(Vec::new(), |mut names: Vec<String>, name| {
            if !names.contains(&name) {
                names.push(name);
            }
            names
        })
}

/// A paragraph's last sentence: after the last ". ", "? " or "! " that a capital follows and
/// that ends a word of its own, not an abbreviation ("bl.a. Servicenämnden" goes on).
fn last_sentence(text: &str) -> &str {
    let mut starts = text.char_indices().filter_map(|(at, c)| {
        let after = &text[at + c.len_utf8()..];
        let next = after.strip_prefix(' ')?.chars().next()?;
        let word = text[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = c == '.' && (word.contains('.') || word.chars().count() < 3);
        (matches!(c, '.' | '?' | '!') && next.is_uppercase() && !abbreviation)
            .then_some(at + c.len_utf8() + 1)
    });
    starts.next_back().map_or(text, |start| &text[start..])
}

/// Whether a paragraph introduces a list of recommendations.
fn is_recommendation_intro(p: &Paragraph) -> bool {
    let lower = p.text.to_lowercase();
    (lower.contains("rekommenderar") || lower.contains("rekommenderas")) && p.text.ends_with(':')
}

/// The recommendations of every list introduced by "… rekommenderar vi X att:", addressed to
/// the boards the introduction names, with the section they stand in. A recommendation that
/// stands twice (in the summary and in the recommendations chapter) is taken once, with the
/// later section. Boards named only here are added. Returns how many stood twice.
fn find_recommendations(
    paragraphs: &[Paragraph],
    boards: &mut Vec<FoundBoard>,
) -> (Vec<FoundItem>, usize) {
    let mut items: Vec<FoundItem> = Vec::new();
    // The items of each list, in order, for a list that repeats a whole earlier one.
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut repeated = 0;
    let mut section = String::new();
    let mut index = 0;
    while index < paragraphs.len() {
        let p = &paragraphs[index];
        if let Some(number) = section_number(&p.text) {
            section = number;
        }
        if !is_recommendation_intro(p) {
            index += 1;
            continue;
        }
        // Text without gaps (pasted from a PDF) joins the introduction to the paragraph
        // before it, which may name other boards: the introduction is its last sentence.
        // (A last sentence that names no board, "Vi rekommenderar därför nämnden att:", leaves
        // the introduction whole, as before.)
        let last = last_sentence(&p.text);
        let intro = if boards_in_intro(last).is_empty() {
            p.text.as_str()
        } else {
            last
        };
        if boards.is_empty()
            || !boards_in_intro(intro)
                .iter()
                .all(|name| boards.iter().any(|b| b.name.eq_ignore_ascii_case(name)))
        {
            for name in boards_in_intro(intro) {
                if !boards
                    .iter()
                    .any(|board| board.name.eq_ignore_ascii_case(&name))
                {
                    boards.push(FoundBoard {
                        name,
                        place: p.place,
                        ..FoundBoard::default()
                    });
                }
            }
        }
        let as_boards: Vec<Board> = boards
            .iter()
            .map(|b| Board::new(&b.name, &b.name))
            .collect();
        let addressees = boards_named(intro, &as_boards);
        let (list, next) = list_after(paragraphs, index);
        if let Some(earlier) = same_list(&lists, &items, &addressees, &list) {
            // The whole list again (the chapter after the summary), some items reworded:
            // the later list is the report's own wording.
            for (slot, (text, place)) in earlier.iter().zip(list) {
                let item = &mut items[*slot];
                item.text = text;
                item.section = section.clone();
                item.place = place;
                repeated += 1;
            }
            index = next.max(index + 1);
            continue;
        }
        let mut this_list = Vec::new();
        for (text, place) in list {
            match items.iter_mut().find(|item| same_item(&item.text, &text)) {
                // The later list (the recommendations chapter) is the report's own wording.
                Some(earlier) => {
                    earlier.text = text;
                    earlier.section = section.clone();
                    earlier.place = place;
                    repeated += 1;
                }
                None => {
                    this_list.push(items.len());
                    items.push(FoundItem {
                        text,
                        addressees: addressees.clone(),
                        intro: intro.to_string(),
                        section: section.clone(),
                        place,
                    });
                }
            }
        }
        lists.push(this_list);
        index = next.max(index + 1);
    }
    (items, repeated)
}

/// An earlier list that `list` repeats: as long, to the same boards, each item in turn saying
/// loosely the same as the earlier one, and one of them worded alike. Returns the earlier
/// list's items.
fn same_list<'a>(
    lists: &'a [Vec<usize>],
    items: &[FoundItem],
    addressees: &[String],
    list: &[(String, Place)],
) -> Option<&'a Vec<usize>> {
    lists.iter().find(|earlier| {
        earlier.len() == list.len()
            && earlier.len() > 1
            && earlier
                .iter()
                .all(|slot| items[*slot].addressees == addressees)
            && earlier
                .iter()
                .zip(list)
                .all(|(slot, (text, _))| loosely_same_item(&items[*slot].text, text))
            && earlier
                .iter()
                .zip(list)
                .any(|(slot, (text, _))| same_item(&items[*slot].text, text))
    })
}

/// Whether two items are the same recommendation, worded alike: at least four in five of
/// their words in common (the summary and the chapter may differ by a word or a typo).
pub(super) fn same_item(one: &str, other: &str) -> bool {
    let (common, one, other) = word_counts(one, other);
    let all = one + other - common;
    all > 0 && common * 5 >= all * 4
}

/// Whether an item in a repeated list says the same as the earlier one in its place: half
/// their words in common, or three in four of the shorter's words in the longer (a summary
/// often shortens what the chapter says).
fn loosely_same_item(one: &str, other: &str) -> bool {
    let (common, one, other) = word_counts(one, other);
    let all = one + other - common;
    let shorter = one.min(other);
    all > 0 && (common * 2 >= all || common * 4 >= shorter * 3)
}

/// The words two texts have in common, and how many each has (each word counted once).
fn word_counts(one: &str, other: &str) -> (usize, usize, usize) {
    let words_of = |text: &str| -> Vec<String> {
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.sort();
        words.dedup();
        words
    };
    let (one, other) = (words_of(one), words_of(other));
    let common = one.iter().filter(|word| other.contains(word)).count();
    (common, one.len(), other.len())
}

/// Assessments where the report lists them: paragraphs that start "Bedömning:".
fn find_assessments(paragraphs: &[Paragraph], boards: &[FoundBoard]) -> Vec<FoundItem> {
    let as_boards: Vec<Board> = boards
        .iter()
        .map(|b| Board::new(&b.name, &b.name))
        .collect();
    let mut section = String::new();
    let mut items = Vec::new();
    for p in paragraphs {
        if let Some(number) = section_number(&p.text) {
            section = number;
        }
        let Some(rest) = ["Bedömning:", "Vår bedömning:", "Revisorernas bedömning:"]
            .iter()
            .find_map(|label| p.text.strip_prefix(label))
        else {
            continue;
        };
        let text = rest.trim().to_string();
        if text.is_empty() {
            continue;
        }
        let mut addressees = boards_named(&text, &as_boards);
        if addressees.is_empty() {
            addressees = boards.iter().map(|b| b.name.clone()).collect();
        }
        items.push(FoundItem {
            text,
            addressees,
            intro: String::new(),
            section: section.clone(),
            place: p.place,
        });
    }
    if items.is_empty() {
        items = assessment_sections(paragraphs, &as_boards);
    }
    items
}

/// Assessments under headings of their own ("3.1.6 Bedömning" closing each chapter of
/// findings): the section's first paragraph of prose, addressed to the boards the whole
/// section names by name (every board when it names none).
fn assessment_sections(paragraphs: &[Paragraph], boards: &[Board]) -> Vec<FoundItem> {
    let mut items = Vec::new();
    for (index, heading) in paragraphs.iter().enumerate() {
        let Some(section) = section_number(&heading.text) else {
            continue;
        };
        if !is_assessment_heading(&heading.text) {
            continue;
        }
        let body = section_body(&paragraphs[index + 1..]);
        let Some(first) = body.first() else {
            continue;
        };
        // By name only: a finding's text mentions "nämnderna" in passing.
        let whole = body
            .iter()
            .map(|p| p.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut addressees: Vec<String> = boards
            .iter()
            .filter(|board| whole.contains(&board.name.trim().to_lowercase()))
            .map(|board| board.name.clone())
            .collect();
        if addressees.is_empty() {
            addressees = boards.iter().map(|b| b.name.clone()).collect();
        }
        items.push(FoundItem {
            text: body
                .iter()
                .map(|p| p.text.trim())
                .collect::<Vec<_>>()
                .join("\n\n"),
            addressees,
            intro: String::new(),
            section,
            place: first.place,
        });
    }
    items
}

/// A section's running text, every paragraph of it: up to the next heading with a number, a
/// converter's "#" heading, a list of recommendations, an appendix ("Bilaga 1 …") or the
/// end of the file. A short line that is no sentence (a sub-heading, a header left in the
/// text) is no part of the assessment.
fn section_body(after_heading: &[Paragraph]) -> Vec<&Paragraph> {
    let file = after_heading.first().map(|p| p.place.file);
    after_heading
        .iter()
        .take_while(|p| {
            let text = p.text.trim_start();
            section_number(text).is_none()
                && !text.starts_with('#')
                && !is_recommendation_intro(p)
                && !text.starts_with("Bilaga ")
                && Some(p.place.file) == file
        })
        .filter(|p| p.text.split_whitespace().count() >= 8)
        .collect()
}

/// "3.1.6 Bedömning", "4.1 Revisorernas bedömning", "**3.6.2 Bedömning**".
fn is_assessment_heading(text: &str) -> bool {
    let text = tidy(text);
    let title = text
        .trim_start_matches('#')
        .trim()
        .split_once(' ')
        .map_or("", |(_, title)| title)
        .trim_matches(|c: char| c == '*' || c.is_whitespace())
        .to_lowercase();
    [
        "bedömning",
        "bedömningar",
        "vår bedömning",
        "revisorernas bedömning",
        "revisionens bedömning",
    ]
    .contains(&title.as_str())
}

/// The sentences of a paragraph: split after ".", "!" or "?" followed by a space and an
/// upper-case letter (so "t.ex. en" stays whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for window in 0..chars.len().saturating_sub(2) {
        let (at, c) = chars[window];
        if ".!?".contains(c) && chars[window + 1].1 == ' ' && chars[window + 2].1.is_uppercase() {
            out.push(text[start..=at].trim());
            start = chars[window + 2].0;
        }
    }
    out.push(text[start..].trim());
    out.retain(|sentence| !sentence.is_empty());
    out
}

/// Every date in a text, with the byte just after it: "2025-03-31" and "31 mars 2025".
fn dates_in(text: &str) -> Vec<(Date, usize)> {
    let mut dates = Vec::new();
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        let boundary = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        if boundary && start + 10 <= bytes.len() {
            if let Some(date) = text.get(start..start + 10).and_then(Date::parse) {
                let after = bytes.get(start + 10);
                if after.is_none_or(|b| !b.is_ascii_digit()) {
                    dates.push((date, start + 10));
                }
            }
        }
    }
    let all: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect();
    for window in all.windows(3) {
        let [(at, day), (_, month), (year_at, year)] = window else {
            continue;
        };
        let year_trimmed = year.trim_end_matches(|c: char| !c.is_ascii_digit());
        if !day.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if let Some(date) = Date::parse_swedish(&format!("{day} {month} {year_trimmed}")) {
            if month.chars().all(char::is_alphabetic) {
                dates.push((date, year_at + year_trimmed.len()));
                let _ = at;
            }
        }
    }
    dates.sort_by_key(|(_, end)| *end);
    dates
}

/// The board a text names right after a date: "(servicenämnden)", "beträffande
/// kommunstyrelsen", "för servicenämnden".
fn board_after(text: &str, boards: &[FoundBoard]) -> Option<usize> {
    let after = text.trim_start().to_lowercase();
    let after = after
        .strip_prefix('(')
        .or_else(|| after.strip_prefix("beträffande "))
        .or_else(|| after.strip_prefix("för "))
        .or_else(|| after.strip_prefix("avseende "))?;
    boards
        .iter()
        .position(|board| after.starts_with(&board.name.to_lowercase()))
}

/// The boards a text names, by name or in the genitive ("Servicenämndens yttrande").
fn boards_in(text: &str, boards: &[FoundBoard]) -> Vec<usize> {
    let lower = text.to_lowercase();
    (0..boards.len())
        .filter(|&index| lower.contains(&boards[index].name.to_lowercase()))
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Which {
    First,
    FollowUp,
}

/// From the missiv's sentences about the yttranden: each board's deadlines, where to send
/// them and the period the follow-up covers. A date followed by a board's name is that
/// board's; a sentence that names one board only is about it; a sentence that names none is
/// about every board that has no such date yet.
fn find_board_details(paragraphs: &[Paragraph], boards: &mut [FoundBoard]) {
    if boards.is_empty() {
        return;
    }
    for p in paragraphs {
        for sentence in sentences(&p.text) {
            let lower = sentence.to_lowercase();
            // "yttrandet ska inkomma …", "ska yttra sig … senast …".
            if !lower.contains("yttra") {
                continue;
            }
            let which = if lower.contains("uppföljande") {
                Which::FollowUp
            } else {
                Which::First
            };
            let named = boards_in(sentence, boards);
            let concerned: Vec<usize> = if named.is_empty() {
                (0..boards.len()).collect()
            } else {
                named.clone()
            };
            if lower.contains("senast") || lower.contains("tillhanda") || lower.contains("inkomma")
            {
                assign_deadlines(sentence, p, which, &named, boards);
            }
            if let Some(address) = email_in(sentence).filter(|_| lower.contains("till")) {
                for &index in &concerned {
                    if boards[index].send_to.is_none() {
                        boards[index].send_to = Some(found(address.clone(), p));
                    }
                }
            }
            if which == Which::FollowUp {
                if let Some(period) = period_in(&lower) {
                    for &index in &concerned {
                        boards[index]
                            .follow_up_period
                            .get_or_insert(found(period, p));
                    }
                }
            }
        }
    }
}

fn assign_deadlines(
    sentence: &str,
    p: &Paragraph,
    which: Which,
    named: &[usize],
    boards: &mut [FoundBoard],
) {
    let dates = dates_in(sentence);
    for (date, end) in &dates {
        let targets: Vec<usize> = match board_after(&sentence[*end..], boards) {
            Some(index) => vec![index],
            None if named.len() == 1 && dates.len() == 1 => named.to_vec(),
            None if named.is_empty() || dates.len() == 1 => (0..boards.len())
                .filter(|&index| deadline_of(&boards[index], which).is_none())
                .collect(),
            None => Vec::new(),
        };
        for index in targets {
            let slot = match which {
                Which::First => &mut boards[index].first_deadline,
                Which::FollowUp => &mut boards[index].follow_up_deadline,
            };
            if slot.is_none() {
                *slot = Some(found(*date, p));
            }
        }
    }
}

fn deadline_of(board: &FoundBoard, which: Which) -> Option<&Found<Date>> {
    match which {
        Which::First => board.first_deadline.as_ref(),
        Which::FollowUp => board.follow_up_deadline.as_ref(),
    }
}

fn email_in(text: &str) -> Option<String> {
    words(text)
        .find(|word| {
            word.contains('@')
                && word
                    .split('@')
                    .nth(1)
                    .is_some_and(|domain| domain.contains('.'))
        })
        .map(|word| word.trim_start_matches("mailto:").to_string())
}

/// "vidtagits under 2021" → 2021–2021; "under 2025–2026" → 2025–2026 ("20xx-20xx" is none).
fn period_in(lower: &str) -> Option<YearPeriod> {
    let at = lower.find("under ")? + "under ".len();
    let rest = &lower[at..];
    let year = |text: &str| -> Option<u16> {
        let digits: String = text.chars().take(4).collect();
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let from = year(rest)?;
    let to = rest
        .get(4..)
        .and_then(|after| after.strip_prefix(['-', '–']))
        .and_then(year)
        .unwrap_or(from);
    (to >= from).then_some(YearPeriod { from, to })
}

/// A paragraph that is a date and nothing else.
fn lone_date(p: &Paragraph) -> Option<Date> {
    date_alone(&p.text)
}

/// A text (a paragraph, or a line as read) that is a date and nothing else, bold or not.
fn date_alone(text: &str) -> Option<Date> {
    Date::parse_swedish(tidy(text).trim_matches(|c: char| c == '*' || c.is_whitespace()))
}

/// A date after the place it was written ("Malmö den 29 januari 2025", "Lund, 2025-01-29"):
/// up to three capitalised words of place, then "den" or a comma, then the date.
fn place_and_date(text: &str) -> Option<Date> {
    let text = text.trim_matches(|c: char| c == '*' || c.is_whitespace());
    let words: Vec<&str> = text.split_whitespace().collect();
    // The date is the last word (2025-01-29) or the last three (29 januari 2025).
    [1, 3].into_iter().find_map(|length| {
        let split = words.len().checked_sub(length)?;
        let date = Date::parse_swedish(&words[split..].join(" "))?;
        let mut place: Vec<&str> = words[..split].to_vec();
        if place.last() == Some(&"den") {
            place.pop();
        }
        // A place's name: every word capitalised ("Upplands Väsby"), letters and a hyphen only.
        let is_place = (1..=3).contains(&place.len())
            && place.iter().all(|word| {
                let word = word.trim_end_matches(',');
                word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().all(|c| c.is_alphabetic() || c == '-')
            });
        is_place.then_some(date)
    })
}

/// The missiv's date: a date on its own line above the signature ("Ordförande"), in a missiv
/// (after its "Till:") and before the report's first numbered heading.
fn find_missiv_date(paragraphs: &[Paragraph]) -> Option<Found<Date>> {
    let addressed = paragraphs.iter().position(|p| {
        p.lines.iter().any(|line| {
            tidy(line)
                .trim_matches('*')
                .to_lowercase()
                .starts_with("till:")
        })
    })?;
    let report_starts = paragraphs[addressed..]
        .iter()
        .position(|p| section_number(&p.text).is_some())
        .map_or(paragraphs.len(), |offset| addressed + offset);
    // By line: text pasted without gaps joins the date, the name and the role into one
    // paragraph with the missiv's last sentence.
    let lines: Vec<(String, &Paragraph)> = paragraphs[addressed..report_starts]
        .iter()
        .flat_map(|p| p.lines.iter().map(move |line| (tidy(line), p)))
        .collect();
    lines.iter().enumerate().find_map(|(index, (line, p))| {
        let date = date_alone(line).or_else(|| place_and_date(line))?;
        let signed = lines[index + 1..].iter().take(4).any(|(next, _)| {
            let lower = next.to_lowercase();
            next.split_whitespace().count() <= 6
                && [
                    "ordförande",
                    "revisionsdirektör",
                    "revisionschef",
                    "revisor",
                ]
                .iter()
                .any(|role| lower.contains(role))
        });
        signed.then(|| found(date, p))
    })
}

/// How many paragraphs the title page of a report read without gaps may take.
const TITLE_PAGE_PARAGRAPHS: usize = 15;

/// The report's date: on the title page, alone or in a short line about the report, and not
/// the missiv's.
fn find_report_date(
    paragraphs: &[Paragraph],
    missiv_date: Option<&Found<Date>>,
) -> Option<Found<Date>> {
    let not_missiv = |date: Date, p: &Paragraph| {
        let is_missiv = missiv_date.is_some_and(|m| m.place == p.place && m.value == date);
        (!is_missiv).then(|| found(date, p))
    };
    let by_paragraph = paragraphs.iter().find_map(|p| {
        let date = lone_date(p).or_else(|| {
            let short = p.text.split_whitespace().count() <= 12;
            (short && p.text.to_lowercase().contains("rapport"))
                .then(|| dates_in(&p.text).first().map(|(date, _)| *date))
                .flatten()
        })?;
        not_missiv(date, p)
    });
    // Text without gaps (pdftotext -layout) joins the title page into one paragraph: a date
    // on a line of its own there, in the report's first paragraphs (after the missiv's
    // signature, when both are in one file), not a deadline in the missiv's text.
    let report_starts = missiv_date
        .and_then(|m| paragraphs.iter().position(|p| p.place == m.place))
        .map_or(0, |signed| signed + 1);
    by_paragraph.or_else(|| {
        paragraphs
            .iter()
            .skip(report_starts)
            .take(TITLE_PAGE_PARAGRAPHS)
            .find_map(|p| {
                let date = p.lines.iter().find_map(|line| date_alone(line))?;
                not_missiv(date, p)
            })
    })
}

fn notes(removed: &Removed, repeated: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if !removed.furniture.is_empty() {
        let lines: Vec<String> = removed
            .furniture
            .iter()
            .map(|line| format!("«{line}»"))
            .collect();
        notes.push(format!(
            "Sidhuvuden och sidfötter som upprepas på sidorna togs bort: {}.",
            lines.join(", ")
        ));
    }
    if removed.page_numbers > 0 {
        notes.push(format!("{} sidnummer togs bort.", removed.page_numbers));
    }
    if removed.contents_lines > 0 {
        notes.push(format!(
            "Innehållsförteckningen ({} rader) togs bort.",
            removed.contents_lines
        ));
    }
    if removed.footnotes > 0 {
        notes.push(format!(
            "{} (texten under ett fotnotsnummer, längst ned på sidan eller där layouten satte den).",
            count_sv(removed.footnotes, "fotnot togs bort", "fotnoter togs bort")
        ));
    }
    if removed.footnote_markers > 0 {
        notes.push(format!(
            "{} fotnotsnummer som satt ihop med ord togs bort.",
            removed.footnote_markers
        ));
    }
    if repeated > 0 {
        notes.push(match repeated {
            1 => "1 rekommendation stod två gånger (i sammanfattningen och i kapitlet om rekommendationer) och togs med en gång.".to_string(),
            count => format!("{count} rekommendationer stod två gånger (i sammanfattningen och i kapitlet om rekommendationer) och togs med en gång."),
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Proposal {
        recognise(&[SourceText::single_page("inklistrad text", text)])
    }

    #[test]
    fn a_list_introduction_is_its_last_sentence_unless_that_names_no_board() {
        assert_eq!(
            last_sentence("Nämnden har brister. Vi rekommenderar kommunstyrelsen att:"),
            "Vi rekommenderar kommunstyrelsen att:"
        );
        assert_eq!(
            last_sentence(
                "Vi rekommenderar kommunstyrelsen i samverkan med bl.a. Servicenämnden att:"
            ),
            "Vi rekommenderar kommunstyrelsen i samverkan med bl.a. Servicenämnden att:"
        );
        let proposal = read(
            "Till:\nKommunstyrelsen\nServicenämnden\n\nServicenämnden har brister. Vi rekommenderar därför nämnden att:\n• Ta fram en rutin\n\nKommunstyrelsen har också brister. Vi rekommenderar kommunstyrelsen att:\n• Följa upp rutinen\n",
        );
        let addressees: Vec<Vec<String>> = proposal
            .recommendations
            .iter()
            .map(|item| item.addressees.clone())
            .collect();
        assert_eq!(
            addressees,
            [
                vec!["Servicenämnden".to_string()],
                vec!["Kommunstyrelsen".to_string()]
            ]
        );
    }

    #[test]
    fn board_names_on_one_line_are_split() {
        assert_eq!(
            split_board_names("Kommunstyrelsen, Kulturnämnden och servicenämnden"),
            ["Kommunstyrelsen", "Kulturnämnden", "Servicenämnden"]
        );
        assert_eq!(
            split_board_names("Kommunstyrelsen Servicenämnden"),
            ["Kommunstyrelsen", "Servicenämnden"]
        );
        assert_eq!(
            split_board_names("Barn- och ungdomsnämnden"),
            ["Barn- och ungdomsnämnden"]
        );
    }

    #[test]
    fn passive_wording_questions_after_a_heading_and_yttra_sig() {
        let proposal = read(
            "Till: Kommunstyrelsen, Kulturnämnden\n\nKulturnämnden ska yttra sig senast 2025-03-31.\n\n2.1 Syfte, revisionsfråga och avgränsning\n\nGranskningen ska besvara följande revisionsfrågor:\n\n• Finns en arkivplan?\n\n• Följs den?\n\n4.2 Rekommendationer\n\nUtifrån resultatet rekommenderas kulturnämnden att:\n\n1. Ta fram en arkivplan\n\n2. Utse en arkivansvarig\n",
        );
        let questions: Vec<&str> = proposal
            .questions
            .iter()
            .map(|q| q.value.as_str())
            .collect();
        assert_eq!(questions, ["Finns en arkivplan?", "Följs den?"]);
        let items: Vec<(&str, &[String])> = proposal
            .recommendations
            .iter()
            .map(|item| (item.text.as_str(), item.addressees.as_slice()))
            .collect();
        assert_eq!(
            items,
            [
                ("Ta fram en arkivplan", &["Kulturnämnden".to_string()][..]),
                ("Utse en arkivansvarig", &["Kulturnämnden".to_string()][..])
            ]
        );
        let names: Vec<&str> = proposal.boards.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Kommunstyrelsen", "Kulturnämnden"]);
        assert_eq!(
            proposal.boards[1].first_deadline.as_ref().map(|f| f.value),
            Date::parse("2025-03-31")
        );
        assert_eq!(
            proposal.boards[0].first_deadline, None,
            "the sentence names one board"
        );
    }

    #[test]
    fn a_list_repeated_from_the_summary_is_taken_once_even_when_items_are_reworded() {
        let proposal = read(
            "Sammanfattning\n\nVi rekommenderar kulturnämnden att:\n\n• Ta fram en arkivplan\n\n• Se till att arkivet gallras\n\n• Utse en arkivansvarig för nämnden\n\n4.2 Rekommendationer\n\nVi rekommenderar kulturnämnden att:\n\n• Ta fram en arkivplan\n\n• Se till att arkivet gallras enligt den beslutade gallringsplanen varje år\n\n• Utse en arkivansvarig för nämnden och hennes ersättare\n",
        );
        let texts: Vec<(&str, &str)> = proposal
            .recommendations
            .iter()
            .map(|item| (item.text.as_str(), item.section.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Ta fram en arkivplan", "4.2"),
                (
                    "Se till att arkivet gallras enligt den beslutade gallringsplanen varje år",
                    "4.2"
                ),
                (
                    "Utse en arkivansvarig för nämnden och hennes ersättare",
                    "4.2"
                ),
            ]
        );
        assert!(proposal
            .notes
            .iter()
            .any(|note| note.starts_with("3 rekommendationer stod två gånger")));
        // A different list to the same board, as long, is no repeat.
        let proposal = read(
            "Vi rekommenderar kulturnämnden att:\n\n• Ta fram en arkivplan\n\n• Utse en arkivansvarig\n\nVi rekommenderar också kulturnämnden att:\n\n• Rapportera brister i informationssäkerheten\n\n• Följa upp avtalen med leverantörerna\n",
        );
        assert_eq!(proposal.recommendations.len(), 4);
    }

    #[test]
    fn the_missiv_date_may_follow_the_place_it_was_written() {
        for (line, expected) in [
            ("Malmö den 29 januari 2025", "2025-01-29"),
            ("Lund, 2025-01-29", "2025-01-29"),
            ("Upplands Väsby den 3 mars 2025", "2025-03-03"),
            ("29 januari 2025", "2025-01-29"),
        ] {
            let proposal = read(&format!(
                "Till:\nKommunstyrelsen\n\nGranskning av arkiv\n\n{line}\n\nAnna Andersson\nOrdförande\n"
            ));
            assert_eq!(
                proposal.missiv_date.map(|f| f.value),
                Date::parse(expected),
                "{line}"
            );
        }
        assert_eq!(place_and_date("Beslutet togs 2025-01-29"), None);
        assert_eq!(place_and_date("senast den 29 januari 2025"), None);
    }

    #[test]
    fn questions_without_an_announcing_line_lose_their_markers() {
        let proposal = read(
            "2 Revisionsfrågor\n\nVi har granskat detta.\n\n1. Finns en arkivplan?\n\nMer text.\n",
        );
        let questions: Vec<&str> = proposal
            .questions
            .iter()
            .map(|q| q.value.as_str())
            .collect();
        assert_eq!(questions, ["Finns en arkivplan?"]);
    }
}
