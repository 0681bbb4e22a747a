//! Every message key exists in every locale, every .ftl file parses, and every key the code
//! and templates use exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LOCALES: [&str; 4] = ["ar", "fr", "zgh", "en"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Message and term ids defined in one .ftl file (entries start at column 0).
fn keys_of(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap();
    if let Err((_, errors)) = fluent_templates::fluent_bundle::FluentResource::try_new(text.clone())
    {
        panic!("{} does not parse: {errors:?}", path.display());
    }
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// file name → keys, for one locale.
fn locale_files(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("locales").join(locale);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                keys_of(&p),
            )
        })
        .collect()
}

#[test]
fn every_key_exists_in_every_locale() {
    let all: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> =
        LOCALES.iter().map(|l| (*l, locale_files(l))).collect();
    let mut problems = Vec::new();
    let files: BTreeSet<&String> = all.values().flat_map(|f| f.keys()).collect();
    for file in files {
        let union: BTreeSet<&String> = all.values().filter_map(|f| f.get(file)).flatten().collect();
        for locale in LOCALES {
            match all[locale].get(file) {
                None => problems.push(format!("locales/{locale}/{file} is missing")),
                Some(keys) => {
                    for k in &union {
                        if !keys.contains(*k) {
                            problems.push(format!("locales/{locale}/{file}: missing `{k}`"));
                        }
                    }
                }
            }
        }
    }
    // A key defined in two files would shadow the other.
    for locale in LOCALES {
        let mut seen = BTreeMap::new();
        for (file, keys) in &all[locale] {
            for k in keys {
                if let Some(other) = seen.insert(k.clone(), file.clone()) {
                    problems.push(format!(
                        "locales/{locale}: `{k}` is in both {other} and {file}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "locale problems:\n{}",
        problems.join("\n")
    );
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// String literals in `text` that look like message keys of a known module
/// (`<module>-word-word`, where `<module>.ftl` exists).
fn used_keys(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for piece in text.split('"').skip(1).step_by(2) {
        let looks_like_key = piece.contains('-')
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !piece.ends_with('-')
            && piece.split('-').next().is_some_and(|m| modules.contains(m));
        if looks_like_key {
            keys.insert(piece.to_string());
        }
    }
    keys
}

#[test]
fn every_key_used_in_code_and_templates_exists() {
    let en = locale_files("en");
    let modules: BTreeSet<String> = en
        .keys()
        .map(|f| f.trim_end_matches(".ftl").to_string())
        .collect();
    let defined: BTreeSet<&String> = en.values().flatten().collect();
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    files_under(&root().join("templates"), "html", &mut files);
    let mut missing = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for key in used_keys(&text, &modules) {
            if !defined.contains(&key) {
                missing.push(format!(
                    "{}: `{key}`",
                    f.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys used but not defined:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_key_scanner_finds_keys() {
    let modules: BTreeSet<String> = ["platform".to_string()].into();
    let found = used_keys(
        r#"page.t("platform-name") "platform-" "other-key" "platform-x-1""#,
        &modules,
    );
    assert_eq!(
        found,
        ["platform-name".to_string(), "platform-x-1".to_string()].into()
    );
}
