//! Paste import: turns a list copied from a report's PDF (recommendations, assessments or audit
//! questions) into one text per item.
//!
//! Copied PDF text is messy: bullets come as "•", "-", "–", "*", the private-use characters of
//! Word's Symbol and Wingdings fonts (U+F0B7, U+F0BE, …), or numbers ("1.", "2)", "a)"); lines
//! are broken mid-sentence, sometimes inside a hyphenated word ("IT-\nsäkerhet"); an introduction
//! ("… rekommenderar vi kommunstyrelsen och de granskade nämnderna att:") heads each list and
//! names whom it is addressed to; page headers (the organisation, the report's title, a date, a
//! page number) and closing lines ("Datum som ovan") stand between and after the items. The
//! result keeps every line the parser left out, so the user sees all it did and can check, fix,
//! merge or split the items, and change every addressee, before accepting them.

use schemas::report_import::lists::join_text;
use schemas::{Board, ItemKind};

/// What a paste is for: a kind of audit item (with addressees), or the audit questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteTarget {
    Items(ItemKind),
    Questions,
}

/// Joins item `index` with the item after it (for an item the PDF broke in two). The joined
/// item keeps the first one's introduction and addressees.
pub fn merge_with_next(items: &mut Vec<DraftItem>, index: usize) {
    if index + 1 < items.len() {
        let next = items.remove(index + 1);
        items[index].text = join_text(&items[index].text, &next.text);
    }
}

/// Splits item `index` in two at a character position (for two items the PDF ran together);
/// both halves keep the item's introduction and addressees. Positions at either end, or
/// outside the text, change nothing.
pub fn split_at(items: &mut Vec<DraftItem>, index: usize, at_char: usize) {
    let Some(item) = items.get(index) else {
        return;
    };
    let Some((byte, _)) = item.text.char_indices().nth(at_char) else {
        return;
    };
    let (first, second) = (tidy(&item.text[..byte]), tidy(&item.text[byte..]));
    if first.is_empty() || second.is_empty() {
        return;
    }
    let mut second_item = item.clone();
    second_item.text = second;
    items[index].text = first;
    items.insert(index + 1, second_item);
}

/// One item of a paste being checked: its text and the boards it is addressed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftItem {
    pub text: String,
    pub intro: Option<String>,
    /// Board ids; pre-set from the boards the introduction names.
    pub addressees: Vec<String>,
}

/// An item ready to join the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewItem {
    pub text: String,
    pub addressees: Vec<String>,
}

/// A paste being checked before its items join the case: the pasted text, the items it split
/// into (which the user can fix, merge, split or drop, and address to other boards), and the
/// lines left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasteDraft {
    pub text: String,
    pub items: Vec<DraftItem>,
    pub skipped: Vec<String>,
}

impl PasteDraft {
    /// Splits the pasted text anew, replacing the items (the user pasted or corrected the text).
    /// Each item is addressed to the boards its list's introduction names.
    pub fn set_text(&mut self, text: String, boards: &[Board]) {
        let result = split_items(&text);
        self.text = text;
        self.items = result
            .items
            .into_iter()
            .map(|item| DraftItem {
                addressees: item
                    .intro
                    .as_deref()
                    .map(|intro| boards_named(intro, boards))
                    .unwrap_or_default(),
                text: item.text,
                intro: item.intro,
            })
            .collect();
        self.skipped = result.skipped;
    }

    pub fn set_item(&mut self, index: usize, text: String) {
        if let Some(item) = self.items.get_mut(index) {
            item.text = text;
        }
    }

    pub fn remove_item(&mut self, index: usize) {
        if index < self.items.len() {
            self.items.remove(index);
        }
    }

    /// Addresses one item (`Some(index)`) or every item (`None`) to a board, or not.
    pub fn set_addressed(&mut self, index: Option<usize>, board: &str, addressed: bool) {
        let items = match index {
            Some(index) => self.items.get_mut(index..=index).unwrap_or_default(),
            None => &mut self.items[..],
        };
        for item in items {
            item.addressees.retain(|id| id != board);
            if addressed {
                item.addressees.push(board.to_string());
            }
        }
    }

    /// The items to add: tidied, empty ones left out.
    pub fn accepted_items(&self) -> Vec<NewItem> {
        self.items
            .iter()
            .map(|item| NewItem {
                text: tidy(&item.text),
                addressees: item.addressees.clone(),
            })
            .filter(|item| !item.text.is_empty())
            .collect()
    }
}
pub use schemas::report_import::lists::{
    boards_named, is_private_use, split_items, tidy, PasteResult, PastedItem,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_lists_for_two_addressee_groups_are_addressed_from_their_introductions() {
        let boards = [
            board("ks", "Kommunstyrelsen"),
            board("sn", "Servicenämnden"),
            board("soc", "Socialnämnden"),
        ];
        let pasted = "Utifrån vår bedömning rekommenderar vi kommunstyrelsen att:\n\
            • Etablera en organisation\n\
            • Ta fram en policy\n\
            Vi rekommenderar kommunstyrelsen och de granskade nämnderna att:\n\
            • Följa upp arbetet\n\
            Vi rekommenderar socialnämnden att:\n\
            • Utbilda personalen\n";
        let mut draft = PasteDraft::default();
        draft.set_text(pasted.into(), &boards);
        let addressed: Vec<(&str, Vec<&str>)> = draft
            .items
            .iter()
            .map(|item| {
                (
                    item.text.as_str(),
                    item.addressees.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            addressed,
            [
                ("Etablera en organisation", vec!["ks"]),
                ("Ta fram en policy", vec!["ks"]),
                ("Följa upp arbetet", vec!["ks", "sn", "soc"]),
                ("Utbilda personalen", vec!["soc"]),
            ]
        );
        assert_eq!(
            boards_named("Vi rekommenderar revisorerna att:", &boards),
            Vec::<String>::new()
        );
    }

    fn board(id: &str, name: &str) -> Board {
        Board::new(id, name)
    }

    fn drafted(texts: &[&str]) -> Vec<DraftItem> {
        texts
            .iter()
            .map(|text| DraftItem {
                text: text.to_string(),
                intro: None,
                addressees: vec!["ks".into()],
            })
            .collect()
    }

    fn draft_texts(items: &[DraftItem]) -> Vec<&str> {
        items.iter().map(|item| item.text.as_str()).collect()
    }

    #[test]
    fn a_draft_is_checked_and_fixed_before_it_is_accepted() {
        let mut draft = PasteDraft::default();
        draft.set_text("• Ta fram en\n\n• policy.\n• Följ upp.\n• ".into(), &[]);
        assert_eq!(
            draft_texts(&draft.items),
            ["Ta fram en", "policy.", "Följ upp."]
        );
        merge_with_next(&mut draft.items, 0);
        draft.set_item(1, "Följ upp  årligen. ".into());
        draft.set_addressed(None, "ks", true);
        draft.set_addressed(None, "sn", true);
        draft.set_addressed(Some(0), "ks", false);
        assert_eq!(
            draft.accepted_items(),
            [
                NewItem {
                    text: "Ta fram en policy.".into(),
                    addressees: vec!["sn".into()]
                },
                NewItem {
                    text: "Följ upp årligen.".into(),
                    addressees: vec!["ks".into(), "sn".into()]
                }
            ]
        );
        draft.remove_item(0);
        draft.remove_item(7);
        draft.set_addressed(Some(7), "ks", false);
        assert_eq!(draft.accepted_items().len(), 1);
    }

    #[test]
    fn items_can_be_merged_and_split() {
        let mut list = drafted(&["Ta fram en", "policy.", "Följ upp."]);
        merge_with_next(&mut list, 0);
        assert_eq!(draft_texts(&list), ["Ta fram en policy.", "Följ upp."]);
        merge_with_next(&mut list, 1);
        assert_eq!(
            draft_texts(&list),
            ["Ta fram en policy.", "Följ upp."],
            "the last item has nothing to merge with"
        );

        let mut list = drafted(&["Ta fram en policy. Följ upp årligen."]);
        split_at(&mut list, 0, 18);
        assert_eq!(
            draft_texts(&list),
            ["Ta fram en policy.", "Följ upp årligen."]
        );
        assert_eq!(
            list[1].addressees,
            ["ks"],
            "both halves keep the addressees"
        );
        for at in [0, 17_000] {
            split_at(&mut list, 0, at);
        }
        split_at(&mut list, 9, 3);
        assert_eq!(
            draft_texts(&list),
            ["Ta fram en policy.", "Följ upp årligen."],
            "no-op splits"
        );
        let mut swedish = drafted(&["Åtgärd å ä ö"]);
        split_at(&mut swedish, 0, 7);
        assert_eq!(
            draft_texts(&swedish),
            ["Åtgärd", "å ä ö"],
            "positions count characters, not bytes"
        );
    }
}
