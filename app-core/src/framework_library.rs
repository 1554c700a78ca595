//! The frameworks kept in this browser (a municipality's guideline, each version of it), so a
//! framework imported once is chosen again for the next asset or the next year without the
//! file. Kept by identity and version: importing a version again replaces the copy kept.

use schemas::Framework;

/// The key a framework is kept under: its id and version together, so two versions of a
/// guideline are both kept and the same version imported again replaces the first.
pub fn key(framework: &Framework) -> String {
    format!("{}@{}", framework.id, framework.version.trim())
}

/// "Riktlinje för informationssäkerhet, version 2026 (319 krav)".
pub fn label_sv(framework: &Framework) -> String {
    let version = match framework.version.trim() {
        "" => String::new(),
        version => format!(", version {version}"),
    };
    format!(
        "{}{version} ({})",
        framework.title.trim(),
        schemas::wording::count_sv(framework.requirement_count(), "krav", "krav")
    )
}

/// The library with `framework` kept: a copy under the same key replaced in its place, a new
/// one added; sorted by title, then version, so versions stand together.
pub fn keep(library: &mut Vec<Framework>, framework: Framework) {
    match library.iter_mut().find(|kept| key(kept) == key(&framework)) {
        Some(kept) => *kept = framework,
        None => library.push(framework),
    }
    sort(library);
}

pub fn sort(library: &mut [Framework]) {
    library.sort_by(|a, b| {
        (a.title.to_lowercase(), a.version.clone())
            .cmp(&(b.title.to_lowercase(), b.version.clone()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework(id: &str, title: &str, version: &str) -> Framework {
        let mut framework = Framework::new(id, title);
        framework.version = version.into();
        framework
    }

    #[test]
    fn versions_are_kept_apart_and_the_same_version_is_replaced() {
        let mut library = Vec::new();
        keep(&mut library, framework("riktlinje", "Riktlinje", "2026"));
        keep(&mut library, framework("annan", "Annan", ""));
        keep(&mut library, framework("riktlinje", "Riktlinje", "2025"));
        let mut again = framework("riktlinje", "Riktlinje", "2026");
        again.source = "Ny fil".into();
        keep(&mut library, again);
        let keys: Vec<String> = library.iter().map(key).collect();
        assert_eq!(keys, ["annan@", "riktlinje@2025", "riktlinje@2026"]);
        assert_eq!(library[2].source, "Ny fil");
        assert_eq!(label_sv(&library[2]), "Riktlinje, version 2026 (0 krav)");
    }
}
