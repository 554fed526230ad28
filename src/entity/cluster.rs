//! Clustering: mentions of one entity share its id. Mentions are taken in
//! text order and joined to an earlier entity by keys (gazetteer entry, the
//! normalised name, a person's surname, a group's content words, initials),
//! then by edit distance within a bucket of names sharing their first letter,
//! so the work grows with the number of mentions, not its square.

use std::cell::Cell;
use std::cmp::Ordering;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::OnceLock;

use crate::hash::Map;

use crate::document::{Entity, EntityId, EntityType, Snippet, Text};
use crate::gazetteer::{
    Entry, EntryId, EntryKeys, EntryKeysBuilder, Gazetteer, Gender, Hashed, NameKeys, WordKeys,
};
use crate::lexicon::{Lexicons, Listed};

use super::typing::Candidate;
use super::{Entities, Mention};

/// How many earlier names of one bucket a new name is compared with by edit
/// distance; keeps huge documents linear.
const FUZZY_BUDGET: u32 = 64;

/// Names shorter than this match only exactly: "Ivanov" ~ "Ivanow" is a
/// spelling, "Bush" ~ "Rush" is another man.
const FUZZY_MIN_CHARS: usize = 6;

struct Cluster<'k> {
    entry: Option<EntryId>,
    /// The type with most votes: every mention votes for its type, a cue
    /// by its confidence, thrice what a guess from the name's shape
    /// counts: a bare "Scientology" guessed a person says far less than
    /// "Scientology officials" says group, and a document repeats the bare
    /// name far more often.
    kind: EntityType,
    votes: [u32; 3],
    /// The highest confidence of a mention.
    confidence: u8,
    /// Normalised first name, for people named in full.
    first: Option<&'k str>,
    gender: Option<Gender>,
}

/// The keys of the names registered so far, all borrowed: those of
/// gazetteer names from the gazetteer, which keeps them, those of the
/// document's own names from the buffer they were made in before
/// clustering. A key is hashed to a number, once for each distinct name of
/// the document (a gazetteer name's hash is kept with it), and filed by
/// that number: a document's names are mostly repeated, and a repeat is
/// looked up and filed by its keys half a dozen times.
struct Index<'k> {
    /// Each distinct key's number: where in `keys` it is, and in `filed`
    /// what it is filed under.
    ids: Numbers,
    keys: Vec<Hashed<'k>>,
    filed: Vec<Filed>,
    /// The clusters of each surname, each linked to the one before it with
    /// the same surname (plus one; 0: none): one vector, not one a surname.
    surnamed: Vec<(usize, usize)>,
    /// The names compared by edit distance, in the order registered, each
    /// linked to the one before it with the same first letter: its bucket.
    /// Only names long enough to compare are kept, the others only counted.
    bucketed: Vec<Bucketed>,
    /// Per first letter, the head of its bucket; ASCII letters, which begin
    /// most names, by an array.
    ascii_heads: Vec<Head>,
    heads: Map<char, Head>,
    /// The document's own keys by one bit of their hash each: a key of a
    /// gazetteer name whose bit is clear is none of them, so no name of the
    /// document looks it up.
    own: Vec<u64>,
}

/// Numbers keys 0, 1, 2, ... in the order first seen, by their hashes,
/// in a table of slots that holds no key: the caller keeps key `i` at place
/// `i` of a vector of its own and says whether a key is the one sought.
/// Unlike a map of borrowed keys, it borrows nothing, so that a thread
/// keeps it from one document to the next, warm in cache, where each
/// document wrote a new map into memory not touched for long; and a slot is
/// a quarter of the size of a map's entry.
#[derive(Default)]
struct Numbers {
    /// The key's hash above its number plus one; 0 for an empty slot. A
    /// key is looked for from the slot its hash's low bits pick, and
    /// compared only where the hash is its own.
    slots: Vec<u64>,
    len: usize,
    /// How many keys the slots take before they grow: three quarters of
    /// them, so that runs of full slots stay short and the hashes kept rule
    /// out most slots of a run unread. Kept, not worked out again for each
    /// key numbered.
    limit: usize,
}

impl Numbers {
    /// Empties the table, with room for `n` keys before it grows.
    fn reset(&mut self, n: usize) {
        self.slots.clear();
        self.slots
            .resize((n + n.div_ceil(3)).next_power_of_two().max(16), 0);
        self.len = 0;
        self.limit = 3 * self.slots.len() / 4;
    }

    /// The number of the key with `hash` for which `is` holds, and whether
    /// it is new: the next number, given the key if none holds.
    fn number(&mut self, hash: u32, is: impl Fn(usize) -> bool) -> (usize, bool) {
        if self.len >= self.limit {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let tag = u64::from(hash);
        let mut at = tag as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                let number = self.len;
                let plus_one = u32::try_from(number + 1).expect("fewer than 2^32 keys");
                self.slots[at] = tag << 32 | u64::from(plus_one);
                self.len += 1;
                return (number, true);
            }
            if slot >> 32 == tag {
                let number = (slot & u64::from(u32::MAX)) as usize - 1;
                if is(number) {
                    return (number, false);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Doubles the slots; the hash kept with each key places it anew.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots.resize(2 * old.len().max(8), 0);
        self.limit = 3 * self.slots.len() / 4;
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut at = (slot >> 32) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}

/// `key` with its hash. One hasher for the process, so that the hashes
/// kept with the gazetteer's keys are those of the documents' own, still
/// seeded at random, so that text crafted to collide cannot make lookups
/// quadratic.
fn hashed(key: &str) -> Hashed<'_> {
    static STATE: OnceLock<foldhash::fast::RandomState> = OnceLock::new();
    Hashed {
        text: key,
        // foldhash's low bits are as good as its high ones.
        hash: STATE.get_or_init(Default::default).hash_one(key) as u32,
    }
}

/// What a key is filed under, [`UNFILED`] where it is not: the cluster
/// that first had it as its normalised name, content words or initials, the
/// group it last ended as a group head, and, for a person's surname, where
/// in `surnamed` the latest cluster with that surname is. As `u32`s, half
/// the bytes of `usize`s: a document writes one for each of its keys and
/// those of its gazetteer entries' names, mostly into memory out of cache.
#[derive(Clone, Copy)]
struct Filed {
    name: u32,
    surname: u32,
    words: u32,
    initials: u32,
    head: u32,
}

const UNFILED: u32 = u32::MAX;

/// What a link not yet to a cluster points at.
const NONE: usize = usize::MAX;

impl Filed {
    const EMPTY: Filed = Filed {
        name: UNFILED,
        surname: UNFILED,
        words: UNFILED,
        initials: UNFILED,
        head: UNFILED,
    };
}

/// `k`, a cluster, a place in `surnamed` or `bucketed` or a key's number,
/// as filed.
fn filing(k: usize) -> u32 {
    u32::try_from(k)
        .ok()
        .filter(|&k| k != UNFILED)
        .expect("a document has fewer than 2^32 - 1 names and keys")
}

/// A gazetteer entry the document's candidates are linked to.
struct Linked {
    /// The cluster of its first candidate, which its later ones join.
    cluster: usize,
    /// Where in the registrations of entries' names its latest is, plus
    /// one (0: none).
    latest: usize,
}

/// An entry's names registered for a cluster, as a person's or not.
struct Registration {
    cluster: usize,
    person: bool,
    /// Where in the group heads of all registrations those the names
    /// pointed at the cluster are.
    heads: Range<usize>,
    /// The entry's registration before it, plus one (0: none).
    previous: usize,
}

/// A key by its number in the index, which keeps its text, and whether the
/// text is ASCII: its chars are then its bytes.
#[derive(Clone, Copy)]
struct Key {
    id: usize,
    ascii: bool,
}

/// A name in a bucket for edit distance: the number of its key, whose text
/// the index keeps, and the rest, as `u32`s, as a bucket's names are read
/// one after another back to its first.
struct Bucketed {
    key: u32,
    /// Its length in chars.
    chars: u32,
    cluster: u32,
    /// Where the name before it in its bucket is in `bucketed`, plus one.
    previous: u32,
    /// How many names, long enough to compare or not, its bucket had before
    /// it.
    ordinal: u32,
}

/// The head of a bucket of names for edit distance.
#[derive(Clone, Copy, Default)]
struct Head {
    /// How many names it has had, long enough to compare or not.
    names: u32,
    /// Where in `bucketed` its latest name is, plus one (0: none yet).
    latest: u32,
}

/// The keys of one of the document's distinct names, made before
/// clustering, once however often the name is repeated, in one buffer that
/// the index borrows (a key costs no allocation of its own), and then
/// numbered in the index. Where each key is, rather than the key, and
/// numbers as `u32`s: a document writes one for each distinct name, mostly
/// into memory out of cache, and a name's keys as strings and numbers were
/// 2.5 times the bytes.
struct Made<'t> {
    /// The name as written.
    name: &'t str,
    /// How many words, connectors left out.
    words: u32,
    /// Whether the last word is a group head ("Corps", "Ministry").
    head: bool,
    /// Where in the buffer of keys the normalised name, the first word's
    /// key (for names of two words or more), the last word's key (by which
    /// a person is found), the content words as a set and the initials of
    /// the capitalised words are.
    keys: [Range<u32>; 5],
    /// A lone word in capitals, of two letters or more: initials, perhaps.
    acronym: Option<&'t str>,
    /// Whether the normalised name is ASCII, and so its last word's key, a
    /// part of it.
    ascii: bool,
    /// The numbers of the keys, once numbered (see [`Made::number`]).
    ids: Ids,
}

/// Places in [`Made::keys`].
const NORM: usize = 0;
const FIRST: usize = 1;
const LAST: usize = 2;
const CONTENT: usize = 3;
const INITIALS: usize = 4;

/// The numbers in the index of a name's normalised name, its last word's
/// key, and, where the name has them, its content key, initials (two or
/// more) and acronym; [`UNFILED`] where it has not.
#[derive(Clone, Copy)]
struct Ids {
    norm: u32,
    last: u32,
    content: u32,
    initials: u32,
    acronym: u32,
}

/// Buffers [`Made::new`] reuses from name to name.
#[derive(Default)]
struct Scratch<'t> {
    words: Vec<&'t str>,
    /// Where each word's key is in the buffer of keys, for the content key
    /// of three words or more.
    places: Vec<Range<usize>>,
    key: String,
}

impl<'t> Made<'t> {
    /// Writes the keys of `name` at the end of `buffer`. Most of them are
    /// parts of the normalised name, not copies: the last word's key ends
    /// it (the name's ending fold is its last word's), the first word's
    /// begins it unless its own ending folds, and a name of two words in
    /// order is its content key.
    fn new(name: &'t str, scratch: &mut Scratch<'t>, buffer: &mut String) -> Made<'t> {
        let words = &mut scratch.words;
        words.clear();
        let ascii = name.is_ascii();
        name_words(name, ascii, words);
        let start = buffer.len();
        // The words of an ASCII name are ASCII: no second reading of them.
        // The last space, written between the last two words, is where the
        // last word's key begins: no search for it.
        let space = if ascii {
            fold_ascii(words, buffer)
        } else {
            fold_words(words, buffer)
        };
        if folds_ending(&buffer[start..]) {
            buffer.truncate(buffer.len() - 2);
            buffer.push('y');
        }
        let norm = start..buffer.len();
        let n = words.len();
        let last = match space {
            Some(space) => space + 1..norm.end,
            None => norm.clone(),
        };
        let (first, content, initials) = if n >= 2 {
            // Words hold no spaces: the first is all before the first
            // space, which of two words is the one before the last, and
            // else is found byte by byte (too short a search for memchr).
            let space = if n == 2 {
                last.start - 1
            } else {
                buffer[norm.clone()]
                    .bytes()
                    .position(|b| b == b' ')
                    .map_or(norm.end, |i| start + i)
            };
            let first = word_key(buffer, start..space, &mut scratch.key);
            let content = if n == 2 {
                pair_key(buffer, &norm, first.clone(), last.clone(), &mut scratch.key)
            } else {
                content_key(buffer, &norm, last.clone(), scratch)
            };
            let at = buffer.len();
            if ascii {
                // Each word's first byte is its first char: none decoded.
                for word in &scratch.words {
                    let b = word.as_bytes()[0];
                    if b.is_ascii_uppercase() {
                        buffer.push(char::from(b));
                    }
                }
            } else {
                buffer.extend(
                    scratch
                        .words
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .filter(|c| c.is_uppercase()),
                );
            }
            (first, content, at..buffer.len())
        } else {
            (0..0, 0..0, 0..0)
        };
        // The chars of an ASCII word are its bytes: none decoded.
        let acronym = match scratch.words[..] {
            [word] if ascii && word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()) => {
                Some(word)
            }
            [word]
                if !ascii
                    && word.chars().nth(1).is_some()
                    && word.chars().all(|ch| ch.is_uppercase()) =>
            {
                Some(word)
            }
            _ => None,
        };
        assert!(
            u32::try_from(buffer.len()).is_ok(),
            "a document's keys are under 4 GB"
        );
        let keys = [norm, first, last, content, initials];
        let narrow = |r: Range<usize>| r.start as u32..r.end as u32;
        Made {
            name,
            // The keys of an ASCII name are ASCII: no look at them.
            ascii: ascii || buffer[keys[NORM].clone()].is_ascii(),
            words: u32::try_from(n).expect("a name's words are under 4 GB"),
            head: scratch
                .words
                .last()
                .is_some_and(|last| is_head(last, ascii)),
            keys: keys.map(narrow),
            acronym,
            ids: Ids {
                norm: UNFILED,
                last: UNFILED,
                content: UNFILED,
                initials: UNFILED,
                acronym: UNFILED,
            },
        }
    }

    /// The key at `place` of [`Made::keys`].
    fn key<'k>(&self, buffer: &'k str, place: usize) -> &'k str {
        let r = &self.keys[place];
        &buffer[r.start as usize..r.end as usize]
    }

    /// The normalised name's key.
    fn norm(&self) -> Key {
        Key {
            id: self.ids.norm as usize,
            ascii: self.ascii,
        }
    }

    /// The last word's key.
    fn last(&self) -> Key {
        Key {
            id: self.ids.last as usize,
            ascii: self.ascii,
        }
    }

    /// Numbers the keys in `index`. A key that is the normalised name's
    /// own range, as a one-word name's last word is, takes its number
    /// unhashed.
    fn number<'k>(&mut self, buffer: &'k str, index: &mut Index<'k>)
    where
        't: 'k,
    {
        let norm = filing(index.id(hashed(self.key(buffer, NORM))));
        let mut key = |place: usize| {
            if self.keys[place] == self.keys[NORM] {
                norm
            } else {
                filing(index.id(hashed(self.key(buffer, place))))
            }
        };
        let last = key(LAST);
        let (content, initials) = if self.words >= 2 {
            let initials = self.key(buffer, INITIALS).chars().nth(1).is_some();
            (key(CONTENT), if initials { key(INITIALS) } else { UNFILED })
        } else {
            (UNFILED, UNFILED)
        };
        self.ids = Ids {
            norm,
            last,
            content,
            initials,
            acronym: self
                .acronym
                .map_or(UNFILED, |a| filing(index.id(hashed(a)))),
        };
    }

    /// The first word's key, for names of two words or more; else empty.
    fn first<'k>(&self, buffer: &'k str) -> &'k str {
        if self.words >= 2 {
            self.key(buffer, FIRST)
        } else {
            ""
        }
    }
}

/// The key of the word at `word` in `buffer`, a field of a normalised
/// name: the word itself unless its ending folds, in which case the folded
/// word is written at the end.
fn word_key(buffer: &mut String, word: Range<usize>, scratch: &mut String) -> Range<usize> {
    if !folds_ending(&buffer[word.clone()]) {
        return word;
    }
    scratch.clear();
    scratch.push_str(&buffer[word]);
    fold_ending(scratch);
    append(buffer, scratch)
}

/// The content key of a name of two words, whose normalised name is at
/// `norm`: the words' keys in order, by one comparison, without the buffers
/// a sort of any number takes.
fn pair_key(
    buffer: &mut String,
    norm: &Range<usize>,
    first: Range<usize>,
    last: Range<usize>,
    scratch: &mut String,
) -> Range<usize> {
    // Compared as bytes, which order as the text does, the keys need no
    // check of char boundaries.
    let keys = buffer.as_bytes();
    let (a, b) = (&keys[first.clone()], &keys[last.clone()]);
    if a == b {
        return first;
    }
    // In order and unfolded, the words are the name itself.
    if a < b && first.start == norm.start && first.end < last.start {
        return norm.clone();
    }
    let (low, high) = if a < b { (first, last) } else { (last, first) };
    scratch.clear();
    scratch.push_str(&buffer[low]);
    scratch.push(' ');
    scratch.push_str(&buffer[high]);
    append(buffer, scratch)
}

/// The content words as a set, for a name of three words or more: "Freedom
/// Legion of Russia" and "Legion for the Freedom of Russia" share it.
fn content_key(
    buffer: &mut String,
    norm: &Range<usize>,
    last: Range<usize>,
    scratch: &mut Scratch<'_>,
) -> Range<usize> {
    let places = &mut scratch.places;
    places.clear();
    let mut at = norm.start;
    while at < last.start {
        let end = buffer[at..last.start - 1]
            .bytes()
            .position(|b| b == b' ')
            .map_or(last.start - 1, |i| at + i);
        places.push(word_key(buffer, at..end, &mut scratch.key));
        at = end + 1;
    }
    places.push(last);
    let keys = buffer.as_bytes();
    let order =
        |a: &Range<usize>, b: &Range<usize>| words_order(&keys[a.clone()], &keys[b.clone()]);
    // Words in order, none folded nor repeated, are the name itself.
    if places
        .windows(2)
        .all(|w| w[0].end < w[1].start && order(&w[0], &w[1]).is_lt())
    {
        return norm.clone();
    }
    places.sort_unstable_by(order);
    places.dedup_by(|a, b| keys[a.clone()] == keys[b.clone()]);
    scratch.key.clear();
    for (i, place) in places.iter().enumerate() {
        if i > 0 {
            scratch.key.push(' ');
        }
        scratch.key.push_str(&buffer[place.clone()]);
    }
    append(buffer, &scratch.key)
}

/// The order of two words as bytes. Most words differ in their first byte,
/// which orders them as the whole words do, without a call to compare the
/// rest.
fn words_order(a: &[u8], b: &[u8]) -> Ordering {
    a.first().cmp(&b.first()).then_with(|| a.cmp(b))
}

/// Writes `key` at the end of `buffer`, and says where.
fn append(buffer: &mut String, key: &str) -> Range<usize> {
    let at = buffer.len();
    buffer.push_str(key);
    at..buffer.len()
}

/// Whether a name's last word is a group head ("Corps", "Ministry");
/// `ascii`: whether the word is known to be ASCII.
fn is_head(last: &str, ascii: bool) -> bool {
    // The lexicons' small table of shapes rules out most words without a
    // lookup in their packed table, out of cache, which holds the group
    // heads whatever their length.
    let listed = Listed::new();
    let head = |lower: &[u8]| {
        listed.bound(lower).any(Lexicons::GROUP_HEAD) && listed.of(lower).any(Lexicons::GROUP_HEAD)
    };
    // Most last words are short and ASCII: lowercased on the stack, not
    // copied into a string.
    let mut lower = [0; 16];
    if (ascii || last.is_ascii()) && last.len() <= lower.len() {
        let lower = &mut lower[..last.len()];
        lower.copy_from_slice(last.as_bytes());
        lower.make_ascii_lowercase();
        return head(lower);
    }
    head(last.to_lowercase().as_bytes())
}

/// Clusters the candidates (in text order, not overlapping) into entities.
pub(super) fn cluster(text: &str, candidates: &[Candidate], gazetteer: &Gazetteer) -> Entities {
    let mut spare = SPARE.take();
    let n = candidates.len();
    // Each distinct name's keys, made once in one buffer; each candidate
    // then borrows those of its name.
    let mut buffer = spare.buffer;
    buffer.reserve(2 * candidates.iter().map(|c| c.span.len()).sum::<usize>());
    let mut made: Vec<Made> = recycle(spare.made);
    made.reserve(n);
    // The distinct names are numbered in the table their keys are then,
    // which the second reset finds in cache.
    let mut names = spare.ids;
    names.reset(n);
    let mut scratch = Scratch {
        words: recycle(spare.scratch.words),
        ..spare.scratch
    };
    let mut which = spare.which;
    which.extend(candidates.iter().map(|c| {
        let surface = &text[c.span];
        let (i, new) = names.number(hashed(surface).hash, |i| made[i].name == surface);
        if new {
            made.push(Made::new(surface, &mut scratch, &mut buffer));
        }
        i
    }));
    // Sized by the distinct names, so that the tables seldom grow and
    // rehash (each growth rehashes every key) but stay small where one name
    // is repeated: on news, a distinct name brings 4.6 keys with its
    // gazetteer aliases, the bucketed names come to 3, entries and surnames
    // to half.
    let d = made.len();
    let mut index = Index {
        ids: names,
        keys: recycle(spare.keys),
        filed: spare.filed,
        surnamed: spare.surnamed,
        bucketed: spare.bucketed,
        ascii_heads: spare.ascii_heads,
        heads: spare.heads,
        own: spare.own,
    };
    index.ids.reset(5 * d);
    index.keys.reserve(5 * d);
    index.filed.reserve(5 * d);
    index.surnamed.reserve(d / 2);
    index.bucketed.reserve(3 * d);
    index.ascii_heads.resize(128, Head::default());
    for m in &mut made {
        m.number(&buffer, &mut index);
    }
    index.mark_own();
    let mut clusters: Vec<Cluster> = recycle(spare.clusters);
    clusters.reserve(d);
    let mut assigned = spare.assigned;
    assigned.reserve(n);
    let mut word_counts = spare.word_counts;
    word_counts.reserve(n);
    // The gazetteer entries the candidates are linked to, each looked up
    // once a candidate for its cluster, its registrations and their group
    // heads.
    let mut linked = spare.linked;
    linked.reserve(d / 2);
    let mut links = spare.links;
    links.reserve(d / 2);
    let mut registrations = spare.registrations;
    registrations.reserve(d / 2);
    let mut group_heads = spare.group_heads;
    for (c, &i) in candidates.iter().zip(&which) {
        let name = &made[i];
        // "Bill Clinton ... Hillary Clinton ... Mrs. Clinton": the one last
        // named of those a title's gender allows.
        let surname_of = (name.words == 1 && (c.kind != EntityType::Person || c.entry.is_none()))
            .then(|| filed(index.filed[name.ids.norm as usize].surname))
            .flatten()
            .and_then(|latest| {
                index
                    .surnamed(latest)
                    .find(|&k| match (c.gender, clusters[k].gender) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    })
            })
            .filter(|&k| clusters[k].kind == EntityType::Person && clusters[k].confidence >= 2);
        // "Daniel Montalvo ... Montalvo said": the surname of a person named
        // before is that person, whatever place shares the name, and
        // whatever took the name before ("TARANGO" misread as a dateline).
        let taken;
        let c = match surname_of {
            Some(_) => {
                taken = Candidate {
                    kind: EntityType::Person,
                    entry: None,
                    ..c.clone()
                };
                &taken
            }
            None => c,
        };
        let link = c.entry.map(|id| {
            *linked.entry(id).or_insert_with(|| {
                links.push(Linked {
                    cluster: NONE,
                    latest: 0,
                });
                links.len() - 1
            })
        });
        let target = surname_of.or_else(|| {
            let linked = link.map(|l| links[l].cluster).filter(|&k| k != NONE);
            linked.or_else(|| find(&index, &clusters, c, name, &buffer))
        });
        let k = match target {
            Some(k) => k,
            None => {
                clusters.push(Cluster {
                    entry: None,
                    kind: c.kind,
                    votes: [0; 3],
                    confidence: 0,
                    first: None,
                    gender: None,
                });
                clusters.len() - 1
            }
        };
        let cl = &mut clusters[k];
        cl.votes[slot(c.kind)] += match c.confidence {
            0 => 1,
            n => 3 * u32::from(n),
        };
        cl.confidence = cl.confidence.max(c.confidence);
        if cl.votes[slot(c.kind)] > cl.votes[slot(cl.kind)] {
            cl.kind = c.kind;
        }
        if cl.entry.is_none() {
            cl.entry = c.entry;
        }
        cl.gender = cl.gender.or(c.gender);
        let is_person = c.kind == EntityType::Person || cl.kind == EntityType::Person;
        if is_person && name.words >= 2 && cl.first.is_none() {
            cl.first = Some(name.first(&buffer));
        }
        register(&mut index, k, name, is_person);
        if let (Some(id), Some(l)) = (c.entry, link) {
            let link = &mut links[l];
            if link.cluster == NONE {
                link.cluster = k;
            }
            // A country is mentioned dozens of times and has dozens of
            // names; registering them again for the same cluster changes
            // nothing but where their group heads point.
            let mut at = link.latest;
            while let Some(r) = at.checked_sub(1) {
                if registrations[r].cluster == k && registrations[r].person == is_person {
                    break;
                }
                at = registrations[r].previous;
            }
            match at.checked_sub(1) {
                Some(r) => {
                    for &head in &group_heads[registrations[r].heads.clone()] {
                        index.filed[head].head = filing(k);
                    }
                }
                None => {
                    let start = group_heads.len();
                    register_keys(
                        &mut index,
                        k,
                        gazetteer.keys(id, entry_keys),
                        is_person,
                        &mut group_heads,
                    );
                    registrations.push(Registration {
                        cluster: k,
                        person: is_person,
                        heads: start..group_heads.len(),
                        previous: link.latest,
                    });
                    link.latest = registrations.len();
                }
            }
        }
        assigned.push(k);
        word_counts.push(name.words as usize);
    }
    let entities = build(
        text,
        candidates,
        gazetteer,
        &clusters,
        &assigned,
        &word_counts,
        &mut spare.grouping,
    );
    let Index {
        ids,
        keys,
        filed,
        surnamed,
        bucketed,
        ascii_heads,
        heads,
        own,
    } = index;
    let mut spare = Spare {
        grouping: spare.grouping,
        made: recycle(made),
        scratch: Scratch {
            words: recycle(scratch.words),
            ..scratch
        },
        which,
        ids,
        keys: recycle(keys),
        filed,
        surnamed,
        bucketed,
        ascii_heads,
        heads,
        own,
        clusters: recycle(clusters),
        assigned,
        word_counts,
        linked,
        links,
        registrations,
        group_heads,
        buffer,
    };
    spare.clear();
    SPARE.set(spare);
    entities
}

thread_local! {
    /// This thread's buffers for clustering.
    static SPARE: Cell<Spare> = Cell::default();
}

/// The buffers [`cluster`] fills for a document, kept by each thread from
/// one document to the next, emptied: a document allocates only where it
/// outgrows those before it on its thread. Those whose items borrow from a
/// document are kept as vectors of the same items borrowing nothing (see
/// [`recycle`]).
#[derive(Default)]
struct Spare {
    buffer: String,
    made: Vec<Made<'static>>,
    scratch: Scratch<'static>,
    which: Vec<usize>,
    ids: Numbers,
    keys: Vec<Hashed<'static>>,
    filed: Vec<Filed>,
    surnamed: Vec<(usize, usize)>,
    bucketed: Vec<Bucketed>,
    ascii_heads: Vec<Head>,
    heads: Map<char, Head>,
    own: Vec<u64>,
    clusters: Vec<Cluster<'static>>,
    assigned: Vec<usize>,
    word_counts: Vec<usize>,
    linked: Map<EntryId, usize>,
    links: Vec<Linked>,
    registrations: Vec<Registration>,
    group_heads: Vec<usize>,
    grouping: Grouping,
}

/// The buffers [`build`] groups mentions by entity in.
#[derive(Default)]
struct Grouping {
    ends: Vec<usize>,
    grouped: Vec<usize>,
    number: Vec<Option<usize>>,
    kept: Vec<usize>,
}

impl Spare {
    /// Empties the buffers that [`recycle`] has not emptied.
    fn clear(&mut self) {
        self.buffer.clear();
        self.scratch.places.clear();
        self.scratch.key.clear();
        self.which.clear();
        self.filed.clear();
        self.surnamed.clear();
        self.bucketed.clear();
        self.ascii_heads.clear();
        self.heads.clear();
        self.own.clear();
        self.assigned.clear();
        self.word_counts.clear();
        self.linked.clear();
        self.links.clear();
        self.registrations.clear();
        self.group_heads.clear();
        let grouping = &mut self.grouping;
        grouping.ends.clear();
        grouping.grouped.clear();
        grouping.number.clear();
        grouping.kept.clear();
    }
}

/// An empty vector of `U` in the allocation of `items`, for a `U` that is
/// `T` with other lifetimes: a vector of borrowed items kept past what they
/// borrowed. Collecting a vector's own iterator into items of the same size
/// and alignment reuses its allocation (a test checks that it does).
fn recycle<T, U>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items
        .into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

fn slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Group => 1,
        EntityType::Place => 2,
    }
}

fn find(
    index: &Index<'_>,
    clusters: &[Cluster],
    c: &Candidate,
    name: &Made,
    buffer: &str,
) -> Option<usize> {
    let compatible = |k: &usize| {
        let cl = &clusters[*k];
        let entry_ok = match (c.entry, cl.entry) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        entry_ok && (cl.kind == c.kind || cl.confidence < 3 || c.confidence < 3)
    };
    let of = |id: u32| &index.filed[id as usize];
    let ids = name.ids;
    if let Some(k) = filed(of(ids.norm).name).filter(compatible) {
        return Some(k);
    }
    let words = name.words;
    let person_like = c.kind == EntityType::Person || c.confidence < 3;
    if person_like && words > 0 {
        if let Some(latest) = filed(of(ids.last).surname) {
            let first = (words >= 2).then(|| name.first(buffer));
            let pick = index.surnamed(latest).find(|k| {
                let cl = &clusters[*k];
                let same_first = match (first, cl.first) {
                    (Some(a), Some(b)) => a == b || initial_of(a, b) || initial_of(b, a),
                    _ => true,
                };
                same_first && compatible(k)
            });
            if pick.is_some() {
                return pick;
            }
        }
    }
    if ids.content != UNFILED {
        if let Some(k) = filed(of(ids.content).words).filter(compatible) {
            return Some(k);
        }
    }
    if words == 1 {
        if ids.acronym != UNFILED {
            if let Some(k) = filed(of(ids.acronym).initials).filter(compatible) {
                return Some(k);
            }
        }
        // A group's head alone names the group last named with it: "the
        // Russian Volunteer Corps ... another Corps member".
        if name.head {
            if let Some(k) = filed(of(ids.norm).head) {
                return Some(k);
            }
        }
    }
    fuzzy(index, name.norm()).filter(compatible)
}

/// The word of a bitset `words` long and the bit in it that stand for
/// `hash`.
fn own_bit(words: usize, hash: u32) -> (usize, u64) {
    let bit = hash as usize & (words * 64 - 1);
    (bit / 64, 1 << (bit % 64))
}

/// A slot of [`Filed`], if filled.
fn filed(slot: u32) -> Option<usize> {
    (slot != UNFILED).then_some(slot as usize)
}

/// An earlier name within one edit of this one, both long enough, with the
/// same first letter.
fn fuzzy(index: &Index<'_>, norm: Key) -> Option<usize> {
    let norm_text = index.keys[norm.id].text;
    let (first, chars) = first_and_chars(norm_text, norm.ascii);
    if chars < FUZZY_MIN_CHARS {
        return None;
    }
    let head = index.head(first);
    // The budget counts the bucket's latest names, the short ones too,
    // which are not kept: the walk back ends at the oldest of them.
    let oldest = head.names.saturating_sub(FUZZY_BUDGET);
    let bucket = std::iter::successors((head.latest as usize).checked_sub(1), |&i| {
        (index.bucketed[i].previous as usize).checked_sub(1)
    })
    .map(|i| &index.bucketed[i]);
    // Names more than one char longer or shorter are more than one edit
    // away: their lengths, kept with them, rule them out without a look.
    bucket
        .take_while(|b| b.ordinal >= oldest)
        .find(|b| {
            (b.chars as usize).abs_diff(chars) <= 1
                && within_one_edit(index.keys[b.key as usize].text, norm_text)
        })
        .map(|b| b.cluster as usize)
}

impl<'k> Index<'k> {
    /// The number of `key`, given it if new.
    fn id(&mut self, key: Hashed<'k>) -> usize {
        let keys = &self.keys;
        let (id, new) = self.ids.number(key.hash, |i| keys[i].text == key.text);
        if new {
            self.keys.push(key);
            self.filed.push(Filed::EMPTY);
        }
        id
    }

    /// Marks the keys numbered so far, the document's names' keys, as its
    /// own.
    fn mark_own(&mut self) {
        let own = &mut self.own;
        own.clear();
        own.resize((self.keys.len() / 4).next_power_of_two(), 0);
        for key in &self.keys {
            let (word, bit) = own_bit(own.len(), key.hash);
            own[word] |= bit;
        }
    }

    /// Whether a key with this hash may be one of the document's own.
    fn own(&self, hash: u32) -> bool {
        let (word, bit) = own_bit(self.own.len(), hash);
        self.own[word] & bit != 0
    }

    /// The clusters of a surname, latest first, from where in `surnamed`
    /// its latest is.
    fn surnamed(&self, latest: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(latest), |&i| self.surnamed[i].1.checked_sub(1))
            .map(|i| self.surnamed[i].0)
    }

    /// The head of the bucket of `first`.
    fn head(&self, first: char) -> Head {
        match self.ascii_heads.get(first as usize) {
            Some(&head) => head,
            None => self.heads.get(&first).copied().unwrap_or_default(),
        }
    }
}

fn register(index: &mut Index<'_>, k: usize, name: &Made, is_person: bool) {
    if name.words == 0 {
        return;
    }
    add_name(index, name.norm(), k);
    let ids = name.ids;
    if is_person {
        add_surname(index, name.last(), k);
    } else if ids.content != UNFILED {
        add_content(index, ids.content as usize, k);
        if name.head {
            index.filed[ids.last as usize].head = filing(k);
        }
        if ids.initials != UNFILED {
            add_initials(index, ids.initials as usize, k);
        }
    }
}

/// Registers the names of a gazetteer entry for cluster `k`, as [`register`]
/// would the names themselves, and adds to `heads` the numbers of the group
/// heads they pointed at the cluster.
fn register_keys<'k>(
    index: &mut Index<'k>,
    k: usize,
    entry: &'k EntryKeys,
    is_person: bool,
    heads: &mut Vec<usize>,
) {
    for keys in entry.names() {
        let norm = Key {
            id: index.id(keys.norm.get()),
            ascii: keys.ascii,
        };
        add_name(index, norm, k);
        if is_person {
            let surname = Key {
                id: index.id(keys.surname.get()),
                ascii: keys.ascii,
            };
            add_surname(index, surname, k);
            continue;
        }
        let Some(words) = keys.words else { continue };
        // What content words, initials and group heads are filed under is
        // read only through the document's own keys: the gazetteer's other
        // keys of these kinds need not be filed. Its other names and
        // surnames still are, as they enter the buckets of names compared
        // by edit distance.
        if let Some(content) = words.content.filter(|c| index.own(c.hash)) {
            let content = index.id(content.get());
            add_content(index, content, k);
        }
        if words.head && index.own(keys.surname.hash) {
            let head = index.id(keys.surname.get());
            index.filed[head].head = filing(k);
            heads.push(head);
        }
        if index.own(words.initials.hash) {
            let initials = words.initials.get();
            if initials.text.chars().nth(1).is_some() {
                let initials = index.id(initials);
                add_initials(index, initials, k);
            }
        }
    }
}

/// The keys [`register`] files each name of an entry under, made once per
/// process and kept with the gazetteer.
fn entry_keys(entry: &Entry) -> EntryKeys {
    let mut keys = EntryKeysBuilder::default();
    let mut scratch = Scratch::default();
    let mut buffer = String::new();
    for n in entry.names() {
        buffer.clear();
        let made = Made::new(n, &mut scratch, &mut buffer);
        if made.words == 0 {
            continue;
        }
        let [norm, _, surname, content, initials] =
            [NORM, FIRST, LAST, CONTENT, INITIALS].map(|place| made.key(&buffer, place));
        keys.push(NameKeys {
            norm: hashed(norm),
            surname: hashed(surname),
            words: (made.words >= 2).then(|| WordKeys {
                content: Some(hashed(content)),
                head: made.head,
                initials: hashed(initials),
            }),
            ascii: made.ascii,
        });
    }
    keys.build()
}

fn add_name(index: &mut Index<'_>, norm: Key, k: usize) {
    // Each distinct name enters its bucket once, with its first cluster, so
    // registering a name costs the same however long the document.
    let filed = &mut index.filed[norm.id];
    if filed.name == UNFILED {
        filed.name = filing(k);
        add_to_bucket(index, norm, k);
    }
}

fn add_surname(index: &mut Index<'_>, surname: Key, k: usize) {
    let place = index.surnamed.len();
    match filed(index.filed[surname.id].surname) {
        // "Bill Clinton ... Hillary Clinton ... Bill Clinton ... Clinton":
        // a bare surname is the person of that name mentioned last, so a
        // cluster named again comes first in the chain, taken out of the
        // place it had.
        Some(latest) if index.surnamed[latest].0 != k => {
            let mut before = latest;
            let mut at = index.surnamed[latest].1.checked_sub(1);
            while let Some(i) = at {
                let (cluster, next) = index.surnamed[i];
                if cluster == k {
                    index.surnamed[before].1 = next;
                    break;
                }
                before = i;
                at = next.checked_sub(1);
            }
            index.surnamed.push((k, latest + 1));
            index.filed[surname.id].surname = filing(place);
        }
        Some(_) => {}
        None => {
            index.surnamed.push((k, 0));
            let filed = &mut index.filed[surname.id];
            filed.surname = filing(place);
            if filed.name == UNFILED {
                add_to_bucket(index, surname, k);
            }
        }
    }
}

fn add_content(index: &mut Index<'_>, id: usize, k: usize) {
    let filed = &mut index.filed[id];
    if filed.words == UNFILED {
        filed.words = filing(k);
    }
}

fn add_initials(index: &mut Index<'_>, id: usize, k: usize) {
    let filed = &mut index.filed[id];
    if filed.initials == UNFILED {
        filed.initials = filing(k);
    }
}

fn add_to_bucket(index: &mut Index<'_>, name: Key, k: usize) {
    let (first, chars) = first_and_chars(index.keys[name.id].text, name.ascii);
    let place = filing(index.bucketed.len() + 1);
    let head = match index.ascii_heads.get_mut(first as usize) {
        Some(head) => head,
        None => index.heads.entry(first).or_default(),
    };
    let ordinal = head.names;
    head.names += 1;
    // A name too short to compare is never found by edit distance: it is
    // counted, for the budget of the walk back, but left out of the walk.
    if chars >= FUZZY_MIN_CHARS {
        let previous = std::mem::replace(&mut head.latest, place);
        index.bucketed.push(Bucketed {
            key: filing(name.id),
            chars: u32::try_from(chars).expect("a document's keys are under 4 GB"),
            cluster: filing(k),
            previous,
            ordinal,
        });
    }
}

fn build(
    text: &str,
    candidates: &[Candidate],
    gazetteer: &Gazetteer,
    clusters: &[Cluster],
    assigned: &[usize],
    word_counts: &[usize],
    grouping: &mut Grouping,
) -> Entities {
    let Grouping {
        ends,
        grouped,
        number,
        kept,
    } = grouping;
    // Each cluster's mentions in text order, grouped by cluster in one
    // vector rather than a vector a cluster: `ends[k]` is where cluster
    // `k`'s end in `grouped`, counted first, then moved there as its
    // mentions are placed.
    ends.resize(clusters.len() + 1, 0);
    for &k in assigned {
        ends[k + 1] += 1;
    }
    for k in 0..clusters.len() {
        ends[k + 1] += ends[k];
    }
    grouped.resize(assigned.len(), 0);
    for (m, &k) in assigned.iter().enumerate() {
        grouped[ends[k]] = m;
        ends[k] += 1;
    }
    let mentions_of = |k: usize| &grouped[k.checked_sub(1).map_or(0, |j| ends[j])..ends[k]];
    // A lone capitalised word that no cue, list or fuller mention supports
    // is more often a product, event or term than a name: left out.
    let supported = |k: usize| {
        clusters[k].confidence > 0
            || mentions_of(k).iter().any(|&m| {
                word_counts[m] >= 2 || !text[candidates[m].span].chars().any(char::is_lowercase)
            })
    };
    // Clusters were made in order of first mention, so the kept ones in
    // order are the entity numbering.
    number.resize(clusters.len(), None);
    // Filtered lists are sized for all they may keep: collected, they
    // would grow step by step.
    kept.reserve(clusters.len());
    kept.extend((0..clusters.len()).filter(|&k| supported(k)));
    for (new, &old) in kept.iter().enumerate() {
        number[old] = Some(new);
    }
    let entities: Vec<Entity> = kept
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let cl = &clusters[k];
            let entry = cl.entry.map(|id| gazetteer.entry(id));
            // An entity of the gazetteer is named by its entry, others by
            // their longest mention: in words, then, of those, in chars,
            // counted only where the words tie.
            let longest = || {
                mentions_of(k)
                    .iter()
                    .map(|&m| (word_counts[m], &text[candidates[m].span]))
                    .max_by(|a, b| {
                        a.0.cmp(&b.0)
                            .then_with(|| char_len(a.1).cmp(&char_len(b.1)))
                    })
                    .map_or("", |(_, s)| s)
            };
            Entity {
                id: EntityId::new(i),
                kind: cl.kind,
                name: Text::from(entry.map_or_else(longest, |e| &*e.name)),
                gazetteer_id: entry.map(|e| Text::from(&*e.id)),
                mentions: mentions_of(k)
                    .iter()
                    .map(|&m| Snippet::new(text, candidates[m].span))
                    .collect(),
            }
        })
        .collect();
    let mut mentions = Vec::with_capacity(candidates.len());
    mentions.extend(candidates.iter().zip(assigned).filter_map(|(c, &k)| {
        let k = number[k]?;
        Some(Mention {
            span: c.span,
            entity: k,
            kind: entities[k].kind,
        })
    }));
    Entities {
        mentions,
        genders: kept.iter().map(|&k| clusters[k].gender).collect(),
        entities,
        nationalities: Vec::new(),
        ascii_lowered: String::new(),
        headlines: Vec::new(),
    }
}

/// Appends the words of a name without connectors, hyphens and periods:
/// "Legion for the Freedom of Russia" -> Legion, Freedom, Russia. `ascii`:
/// whether the name is ASCII.
fn name_words<'a>(name: &'a str, ascii: bool, out: &mut Vec<&'a str>) {
    let mut push = |w: &'a str| {
        // Most words begin with a capital and have no point to trim: one
        // look at their first and last bytes passes them.
        let w = match w.as_bytes() {
            [first, .., last] if !matches!(first, b'.' | b',') && !matches!(last, b'.' | b',') => w,
            _ => trim_points(w),
        };
        let capital = match w.as_bytes().first() {
            None => return,
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => w.starts_with(char::is_uppercase),
        };
        if capital || !crate::lexicon::NAME_CONNECTORS.contains(w) {
            out.push(w);
        }
    };
    if ascii {
        // Every separator is one byte: the name splits without decoding.
        let mut start = 0;
        for (i, &b) in name.as_bytes().iter().enumerate() {
            // The ASCII chars `char::is_whitespace` takes, and the hyphen;
            // all are at or below the hyphen, and letters far above it, so
            // that one comparison passes most bytes.
            if b <= b'-' && matches!(b, b' ' | b'\t'..=b'\r' | b'-') {
                push(&name[start..i]);
                start = i + 1;
            }
        }
        push(&name[start..]);
    } else {
        name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            .for_each(push);
    }
}

/// `word` without leading and trailing periods and commas; bytes suffice, as
/// neither is part of another char.
fn trim_points(word: &str) -> &str {
    let bytes = word.as_bytes();
    let point = |b: &u8| matches!(b, b'.' | b',');
    let start = bytes.iter().position(|b| !point(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !point(b))
        .map_or(start, |i| i + 1);
    &word[start..end]
}

fn initial_of(short: &str, long: &str) -> bool {
    super::units::one_char(short) && long.starts_with(short)
}

/// Appends the spelling-blind key of the words joined by spaces, all but
/// the ending fold: lowercase, with the transliteration variants of Slavic
/// and Arabic names folded together (v/w, kh/h, ph/f, doubled letters).
/// Returns where in `out` the last space is, if the words are two or more.
fn fold_words(words: &[&str], out: &mut String) -> Option<usize> {
    if words.iter().all(|w| w.is_ascii()) {
        fold_ascii(words, out)
    } else {
        fold(&words.join(" ").to_lowercase(), out)
    }
}

/// [`fold_words`] of words already joined and lowercased, which hold no
/// spaces but those joining them.
fn fold(lower: &str, out: &mut String) -> Option<usize> {
    let mut space = None;
    let mut last = None;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let c = match (c, next) {
            ('k', Some('h')) | ('p', Some('h')) => {
                chars.next();
                if c == 'k' {
                    'h'
                } else {
                    'f'
                }
            }
            ('w', _) => 'v',
            ('’' | '\'' | '`', _) => continue,
            _ => c,
        };
        if last == Some(c) && c.is_alphabetic() {
            continue;
        }
        if c == ' ' {
            space = Some(out.len());
        }
        out.push(c);
        last = Some(c);
    }
    space
}

/// [`fold`] of ASCII words joined by spaces, lowercasing as it goes: names
/// are mostly ASCII, and a byte loop saves both the copy `to_lowercase`
/// makes and decoding chars.
fn fold_ascii(words: &[&str], out: &mut String) -> Option<usize> {
    let mut space = None;
    // No byte is pushed after itself but letters, so 0 stands for none.
    let mut last = 0;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            space = Some(out.len());
            out.push(' ');
            last = b' ';
        }
        let bytes = word.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            let mut c = FOLDED[usize::from(bytes[j])];
            j += 1;
            if c & ODD != 0 {
                c &= !ODD;
                match c {
                    b'k' | b'p' if bytes.get(j).is_some_and(|n| n.eq_ignore_ascii_case(&b'h')) => {
                        j += 1;
                        c = if c == b'k' { b'h' } else { b'f' };
                    }
                    b'\'' | b'`' => continue,
                    _ => {}
                }
            }
            if c == last && c.is_ascii_alphabetic() {
                continue;
            }
            // The words are ASCII, so the mask changes nothing but lets
            // the push skip encoding a longer char.
            out.push(char::from(c & 0x7F));
            last = c;
        }
    }
    space
}

/// Marks the bytes of [`FOLDED`] that [`fold_ascii`] looks at again: 'k' and
/// 'p', which an 'h' after them changes, and the apostrophes it drops.
const ODD: u8 = 0x80;

/// What [`fold_ascii`] makes of each byte: lowercase, 'w' as 'v', and
/// [`ODD`] set on bytes that need a second look; one load where a chain of
/// tests took a dozen instructions a byte.
static FOLDED: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = (b as u8).to_ascii_lowercase();
        table[b] = match c {
            b'w' => b'v',
            b'k' | b'p' | b'\'' | b'`' => c | ODD,
            _ => c,
        };
        b += 1;
    }
    table
};

/// The first char of `name` (a space if it has none) and its length in
/// chars, read off its bytes where it is known to be ASCII.
fn first_and_chars(name: &str, ascii: bool) -> (char, usize) {
    if ascii {
        (name.bytes().next().map_or(' ', char::from), name.len())
    } else {
        (name.chars().next().unwrap_or(' '), char_len(name))
    }
}

/// The length of `name` in chars, read off its bytes where it is ASCII, as
/// most names are.
fn char_len(name: &str) -> usize {
    if name.is_ascii() {
        name.len()
    } else {
        name.chars().count()
    }
}

/// Whether `key` ends in -iy, -yi, -ij or -ii: one look at two bytes,
/// where checking each ending in turn took four.
fn folds_ending(key: &str) -> bool {
    matches!(
        key.as_bytes(),
        [.., b'i', b'y' | b'j' | b'i'] | [.., b'y', b'i']
    )
}

/// -iy, -yi, -ij and -ii endings are one: -y.
fn fold_ending(out: &mut String) {
    if folds_ending(out) {
        out.truncate(out.len() - 2);
        out.push('y');
    }
}

/// Whether `a` and `b` differ by at most one insertion, deletion or
/// substitution of a char. Compared in place: collecting the chars of
/// names not ASCII into vectors cost two allocations a comparison.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a_chars, b_chars) = (char_len(a), char_len(b));
    let (short, long) = if a_chars <= b_chars { (a, b) } else { (b, a) };
    let inserted = match a_chars.abs_diff(b_chars) {
        0 => false,
        1 => true,
        _ => return false,
    };
    // One edit leaves alike either the second chars, where it is past
    // them, or the last ones, where it is before them: one look rules out
    // most pairs of names of three chars or more.
    if a_chars.min(b_chars) >= 3
        && short.chars().nth(1) != long.chars().nth(1)
        && short.chars().next_back() != long.chars().next_back()
    {
        return false;
    }
    // Where they first differ, in bytes: equal chars are equal bytes.
    let prefix: usize = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (short, long) = (&short[prefix..], &long[prefix..]);
    let past_first = |rest: &str| rest.chars().next().map_or(0, char::len_utf8);
    // What follows the edit is alike: past a char of each where one was
    // substituted, past one of the longer where it was inserted.
    let short = if inserted {
        short
    } else {
        &short[past_first(short)..]
    };
    short == &long[past_first(long)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised name, first word's key, last word's key, content key
    /// and initials of `name`.
    fn keys(name: &str) -> [String; 5] {
        let mut buffer = String::new();
        let made = Made::new(name, &mut Scratch::default(), &mut buffer);
        [NORM, FIRST, LAST, CONTENT, INITIALS].map(|place| made.key(&buffer, place).to_string())
    }

    fn normalise(name: &str) -> String {
        let [norm, ..] = keys(name);
        norm
    }

    #[test]
    fn transliterations_fold() {
        let cases = [
            ("Gladkov", "Gladkow"),
            ("Zelensky", "Zelenskyy"),
            ("Zelensky", "Zelenskiy"),
            ("Kharkov", "Harkov"),
            ("Sophia", "Sofia"),
        ];
        for (a, b) in cases {
            assert_eq!(normalise(a), normalise(b), "{a} ~ {b}");
        }
        assert_ne!(normalise("Putin"), normalise("Podolyak"));
    }

    #[test]
    fn ascii_fold_is_the_fold() {
        let names = [
            "Zelenskiy",
            "Khodorkovsky",
            "Mohammed bin Salman",
            "O'Neill",
            "Philipp Kkh",
            "aa ' aa",
            "WWW",
            "k h",
            "Ii",
        ];
        for name in names {
            let mut want = String::new();
            fold(&name.to_lowercase(), &mut want);
            let mut got = String::new();
            fold_ascii(&[name], &mut got);
            assert_eq!(got, want, "{name}");
            let words: Vec<&str> = name.split(' ').collect();
            got.clear();
            fold_ascii(&words, &mut got);
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn word_keys_are_the_words_own_keys() {
        let names = [
            "Volodymyr Zelenskiy",
            "Kiyi Yuriy",
            "Yuriy Kiyi",
            "Ii Ii",
            "Mohammed bin Salman",
            "O'Neill-Smith Jr.",
            "’ Ivanov",
            "Οδός Σίσυφος",
            "ΟΔΟΣ ΣΙΣΥΦΟΣ",
            "İstanbul Kharkiv",
            "Gladkow Gladkov",
            "Legion for the Freedom of Russia",
            "Anna Boris Cyril",
            "Cyril Boris Anna",
            "Anna Anna Boris",
            "Anna Boris Boris",
            "Yuriy Kiyi Zelenskiy",
            "Aaa Yuriy Zelenskiy",
            "’ Ivanov Petrov",
        ];
        for n in names {
            let mut words = Vec::new();
            name_words(n, n.is_ascii(), &mut words);
            let [_, first, last, content, initials] = keys(n);
            assert_eq!(first, normalise(words[0]), "{n}");
            assert_eq!(last, normalise(words[words.len() - 1]), "{n}");
            let mut each: Vec<String> = words.iter().map(|w| normalise(w)).collect();
            each.sort_unstable();
            each.dedup();
            assert_eq!(content, each.join(" "), "{n}");
            let capitals: String = words
                .iter()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            assert_eq!(initials, capitals, "{n}");
        }
    }

    #[test]
    fn ascii_names_split_as_any_name() {
        let names = [
            "Legion for the Freedom of Russia",
            "J. R. R. Tolkien",
            "Bashar al-Assad",
            "  U.S.,\tState\x0bDepartment\r\n",
            "Mohammed bin Salman",
            "...",
            "",
            "de la Cruz-",
        ];
        for name in names {
            let mut got = Vec::new();
            name_words(name, name.is_ascii(), &mut got);
            let want: Vec<&str> = name
                .split(|c: char| c.is_whitespace() || c == '-')
                .map(|w| w.trim_matches(|c: char| c == '.' || c == ','))
                .filter(|w| !w.is_empty())
                .filter(|w| {
                    w.starts_with(char::is_uppercase)
                        || !crate::lexicon::NAME_CONNECTORS.contains(*w)
                })
                .collect();
            assert_eq!(got, want, "{name:?}");
        }
    }

    #[test]
    fn one_edit() {
        let cases = [
            ("gladkov", "gladkow", true),
            ("gladkov", "gladkov", true),
            ("gladkov", "gladkova", true),
            ("gladkov", "gladko", true),
            ("gladkov", "gladkiv", true),
            ("gladkov", "gladikova", false),
            ("abc", "xyz", false),
            ("", "a", true),
            ("ab", "ax", true),
            ("ab", "xb", true),
            ("ab", "axb", true),
            ("abc", "axc", true),
            ("abc", "abx", true),
            ("abc", "xbc", true),
            ("abc", "xabc", true),
            ("abc", "axbc", true),
            ("abc", "abcx", true),
            ("abc", "xbx", false),
            ("abcd", "axcx", false),
            ("kyïv", "kyiv", true),
            ("kyïv", "kyïvs", true),
            ("łódź", "lodz", false),
            ("zelenśkyj", "zelenskyj", true),
            ("zelenśkyj", "zelenśky", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }

    /// Edit distance at most one by the chars collected, as a table of a
    /// full edit distance would have it.
    fn one_edit_by_table(a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, x) in a.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = (diagonal + usize::from(x != y))
                    .min(above + 1)
                    .min(row[j] + 1);
                diagonal = above;
            }
        }
        row[b.len()] <= 1
    }

    proptest::proptest! {
        #[test]
        fn one_edit_is_edit_distance_one(a in "[aï’]{0,5}", b in "[aï’]{0,5}") {
            proptest::prop_assert_eq!(within_one_edit(&a, &b), one_edit_by_table(&a, &b));
        }
    }

    #[test]
    fn numbers_tell_keys_apart_by_more_than_hash() {
        // Hashes that collide in full, in their low 32 bits, and none.
        let hashes = |i: u32| [7, i << 16 | 7, i.wrapping_mul(0x9E37_79B9)];
        let mut numbers = Numbers::default();
        numbers.reset(2);
        let mut keys: Vec<(usize, u32)> = Vec::new();
        for round in 0..2 {
            for i in 0..100 {
                for (kind, hash) in hashes(i).into_iter().enumerate() {
                    let key = (kind, i);
                    let (number, new) = numbers.number(hash, |n| keys[n] == key);
                    assert_eq!(new, round == 0, "{key:?}");
                    if new {
                        assert_eq!(number, keys.len());
                        keys.push(key);
                    }
                    assert_eq!(keys[number], key);
                }
            }
        }
        assert_eq!(keys.len(), 300);
    }

    #[test]
    fn recycling_keeps_the_allocation() {
        let text = String::from("Kyiv");
        let mut kept: Vec<Hashed<'static>> = Vec::with_capacity(8);
        let at = kept.as_ptr() as usize;
        for _ in 0..2 {
            let mut borrowing: Vec<Hashed<'_>> = recycle(kept);
            assert_eq!((borrowing.as_ptr() as usize, borrowing.capacity()), (at, 8));
            borrowing.push(hashed(&text));
            kept = recycle(borrowing);
            assert_eq!((kept.as_ptr() as usize, kept.len()), (at, 0));
        }
    }

    #[test]
    fn content_words_ignore_order_and_connectors() {
        let [.., a, _] = keys("Legion for the Freedom of Russia");
        let [.., b, _] = keys("Freedom Legion of Russia");
        assert_eq!(a, b);
        let mut words = Vec::new();
        name_words("Bashar al-Assad", true, &mut words);
        assert_eq!(words, ["Bashar", "Assad"]);
    }
}
