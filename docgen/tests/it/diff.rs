//! A small unified line diff for the golden files, so a failing comparison shows what changed
//! instead of only which file is stale.

/// How many unchanged lines stand around each change.
const CONTEXT: usize = 3;
/// Beyond this many lines between the first and last change, the changed middle is shown as
/// removed and added whole instead of being matched line by line (the table grows quadratically).
const MATCHED_LINES: usize = 4_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// One line of the diff with its 1-based line numbers in the old and new text (for an added
/// line, the old line it comes before; for a removed one, the new line it comes before).
struct Line<'a> {
    op: Op,
    text: &'a str,
    old: usize,
    new: usize,
}

/// The unified diff from `old` to `new`, `---`/`+++` headers first; empty when they are equal.
pub fn unified(old_name: &str, new_name: &str, old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let lines = diff_lines(&old_lines, &new_lines);
    if lines.iter().all(|line| line.op == Op::Same) {
        return String::new();
    }
    let mut text = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(&lines) {
        text.push_str(&hunk_text(&lines[hunk]));
    }
    text
}

fn diff_lines<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<Line<'a>> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let middle = middle_ops(
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let ops = std::iter::repeat_n(Op::Same, prefix)
        .chain(middle)
        .chain(std::iter::repeat_n(Op::Same, suffix));
    let (mut old_index, mut new_index) = (0, 0);
    let mut lines = Vec::new();
    for op in ops {
        let text = match op {
            Op::Added => new[new_index],
            Op::Same | Op::Removed => old[old_index],
        };
        lines.push(Line {
            op,
            text,
            old: old_index + 1,
            new: new_index + 1,
        });
        if op != Op::Added {
            old_index += 1;
        }
        if op != Op::Removed {
            new_index += 1;
        }
    }
    lines
}

/// The operations that turn `old` into `new`, keeping a longest common subsequence.
fn middle_ops(old: &[&str], new: &[&str]) -> Vec<Op> {
    if old.len().max(new.len()) > MATCHED_LINES {
        return [Op::Removed]
            .repeat(old.len())
            .into_iter()
            .chain([Op::Added].repeat(new.len()))
            .collect();
    }
    // common[i][j]: the length of the longest common subsequence of old[i..] and new[j..].
    let width = new.len() + 1;
    let mut common = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * width + j] = if old[i] == new[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(old.len() + new.len());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if j == new.len()
            || (i < old.len() && common[(i + 1) * width + j] >= common[i * width + j + 1])
        {
            ops.push(Op::Removed);
            i += 1;
        } else {
            ops.push(Op::Added);
            j += 1;
        }
    }
    ops
}

/// The ranges of lines to show: every change with its context, nearby changes joined.
fn hunks(lines: &[Line<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (index, _) in lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.op != Op::Same)
    {
        let start = index.saturating_sub(CONTEXT);
        let end = (index + CONTEXT + 1).min(lines.len());
        match ranges.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => ranges.push(start..end),
        }
    }
    ranges
}

fn hunk_text(lines: &[Line<'_>]) -> String {
    let old_count = lines.iter().filter(|line| line.op != Op::Added).count();
    let new_count = lines.iter().filter(|line| line.op != Op::Removed).count();
    let mut text = format!(
        "@@ -{},{old_count} +{},{new_count} @@\n",
        lines[0].old, lines[0].new
    );
    for line in lines {
        let marker = match line.op {
            Op::Same => ' ',
            Op::Removed => '-',
            Op::Added => '+',
        };
        text.push(marker);
        text.push_str(line.text);
        text.push('\n');
    }
    text
}

#[test]
fn equal_texts_have_no_diff() {
    assert_eq!(unified("a", "b", "x\ny\n", "x\ny\n"), "");
}

#[test]
fn a_change_is_shown_with_its_context_and_line_numbers() {
    let old: String = (1..=15).map(|n| format!("{n}\n")).collect();
    let new = old.replace("\n5\n", "\nfem\n") + "16\n";
    assert_eq!(
        unified("golden", "rendered", &old, &new),
        "--- golden\n+++ rendered\n\
         @@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+fem\n 6\n 7\n 8\n\
         @@ -13,3 +13,4 @@\n 13\n 14\n 15\n+16\n"
    );
}

#[test]
fn changes_close_together_share_a_hunk() {
    let old = "a\nb\nc\nd\ne\n";
    let new = "a\nB\nc\nD\ne\n";
    assert_eq!(
        unified("o", "n", old, new),
        "--- o\n+++ n\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n-d\n+D\n e\n"
    );
}

#[test]
fn lines_only_added_or_only_removed() {
    assert_eq!(
        unified("o", "n", "", "x\n"),
        "--- o\n+++ n\n@@ -1,0 +1,1 @@\n+x\n"
    );
    assert_eq!(
        unified("o", "n", "x\ny\n", "y\n"),
        "--- o\n+++ n\n@@ -1,2 +1,1 @@\n-x\n y\n"
    );
}
