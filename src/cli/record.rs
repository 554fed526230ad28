//! One document in, one output line out: parsing JSON Lines records and
//! writing analysis and error records.
//!
//! Ids and kept fields are carried as raw JSON, so they are echoed byte for
//! byte: a 30-digit integer id or a float like `1.50` comes back exactly as
//! it came in, which a round trip through `serde_json::Value` would not do.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;

use sayso::{Extractor, OffsetUnit};

use super::input::{ItemKind, Mode};

/// How to read and write records; the same for every document of a run.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) extractor: Extractor,
    pub(crate) mode: Mode,
    pub(crate) offsets: OffsetUnit,
    pub(crate) text_field: String,
    pub(crate) id_field: String,
    pub(crate) keep: Vec<String>,
    pub(crate) lossy: bool,
}

/// What came of one item.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// The output line, with its `\n`; empty when the item has no record of
    /// its own (an unreadable JSON Lines file has no lines to answer).
    pub(crate) output: Vec<u8>,
    /// For a failed item: the message for stderr, naming the place.
    pub(crate) error: Option<String>,
}

/// Where an item came from, for error records and messages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Origin<'a> {
    /// The input as named on the command line (`-` for stdin).
    pub(crate) name: &'a str,
    /// The input as named in messages (`<stdin>` for stdin).
    pub(crate) label: &'a str,
}

impl Settings {
    pub(crate) fn process(&self, origin: Origin<'_>, item: &ItemKind) -> Outcome {
        match item {
            ItemKind::Line {
                number,
                offset,
                bytes,
            } => self.line(origin, *number, *offset, bytes),
            ItemKind::Document(bytes) => self.document(origin, bytes),
            // A plain-text input is a document, answered by a record like
            // any other; a JSON Lines input is not, and its lines cannot be
            // answered when they cannot be read.
            ItemKind::Failed { line, message } => match self.mode {
                Mode::Plain => {
                    let id = Id::Name(origin.name);
                    self.failure(origin, id, None, Kept::none(), message)
                }
                Mode::JsonLines => Outcome {
                    output: Vec::new(),
                    error: Some(locate(origin, *line, message)),
                },
            },
        }
    }

    fn document(&self, origin: Origin<'_>, bytes: &[u8]) -> Outcome {
        let id = Id::Name(origin.name);
        let text = match self.decode(bytes) {
            Ok(text) => text,
            Err(byte) => {
                let message =
                    format!("invalid UTF-8 at byte {byte} (use --lossy to replace invalid bytes)");
                return self.failure(origin, id, None, Kept::none(), &message);
            }
        };
        self.analysis(origin, None, id, Kept::none(), &text)
    }

    fn line(&self, origin: Origin<'_>, number: u64, offset: u64, bytes: &[u8]) -> Outcome {
        let line = Some(number);
        let fail = |id, kept, message: &str| self.failure(origin, id, line, kept, message);
        let json = match self.decode(bytes) {
            Ok(json) => json,
            Err(byte) => {
                let message = format!(
                    "invalid UTF-8 at byte {byte} of the line (byte {} of the input; \
                     use --lossy to replace invalid bytes)",
                    offset + byte as u64,
                );
                return fail(Id::Null, Kept::none(), &message);
            }
        };
        if json.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
            return fail(Id::Null, Kept::none(), "empty line");
        }
        let (fields, text) = match self.parse_decoding(&json) {
            Some((fields, text)) => (fields, Ok(text)),
            None => {
                let mut fields = match self.parse(&json) {
                    Ok(fields) => fields,
                    Err(message) => return fail(Id::Null, Kept::none(), &message),
                };
                let text = match fields.text.take() {
                    Some(Text::Raw(raw)) => string(raw, &self.text_field),
                    _ => Err(format!("no {:?} field", self.text_field)),
                };
                (fields, text)
            }
        };
        let id = fields.id.map_or(Id::Null, Id::Raw);
        let kept = Kept {
            names: &self.keep,
            values: &fields.kept,
        };
        match text {
            Ok(text) => self.analysis(origin, line, id, kept, &text),
            Err(message) => fail(id, kept, &message),
        }
    }

    /// The text of `bytes`, or the offset of the first invalid byte.
    fn decode<'b>(&self, bytes: &'b [u8]) -> Result<Cow<'b, str>, usize> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(_) if self.lossy => Ok(String::from_utf8_lossy(bytes)),
            Err(err) => Err(err.valid_up_to()),
        }
    }

    /// The fields of a good record and its text, decoded as the record is
    /// parsed, where [`Settings::parse`] passes over the text once to find
    /// where it ends and [`string`] again to decode it. None when anything
    /// is amiss, or when the text is also wanted raw (kept, or the id): the
    /// record is then parsed again by `parse`, whose messages say what is
    /// wrong. Whatever this accepts, `parse` and `string` accept too, and
    /// read the same text from it.
    fn parse_decoding<'j>(&self, json: &'j str) -> Option<(Fields<'j>, Cow<'j, str>)> {
        if self.id_field == self.text_field || self.keep.contains(&self.text_field) {
            return None;
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let seed = FieldsSeed {
            settings: self,
            decode: true,
        };
        let mut fields = seed.deserialize(&mut de).ok()?;
        de.end().ok()?;
        match fields.text.take()? {
            Text::Decoded(text) => Some((fields, text)),
            Text::Raw(_) => None,
        }
    }

    fn parse<'j>(&self, json: &'j str) -> Result<Fields<'j>, String> {
        let start = json.trim_start_matches([' ', '\t', '\r', '\n']);
        if !start.starts_with('{') && serde_json::from_str::<IgnoredAny>(json).is_ok() {
            return Err(format!("expected a JSON object, found {}", kind_of(start)));
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let seed = FieldsSeed {
            settings: self,
            decode: false,
        };
        seed.deserialize(&mut de)
            .and_then(|fields| de.end().map(|()| fields))
            .map_err(|err| describe(&err))
    }

    fn analysis(
        &self,
        origin: Origin<'_>,
        line: Option<u64>,
        id: Id<'_>,
        kept: Kept<'_>,
        text: &str,
    ) -> Outcome {
        // Analysis is meant never to panic; if a bug makes it, the document
        // gets an error record and the run goes on, where rayon would abort
        // the whole run and lose every line not yet written.
        let Some(analysis) = unwound(|| self.extractor.analyze(text)) else {
            return self.failure(origin, id, line, kept, PANICKED);
        };
        let record = Record {
            id,
            kept,
            analysis: analysis.with_offsets(text, self.offsets),
        };
        Outcome {
            // News comes out about 2.7 times its length as JSON: room for that
            // at once, where the line grew by doubling.
            output: to_line(&record, 3 * text.len() + 256),
            error: None,
        }
    }

    fn failure(
        &self,
        origin: Origin<'_>,
        id: Id<'_>,
        line: Option<u64>,
        kept: Kept<'_>,
        message: &str,
    ) -> Outcome {
        let record = ErrorRecord {
            id,
            line,
            file: origin.name,
            error: message,
            kept,
        };
        Outcome {
            output: to_line(&record, 256),
            error: Some(locate(origin, line, message)),
        }
    }
}

/// `file:line: message`, the way compilers and grep name a place.
fn locate(origin: Origin<'_>, line: Option<u64>, message: &str) -> String {
    match line {
        Some(line) => format!("{}:{line}: {message}", origin.label),
        None => format!("{}: {message}", origin.label),
    }
}

/// The message of a document whose analysis panicked (the panic's own
/// message is on stderr above it).
const PANICKED: &str = "internal error: the analysis panicked; this is a bug in sayso, \
                        please report it with this document";

/// What `f` returns, or `None` if it panics.
fn unwound<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

fn to_line(value: &impl Serialize, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut out, value)
        .expect("records hold only strings, numbers and raw JSON, which always serialise");
    out.push(b'\n');
    out
}

/// A serde_json error without its "at line 1 column N" (every record is one
/// line; the line number is given separately), with the column kept where
/// it helps find a syntax error.
fn describe(err: &serde_json::Error) -> String {
    match err.classify() {
        serde_json::error::Category::Data => bare(err),
        _ => format!("invalid JSON: {} at column {}", bare(err), err.column()),
    }
}

fn bare(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// The fields of one input record that the run needs, borrowed from the
/// line.
struct Fields<'j> {
    id: Option<&'j RawValue>,
    text: Option<Text<'j>>,
    /// One slot per `--keep` name, in that order.
    kept: Vec<Option<&'j RawValue>>,
}

/// The text field of an input record.
enum Text<'j> {
    /// As it is in the record, any JSON value.
    Raw(&'j RawValue),
    /// The string it holds, decoded.
    Decoded(Cow<'j, str>),
}

/// Picks the wanted fields out of a JSON object and skips the rest without
/// building them, so a record with large unwanted fields costs little.
struct FieldsSeed<'s> {
    settings: &'s Settings,
    /// Decode the text field, failing on any value but a valid string,
    /// rather than keep it raw.
    decode: bool,
}

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Fields<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Fields<'de>, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let s = self.settings;
        let mut fields = Fields {
            id: None,
            text: None,
            kept: vec![None; s.keep.len()],
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let keep = s.keep.iter().position(|k| *k == key);
            let is_id = key == s.id_field;
            let is_text = key == s.text_field;
            if !is_id && !is_text && keep.is_none() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            // As in serde_json's own maps, the last of duplicate keys wins.
            if is_text && self.decode {
                fields.text = Some(Text::Decoded(map.next_value_seed(StringSeed)?));
                continue;
            }
            let value: &'de RawValue = map.next_value()?;
            if is_id {
                fields.id = Some(value);
            }
            if is_text {
                fields.text = Some(Text::Raw(value));
            }
            if let Some(i) = keep {
                fields.kept[i] = Some(value);
            }
        }
        Ok(fields)
    }
}

/// A JSON string, borrowed from the input when it has no escapes.
struct StringSeed;

impl<'de> DeserializeSeed<'de> for StringSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Cow<'de, str>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StringSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_string()))
    }
}

/// The string the raw JSON value of field `name` holds.
fn string<'j>(raw: &'j RawValue, name: &str) -> Result<Cow<'j, str>, String> {
    let json = raw.get();
    if !json.starts_with('"') {
        return Err(format!("field {name:?} is {}, not a string", kind_of(json)));
    }
    // Without escapes, the text is exactly what lies between the quotes: no
    // copy needed.
    if !json.contains('\\') {
        return Ok(Cow::Borrowed(&json[1..json.len() - 1]));
    }
    // Skipping over a string does not check its escapes (a lone surrogate
    // such as \ud800 passes), so decoding it still can fail.
    serde_json::from_str(json)
        .map(Cow::Owned)
        .map_err(|err| format!("field {name:?} is not a valid JSON string: {}", bare(&err)))
}

/// What kind of JSON value `json` (valid, without leading whitespace) is.
fn kind_of(json: &str) -> &'static str {
    match json.as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// A record's id: echoed from the input in JSON Lines mode, the input's name
/// in plain-text mode.
#[derive(Clone, Copy, Debug)]
enum Id<'a> {
    Raw(&'a RawValue),
    Name(&'a str),
    Null,
}

impl Serialize for Id<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Raw(raw) => raw.serialize(s),
            Id::Name(name) => s.serialize_str(name),
            Id::Null => s.serialize_unit(),
        }
    }
}

/// The `--keep` fields the input record had; absent ones are left out.
#[derive(Clone, Copy, Debug)]
struct Kept<'a> {
    names: &'a [String],
    values: &'a [Option<&'a RawValue>],
}

impl Kept<'_> {
    fn none() -> Kept<'static> {
        Kept {
            names: &[],
            values: &[],
        }
    }
}

impl Serialize for Kept<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (name, value) in self.names.iter().zip(self.values) {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: Id<'a>,
    #[serde(flatten)]
    kept: Kept<'a>,
    #[serde(flatten)]
    analysis: sayso::WithOffsets<'a>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Id<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    file: &'a str,
    error: &'a str,
    #[serde(flatten)]
    kept: Kept<'a>,
}

/// Output keys that a `--keep` field must not take.
pub(crate) const RESERVED: &[&str] = &[
    "id", "entities", "claims", "quotes", "line", "file", "error",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_unwound_to_none() {
        assert_eq!(unwound(|| 7), Some(7));
        let panicked: Option<u32> = unwound(|| panic!("a bug"));
        assert_eq!(panicked, None);
    }
}
