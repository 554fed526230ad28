//! Gazetteers: lists of people, groups and places with their other names, and
//! the matcher that finds them in text.

mod compile;
mod fold;
mod keys;
mod lazy;
mod matcher;
mod profile;
mod tsv;
mod view;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use crate::document::EntityType;
use crate::error::Error;
use crate::text::Layout;
use crate::Span;

pub(crate) use keys::{EntryKeys, EntryKeysBuilder, Hashed, NameKeys, WordKeys};
use lazy::LazyTable;
pub(crate) use profile::Profile;
pub use tsv::COLUMNS;

/// One gazetteer entry: a person, group or place and its names.
///
/// # Example
///
/// ```
/// use sayso::{EntityType, Gazetteer};
///
/// let gazetteer = Gazetteer::builder()
///     .add_tsv("mine.tsv", "my:1\tAcme Corp\tgroup\tcompany\tAcme|ACME Inc\tUS\t\t\t\n")
///     .build()
///     .unwrap();
/// let entry = gazetteer.entries().next().unwrap();
/// assert_eq!(entry.name, "Acme Corp");
/// assert_eq!(entry.kind, EntityType::Group);
/// assert_eq!(entry.aliases, ["Acme", "ACME Inc"]);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// A stable identifier, `source:id` (e.g. `geonames:472045`).
    pub id: Cow<'static, str>,
    /// The canonical name.
    pub name: Cow<'static, str>,
    /// Person, group or place.
    pub kind: EntityType,
    /// A finer type: `country`, `city`, `armed_group`, `head_of_state`, ...
    pub subtype: Cow<'static, str>,
    /// Other names: spellings, transliterations, short forms, acronyms.
    pub aliases: Vec<Cow<'static, str>>,
    /// ISO 3166-1 alpha-2 country code, where known.
    pub country: Cow<'static, str>,
    /// Population or another prominence figure; ties between entries sharing
    /// a name go to the larger.
    pub prominence: u64,
    /// For people, where known.
    pub gender: Option<Gender>,
    /// Whether the names also match regardless of case.
    pub case_insensitive: bool,
}

impl Entry {
    /// Creates an entry with no aliases or optional attributes.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::{EntityType, Entry, Gazetteer};
    ///
    /// let mut entry = Entry::new("my:gladkov", "Vyacheslav Gladkov", EntityType::Person);
    /// entry.aliases.push("Gladkov".into());
    /// let gazetteer = Gazetteer::builder().add_entry(entry).build().unwrap();
    /// assert_eq!(gazetteer.len(), 1);
    /// ```
    pub fn new(
        id: impl Into<Cow<'static, str>>,
        name: impl Into<Cow<'static, str>>,
        kind: EntityType,
    ) -> Entry {
        Entry {
            id: id.into(),
            name: name.into(),
            kind,
            subtype: Cow::Borrowed(""),
            aliases: Vec::new(),
            country: Cow::Borrowed(""),
            prominence: 0,
            gender: None,
            case_insensitive: false,
        }
    }

    /// The canonical name followed by the aliases.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::{EntityType, Entry};
    /// let mut entry = Entry::new("my:1", "Kyiv", EntityType::Place);
    /// entry.aliases.push("Kiev".into());
    /// assert_eq!(entry.names().collect::<Vec<_>>(), ["Kyiv", "Kiev"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name).chain(self.aliases.iter().map(|a| &**a))
    }
}

impl Profile {
    /// The profile of an entry added to the embedded ones, made as
    /// `build.rs` makes theirs.
    fn of(entry: &Entry) -> Profile {
        let gender = match entry.gender {
            Some(Gender::Male) => "m",
            Some(Gender::Female) => "f",
            None => "",
        };
        Profile::new(
            entry.kind.as_str(),
            &entry.subtype,
            entry.prominence,
            gender,
        )
    }

    /// The entry's kind.
    pub(crate) fn kind(self) -> EntityType {
        match self.0 & 0b11 {
            profile::PERSON => EntityType::Person,
            profile::GROUP => EntityType::Group,
            _ => EntityType::Place,
        }
    }

    /// The entry's gender, where known.
    pub(crate) fn gender(self) -> Option<Gender> {
        if self.0 & profile::MALE != 0 {
            Some(Gender::Male)
        } else if self.0 & profile::FEMALE != 0 {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// Whether the entry's subtype is `country`.
    pub(crate) fn country(self) -> bool {
        self.0 & profile::COUNTRY != 0
    }

    /// Whether the entry is as prominent as a city of a million.
    pub(crate) fn city(self) -> bool {
        self.0 & profile::CITY != 0
    }
}

/// A person's gender, as far as pronoun resolution needs it.
///
/// # Example
///
/// ```
/// assert_eq!("f".parse::<sayso::Gender>().unwrap(), sayso::Gender::Female);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her
    Female,
}

impl std::str::FromStr for Gender {
    type Err = Error;

    fn from_str(s: &str) -> Result<Gender, Error> {
        match s {
            "m" | "male" => Ok(Gender::Male),
            "f" | "female" => Ok(Gender::Female),
            _ => Err(Error::invalid_input(format!(
                "unknown gender {s:?} (expected m or f)"
            ))),
        }
    }
}

/// A compiled gazetteer: entries and a matcher over all their names.
///
/// Cheap to clone: the entries and the automaton are shared.
///
/// # Example
///
/// ```
/// let gazetteer = sayso::Gazetteer::builder()
///     .add_tsv("places.tsv", "my:1\tShebekino\tplace\ttown\t\tRU\t40000\t\t\n")
///     .build()
///     .unwrap();
/// assert_eq!(gazetteer.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    entries: Entries,
    matcher: matcher::Matcher,
    keys: LazyTable<EntryKeys>,
}

/// A gazetteer's entries: the embedded ones, if it has them, then those
/// added to it.
#[derive(Debug)]
struct Entries {
    embedded: Option<&'static Embedded>,
    added: Vec<Entry>,
    /// The profiles of `added`, one for each.
    added_profiles: Vec<Profile>,
}

impl Entries {
    fn len(&self) -> usize {
        self.embedded.map_or(0, Embedded::len) + self.added.len()
    }

    fn get(&self, id: EntryId) -> &Entry {
        let i = id.index();
        match self.embedded {
            Some(embedded) if i < embedded.len() => embedded.entry(i),
            Some(embedded) => &self.added[i - embedded.len()],
            None => &self.added[i],
        }
    }

    fn profile(&self, id: EntryId) -> Profile {
        let i = id.index();
        match self.embedded {
            Some(embedded) if i < embedded.len() => Profile(embedded.profiles[i]),
            Some(embedded) => self.added_profiles[i - embedded.len()],
            None => self.added_profiles[i],
        }
    }
}

/// An index into a gazetteer's entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct EntryId(u32);

impl EntryId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// The entries of a name found, read as a slice. Most names name one
/// entry or two, kept inline: a vector for each match was an allocation for
/// each.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NameEntries {
    One(EntryId),
    Two([EntryId; 2]),
    Many(Box<[EntryId]>),
}

impl std::ops::Deref for NameEntries {
    type Target = [EntryId];

    fn deref(&self) -> &[EntryId] {
        match self {
            NameEntries::One(id) => std::slice::from_ref(id),
            NameEntries::Two(ids) => ids,
            NameEntries::Many(ids) => ids,
        }
    }
}

/// A name of the gazetteer found in text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    pub(crate) span: Span,
    /// Every entry with this name; the most prominent first. Never empty.
    pub(crate) entries: NameEntries,
    /// The name is also a common word or first name, or names only a small
    /// place: the entity stage should accept it only with context.
    pub(crate) ambiguous: bool,
}

impl Gazetteer {
    /// A builder for a gazetteer of your own.
    ///
    /// # Example
    ///
    /// ```
    /// let empty = sayso::Gazetteer::builder().build().unwrap();
    /// assert!(empty.is_empty());
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The number of entries.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::Gazetteer::builder().build().unwrap().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.inner.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(sayso::Gazetteer::builder().build().unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entries.len() == 0
    }

    /// All entries, in the order they were added.
    ///
    /// # Example
    ///
    /// ```
    /// let g = sayso::Gazetteer::builder().build().unwrap();
    /// assert_eq!(g.entries().count(), 0);
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        (0..self.inner.entries.len()).map(|i| self.entry(EntryId(i as u32)))
    }

    pub(crate) fn entry(&self, id: EntryId) -> &Entry {
        self.inner.entries.get(id)
    }

    /// What the entity stage asks of entry `id` at every match, read
    /// without the entry.
    pub(crate) fn profile(&self, id: EntryId) -> Profile {
        self.inner.entries.profile(id)
    }

    /// The keys clustering files an entry's names under, made by `make`
    /// the first time any thread asks and then kept with the gazetteer.
    pub(crate) fn keys(&self, id: EntryId, make: impl FnOnce(&Entry) -> EntryKeys) -> &EntryKeys {
        self.inner
            .keys
            .get_or_init(id.index(), || make(self.entry(id)))
    }

    /// Every gazetteer name in `text`: leftmost-longest, non-overlapping, on
    /// token boundaries, in text order.
    /// The first of the entries named exactly `name` (as [`lookup`]), in
    /// the order [`lookup`] gives them.
    ///
    /// [`lookup`]: Gazetteer::lookup
    pub(crate) fn first_named(&self, name: &str) -> Option<EntryId> {
        self.inner.matcher.lookup(name).first().copied()
    }

    pub(crate) fn find(&self, text: &str, layout: &Layout) -> Vec<Match> {
        self.inner.matcher.find(text, layout)
    }

    /// Every entry with this name or alias (compared folded: case kept,
    /// diacritics and hyphens not), the preferred one first: hand-curated
    /// entries, then the most prominent.
    ///
    /// # Example
    ///
    /// ```
    /// let g = sayso::Gazetteer::builder()
    ///     .add_tsv("p.tsv", "a:1\tMoscow\tplace\tcity\t\tUS\t25000\t\t\n\
    ///                        a:2\tMoscow\tplace\tcity\tMoskva\tRU\t12000000\t\t\n")
    ///     .build()
    ///     .unwrap();
    /// let ids: Vec<&str> = g.lookup("Moscow").map(|e| &*e.id).collect();
    /// assert_eq!(ids, ["a:2", "a:1"]);
    /// assert_eq!(g.lookup("Moskva").count(), 1);
    /// ```
    pub fn lookup(&self, name: &str) -> impl Iterator<Item = &Entry> {
        self.inner
            .matcher
            .lookup(name)
            .into_iter()
            .map(|id| self.entry(id))
    }
}

/// Configures and builds a [`Gazetteer`].
///
/// Entries come from TSV text (see [`COLUMNS`] and `gazetteers/README.md`),
/// from files, or one by one. Only [`GazetteerBuilder::build`] can fail, and
/// its error names the file and line of the first malformed entry.
///
/// # Example
///
/// ```
/// use sayso::{EntityType, Entry, Gazetteer};
///
/// let gazetteer = Gazetteer::builder()
///     .add_tsv("extra.tsv", "my:1\tNovaya Tavolshanka\tplace\tvillage\t\tRU\t\t\t\n")
///     .add_entry(Entry::new("my:2", "Freedom of Russia Legion", EntityType::Group))
///     .build()
///     .unwrap();
/// assert_eq!(gazetteer.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    /// Whether to start from the embedded gazetteers.
    embedded: bool,
    sources: Vec<Source>,
}

#[derive(Clone, Debug)]
enum Source {
    Tsv {
        name: PathBuf,
        contents: Cow<'static, str>,
    },
    File(PathBuf),
    Entry(Box<Entry>),
}

impl Source {
    /// The name errors give for the source; entries added one by one have
    /// none.
    fn path(&self) -> Option<&Path> {
        match self {
            Source::Tsv { name, .. } => Some(name),
            Source::File(path) => Some(path),
            Source::Entry(_) => None,
        }
    }
}

impl GazetteerBuilder {
    /// Adds the entries of TSV text; `name` is used in error messages.
    ///
    /// # Example
    ///
    /// ```
    /// let g = sayso::Gazetteer::builder()
    ///     .add_tsv("inline", "# a comment\n\nmy:1\tGladkov\tperson\tgovernor\t\tRU\t\tm\t\n")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.len(), 1);
    /// ```
    pub fn add_tsv(
        mut self,
        name: impl Into<PathBuf>,
        contents: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.sources.push(Source::Tsv {
            name: name.into(),
            contents: contents.into(),
        });
        self
    }

    /// Adds the entries of a TSV file, read when the gazetteer is built.
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Gazetteer::builder().add_file("no/such/file.tsv").build().unwrap_err();
    /// assert_eq!(err.kind(), sayso::ErrorKind::Io);
    /// ```
    pub fn add_file(mut self, path: impl AsRef<Path>) -> Self {
        self.sources.push(Source::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds one entry.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::{EntityType, Entry, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .add_entry(Entry::new("my:1", "Shebekino", EntityType::Place))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(g.entries().next().unwrap().name, "Shebekino");
    /// ```
    pub fn add_entry(mut self, entry: Entry) -> Self {
        self.sources.push(Source::Entry(Box::new(entry)));
        self
    }

    /// Parses every source and compiles the matcher.
    ///
    /// # Errors
    ///
    /// A source that cannot be read ([`ErrorKind::Io`](crate::ErrorKind::Io));
    /// a malformed entry or an id used twice, with its place
    /// ([`ErrorKind::Gazetteer`](crate::ErrorKind::Gazetteer)); and, also
    /// of that kind, more entries or names than the compiled matcher's
    /// 32-bit words hold (2^31 entries, a trie of 2^28 words).
    ///
    /// # Example
    ///
    /// ```
    /// let err = sayso::Gazetteer::builder()
    ///     .add_tsv("bad.tsv", "my:1\t\tplace\t\t\t\t\t\t\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "bad.tsv:1: empty name");
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut entries = Vec::new();
        // Where each entry came from: the index of its source and its line
        // there, kept beside the entries rather than with them, since the
        // embedded gazetteers have hundreds of thousands.
        let mut lines = Vec::new();
        let mut sources = Vec::new();
        for (index, source) in self.sources.iter().enumerate() {
            match source {
                Source::Tsv { name, contents } => match contents {
                    Cow::Borrowed(text) => tsv::parse_static(name, text, &mut entries, &mut lines)?,
                    Cow::Owned(text) => tsv::parse(name, text, &mut entries, &mut lines)?,
                },
                Source::File(path) => {
                    let contents =
                        std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
                    tsv::parse(path, &contents, &mut entries, &mut lines)?;
                }
                Source::Entry(entry) => {
                    tsv::validate(entry)
                        .map_err(|msg| Error::new(crate::ErrorKind::Gazetteer, msg))?;
                    entries.push((**entry).clone());
                    lines.push(None);
                }
            }
            sources.resize(entries.len(), index);
        }
        let embedded = self.embedded.then(|| &*EMBEDDED);
        self.check_unique_ids(embedded, &entries, &sources, &lines)?;
        let entries = Entries {
            embedded,
            added_profiles: entries.iter().map(Profile::of).collect(),
            added: entries,
        };
        let matcher = matcher::Matcher::new(&entries)
            .map_err(|msg| Error::new(crate::ErrorKind::Gazetteer, msg))?;
        let keys = LazyTable::new(entries.len());
        Ok(Gazetteer {
            inner: Arc::new(Inner {
                entries,
                matcher,
                keys,
            }),
        })
    }
}

impl GazetteerBuilder {
    /// Ids are what output links to (`"gazetteer_id"`), so two entries with
    /// one id would make a link ambiguous; the error names both places.
    ///
    /// The embedded entries' ids are unique (a test checks), so only added
    /// entries are checked, against each other and the embedded ones.
    fn check_unique_ids(
        &self,
        embedded: Option<&Embedded>,
        entries: &[Entry],
        sources: &[usize],
        lines: &[Option<u64>],
    ) -> Result<(), Error> {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            seen.entry(&entry.id).or_insert(i);
        }
        // Scanning the embedded ids is cheaper than a map of them.
        let mut embedded_ids: HashMap<&str, usize> = HashMap::new();
        if let Some(embedded) = embedded.filter(|_| !entries.is_empty()) {
            for e in 0..embedded.len() {
                let id = embedded.id(e);
                if seen.contains_key(id) {
                    embedded_ids.entry(id).or_insert(e);
                }
            }
        }
        seen.clear();
        for (i, entry) in entries.iter().enumerate() {
            let first_place = if let Some(&e) = embedded_ids.get(&*entry.id) {
                let (path, n) = embedded.expect("ids found there").place(e);
                format!("{path}:{n}")
            } else if let Some(&first) = seen.get(&*entry.id) {
                match (self.sources[sources[first]].path(), lines[first]) {
                    (Some(_), Some(n)) if sources[first] == sources[i] => format!("line {n}"),
                    (Some(path), Some(n)) => format!("{}:{n}", path.display()),
                    _ => "an entry added with add_entry".to_string(),
                }
            } else {
                seen.insert(&entry.id, i);
                continue;
            };
            let err = Error::new(
                crate::ErrorKind::Gazetteer,
                format!("duplicate id {:?}, first used by {first_place}", entry.id),
            );
            return Err(match self.sources[sources[i]].path() {
                Some(path) => err.at(path, lines[i]),
                None => err,
            });
        }
        Ok(())
    }

    pub(crate) fn extend(mut self, other: &GazetteerBuilder) -> Self {
        self.sources.extend(other.sources.iter().cloned());
        self
    }
}

/// A builder holding the embedded default gazetteers (people, groups,
/// places), compiled into the crate.
pub(crate) fn embedded() -> GazetteerBuilder {
    GazetteerBuilder {
        embedded: true,
        sources: Vec::new(),
    }
}

/// The embedded gazetteers, in the order `build.rs` compiles their names.
const EMBEDDED_FILES: [(&str, &str); 3] = [
    (
        "gazetteers/people.tsv",
        include_str!("../../gazetteers/people.tsv"),
    ),
    (
        "gazetteers/groups.tsv",
        include_str!("../../gazetteers/groups.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../../gazetteers/places.tsv"),
    ),
];

static EMBEDDED: LazyLock<Embedded> = LazyLock::new(|| {
    let offsets = include_bytes!(concat!(env!("OUT_DIR"), "/entries.offsets"));
    Embedded {
        offsets,
        profiles: include_bytes!(concat!(env!("OUT_DIR"), "/entries.profiles")),
        entries: LazyTable::new(offsets.len() / 4),
    }
});

/// The entries of the embedded gazetteers, each parsed from its line the
/// first time it is asked for.
#[derive(Debug)]
struct Embedded {
    /// Where each entry's line starts, as a little-endian `u32` offset into
    /// the embedded files read one after another; written by `build.rs`.
    offsets: &'static [u8],
    /// Each entry's [`Profile`], written by `build.rs`.
    profiles: &'static [u8],
    entries: LazyTable<Entry>,
}

impl Embedded {
    fn len(&self) -> usize {
        self.offsets.len() / 4
    }

    fn entry(&self, i: usize) -> &Entry {
        self.entries.get_or_init(i, || {
            let (_, text, at) = self.locate(i);
            let line = text[at..].split('\n').next().unwrap_or("");
            let line = line.strip_suffix('\r').unwrap_or(line);
            tsv::parse_line(line, Cow::Borrowed)
                .expect("the embedded entries are valid; tests check them")
        })
    }

    /// The id of entry `i`, read without parsing the entry.
    fn id(&self, i: usize) -> &'static str {
        let (_, text, at) = self.locate(i);
        text[at..].split('\t').next().unwrap_or("").trim()
    }

    /// The file and line number of entry `i`, for errors.
    fn place(&self, i: usize) -> (&'static str, usize) {
        let (path, text, at) = self.locate(i);
        (path, text[..at].matches('\n').count() + 1)
    }

    /// The path and text of the file holding entry `i`, and the offset of its
    /// line there.
    fn locate(&self, i: usize) -> (&'static str, &'static str, usize) {
        let bytes = &self.offsets[i * 4..i * 4 + 4];
        let mut at = u32::from_le_bytes(bytes.try_into().expect("four bytes")) as usize;
        for (path, text) in EMBEDDED_FILES {
            if at < text.len() {
                return (path, text, at);
            }
            at -= text.len();
        }
        unreachable!("build.rs writes offsets within the embedded files")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_profiles_are_those_of_their_entries() {
        let gazetteer = embedded().build().unwrap();
        assert_eq!(EMBEDDED.profiles.len(), EMBEDDED.len());
        for i in 0..EMBEDDED.len() {
            let id = EntryId(i as u32);
            let entry = gazetteer.entry(id);
            assert_eq!(gazetteer.profile(id), Profile::of(entry), "{}", entry.id);
        }
    }

    #[test]
    fn profiles_answer_for_their_entries() {
        // A line's kind, subtype, prominence and gender columns, and what
        // its profile answers: kind, gender, country, city.
        type Case = (&'static str, (EntityType, Option<Gender>, bool, bool));
        let cases: &[Case] = &[
            (
                "person\tjournalist\t\tm",
                (EntityType::Person, Some(Gender::Male), false, false),
            ),
            (
                "person\t\t\tfemale",
                (EntityType::Person, Some(Gender::Female), false, false),
            ),
            (
                "person\t\t5000000\tmale",
                (EntityType::Person, Some(Gender::Male), false, true),
            ),
            ("group\tcountry\t\t", (EntityType::Group, None, true, false)),
            (
                "place\tcountry\t144000000\t",
                (EntityType::Place, None, true, true),
            ),
            (
                "place\tcity\t1000000\t",
                (EntityType::Place, None, false, true),
            ),
            (
                "place\tcity\t999999\t",
                (EntityType::Place, None, false, false),
            ),
            (
                "place\tcountry_region\t\t",
                (EntityType::Place, None, false, false),
            ),
        ];
        let tsv: String = cases
            .iter()
            .enumerate()
            .map(|(i, (columns, _))| {
                let [kind, subtype, prominence, gender] =
                    columns.split('\t').collect::<Vec<_>>().try_into().unwrap();
                format!("t:{i}\tName {i}\t{kind}\t{subtype}\t\t\t{prominence}\t{gender}\t\n")
            })
            .collect();
        // Added to the embedded entries and alone: their ids start after
        // the embedded ones in the first.
        for builder in [embedded(), Gazetteer::builder()] {
            let gazetteer = builder.add_tsv("t.tsv", tsv.clone()).build().unwrap();
            let first = gazetteer.len() - cases.len();
            for (i, (columns, expected)) in cases.iter().enumerate() {
                let profile = gazetteer.profile(EntryId((first + i) as u32));
                let answers = (
                    profile.kind(),
                    profile.gender(),
                    profile.country(),
                    profile.city(),
                );
                assert_eq!(answers, *expected, "{columns:?}");
            }
        }
    }
}
