//! `generator/exports.txt` is the one list of the generator's exports. Each function is written
//! once there, and everything else that names them is held to it here: the `#[wasm_bindgen]`
//! functions of `generator/src`, the calls in the app's loader (`frontend/src/platform/generator.rs`)
//! and in the browser benchmark (`tests/e2e/*.mjs`), and the single-file build
//! (`scripts/single_file.py`), which reads the list itself.

use std::collections::BTreeMap;

use crate::support::{repo_file, repo_root};

/// One export: its name, its parameters, and whether it is of the interface from before
/// issue 10 (`old`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Export {
    name: String,
    parameters: Vec<String>,
    old: bool,
}

/// The list as written in `generator/exports.txt`.
fn listed() -> Vec<Export> {
    repo_file("generator/exports.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (old, signature) = match line.strip_prefix("old ") {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let (name, parameters) = signature
                .split_once('(')
                .unwrap_or_else(|| panic!("exports.txt: «{line}» is not name(parameters)"));
            Export {
                name: name.trim().to_string(),
                parameters: split_list(parameters.trim_end_matches(')')),
                old,
            }
        })
        .collect()
}

/// "a, b: &str, c" → ["a", "b", "c"]: the names before any type.
fn split_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(|item| {
            item.split(':')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// The text up to the first `close`.
fn up_to(text: &str, close: char) -> &str {
    text.split(close).next().unwrap_or_default()
}

/// Every `#[wasm_bindgen] pub fn name(parameters)` in the Rust sources, by name.
fn exported_by(sources: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut exported = BTreeMap::new();
    for source in sources {
        for after in source.split("#[wasm_bindgen]").skip(1) {
            let Some(signature) = after.trim_start().strip_prefix("pub fn ") else {
                continue;
            };
            let (name, rest) = signature
                .split_once('(')
                .expect("a function has parameters");
            exported.insert(name.trim().to_string(), split_list(up_to(rest, ')')));
        }
    }
    exported
}

fn generator_sources() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(repo_root().join("generator/src"))
        .expect("generator/src")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("source readable"))
        .collect()
}

/// Every generator function the app's loader calls, `(await load()).name(arguments)`, with
/// the number of arguments it passes.
fn called_by_app(loader: &str) -> BTreeMap<String, usize> {
    calls_after(loader, "(await load()).")
}

/// Every `{prefix}name(arguments)` in JavaScript, with the number of arguments.
fn calls_after(script: &str, prefix: &str) -> BTreeMap<String, usize> {
    script
        .split(prefix)
        .skip(1)
        .filter_map(|call| {
            let (name, rest) = call.split_once('(')?;
            let is_name = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            is_name.then(|| (name.to_string(), argument_count(rest)))
        })
        .collect()
}

/// The number of arguments of a call, from just after its `(`: commas outside strings and
/// brackets, up to the `)` that closes the call.
fn argument_count(arguments: &str) -> usize {
    let (mut depth, mut quote, mut commas, mut any) = (0, None, 0, false);
    for c in arguments.chars() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')') if depth == 0 => break,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => commas += 1,
            _ => {}
        }
        any |= !c.is_whitespace();
    }
    if any {
        commas + 1
    } else {
        0
    }
}

/// What is wrong between the app's loader and the list; empty when they agree.
///
/// The loader may call only listed functions, each with its listed parameters. While it still
/// calls an `old` function it has not switched, and may leave new ones uncalled; once it calls
/// none, it must call every export, and the `old` ones must go.
fn app_problems(loader: &str, exports: &[Export]) -> Vec<String> {
    let calls = called_by_app(loader);
    let mut problems = Vec::new();
    for (name, arguments) in &calls {
        match exports.iter().find(|export| &export.name == name) {
            None => problems.push(format!("the app calls {name}, which is not exported")),
            Some(export) if export.parameters.len() != *arguments => problems.push(format!(
                "the app calls {name} with {arguments} arguments; exports.txt gives {:?}",
                export.parameters
            )),
            Some(_) => {}
        }
    }
    let switched = !exports
        .iter()
        .any(|export| export.old && calls.contains_key(&export.name));
    if switched {
        for export in exports {
            if export.old {
                problems.push(format!(
                    "the app no longer calls the old {}: delete it (see exports.txt)",
                    export.name
                ));
            } else if !calls.contains_key(&export.name) {
                problems.push(format!("the app never calls {}", export.name));
            }
        }
    }
    problems
}

#[test]
fn the_generator_exports_exactly_the_listed_functions() {
    let listed: BTreeMap<String, Vec<String>> = listed()
        .into_iter()
        .map(|export| (export.name, export.parameters))
        .collect();
    assert!(listed.contains_key("make_document"), "{listed:?}");
    assert_eq!(exported_by(&generator_sources()), listed);
}

#[test]
fn the_app_calls_the_generator_as_listed() {
    let problems = app_problems(&repo_file("frontend/src/platform/generator.rs"), &listed());
    assert!(
        problems.is_empty(),
        "frontend/src/platform/generator.rs: {problems:#?}"
    );
}

/// The browser benchmark imports the generator itself, as `generator`, and calls it directly.
#[test]
fn the_browser_tests_call_only_listed_functions() {
    let exports = listed();
    let folder = repo_root().join("tests/e2e");
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&folder).expect("tests/e2e") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|ext| ext != "mjs") {
            continue;
        }
        let script = std::fs::read_to_string(&path).expect("script readable");
        for (name, arguments) in calls_after(&script, "generator.") {
            if name == "default" {
                continue; // the module's initialiser
            }
            match exports.iter().find(|export| export.name == name) {
                Some(export) if export.parameters.len() == arguments => {}
                _ => problems.push(format!(
                    "{}: generator.{name} with {arguments} arguments is not in exports.txt",
                    path.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_single_file_build_hands_over_the_listed_functions_and_no_others() {
    let script = repo_file("scripts/single_file.py");
    assert!(script.contains("\"exports.txt\""), "it reads the list");
    let named: Vec<String> = listed()
        .into_iter()
        .map(|export| export.name)
        .filter(|name| script.contains(name.as_str()))
        .collect();
    assert!(
        named.is_empty(),
        "scripts/single_file.py names {named:?} itself instead of reading exports.txt"
    );
}

/// The rule for the app's loader, on small loaders: before, during and after the switch.
#[test]
fn the_app_rule_follows_the_switch_from_the_old_exports() {
    let exports = [
        (
            "make_document",
            &["case_json", "request_json", "today"][..],
            false,
        ),
        ("extract_case", &["docx"][..], false),
        ("render_calendar", &["case_json", "today"][..], true),
    ]
    .map(|(name, parameters, old)| Export {
        name: name.to_string(),
        parameters: parameters.iter().map(|p| p.to_string()).collect(),
        old,
    });
    let before =
        "(await load()).render_calendar(caseJson, today); (await load()).extract_case(bytes)";
    assert_eq!(app_problems(before, &exports), Vec::<String>::new());
    let after = "(await load()).make_document(caseJson, requestJson, today); (await load()).extract_case(bytes)";
    assert_eq!(
        app_problems(after, &exports),
        ["the app no longer calls the old render_calendar: delete it (see exports.txt)"]
    );
    assert_eq!(
        app_problems(after, &exports[..2]),
        Vec::<String>::new(),
        "switched and tidied"
    );
    let wrong = "(await load()).make_document(caseJson, today); (await load()).render(x)";
    assert_eq!(
        app_problems(wrong, &exports[..2]),
        [
            "the app calls make_document with 2 arguments; exports.txt gives [\"case_json\", \"request_json\", \"today\"]",
            "the app calls render, which is not exported",
            "the app never calls extract_case",
        ]
    );
}

#[test]
fn arguments_are_counted_outside_strings_and_brackets() {
    assert_eq!(argument_count(")"), 0);
    assert_eq!(argument_count("  ) + 1"), 0);
    assert_eq!(argument_count("caseJson, today)"), 2);
    assert_eq!(
        argument_count(
            r#"caseJson, '{"document":{"board":"ks","kind":"first"}}', f(a, b), '2025-03-01')"#
        ),
        4
    );
}
