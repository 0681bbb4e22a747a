//! CSV import of communes and arrondissements: parsing and checking, no I/O.
//!
//! The file's first line is the header; its columns, in any order, are [`COLUMNS`] (those in
//! [`REQUIRED`] must be present; the others may be left out). The parser reads every row and
//! returns either all rows, ready to store, or every problem it found — row number (as a
//! spreadsheet numbers lines: the header is row 1), column and problem. The store then writes
//! all rows in one transaction: an import is all or nothing (see `store::import_territories`).
//!
//! A row's parent may be an existing territory or a row earlier in the same file (a new commune
//! followed by its arrondissements). UTF-8 is required (a leading byte-order mark is accepted);
//! a header holding `;` and no `,` is read as semicolon-separated, as spreadsheet programs with
//! a French locale write it.

use std::collections::HashMap;

use serde::Serialize;

use super::model::{
    Code, FieldError, Level, NamesInput, NewTerritory, Problem, TerritoryInput, check_parent,
    validate_territory,
};

/// Every column the importer knows, in template order.
pub const COLUMNS: [&str; 10] = [
    "code",
    "level",
    "parent_code",
    "name_ar",
    "name_fr",
    "name_zgh",
    "name_en",
    "population",
    "census_year",
    "source",
];

/// The columns that must be in the header.
pub const REQUIRED: [&str; 7] = [
    "code",
    "level",
    "parent_code",
    "name_ar",
    "name_fr",
    "population",
    "census_year",
];

/// Most data rows accepted in one file.
pub const MAX_ROWS: usize = 5000;
/// Largest file accepted, in bytes (checked by the route before reading the upload).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// What the importer needs to know of an existing territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub id: i64,
    pub level: Level,
}

/// Where a row's parent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentRef {
    /// An existing territory.
    Existing(i64),
    /// An earlier row of the same file (index into the returned rows).
    InFile(usize),
}

/// A checked row, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The row number in the file (header = 1).
    pub row: u64,
    pub territory: NewTerritory,
    pub parent: ParentRef,
}

/// One problem of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// The row number in the file (header = 1).
    pub row: u64,
    /// The column concerned, when one is.
    pub column: Option<String>,
    #[serde(flatten)]
    pub problem: Problem,
}

impl RowError {
    fn new(row: u64, column: Option<&str>, problem: Problem) -> Self {
        RowError {
            row,
            column: column.map(str::to_owned),
            problem,
        }
    }
}

/// The header line of the downloadable template.
pub fn template() -> String {
    let mut s = COLUMNS.join(",");
    s.push_str("\r\n");
    s
}

/// Parses and checks a whole file. `lookup` finds an existing territory by code (to resolve
/// parents and refuse codes already in use).
pub fn parse(
    bytes: &[u8],
    lookup: impl Fn(&str) -> Option<Known>,
) -> Result<Vec<ImportRow>, Vec<RowError>> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // UTF-16, as "Unicode text" exports write it.
        return Err(vec![RowError::new(1, None, Problem::BadEncoding)]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = reader.byte_records();

    let header = match records.next() {
        None => return Err(vec![RowError::new(1, None, Problem::EmptyFile)]),
        Some(Err(_)) => return Err(vec![RowError::new(1, None, Problem::CsvSyntax)]),
        Some(Ok(h)) => h,
    };
    let columns = read_header(&header)?;

    let mut errors = Vec::new();
    let mut rows: Vec<ImportRow> = Vec::new();
    // Codes seen in this file: code -> (index in `rows` when the row was valid, level).
    let mut seen: HashMap<String, (Option<usize>, Option<Level>)> = HashMap::new();
    let mut count = 0usize;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| p.line());
                errors.push(RowError::new(row, None, Problem::CsvSyntax));
                continue;
            }
        };
        let row = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line, as spreadsheets leave at the end
        }
        count += 1;
        if count > MAX_ROWS {
            errors.push(RowError::new(
                row,
                None,
                Problem::TooManyRows { max: MAX_ROWS },
            ));
            break;
        }
        if record.len() != columns.len() {
            errors.push(RowError::new(row, None, Problem::CsvSyntax));
            continue;
        }
        match check_row(row, &record, &columns, &seen, &rows, &lookup) {
            Ok(r) => {
                seen.insert(
                    r.territory.code.as_str().to_owned(),
                    (Some(rows.len()), Some(r.territory.level)),
                );
                rows.push(r);
            }
            Err((code, level, mut errs)) => {
                if let Some(code) = code {
                    seen.entry(code).or_insert((None, level));
                }
                errors.append(&mut errs);
            }
        }
    }
    if count == 0 && errors.is_empty() {
        errors.push(RowError::new(1, None, Problem::EmptyFile));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Maps each header position to a known column; reports missing, unknown, doubled columns.
fn read_header(header: &csv::ByteRecord) -> Result<Vec<&'static str>, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    for raw in header.iter() {
        let Ok(name) = std::str::from_utf8(raw) else {
            errors.push(RowError::new(1, None, Problem::BadEncoding));
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if columns.contains(c) => {
                errors.push(RowError::new(1, Some(c), Problem::DuplicateColumn));
            }
            Some(c) => columns.push(*c),
            None => {
                let shown: String = name.chars().take(40).collect();
                errors.push(RowError::new(1, Some(&shown), Problem::UnknownColumn));
            }
        }
    }
    for required in REQUIRED {
        if !columns.contains(&required) {
            errors.push(RowError::new(1, Some(required), Problem::MissingColumn));
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

type RowFailure = (Option<String>, Option<Level>, Vec<RowError>);

/// Checks one data row.
fn check_row(
    row: u64,
    record: &csv::ByteRecord,
    columns: &[&'static str],
    seen: &HashMap<String, (Option<usize>, Option<Level>)>,
    rows: &[ImportRow],
    lookup: &impl Fn(&str) -> Option<Known>,
) -> Result<ImportRow, RowFailure> {
    let mut errors = Vec::new();
    let mut values: HashMap<&'static str, String> = HashMap::new();
    for (column, raw) in columns.iter().zip(record.iter()) {
        match std::str::from_utf8(raw) {
            Ok(v) => {
                values.insert(column, v.to_owned());
            }
            Err(_) => errors.push(RowError::new(row, Some(column), Problem::BadEncoding)),
        }
    }
    let get = |c: &str| values.get(c).cloned().unwrap_or_default();
    let input = TerritoryInput {
        code: get("code"),
        level: get("level"),
        names: NamesInput {
            ar: get("name_ar"),
            fr: get("name_fr"),
            zgh: get("name_zgh"),
            en: get("name_en"),
        },
        population: get("population"),
        census_year: get("census_year"),
        source: get("source"),
    };
    // Fields that failed decoding are reported once, as bad encoding, not again as empty.
    let undecoded: Vec<String> = errors.iter().filter_map(|e| e.column.clone()).collect();
    let code = Code::parse(&input.code).ok();
    let level = input.level.parse::<Level>().ok();
    let checked = validate_territory(&input, true).map_err(|errs| {
        for FieldError { field, problem } in errs {
            if !undecoded.iter().any(|c| c == field) {
                errors.push(RowError::new(row, Some(field), problem));
            }
        }
    });
    if let Some(c) = &code
        && (seen.contains_key(c.as_str()) || lookup(c.as_str()).is_some())
    {
        errors.push(RowError::new(row, Some("code"), Problem::DuplicateCode));
    }
    let parent = match resolve_parent(&get("parent_code"), seen, rows, lookup) {
        Ok(p) => p,
        Err(problem) => {
            if !undecoded.iter().any(|c| c == "parent_code") {
                errors.push(RowError::new(row, Some("parent_code"), problem));
            }
            None
        }
    };
    if let (Some(l), Some((_, Some(parent_level)))) = (level, parent)
        && let Err(problem) = check_parent(l, Some(parent_level))
    {
        errors.push(RowError::new(row, Some("parent_code"), problem));
    }
    match (checked, parent) {
        (Ok(territory), Some((Some(parent), _))) if errors.is_empty() => Ok(ImportRow {
            row,
            territory,
            parent,
        }),
        _ => Err((code.map(|c| c.as_str().to_owned()), level, errors)),
    }
}

/// Finds the parent named by `raw`: first among earlier rows, then among existing territories.
/// `Ok(Some((None, level)))` is a parent row that was itself refused: the row is refused too,
/// without a second report about its parent.
#[allow(clippy::type_complexity)]
fn resolve_parent(
    raw: &str,
    seen: &HashMap<String, (Option<usize>, Option<Level>)>,
    rows: &[ImportRow],
    lookup: &impl Fn(&str) -> Option<Known>,
) -> Result<Option<(Option<ParentRef>, Option<Level>)>, Problem> {
    let code = match Code::parse(raw) {
        Ok(c) => c,
        Err(Problem::Required) => return Err(Problem::ParentRequired),
        Err(_) => return Err(Problem::UnknownParent),
    };
    if let Some((index, level)) = seen.get(code.as_str()) {
        return Ok(Some((
            index.map(ParentRef::InFile),
            index.map(|i| rows[i].territory.level).or(*level),
        )));
    }
    match lookup(code.as_str()) {
        Some(k) => Ok(Some((Some(ParentRef::Existing(k.id)), Some(k.level)))),
        None => Err(Problem::UnknownParent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seeded province and commune the tests hang rows under.
    fn lookup(code: &str) -> Option<Known> {
        match code {
            "province-larache" => Some(Known {
                id: 7,
                level: Level::Province,
            }),
            "commune-tanger" => Some(Known {
                id: 10,
                level: Level::Commune,
            }),
            "tanger-tetouan-al-hoceima" => Some(Known {
                id: 1,
                level: Level::Region,
            }),
            _ => None,
        }
    }

    const HEADER: &str =
        "code,level,parent_code,name_ar,name_fr,name_zgh,name_en,population,census_year,source\n";

    fn errors_of(csv: &str) -> Vec<RowError> {
        parse(csv.as_bytes(), lookup).unwrap_err()
    }

    fn has(errors: &[RowError], row: u64, column: Option<&str>, problem: Problem) -> bool {
        errors.contains(&RowError::new(row, column, problem))
    }

    #[test]
    fn a_valid_file_with_a_commune_and_its_arrondissement() {
        let csv = format!(
            "{HEADER}commune-ksar-test,commune,province-larache,القصر,Ksar Test,,,\"12 000\",2024,test\n\
             arr-one,arrondissement,commune-ksar-test,الأول,Un,ⵢⴰⵏ,One,5000,2024,\n\
             arr-two,arrondissement,commune-tanger,الثاني,Deux,,,7000,2014,\n"
        );
        let rows = parse(csv.as_bytes(), lookup).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].row, 2);
        assert_eq!(rows[0].parent, ParentRef::Existing(7));
        assert_eq!(rows[0].territory.population, 12_000);
        assert_eq!(rows[1].parent, ParentRef::InFile(0));
        assert_eq!(rows[1].territory.names.zgh.as_deref(), Some("ⵢⴰⵏ"));
        assert_eq!(rows[2].parent, ParentRef::Existing(10));
    }

    #[test]
    fn columns_in_any_order_optional_ones_left_out_bom_and_semicolons() {
        let csv = "\u{FEFF}Name_FR;name_ar;code;level;parent_code;population;census_year\r\n\
                   Test;اختبار;commune-x;commune;province-larache;100;2024\r\n\r\n";
        let rows = parse(csv.as_bytes(), lookup).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].territory.names.fr, "Test");
        assert_eq!(rows[0].territory.source, "");
    }

    #[test]
    fn missing_unknown_and_doubled_columns_are_reported_on_row_1() {
        let errs = errors_of("code,level,name_ar,name_fr,name_fr,populaton\nx,commune,a,b,c,1\n");
        assert!(has(&errs, 1, Some("parent_code"), Problem::MissingColumn));
        assert!(has(&errs, 1, Some("population"), Problem::MissingColumn));
        assert!(has(&errs, 1, Some("census_year"), Problem::MissingColumn));
        assert!(has(&errs, 1, Some("name_fr"), Problem::DuplicateColumn));
        assert!(has(&errs, 1, Some("populaton"), Problem::UnknownColumn));
        assert!(errs.iter().all(|e| e.row == 1), "{errs:?}");
    }

    #[test]
    fn bad_encoding_is_reported_with_its_row_and_column() {
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(b"commune-x,commune,province-larache,");
        bytes.extend_from_slice(&[0xE9, 0xE9]); // Latin-1 "éé", invalid UTF-8
        bytes.extend_from_slice(b",Test,,,100,2024,\n");
        let errs = parse(&bytes, lookup).unwrap_err();
        assert_eq!(
            errs,
            vec![RowError::new(2, Some("name_ar"), Problem::BadEncoding)]
        );
        let utf16 = [0xFF, 0xFE, b'c', 0, b'o', 0];
        assert_eq!(
            parse(&utf16, lookup).unwrap_err(),
            vec![RowError::new(1, None, Problem::BadEncoding)]
        );
    }

    #[test]
    fn duplicate_codes_in_the_file_and_in_the_database() {
        let csv = format!(
            "{HEADER}commune-a,commune,province-larache,أ,A,,,10,2024,\n\
             commune-a,commune,province-larache,أ,A,,,10,2024,\n\
             commune-tanger,commune,province-larache,طنجة,Tanger,,,10,2024,\n"
        );
        let errs = errors_of(&csv);
        assert_eq!(
            errs,
            vec![
                RowError::new(3, Some("code"), Problem::DuplicateCode),
                RowError::new(4, Some("code"), Problem::DuplicateCode),
            ]
        );
    }

    #[test]
    fn unknown_and_wrong_level_parents() {
        let csv = format!(
            "{HEADER}commune-a,commune,province-nowhere,أ,A,,,10,2024,\n\
             commune-b,commune,tanger-tetouan-al-hoceima,ب,B,,,10,2024,\n\
             arr-c,arrondissement,province-larache,ج,C,,,10,2024,\n\
             commune-d,commune,,د,D,,,10,2024,\n"
        );
        let errs = errors_of(&csv);
        assert!(has(&errs, 2, Some("parent_code"), Problem::UnknownParent));
        assert!(has(
            &errs,
            3,
            Some("parent_code"),
            Problem::WrongParentLevel {
                expected: "prefecture/province".into()
            }
        ));
        assert!(has(
            &errs,
            4,
            Some("parent_code"),
            Problem::WrongParentLevel {
                expected: "commune".into()
            }
        ));
        assert!(has(&errs, 5, Some("parent_code"), Problem::ParentRequired));
        assert_eq!(errs.len(), 4, "{errs:?}");
    }

    #[test]
    fn a_refused_parent_row_refuses_its_children_without_a_second_report() {
        let csv = format!(
            "{HEADER}commune-a,commune,province-larache,,A,,,10,2024,\n\
             arr-a,arrondissement,commune-a,أ,A,,,10,2024,\n"
        );
        let errs = errors_of(&csv);
        assert_eq!(
            errs,
            vec![RowError::new(2, Some("name_ar"), Problem::Required)]
        );
    }

    #[test]
    fn field_problems_name_their_column() {
        let csv =
            format!("{HEADER}Bad Code,province,tanger-tetouan-al-hoceima,x,,Latin,,-3,1900,\n");
        let errs = errors_of(&csv);
        assert!(has(&errs, 2, Some("code"), Problem::BadCode));
        assert!(has(&errs, 2, Some("level"), Problem::LevelNotAllowed));
        assert!(has(&errs, 2, Some("name_ar"), Problem::NotArabic));
        assert!(has(&errs, 2, Some("name_fr"), Problem::Required));
        assert!(has(&errs, 2, Some("name_zgh"), Problem::NotTifinagh));
        assert!(has(&errs, 2, Some("population"), Problem::NotPositive));
        assert!(has(
            &errs,
            2,
            Some("census_year"),
            Problem::YearOutOfRange {
                min: 1960,
                max: 2100
            }
        ));
    }

    #[test]
    fn wrong_field_counts_empty_files_and_too_many_rows() {
        let errs = errors_of(&format!("{HEADER}a,b\n"));
        assert_eq!(errs, vec![RowError::new(2, None, Problem::CsvSyntax)]);
        assert_eq!(
            errors_of(""),
            vec![RowError::new(1, None, Problem::EmptyFile)]
        );
        assert_eq!(
            errors_of(HEADER),
            vec![RowError::new(1, None, Problem::EmptyFile)]
        );
        let mut big = HEADER.to_owned();
        for i in 0..=MAX_ROWS {
            big.push_str(&format!("c-{i},commune,province-larache,أ,A,,,1,2024,\n"));
        }
        let errs = errors_of(&big);
        assert_eq!(
            errs,
            vec![RowError::new(
                MAX_ROWS as u64 + 2,
                None,
                Problem::TooManyRows { max: MAX_ROWS }
            )]
        );
    }

    #[test]
    fn multi_line_quoted_fields_keep_row_numbers_right() {
        let csv = format!(
            "{HEADER}commune-a,commune,province-larache,أ,A,,,10,2024,\"line one\nline two\"\n\
             commune-b,commune,province-larache,,B,,,10,2024,\n"
        );
        let errs = errors_of(&csv);
        assert_eq!(
            errs,
            vec![RowError::new(4, Some("name_ar"), Problem::Required)]
        );
    }

    #[test]
    fn the_template_is_the_header_the_parser_reads() {
        let t = template();
        assert!(t.starts_with("code,level,parent_code"));
        // A template with nothing filled in is an empty file, not a broken one.
        assert_eq!(
            parse(t.as_bytes(), lookup).unwrap_err(),
            vec![RowError::new(1, None, Problem::EmptyFile)]
        );
    }
}
