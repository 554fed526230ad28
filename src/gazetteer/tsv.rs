//! The gazetteer file format: one entry per line, tab-separated.

use std::borrow::Cow;
use std::path::Path;

use crate::document::EntityType;
use crate::error::{Error, ErrorKind};

use super::{Entry, Gender};

/// The columns of a gazetteer TSV line, in order.
///
/// `aliases` are separated by `|`; `flags` is a comma-separated list
/// (`nocase`: the names also match in any case). Only `id`, `name` and `type`
/// must be filled in; lines starting with `#` and blank lines are skipped.
///
/// # Example
///
/// ```
/// assert_eq!(sayso::COLUMNS[..3], ["id", "name", "type"]);
/// ```
pub const COLUMNS: [&str; 9] = [
    "id",
    "name",
    "type",
    "subtype",
    "aliases",
    "country",
    "prominence",
    "gender",
    "flags",
];

const MAX_NAME_LEN: usize = 256;

/// Parses every entry of `contents` into `out`, and its 1-based line number
/// into `lines`, copying each field.
pub(super) fn parse(
    path: &Path,
    contents: &str,
    out: &mut Vec<Entry>,
    lines: &mut Vec<Option<u64>>,
) -> Result<(), Error> {
    parse_with(
        path,
        contents,
        |f: &str| Cow::Owned(f.to_string()),
        out,
        lines,
    )
}

/// Like [`parse`], for text that lives as long as the program (the embedded
/// gazetteers): fields are borrowed, not copied, so a quarter of a million
/// entries cost no allocations for their names.
pub(super) fn parse_static(
    path: &Path,
    contents: &'static str,
    out: &mut Vec<Entry>,
    lines: &mut Vec<Option<u64>>,
) -> Result<(), Error> {
    parse_with(path, contents, Cow::Borrowed, out, lines)
}

fn parse_with<'a>(
    path: &Path,
    contents: &'a str,
    field: impl Fn(&'a str) -> Cow<'static, str> + Copy,
    out: &mut Vec<Entry>,
    lines: &mut Vec<Option<u64>>,
) -> Result<(), Error> {
    // Spreadsheet programs on Windows save UTF-8 with a byte order mark,
    // which would otherwise end up in the first entry's id.
    let contents = contents.strip_prefix('\u{feff}').unwrap_or(contents);
    for (i, line) in contents.lines().enumerate() {
        let number = i as u64 + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let entry = parse_line(line, field)
            .and_then(|entry| validate(&entry).map(|()| entry))
            .map_err(|msg| Error::new(ErrorKind::Gazetteer, msg).at(path, Some(number)))?;
        out.push(entry);
        lines.push(Some(number));
    }
    Ok(())
}

pub(super) fn parse_line<'a>(
    line: &'a str,
    field: impl Fn(&'a str) -> Cow<'static, str>,
) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != COLUMNS.len() {
        return Err(format!(
            "expected {} tab-separated columns, found {}",
            COLUMNS.len(),
            fields.len()
        ));
    }
    let kind = fields[2].parse::<EntityType>().map_err(|e| e.to_string())?;
    let mut entry = Entry::new(field(fields[0].trim()), field(fields[1].trim()), kind);
    entry.subtype = field(fields[3].trim());
    entry.aliases = fields[4]
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(&field)
        .collect();
    entry.country = field(fields[5].trim());
    entry.prominence = match fields[6].trim() {
        "" => 0,
        n => n
            .parse()
            .map_err(|_| format!("prominence {n:?} is not a whole number"))?,
    };
    entry.gender = match fields[7].trim() {
        "" => None,
        g => Some(g.parse::<Gender>().map_err(|e| e.to_string())?),
    };
    for flag in fields[8]
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        match flag {
            "nocase" => entry.case_insensitive = true,
            other => return Err(format!("unknown flag {other:?}")),
        }
    }
    Ok(entry)
}

pub(super) fn validate(entry: &Entry) -> Result<(), String> {
    if entry.id.is_empty() {
        return Err("empty id".into());
    }
    if entry.name.is_empty() {
        return Err("empty name".into());
    }
    if let Some(long) = entry.names().find(|n| n.len() > MAX_NAME_LEN) {
        return Err(format!(
            "name of {} bytes is longer than the limit of {MAX_NAME_LEN}",
            long.len()
        ));
    }
    Ok(())
}
