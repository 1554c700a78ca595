//! A report read into a proposal, being checked before it becomes a case or goes into the open
//! one: the files read, the proposal as the user corrects it, and where it goes.

use schemas::report_import::{merge_into, Proposal, ProposalEdit, SourceText};

/// The proposal being checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportDraft {
    /// The files read, in order; a file added later is read together with them.
    pub sources: Vec<SourceText>,
    pub proposal: Proposal,
    /// The case the proposal goes into; `None`: a new case.
    pub into_case: Option<String>,
    /// Whether the user has corrected the proposal (reading another file starts it anew).
    pub edited: bool,
    /// Into an existing case: whether what the case has is replaced by the proposal's.
    pub replace: bool,
}

/// What the user does with a report being read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportAction {
    /// Files were read (text from a PDF, a Word document or a paste) and recognised: a new
    /// proposal, or the open one read again with them added (`sources` are then all the files).
    /// Recognition runs in the generator module, so that the first screen does not carry it.
    Read {
        sources: Vec<SourceText>,
        proposal: Box<Proposal>,
        into_case: Option<String>,
        /// Files picked with them that could not be read, each as «name»: why. The others are
        /// read all the same, and the message names these.
        unread: Vec<String>,
    },
    /// More files read into the open proposal (the missiv after the report): what they found
    /// fills only what the proposal lacks, so corrections are kept.
    More {
        sources: Vec<SourceText>,
        proposal: Box<Proposal>,
        unread: Vec<String>,
    },
    Edit(ProposalEdit),
    Replace(bool),
    /// The proposal goes into the open case (see `schemas::report_import::merge_into`).
    FillOpenCase,
    /// The proposal became a new case, which the app opens.
    Done,
    Cancel,
    /// A file could not be read; nothing changes but the message.
    Failed(String),
}

impl ReportDraft {
    /// A draft of the sources read, or why there is none: nothing in them looks like an audit.
    pub fn read(
        sources: Vec<SourceText>,
        proposal: Proposal,
        into_case: Option<String>,
    ) -> Result<ReportDraft, String> {
        if let Some(reason) = &proposal.refused {
            return Err(format!("{reason} Inget har ändrats."));
        }
        if proposal.is_empty() {
            let names: Vec<String> = sources.iter().map(|s| format!("«{}»", s.name)).collect();
            return Err(format!(
                "{} ser inte ut som en granskningsrapport eller ett missiv: ingen rubrik, inga rekommendationer och inga nämnder hittades. Inget har ändrats.",
                names.join(" och ")
            ));
        }
        Ok(ReportDraft {
            sources,
            proposal,
            into_case,
            edited: false,
            replace: false,
        })
    }

    /// Adds files read later; a file read already is not read again. Says what was added.
    pub fn add(&mut self, sources: Vec<SourceText>, proposal: Proposal) -> Result<String, String> {
        let names: Vec<String> = sources.iter().map(|s| format!("«{}»", s.name)).collect();
        if sources
            .iter()
            .all(|source| self.sources.iter().any(|known| known.name == source.name))
        {
            return Err(format!("{} är redan inläst.", names.join(" och ")));
        }
        let absorbed = self.proposal.absorb(proposal)?;
        self.sources.extend(sources);
        let read = names.join(" och ");
        let mut said = if absorbed.added.is_empty() {
            format!("{read} lästes in; förslaget hade redan allt som stod där.")
        } else {
            format!(
                "{read} lästes in och förslaget fick: {}. Dina ändringar finns kvar.",
                absorbed.added.join(", ")
            )
        };
        if let Some(kept_out) = absorbed.kept_out {
            said.push_str(&format!(
                " Det du har tagit bort lades inte till igen: {kept_out}."
            ));
        }
        if absorbed.board_kept_out {
            said.push_str(" En nämnd du lägger till igen kommer tillbaka som den var.");
        }
        Ok(said)
    }

    /// When the proposal goes into the case `id` and names another audit (another diarienummer)
    /// than the case has, the user is asked to check the files first.
    pub fn warn_if_another_audit(&mut self, id: &str, case: &schemas::Case) {
        if self.into_case.as_deref() != Some(id) {
            return;
        }
        let (Some(found), ours) = (&self.proposal.reference, case.audit.reference.trim()) else {
            return;
        };
        // "SR 2020-83" and "sr-2020-83" are one diarienummer.
        let plain = |reference: &str| -> String {
            reference
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect()
        };
        if !ours.is_empty() && plain(&found.value) != plain(ours) {
            self.proposal.warnings.push(format!(
                "Ärendet gäller {ours}, men filerna gäller {}: kontrollera att du har valt missivet och rapporten till den här granskningen.",
                found.value.trim()
            ));
        }
    }

    /// Merges the proposal into `case` and says what was done.
    pub fn fill(&self, case: &mut schemas::Case) -> Vec<String> {
        merge_into(case, &self.proposal, self.replace)
    }
}

/// What is said when none of the files picked could be read: each by name with its reason.
pub fn none_read_sv(unread: &[String]) -> String {
    format!("{}\nInget har ändrats.", unread.join("\n"))
}

/// What is said of files that could not be read while others were: each by name with its
/// reason, and that the proposal is of the others alone.
pub fn unread_sv(unread: &[String]) -> Option<String> {
    if unread.is_empty() {
        return None;
    }
    let them = if unread.len() == 1 {
        "Den filen"
    } else {
        "De filerna"
    };
    // One file a line: several reasons run together are hard to tell apart.
    Some(format!(
        "{}\n{them} är inte med i förslaget; de andra filerna lästes in.",
        unread.join("\n")
    ))
}
