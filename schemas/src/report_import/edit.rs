//! The user's corrections to a proposal before it becomes a case, and the proposal merged into
//! a case that already exists (which it never overwrites without being asked).

use super::recognise::same_item;
use super::{ByUser, Found, FoundBoard, FoundItem, Place, Proposal, RemovedBoard};
use crate::date::Date;
use crate::model::{AuditItem, AuditQuestion, Board, BoardResponse, Case, ItemKind};
use crate::wording::{count_sv, join_and_sv};

/// The place of what the user typed rather than found.
pub const TYPED: Place = Place {
    file: 0,
    page: 0,
    by_user: ByUser::Typed,
};

/// One of the proposal's single texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalText {
    Reference,
    Title,
    Auditor,
    Organisation,
    PerformedBy,
    Conclusion,
}

/// A correction to a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalEdit {
    Text(ProposalText, String),
    ReportDate(Option<Date>),
    MissivDate(Option<Date>),
    Question {
        index: usize,
        text: String,
    },
    RemoveQuestion(usize),
    /// A question the files did not give (typed by the user).
    AddQuestion(String),
    /// Rewords assessment or recommendation `index`.
    Item {
        kind: ItemKind,
        index: usize,
        text: String,
    },
    RemoveItem {
        kind: ItemKind,
        index: usize,
    },
    /// An item the files did not give; addressed to the only board, if there is one.
    AddItem {
        kind: ItemKind,
        text: String,
    },
    /// Addresses item `index` to the board named, or not.
    Addressed {
        kind: ItemKind,
        index: usize,
        board: String,
        addressed: bool,
    },
    BoardName {
        index: usize,
        name: String,
    },
    FirstDeadline {
        index: usize,
        date: Option<Date>,
    },
    FollowUpDeadline {
        index: usize,
        date: Option<Date>,
    },
    /// A board the files did not name (the missiv was not read, say).
    AddBoard(String),
    /// Removes the board, and the items addressed to it alone (no one else answers them).
    RemoveBoard(usize),
}

fn set_text(slot: &mut Option<Found<String>>, text: String) {
    match (slot.as_mut(), text.trim().is_empty()) {
        (_, true) => *slot = None,
        (Some(found), false) => {
            if found.value != text {
                found.place = found.place.changed(&found.value, &text);
                found.value = text;
            }
        }
        (None, false) => {
            *slot = Some(Found {
                value: text,
                place: TYPED,
            })
        }
    }
}

fn set_date(slot: &mut Option<Found<Date>>, date: Option<Date>) {
    *slot = date.map(|value| match slot.as_ref() {
        Some(found) if found.value == value => found.clone(),
        Some(found) => Found {
            place: found
                .place
                .changed(&found.value.to_string(), &value.to_string()),
            value,
        },
        None => Found {
            value,
            place: TYPED,
        },
    });
}

/// A found text the user rewrote: its place says so.
fn rewrite(text: &mut String, place: &mut Place, new: String) {
    if *text != new {
        *place = place.changed(text, &new);
        *text = new;
    }
}

impl Proposal {
    /// Applies a correction. Says what was done beyond the edit itself (items removed with a
    /// board), or refuses it with the reason, the proposal unchanged.
    pub fn apply(&mut self, edit: ProposalEdit) -> Result<Option<String>, String> {
        match edit {
            ProposalEdit::Text(which, text) => {
                let slot = match which {
                    ProposalText::Reference => &mut self.reference,
                    ProposalText::Title => &mut self.title,
                    ProposalText::Auditor => &mut self.auditor,
                    ProposalText::Organisation => &mut self.organisation,
                    ProposalText::PerformedBy => &mut self.performed_by,
                    ProposalText::Conclusion => &mut self.conclusion,
                };
                set_text(slot, text);
            }
            ProposalEdit::ReportDate(date) => set_date(&mut self.report_date, date),
            ProposalEdit::MissivDate(date) => set_date(&mut self.missiv_date, date),
            ProposalEdit::Question { index, text } => {
                if let Some(question) = self.questions.get_mut(index) {
                    rewrite(&mut question.value, &mut question.place, text);
                }
            }
            ProposalEdit::RemoveQuestion(index) => {
                if index < self.questions.len() {
                    let question = self.questions.remove(index);
                    self.taken_out.questions.push(question.value);
                }
            }
            ProposalEdit::AddQuestion(text) => {
                let value = non_empty(text, "Skriv revisionsfrågan först.")?;
                self.taken_out
                    .questions
                    .retain(|gone| !same_item(gone, &value));
                self.questions.push(Found {
                    value,
                    place: TYPED,
                });
            }
            ProposalEdit::Item { kind, index, text } => {
                if let Some(item) = self.items_mut(kind).get_mut(index) {
                    rewrite(&mut item.text, &mut item.place, text);
                }
            }
            ProposalEdit::RemoveItem { kind, index } => {
                let items = self.items_mut(kind);
                if index < items.len() {
                    let item = items.remove(index);
                    self.taken_out.items.push(item.text);
                }
            }
            ProposalEdit::AddItem { kind, text } => self.add_item(kind, text)?,
            ProposalEdit::Addressed {
                kind,
                index,
                board,
                addressed,
            } => {
                let order = self.board_names();
                if let Some(item) = self.items_mut(kind).get_mut(index) {
                    item.addressees.retain(|name| *name != board);
                    if addressed {
                        address(item, board, &order);
                    }
                }
            }
            ProposalEdit::BoardName { index, name } => self.rename_board(index, name)?,
            ProposalEdit::FirstDeadline { index, date } => {
                if let Some(board) = self.boards.get_mut(index) {
                    set_date(&mut board.first_deadline, date);
                }
            }
            ProposalEdit::FollowUpDeadline { index, date } => {
                if let Some(board) = self.boards.get_mut(index) {
                    set_date(&mut board.follow_up_deadline, date);
                }
            }
            ProposalEdit::AddBoard(name) => return self.add_board(name),
            ProposalEdit::RemoveBoard(index) => return Ok(self.remove_board(index)),
        }
        Ok(None)
    }

    /// The boards' names, in order (the order of every item's addressees).
    fn board_names(&self) -> Vec<String> {
        self.boards.iter().map(|b| b.name.clone()).collect()
    }

    /// The proposal's assessments or recommendations.
    pub fn items(&self, kind: ItemKind) -> &[FoundItem] {
        match kind {
            ItemKind::Assessment => &self.assessments,
            ItemKind::Recommendation => &self.recommendations,
        }
    }

    fn items_mut(&mut self, kind: ItemKind) -> &mut Vec<FoundItem> {
        match kind {
            ItemKind::Assessment => &mut self.assessments,
            ItemKind::Recommendation => &mut self.recommendations,
        }
    }

    fn add_item(&mut self, kind: ItemKind, text: String) -> Result<(), String> {
        let empty = match kind {
            ItemKind::Assessment => "Skriv bedömningen först.",
            ItemKind::Recommendation => "Skriv rekommendationen först.",
        };
        let text = non_empty(text, empty)?;
        self.taken_out.items.retain(|gone| !same_item(gone, &text));
        let addressees = match self.boards.as_slice() {
            [only] => vec![only.name.clone()],
            _ => Vec::new(),
        };
        self.items_mut(kind).push(FoundItem {
            text,
            addressees,
            intro: String::new(),
            section: String::new(),
            place: TYPED,
        });
        Ok(())
    }

    /// The items addressed to board `name` and no other: they go with it when it is removed.
    pub fn items_only_to(&self, name: &str) -> (usize, usize) {
        let only = |items: &[FoundItem]| {
            items
                .iter()
                .filter(|item| item.addressees == [name])
                .count()
        };
        (only(&self.assessments), only(&self.recommendations))
    }

    /// "1 bedömning och 3 rekommendationer": the items that would go with board `name`, or
    /// `None` when there are none.
    pub fn items_only_to_sv(&self, name: &str) -> Option<String> {
        let (assessments, recommendations) = self.items_only_to(name);
        let going = items_sv(assessments, recommendations);
        (!going.is_empty()).then(|| join_and_sv(&going))
    }

    /// Removes the board, the items that only it was to answer, and its name from the others'
    /// addressees; says what went with it.
    fn remove_board(&mut self, index: usize) -> Option<String> {
        if index >= self.boards.len() {
            return None;
        }
        let board = self.boards.remove(index);
        let gone = board.name.clone();
        let went = self.items_only_to_sv(&gone);
        let mut removed = RemovedBoard {
            board,
            own: Vec::new(),
            shared: Vec::new(),
        };
        for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
            let items = self.items_mut(kind);
            for item in std::mem::take(items) {
                if item.addressees == [gone.as_str()] {
                    removed.own.push((kind, item));
                    continue;
                }
                let mut item = item;
                if item.addressees.contains(&gone) {
                    removed.shared.push((kind, item.text.clone()));
                    item.addressees.retain(|name| *name != gone);
                }
                items.push(item);
            }
        }
        self.taken_out.boards.push(removed);
        Some(match went {
            None => format!("{gone} togs bort ur förslaget."),
            Some(went) => format!(
                "{gone} togs bort ur förslaget, och med den {went} som bara riktades till {gone}."
            ),
        })
    }

    /// Adds a board by name. One the user removed comes back as it was: its deadlines, the
    /// items it took with it and its place among the addressees of the items it shared.
    fn add_board(&mut self, name: String) -> Result<Option<String>, String> {
        let name = self.free_board_name(None, name)?;
        let Some(at) = self
            .taken_out
            .boards
            .iter()
            .position(|gone| same_name(&gone.board.name, &name))
        else {
            self.boards.push(FoundBoard {
                name,
                place: TYPED,
                ..FoundBoard::default()
            });
            return Ok(None);
        };
        let removed = self.taken_out.boards.remove(at);
        self.boards.push(FoundBoard {
            name: name.clone(),
            ..removed.board
        });
        let own_of = |wanted: ItemKind| {
            removed
                .own
                .iter()
                .filter(|(kind, _)| *kind == wanted)
                .count()
        };
        let own = items_sv(
            own_of(ItemKind::Assessment),
            own_of(ItemKind::Recommendation),
        );
        for (kind, mut item) in removed.own {
            self.taken_out
                .items
                .retain(|gone| !same_item(gone, &item.text));
            item.addressees = vec![name.clone()];
            if !self
                .items(kind)
                .iter()
                .any(|known| same_item(&known.text, &item.text))
            {
                self.items_mut(kind).push(item);
            }
        }
        let order = self.board_names();
        let mut shared = 0;
        for (kind, text) in removed.shared {
            let items = self.items_mut(kind);
            if let Some(item) = items.iter_mut().find(|item| item.text == text) {
                if !item.addressees.contains(&name) {
                    address(item, name.clone(), &order);
                    shared += 1;
                }
            }
        }
        let mut said = format!("{name} lades tillbaka som den var när den togs bort");
        if !own.is_empty() {
            said.push_str(&format!(
                ", med {} som bara riktades till den",
                join_and_sv(&own)
            ));
        }
        if shared > 0 {
            said.push_str(&format!(
                ", och riktas åter till {} som den delade med andra nämnder",
                count_sv(shared, "punkt", "punkter")
            ));
        }
        said.push('.');
        Ok(Some(said))
    }

    /// A board name the proposal does not have yet: boards are told apart by name until the
    /// case gives them ids, so two alike would share their items for good. `renaming` is the
    /// board being renamed, whose name may be empty while it is retyped.
    fn free_board_name(&self, renaming: Option<usize>, name: String) -> Result<String, String> {
        let name = match renaming {
            // Kept as typed: a trailing space is the next word on its way.
            Some(_) => name,
            None => non_empty(name, "Skriv nämndens namn.")?,
        };
        let taken = self
            .boards
            .iter()
            .enumerate()
            .any(|(index, board)| Some(index) != renaming && same_name(&board.name, &name));
        match (taken, name.trim()) {
            (false, _) => Ok(name),
            (true, "") => Err(
                "En annan nämnd i förslaget saknar också namn. Skriv in namnet på den först."
                    .to_string(),
            ),
            (true, trimmed) => Err(format!("Förslaget har redan en nämnd som heter {trimmed}.")),
        }
    }

    /// What must be filled in before the proposal can be accepted: a board without a name, and
    /// (when there are boards) an assessment or recommendation addressed to none of them, which
    /// no yttrande would answer.
    pub fn unfinished(&self) -> Option<String> {
        self.unfinished_at().map(|(_, said)| said)
    }

    /// [`Proposal::unfinished`], with the first place to mend (for the app to go to).
    pub fn unfinished_at(&self) -> Option<(Unfinished, String)> {
        if let Some(position) = self.boards.iter().position(|b| b.name.trim().is_empty()) {
            return Some((
                Unfinished::BoardName(position),
                format!(
                    "Nämnd {} i förslaget saknar namn. Skriv in namnet, eller ta bort nämnden.",
                    position + 1
                ),
            ));
        }
        if self.boards.is_empty() {
            return None;
        }
        let unaddressed: Vec<(ItemKind, usize)> = [ItemKind::Assessment, ItemKind::Recommendation]
            .into_iter()
            .flat_map(|kind| {
                let items = self.items(kind).iter().enumerate();
                items
                    .filter(|(_, item)| item.addressees.is_empty())
                    .map(move |(index, _)| (kind, index))
            })
            .collect();
        let labels: Vec<String> = unaddressed
            .iter()
            .map(|(kind, index)| format!("{} {}", kind.label_sv(), index + 1))
            .collect();
        let said = match labels.as_slice() {
            [] => return None,
            [one] => format!(
                "{one} är inte riktad till någon nämnd. Kryssa i nämnden som ska svara på den, eller ta bort den."
            ),
            many => format!(
                "{} är inte riktade till någon nämnd. Kryssa i nämnden som ska svara på var och en, eller ta bort dem.",
                join_and_sv(many)
            ),
        };
        let (kind, index) = unaddressed[0];
        Some((Unfinished::Addressees(kind, index), said))
    }

    /// A board renamed keeps its items.
    fn rename_board(&mut self, index: usize, name: String) -> Result<(), String> {
        let name = self.free_board_name(Some(index), name)?;
        let Some(board) = self.boards.get_mut(index) else {
            return Ok(());
        };
        let old = board.name.clone();
        rewrite(&mut board.name, &mut board.place, name.clone());
        // A board now of a removed board's name is no longer kept out of files read later.
        self.taken_out
            .boards
            .retain(|gone| !same_name(&gone.board.name, &name));
        for item in self.recommendations.iter_mut().chain(&mut self.assessments) {
            for addressee in &mut item.addressees {
                if *addressee == old {
                    addressee.clone_from(&name);
                }
            }
        }
        Ok(())
    }
}

/// A typed text, trimmed, or `empty` when there is none.
fn non_empty(text: String, empty: &str) -> Result<String, String> {
    match text.trim() {
        "" => Err(empty.to_string()),
        text => Ok(text.to_string()),
    }
}

/// What a file read into a proposal added ("nämnden Servicenämnden", "3 rekommendationer"),
/// and what it also held that the user had taken out of the proposal ("Servicenämnden och
/// 4 rekommendationer"), which stays out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Absorbed {
    pub added: Vec<String>,
    pub kept_out: Option<String>,
    /// Whether a removed board was among what was kept out (the user may want it back).
    pub board_kept_out: bool,
}

/// Where a proposal must be mended before it is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfinished {
    /// The board at this index has no name.
    BoardName(usize),
    /// The item of this kind and index is addressed to no board.
    Addressees(ItemKind, usize),
}

/// What a file read later held that the user had removed.
#[derive(Default)]
struct KeptOut {
    boards: Vec<String>,
    questions: usize,
    /// Assessments and recommendations, by [`slot`].
    items: [usize; 2],
}

impl KeptOut {
    fn said_sv(&self) -> Option<String> {
        let mut parts = self.boards.clone();
        if self.questions > 0 {
            parts.push(count_sv(
                self.questions,
                "revisionsfråga",
                "revisionsfrågor",
            ));
        }
        parts.extend(items_sv(
            self.items[slot(ItemKind::Assessment)],
            self.items[slot(ItemKind::Recommendation)],
        ));
        (!parts.is_empty()).then(|| join_and_sv(&parts))
    }
}

/// "2 bedömningar", "1 rekommendation": the counts that are not zero, assessments first.
fn items_sv(assessments: usize, recommendations: usize) -> Vec<String> {
    [
        (assessments, "bedömning", "bedömningar"),
        (recommendations, "rekommendation", "rekommendationer"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, one, many)| count_sv(count, one, many))
    .collect()
}

/// Addresses `item` to board `name` too, its addressees in the boards' order.
fn address(item: &mut FoundItem, name: String, order: &[String]) {
    item.addressees.push(name);
    item.addressees
        .sort_by_key(|addressee| order.iter().position(|known| known == addressee));
}

/// Where a count per kind of item stands in a `[usize; 2]`.
fn slot(kind: ItemKind) -> usize {
    match kind {
        ItemKind::Assessment => 0,
        ItemKind::Recommendation => 1,
    }
}

/// Fills what a board lacks from the same board found in another file; whether a deadline
/// was added.
fn fill_board(mine: &mut FoundBoard, theirs: FoundBoard) -> bool {
    let before = (
        mine.first_deadline.is_some(),
        mine.follow_up_deadline.is_some(),
    );
    mine.first_deadline = mine.first_deadline.take().or(theirs.first_deadline);
    mine.follow_up_deadline = mine.follow_up_deadline.take().or(theirs.follow_up_deadline);
    mine.send_to = mine.send_to.take().or(theirs.send_to);
    mine.follow_up_period = mine.follow_up_period.take().or(theirs.follow_up_period);
    before
        != (
            mine.first_deadline.is_some(),
            mine.follow_up_deadline.is_some(),
        )
}

/// Board names compared as a reader would: "SERVICENÄMNDEN" is "Servicenämnden".
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Proposal {
    /// Adds what another file's proposal found (the missiv read after the report) to this one,
    /// which the user may have corrected: only what this one lacks is taken, so no correction
    /// is lost, and what the user took out stays out. Says what was added and what was not.
    pub fn absorb(&mut self, mut other: Proposal) -> Result<Absorbed, String> {
        if let Some(reason) = other.refused {
            return Err(reason);
        }
        let offset = self.files.len();
        other.shift_files(offset);
        let names: Vec<String> = other.files.iter().map(|name| format!("«{name}»")).collect();
        if let (Some(mine), Some(theirs)) = (&self.reference, &other.reference) {
            if mine.value.trim() != theirs.value.trim() {
                self.warnings.push(format!(
                    "Förslaget gäller {} men {} {}: kontrollera att filerna hör till samma granskning.",
                    mine.value,
                    names.join(" och "),
                    theirs.value
                ));
            }
        }
        let mut said = Vec::new();
        let mut fill =
            |label: &str, mine: &mut Option<Found<String>>, theirs: Option<Found<String>>| {
                if mine.is_none() && theirs.is_some() {
                    *mine = theirs;
                    said.push(label.to_string());
                }
            };
        fill("diarienummer", &mut self.reference, other.reference);
        fill("rubrik", &mut self.title, other.title);
        fill("avsändare", &mut self.auditor, other.auditor);
        fill("kommun", &mut self.organisation, other.organisation);
        fill(
            "vem som genomförde granskningen",
            &mut self.performed_by,
            other.performed_by,
        );
        fill("samlad bedömning", &mut self.conclusion, other.conclusion);
        if self.report_date.is_none() && other.report_date.is_some() {
            self.report_date = other.report_date;
            said.push("rapportens datum".to_string());
        }
        if self.missiv_date.is_none() && other.missiv_date.is_some() {
            self.missiv_date = other.missiv_date;
            said.push("missivets datum".to_string());
        }
        let mut kept_out = KeptOut::default();
        for board in other.boards {
            if self
                .taken_out
                .boards
                .iter()
                .any(|gone| same_name(&gone.board.name, &board.name))
            {
                kept_out.boards.push(board.name);
                continue;
            }
            match self
                .boards
                .iter_mut()
                .find(|mine| same_name(&mine.name, &board.name))
            {
                Some(mine) => {
                    if fill_board(mine, board) {
                        said.push(format!("{}s sista dagar", mine.name));
                    }
                }
                None => {
                    said.push(format!("nämnden {}", board.name));
                    self.boards.push(board);
                }
            }
        }
        let mut questions = 0;
        for question in other.questions {
            if self
                .taken_out
                .questions
                .iter()
                .any(|gone| same_item(gone, &question.value))
            {
                kept_out.questions += 1;
            } else if !self
                .questions
                .iter()
                .any(|q| same_item(&q.value, &question.value))
            {
                self.questions.push(question);
                questions += 1;
            }
        }
        let mut added = [0, 0];
        for (kind, items) in [
            (ItemKind::Assessment, other.assessments),
            (ItemKind::Recommendation, other.recommendations),
        ] {
            for mut item in items {
                let addressed = !item.addressees.is_empty();
                let taken_out = &self.taken_out;
                item.addressees.retain(|name| {
                    !taken_out
                        .boards
                        .iter()
                        .any(|gone| same_name(&gone.board.name, name))
                });
                let removed = taken_out
                    .items
                    .iter()
                    .any(|gone| same_item(gone, &item.text));
                if removed || addressed && item.addressees.is_empty() {
                    kept_out.items[slot(kind)] += 1;
                } else if !self
                    .items(kind)
                    .iter()
                    .any(|known| same_item(&known.text, &item.text))
                {
                    self.items_mut(kind).push(item);
                    added[slot(kind)] += 1;
                }
            }
        }
        if questions > 0 {
            said.push(count_sv(questions, "revisionsfråga", "revisionsfrågor"));
        }
        let recommendations = added[slot(ItemKind::Recommendation)];
        if recommendations > 0 {
            said.push(count_sv(
                recommendations,
                "rekommendation",
                "rekommendationer",
            ));
        }
        let assessments = added[slot(ItemKind::Assessment)];
        if assessments > 0 {
            said.push(count_sv(assessments, "bedömning", "bedömningar"));
        }
        self.files.extend(other.files);
        self.notes.extend(other.notes);
        self.warnings.extend(other.warnings);
        Ok(Absorbed {
            added: said,
            kept_out: kept_out.said_sv(),
            board_kept_out: !kept_out.boards.is_empty(),
        })
    }

    /// The places of a proposal whose files follow `offset` others.
    fn shift_files(&mut self, offset: usize) {
        let shift = |place: &mut Place| {
            if place.by_user != ByUser::Typed {
                place.file += offset;
            }
        };
        for found in [
            &mut self.reference,
            &mut self.title,
            &mut self.auditor,
            &mut self.organisation,
            &mut self.performed_by,
            &mut self.conclusion,
        ]
        .into_iter()
        .flatten()
        {
            shift(&mut found.place);
        }
        for found in [&mut self.report_date, &mut self.missiv_date]
            .into_iter()
            .flatten()
        {
            shift(&mut found.place);
        }
        for question in &mut self.questions {
            shift(&mut question.place);
        }
        for item in self.recommendations.iter_mut().chain(&mut self.assessments) {
            shift(&mut item.place);
        }
        for board in &mut self.boards {
            shift(&mut board.place);
            for found in [&mut board.first_deadline, &mut board.follow_up_deadline]
                .into_iter()
                .flatten()
            {
                shift(&mut found.place);
            }
            if let Some(found) = board.send_to.as_mut() {
                shift(&mut found.place);
            }
            if let Some(found) = board.follow_up_period.as_mut() {
                shift(&mut found.place);
            }
        }
    }
}

/// Merges a proposal into a case: what the case lacks is filled in; what the case has and the
/// proposal says otherwise is kept, unless `replace`; boards are matched by name and new
/// ones added; questions and items are only ever added (an item the case has, worded alike,
/// is not added again), since answers refer to them. Returns what was done, one line each.
pub fn merge_into(case: &mut Case, proposal: &Proposal, replace: bool) -> Vec<String> {
    let mut said = Vec::new();
    let texts = [
        (
            "Diarienummer",
            &proposal.reference,
            &mut case.audit.reference,
        ),
        ("Rubrik", &proposal.title, &mut case.audit.title),
        ("Avsändare", &proposal.auditor, &mut case.audit.auditor),
        (
            "Kommun eller organisation",
            &proposal.organisation,
            &mut case.organisation,
        ),
        (
            "Genomförd av",
            &proposal.performed_by,
            &mut case.audit.performed_by,
        ),
        (
            "Samlad bedömning",
            &proposal.conclusion,
            &mut case.audit.conclusion,
        ),
    ];
    for (label, found, field) in texts {
        merge_value(
            label,
            found.as_ref().map(|f| f.value.clone()),
            field,
            replace,
            &mut said,
        );
    }
    let dates = [
        (
            "Rapportens datum",
            &proposal.report_date,
            &mut case.audit.report_date,
        ),
        (
            "Missivets datum",
            &proposal.missiv_date,
            &mut case.audit.missiv_date,
        ),
    ];
    for (label, found, field) in dates {
        merge_date(
            label,
            found.as_ref().map(|f| f.value),
            field,
            replace,
            &mut said,
        );
    }
    for found in &proposal.boards {
        merge_board(case, found, replace, &mut said);
    }
    let ids_of = |names: &[String], case: &Case| -> Vec<String> {
        names
            .iter()
            .filter_map(|name| case.boards.iter().find(|b| same_name(&b.name, name)))
            .map(|b| b.id.clone())
            .collect()
    };
    let mut questions_added = 0;
    for question in &proposal.questions {
        let known = case
            .audit
            .questions
            .iter()
            .any(|q| same_item(&q.text, &question.value));
        if !known {
            let number = next_number(case.audit.questions.iter().map(|q| q.number));
            case.audit.questions.push(AuditQuestion {
                number,
                text: question.value.clone(),
            });
            questions_added += 1;
        }
    }
    let mut added = [0usize; 2];
    for (slot, kind, items) in [
        (0, ItemKind::Assessment, &proposal.assessments),
        (1, ItemKind::Recommendation, &proposal.recommendations),
    ] {
        for item in items {
            let addressees = ids_of(&item.addressees, case);
            let list = match kind {
                ItemKind::Assessment => &mut case.audit.assessments,
                ItemKind::Recommendation => &mut case.audit.recommendations,
            };
            if list.iter().any(|known| same_item(&known.text, &item.text)) {
                continue;
            }
            let number = next_number(list.iter().map(|i| i.number));
            list.push(AuditItem {
                number,
                text: item.text.clone(),
                addressees,
                section: item.section.clone(),
            });
            added[slot] += 1;
        }
    }
    let counts = [
        (
            questions_added,
            proposal.questions.len(),
            ("revisionsfråga", "revisionsfrågor"),
        ),
        (
            added[0],
            proposal.assessments.len(),
            ("bedömning", "bedömningar"),
        ),
        (
            added[1],
            proposal.recommendations.len(),
            ("rekommendation", "rekommendationer"),
        ),
    ];
    for (added, found, (one, many)) in counts {
        if found > 0 {
            let known = found - added;
            let added = count_sv(added, one, many);
            said.push(match known {
                0 => format!("{added} lades till."),
                known => format!(
                    "{added} lades till; {known} fanns redan i ärendet och lades inte till igen."
                ),
            });
        }
    }
    said
}

fn next_number(numbers: impl Iterator<Item = u32>) -> u32 {
    numbers.max().unwrap_or(0) + 1
}

fn merge_value(
    label: &str,
    found: Option<String>,
    field: &mut String,
    replace: bool,
    said: &mut Vec<String>,
) {
    let Some(value) = found.filter(|v| !v.trim().is_empty()) else {
        return;
    };
    if field.trim() == value.trim() {
        return;
    }
    if field.trim().is_empty() {
        *field = value;
        said.push(format!("{label} fylldes i."));
    } else if replace {
        said.push(format!("{label} ersattes (var «{}»).", quoted_start(field)));
        *field = value;
    } else {
        said.push(format!(
            "{label}: ärendets «{}» behölls (förslaget: «{}»).",
            quoted_start(field),
            quoted_start(&value)
        ));
    }
}

/// A value as a message quotes it: a long text (a samlad bedömning) by its first words.
fn quoted_start(text: &str) -> String {
    const WORDS: usize = 12;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

fn merge_date(
    label: &str,
    found: Option<Date>,
    field: &mut Option<Date>,
    replace: bool,
    said: &mut Vec<String>,
) {
    let Some(value) = found else {
        return;
    };
    match *field {
        Some(current) if current == value => {}
        None => {
            *field = Some(value);
            said.push(format!("{label} fylldes i."));
        }
        Some(current) if replace => {
            *field = Some(value);
            said.push(format!("{label} ersattes (var {current})."));
        }
        Some(current) => said.push(format!(
            "{label}: ärendets {current} behölls (förslaget: {value})."
        )),
    }
}

fn merge_board(case: &mut Case, found: &FoundBoard, replace: bool, said: &mut Vec<String>) {
    let index = match case
        .boards
        .iter()
        .position(|b| b.name.trim().eq_ignore_ascii_case(found.name.trim()))
    {
        Some(index) => index,
        None => {
            let id = case.unique_board_id(&found.name);
            case.boards.push(Board::new(&id, &found.name));
            case.responses.push(BoardResponse::new(&id));
            said.push(format!("{} lades till som nämnd.", found.name));
            case.boards.len() - 1
        }
    };
    let board = &mut case.boards[index];
    let name = board.name.clone();
    merge_date(
        &format!("{name}: sista dag för första yttrandet"),
        found.first_deadline.as_ref().map(|f| f.value),
        &mut board.first_deadline,
        replace,
        said,
    );
    merge_date(
        &format!("{name}: sista dag för uppföljande yttrandet"),
        found.follow_up_deadline.as_ref().map(|f| f.value),
        &mut board.follow_up_deadline,
        replace,
        said,
    );
    merge_value(
        &format!("{name}: adress för yttrandet"),
        found.send_to.as_ref().map(|f| f.value.clone()),
        &mut board.send_to,
        replace,
        said,
    );
    if board.follow_up_period.is_none() {
        board.follow_up_period = found.follow_up_period.as_ref().map(|f| f.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report_import::{recognise, SourceText};

    const MISSIV: &str = "Till:\nKommunstyrelsen\n\nGranskning av arkiv SR-2025-9\n\nDet första yttrandet ska inkomma senast 2025-05-30.\n\nRevisorskollegiet rekommenderar kommunstyrelsen att:\n• Ta fram en arkivplan\n• Utse en arkivansvarig\n";

    fn proposal() -> Proposal {
        recognise(&[SourceText::single_page("missiv.txt", MISSIV)])
    }

    #[test]
    fn corrections_change_the_proposal_and_a_renamed_board_keeps_its_items() {
        let mut proposal = proposal();
        let title_place = proposal.title.as_ref().map(|f| f.place).expect("title");
        assert_eq!(proposal.place_sv(title_place), "missiv.txt");
        let edits = [
            ProposalEdit::Text(ProposalText::Title, "Granskning av arkivet".into()),
            ProposalEdit::BoardName {
                index: 0,
                name: "Kommunstyrelsen i Ystad".into(),
            },
            ProposalEdit::Text(ProposalText::PerformedBy, "EY".into()),
        ];
        for edit in edits {
            assert_eq!(proposal.apply(edit), Ok(None));
        }
        let title = proposal.title.clone().expect("title");
        assert_eq!(title.value, "Granskning av arkivet");
        assert_eq!(
            proposal.place_sv(title.place),
            "ändrat av dig (hittades i missiv.txt)",
            "an edited value says so, and where it was found"
        );
        assert_eq!(proposal.performed_by.as_ref().map(|f| f.place), Some(TYPED));
        assert_eq!(proposal.place_sv(TYPED), "ifyllt av dig");
        assert_eq!(
            proposal.recommendations[1].addressees,
            ["Kommunstyrelsen i Ystad"]
        );
    }

    #[test]
    fn a_found_text_rewritten_and_a_date_changed_are_marked_and_one_left_alone_is_not() {
        let mut proposal = recognise(&[SourceText::paged(
            "missiv.pdf",
            vec![
                vec!["Till:".into(), "Kommunstyrelsen".into()],
                MISSIV.lines().skip(3).map(str::to_string).collect(),
            ],
        )]);
        let deadline = proposal.boards[0].first_deadline.clone().expect("deadline");
        assert_eq!(proposal.place_sv(deadline.place), "missiv.pdf, sida 2");
        proposal
            .apply(ProposalEdit::FirstDeadline {
                index: 0,
                date: Some(deadline.value),
            })
            .expect("same date");
        assert_eq!(proposal.boards[0].first_deadline, Some(deadline.clone()));
        proposal
            .apply(ProposalEdit::FirstDeadline {
                index: 0,
                date: Date::parse("2025-06-13"),
            })
            .expect("new date");
        let changed = proposal.boards[0].first_deadline.clone().expect("date");
        assert_eq!(
            proposal.place_sv(changed.place),
            "ändrat av dig (hittades i missiv.pdf, sida 2)"
        );
        let found_text = proposal.recommendations[0].text.clone();
        proposal
            .apply(ProposalEdit::Item {
                kind: ItemKind::Recommendation,
                index: 0,
                text: "Ta fram en arkivplan för hela förvaltningen".into(),
            })
            .expect("reworded");
        assert!(matches!(
            proposal.recommendations[0].place.by_user,
            ByUser::Changed { .. }
        ));
        assert_eq!(proposal.recommendations[1].place.by_user, ByUser::Nothing);
        // Written back as it was found, a value is no longer a change.
        proposal
            .apply(ProposalEdit::Item {
                kind: ItemKind::Recommendation,
                index: 0,
                text: found_text,
            })
            .expect("written back");
        assert_eq!(proposal.recommendations[0].place.by_user, ByUser::Nothing);
        proposal
            .apply(ProposalEdit::FirstDeadline {
                index: 0,
                date: Some(deadline.value),
            })
            .expect("date back");
        let date = proposal.boards[0].first_deadline.clone().expect("date");
        assert_eq!(proposal.place_sv(date.place), "missiv.pdf, sida 2");
    }

    #[test]
    fn boards_questions_and_items_the_files_lacked_are_added_and_a_removed_board_takes_its_own_items(
    ) {
        let mut proposal = proposal();
        assert_eq!(
            proposal.apply(ProposalEdit::AddBoard("  ".into())),
            Err("Skriv nämndens namn.".to_string())
        );
        assert_eq!(
            proposal.apply(ProposalEdit::AddBoard("kommunstyrelsen".into())),
            Err("Förslaget har redan en nämnd som heter kommunstyrelsen.".to_string())
        );
        proposal
            .apply(ProposalEdit::AddBoard("Servicenämnden".into()))
            .expect("added");
        assert_eq!(proposal.boards[1].place, TYPED);
        proposal
            .apply(ProposalEdit::AddQuestion("Finns en arkivplan?".into()))
            .expect("question");
        assert_eq!(proposal.questions.last().map(|q| q.place), Some(TYPED));
        proposal
            .apply(ProposalEdit::AddItem {
                kind: ItemKind::Assessment,
                text: "Arkivet saknar en plan.".into(),
            })
            .expect("assessment");
        assert!(
            proposal.assessments[0].addressees.is_empty(),
            "with two boards, the user picks"
        );
        proposal
            .apply(ProposalEdit::Addressed {
                kind: ItemKind::Assessment,
                index: 0,
                board: "Servicenämnden".into(),
                addressed: true,
            })
            .expect("addressed");
        proposal
            .apply(ProposalEdit::Addressed {
                kind: ItemKind::Recommendation,
                index: 1,
                board: "Servicenämnden".into(),
                addressed: true,
            })
            .expect("addressed");
        // Renaming into another board's name would merge their items for good.
        let before = proposal.clone();
        assert_eq!(
            proposal.apply(ProposalEdit::BoardName {
                index: 1,
                name: "Kommunstyrelsen ".into()
            }),
            Err("Förslaget har redan en nämnd som heter Kommunstyrelsen.".to_string())
        );
        assert_eq!(proposal, before);
        // Emptied while retyped: allowed, but the proposal cannot be accepted so.
        proposal
            .apply(ProposalEdit::BoardName {
                index: 1,
                name: String::new(),
            })
            .expect("emptied");
        assert_eq!(
            proposal.unfinished().as_deref(),
            Some("Nämnd 2 i förslaget saknar namn. Skriv in namnet, eller ta bort nämnden.")
        );
        proposal
            .apply(ProposalEdit::BoardName {
                index: 1,
                name: "Servicenämnden".into(),
            })
            .expect("named");
        assert_eq!(proposal.unfinished(), None);
        assert_eq!(proposal.items_only_to("Kommunstyrelsen"), (0, 1));
        assert_eq!(
            proposal.apply(ProposalEdit::RemoveBoard(0)),
            Ok(Some(
                "Kommunstyrelsen togs bort ur förslaget, och med den 1 rekommendation som bara riktades till Kommunstyrelsen."
                    .to_string()
            ))
        );
        assert_eq!(proposal.recommendations.len(), 1);
        assert_eq!(proposal.recommendations[0].addressees, ["Servicenämnden"]);
        assert_eq!(proposal.assessments[0].addressees, ["Servicenämnden"]);
        // An item addressed to no board would be answered by none: said, before accepting.
        for addressed in [false, true] {
            let board = "Servicenämnden".to_string();
            let edit = |kind| ProposalEdit::Addressed {
                kind,
                index: 0,
                board: board.clone(),
                addressed,
            };
            proposal
                .apply(edit(ItemKind::Recommendation))
                .expect("addressed");
            if !addressed {
                assert_eq!(
                    proposal.unfinished().as_deref(),
                    Some("Rekommendation 1 är inte riktad till någon nämnd. Kryssa i nämnden som ska svara på den, eller ta bort den.")
                );
                proposal
                    .apply(edit(ItemKind::Assessment))
                    .expect("addressed");
                assert_eq!(
                    proposal.unfinished().as_deref(),
                    Some("Bedömning 1 och Rekommendation 1 är inte riktade till någon nämnd. Kryssa i nämnden som ska svara på var och en, eller ta bort dem.")
                );
            } else {
                proposal
                    .apply(edit(ItemKind::Assessment))
                    .expect("addressed");
                assert_eq!(proposal.unfinished(), None);
            }
        }
        let case = proposal.to_case();
        assert_eq!(case.audit.questions.len(), 1);
        assert_eq!(
            case.audit.assessments[0].addressees,
            [case.boards[0].id.clone()]
        );
        // Added back, Kommunstyrelsen answers again what it shared and what it took with it.
        let said = proposal
            .apply(ProposalEdit::AddBoard("Kommunstyrelsen".into()))
            .expect("added back")
            .expect("said");
        assert!(
            said.ends_with("och riktas åter till 1 punkt som den delade med andra nämnder."),
            "{said}"
        );
        let addressees: Vec<Vec<String>> = proposal
            .assessments
            .iter()
            .chain(&proposal.recommendations)
            .map(|item| item.addressees.clone())
            .collect();
        assert_eq!(addressees.len(), 3, "{addressees:?}");
        assert!(
            addressees
                .iter()
                .any(|a| a == &["Servicenämnden", "Kommunstyrelsen"]),
            "{addressees:?}"
        );
        assert!(
            addressees.iter().any(|a| a == &["Kommunstyrelsen"]),
            "{addressees:?}"
        );
    }

    #[test]
    fn a_file_added_later_fills_what_is_missing_and_keeps_every_correction() {
        let report = recognise(&[SourceText::single_page(
            "rapport.txt",
            "Granskning av arkiv\n\nVi rekommenderar kommunstyrelsen att:\n• Ta fram en arkivplan\n",
        )]);
        let mut proposal = report;
        proposal
            .apply(ProposalEdit::Text(
                ProposalText::Title,
                "Granskning av arkivet".into(),
            ))
            .expect("corrected");
        let said = proposal
            .absorb(super::super::recognise(&[SourceText::single_page(
                "missiv.txt",
                MISSIV,
            )]))
            .expect("absorbed");
        assert_eq!(
            proposal.title.as_ref().map(|f| f.value.as_str()),
            Some("Granskning av arkivet")
        );
        assert_eq!(
            proposal
                .reference
                .as_ref()
                .map(|f| (f.value.as_str(), f.place.file)),
            Some(("SR-2025-9", 1))
        );
        assert_eq!(
            proposal.boards[0].first_deadline.as_ref().map(|f| f.value),
            Date::parse("2025-05-30")
        );
        assert_eq!(
            proposal.recommendations.len(),
            2,
            "the one alike is not added again"
        );
        assert_eq!(
            said.added,
            [
                "diarienummer",
                "avsändare",
                "Kommunstyrelsens sista dagar",
                "1 rekommendation"
            ]
        );
        assert_eq!(said.kept_out, None);
        assert_eq!(proposal.files, ["rapport.txt", "missiv.txt"]);
    }

    #[test]
    fn what_the_user_took_out_is_not_brought_back_by_a_file_read_later() {
        const TWO_BOARDS: &str = "Till:\nKommunstyrelsen\nServicenämnden\n\nGranskning av arkiv SR-2025-9\n\nRevisorskollegiet rekommenderar servicenämnden att:\n• Gallra e-posten\n\nRevisorskollegiet rekommenderar kommunstyrelsen att:\n• Ta fram en arkivplan\n• Utse en arkivansvarig\n\nRevisionsfrågor:\n• Finns en arkivplan?\n";
        let read = |name: &str| recognise(&[SourceText::single_page(name, TWO_BOARDS)]);
        let mut proposal = read("missiv.txt");
        assert_eq!(proposal.boards.len(), 2);
        assert_eq!(proposal.recommendations.len(), 3);
        let servicenamnden = proposal
            .boards
            .iter()
            .position(|b| b.name == "Servicenämnden")
            .expect("board");
        proposal
            .apply(ProposalEdit::RemoveBoard(servicenamnden))
            .expect("removed");
        let plan = proposal
            .recommendations
            .iter()
            .position(|item| item.text == "Ta fram en arkivplan")
            .expect("item");
        proposal
            .apply(ProposalEdit::RemoveItem {
                kind: ItemKind::Recommendation,
                index: plan,
            })
            .expect("removed");
        let questions = proposal.questions.len();
        if questions > 0 {
            proposal
                .apply(ProposalEdit::RemoveQuestion(0))
                .expect("removed");
        }
        let before = (
            proposal.boards.clone(),
            proposal.recommendations.clone(),
            proposal.questions.clone(),
        );
        // The same text again, under another name (the report after the missiv).
        let said = proposal
            .absorb(read("SERVICENÄMNDEN.txt"))
            .expect("absorbed");
        assert_eq!(
            (
                proposal.boards.clone(),
                proposal.recommendations.clone(),
                proposal.questions.clone()
            ),
            before
        );
        let questions = if questions > 0 {
            ", 1 revisionsfråga"
        } else {
            ""
        };
        assert_eq!(
            said.kept_out.as_deref().map(|s| s.replace(" och ", ", ")),
            Some(format!("Servicenämnden{questions}, 2 rekommendationer"))
        );
        // Added again by hand, a board comes back as it was, with what went with it.
        assert_eq!(
            proposal.apply(ProposalEdit::AddBoard("servicenämnden".into())),
            Ok(Some("servicenämnden lades tillbaka som den var när den togs bort, med 1 rekommendation som bara riktades till den.".into()))
        );
        assert!(proposal
            .recommendations
            .iter()
            .any(|item| item.text == "Gallra e-posten" && item.addressees == ["servicenämnden"]));
        let said = proposal.absorb(read("igen.txt")).expect("absorbed");
        assert!(
            said.added.iter().all(|s| !s.contains("rekommendation")),
            "{said:?}"
        );
        assert_eq!(
            said.kept_out.as_deref(),
            Some("1 revisionsfråga och 1 rekommendation")
        );
    }

    #[test]
    fn merging_fills_what_is_missing_keeps_what_differs_and_adds_only_new_items() {
        let mut case = proposal().to_case();
        case.audit.title = "Arkivgranskningen".into();
        case.audit.recommendations.truncate(1);
        case.boards[0].first_deadline = None;
        let said = merge_into(&mut case, &proposal(), false);
        assert_eq!(case.audit.title, "Arkivgranskningen");
        assert_eq!(case.audit.recommendations.len(), 2);
        assert_eq!(case.audit.recommendations[1].number, 2);
        assert_eq!(case.boards[0].first_deadline, Date::parse("2025-05-30"));
        assert_eq!(
            said,
            [
                "Rubrik: ärendets «Arkivgranskningen» behölls (förslaget: «Granskning av arkiv»).",
                "Kommunstyrelsen: sista dag för första yttrandet fylldes i.",
                "1 rekommendation lades till; 1 fanns redan i ärendet och lades inte till igen.",
            ]
        );
        let said = merge_into(&mut case, &proposal(), true);
        assert_eq!(case.audit.title, "Granskning av arkiv");
        assert_eq!(said[0], "Rubrik ersattes (var «Arkivgranskningen»).");
    }
}
