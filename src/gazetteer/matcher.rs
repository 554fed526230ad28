//! The matcher: the folded names of a gazetteer as keys of finite state
//! transducers, walked over a folded view of the text from each token that
//! may start a name.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::compile::{
    self, dense_inputs, follow_bit, input_words, pair_index, Traits, ACRONYM, AMBIGUOUS, COMPACT,
    DENSE, DENSE_SLOTS, FINAL, FINAL_OUTPUT, JUMP, LAST, LISTED, NEXT_FINAL, NO_FINAL_OUTPUT,
    TRANSITIONS, WIDE,
};
use super::fold::{fold_byte, fold_name};
use super::view::Folded;
use super::{Entries, EntryId, Match, NameEntries};
use crate::document::EntityType;
use crate::lexicon::COMMON_WORDS;
use crate::text::{Layout, Token, TokenKind, WHOLE};
use crate::Span;

/// The bits of a reference to a node that are not its place.
const REFERENCE_MARKS: u32 = FINAL | DENSE | WIDE | NO_FINAL_OUTPUT;

thread_local! {
    /// This thread's list of the words that may start a name, kept from
    /// one text to the next: a text's list is as long as its tokens.
    static SPARE_WORDS: Cell<Vec<u32>> = const { Cell::new(Vec::new()) };
    /// This thread's walks of first words (see [`FirstWords`]), one table
    /// for each of the last few matchers it ran.
    static FIRST_WORDS: Cell<Vec<FirstWords>> = const { Cell::new(Vec::new()) };
}

/// The number of the next [`Matcher`] made, which tells the tables of
/// [`FIRST_WORDS`] apart.
static MATCHERS: AtomicU64 = AtomicU64::new(0);

/// How many matchers' tables [`FIRST_WORDS`] keeps: an extractor has one,
/// and a thread seldom runs more than one or two. A table outlives its
/// matcher until others push it out.
const FIRST_WORDS_KEPT: usize = 4;

/// The number of bits of a [`FirstWords`] slot's number: 16,384 slots of 24
/// bytes for each part. News repeats its capitalised words: over PolNeAR's
/// training text (126,668 walks from 10.4k distinct words, a first read),
/// 2^12 slots kept 84 % of the walks, 2^13 88 %, 2^14 90 %, 2^16 91 %,
/// against the 92 % that any table could keep.
const FIRST_WORD_BITS: u32 = 14;

/// The walks of one matcher's first words, in each of its parts: where the
/// walk from a token stands once it has read the token, if it still
/// stands. The words that may start a name are few and repeated, so that
/// most walks read the token's bytes from this table, a line in cache,
/// rather than from the transducer's nodes near the root, a line a byte and
/// seldom in cache.
struct FirstWords {
    /// The matcher's [`Matcher::number`].
    matcher: u64,
    /// The slots of each part, by a hash of the word; a word finds its own
    /// or replaces the one there.
    slots: Vec<FirstWord>,
}

/// A first word and its walk.
#[derive(Clone, Copy, Default)]
struct FirstWord {
    /// The word (see [`first_word_key`]); all zero in a slot never filled,
    /// which no word's key is.
    key: [u64; 2],
    /// The node the walk reached at the end of the word, or 0 (the root,
    /// which no transition leads to) if it stopped before.
    node: u32,
    /// The output on the way.
    value: u32,
}

/// The key of an ASCII word of 1 to 15 bytes: its bytes, zero after them,
/// and its length in the last byte; `None` for any other word.
#[inline(always)]
fn first_word_key(bytes: &[u8], span: Span) -> Option<[u64; 2]> {
    let len = span.len();
    if !(1..16).contains(&len) {
        return None;
    }
    let mut word = [0; 16];
    // Most words are read in one load from the text, not copied a byte at
    // a time.
    match bytes.get(span.start..span.start + 16) {
        Some(sixteen) => word.copy_from_slice(sixteen),
        None => word[..len].copy_from_slice(bytes.get(span.range())?),
    }
    let word = u128::from_le_bytes(word) & ((1u128 << (8 * len)) - 1);
    if word & 0x8080_8080_8080_8080_8080_8080_8080_8080 != 0 {
        return None;
    }
    let word = word | (len as u128) << 120;
    Some([word as u64, (word >> 64) as u64])
}

/// The slot of `key` in a table of [`FIRST_WORD_BITS`].
#[inline(always)]
fn first_word_slot(key: [u64; 2]) -> usize {
    let mixed = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - FIRST_WORD_BITS)) as usize
}

// A token's index in that list leaves its low bit free.
const _: () = assert!(WHOLE < 1 << 31);

#[derive(Debug)]
pub(super) struct Matcher {
    /// The embedded gazetteers' names, compiled when the crate was built,
    /// then the names of the entries added to them. A name in both has the
    /// entries of both in the later part's list, so at one length the later
    /// part wins.
    parts: Vec<Part>,
    /// The first bytes of the names that start in lower case ("al-Qaeda"):
    /// tokens that may start a name without a capital.
    lower_starts: [bool; 256],
    /// The parts' summaries of what follows each pair of first bytes (see
    /// [`compile::Compiled::follows`]), 0 for a pair that starts no name, by
    /// [`pair_index`]. Most words that may start a name start none, and
    /// these say so without touching the transducers, which are far larger
    /// than the cache: "the" starts "the State of Eritrea", but "the
    /// government" starts nothing, as the summary of "th" tells from the
    /// "e g". A pair whose second byte folds to a space has the summary of
    /// the pair with the space, so that a word's bytes are looked up as
    /// they are.
    follows: Box<[u8; 1 << 16]>,
    /// A number no other matcher of the process has, under which each
    /// thread keeps this matcher's [`FirstWords`].
    number: u64,
}

/// Names compiled by [`compile::compile`].
pub(super) struct Part {
    /// Walked by hand rather than searched: one walk from a token start
    /// yields every name starting there, so a name cut off mid-word falls
    /// back to a shorter one without another search, and a word that starts
    /// no name costs a transition or two.
    trie: Cow<'static, [u8]>,
    lists: Cow<'static, [u8]>,
    follows: Cow<'static, [u8]>,
    /// The first two steps of every walk, looked up rather than searched
    /// for: the nodes nearest the root have the most transitions. Each is
    /// the next node's reference `<< 32 | output`, 0 where no name goes;
    /// `seconds` is indexed by [`pair_index`]. The tables are filled in when
    /// the part is loaded, from the few thousand transitions of the first two
    /// levels.
    firsts: [u64; 256],
    seconds: Box<[u64; 1 << 16]>,
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("names", &self.len())
            .field("trie_bytes", &self.trie.len())
            .field("list_bytes", &self.lists.len())
            .finish()
    }
}

/// Why [`Matcher::new`] fails on too many entries.
const TOO_MANY_ENTRIES: &str = "too many entries: a gazetteer holds fewer than 2^31";

/// A name found: its part and its value there.
#[derive(Clone, Copy, Debug)]
struct Found {
    part: usize,
    value: u64,
}

impl Matcher {
    /// A matcher for `entries`, starting from the embedded gazetteers'
    /// names if they are among them; fails on more entries or names than
    /// the compiled lists' 32-bit words hold.
    pub(super) fn new(entries: &Entries) -> Result<Matcher, &'static str> {
        let mut parts: Vec<Part> = entries
            .embedded
            .map(|_| Part::embedded())
            .into_iter()
            .collect();
        if !entries.added.is_empty() {
            parts.push(Part::added(parts.first(), entries)?);
        }
        let mut lower_starts = [false; 256];
        let mut follows = pairs(0);
        for part in &parts {
            part.starts(&mut lower_starts, &mut follows[..]);
        }
        for first in 0..=u8::MAX {
            let space = follows[pair_index(first, b' ')];
            for second in [b'-', b'\t', b'\n', b'\r'] {
                debug_assert_eq!(fold_byte(second), b' ');
                follows[pair_index(first, second)] = space;
            }
        }
        Ok(Matcher {
            parts,
            lower_starts,
            follows,
            number: MATCHERS.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The entries named exactly `name` (folded).
    pub(super) fn lookup(&self, name: &str) -> Vec<EntryId> {
        let folded = fold_name(name);
        self.parts
            .iter()
            .rev()
            .find_map(|part| {
                part.get(folded.as_bytes())
                    .map(|v| part.entries(v).to_vec())
            })
            .unwrap_or_default()
    }

    // Out of line, as called once a text: a profile shows the stage's
    // cost under its name whatever the compiler inlines around it.
    #[inline(never)]
    pub(super) fn find(&self, text: &str, layout: &Layout) -> Vec<Match> {
        let tokens = &layout.tokens;
        let caps: Vec<Span> = layout
            .paragraphs
            .iter()
            .map(|p| p.span)
            .filter(|&span| is_all_caps(&text[span]))
            .collect();
        // News has a name every dozen tokens or so: growing the list from
        // nothing reallocated it several times a text.
        let mut candidates = Vec::with_capacity(tokens.len() / 16);
        self.scan(text, tokens, &caps, &mut candidates, |start| {
            Folded::new(text, start)
        });
        for &span in &caps {
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let last = tokens.partition_point(|t| t.span.start < span.end);
            let stretch = &text[..span.end];
            self.scan(text, &tokens[first..last], &caps, &mut candidates, |at| {
                Folded::title(stretch, span.start, at)
            });
        }
        if !caps.is_empty() {
            // Two views of the same paragraph: keep leftmost-longest, and of
            // two names at one span ("NATO", "Nato"), the one first added.
            candidates.sort_unstable_by_key(|&(span, found, _): &(Span, Found, bool)| {
                (
                    span.start,
                    std::cmp::Reverse(span.end),
                    self.parts[found.part].order(found.value),
                )
            });
            let mut last_end = 0;
            candidates.retain(|&(span, _, _)| {
                let keep = span.start >= last_end;
                if keep {
                    last_end = span.end;
                }
                keep
            });
        }
        candidates
            .into_iter()
            .map(|(span, found, caps)| Match {
                span,
                entries: self.parts[found.part].entries(found.value),
                ambiguous: found.value & AMBIGUOUS != 0 || (caps && found.value & ACRONYM != 0),
            })
            .collect()
    }

    /// Leftmost-longest names starting at a token and ending at a token end,
    /// in the text as `read` folds it from a token's start. When the longest
    /// name at a token is cut off mid-word ("Belgorod regional"), shorter
    /// names starting there are tried.
    fn scan<'t, const TITLE: bool>(
        &self,
        text: &str,
        tokens: &[Token],
        caps: &[Span],
        out: &mut Vec<(Span, Found, bool)>,
        read: impl Fn(usize) -> Folded<'t, TITLE>,
    ) {
        let bytes = text.as_bytes();
        // The words that may start a name, found first in a pass without
        // a branch on the text: whether a word starts a name is all but
        // random, and a branch on it was mispredicted every few words.
        // Each is kept as its index (the text is a window of at most
        // `WHOLE` bytes, so far fewer than 2^31 tokens) and, in the low bit,
        // whether its first five bytes are ASCII and were found in `follows`
        // (see below), so that it needs no further test.
        let mut words = SPARE_WORDS.take();
        // Written before read, so never cleared: grown only.
        if words.len() < tokens.len() {
            words.resize(tokens.len(), 0);
        }
        let mut n = 0;
        for (i, token) in tokens.iter().enumerate() {
            let start = token.span.start;
            let (known, may) = match bytes.get(start..start + 8) {
                // Most words start with five ASCII bytes, which fold as
                // they are read, without a reader, and are looked up as
                // they are (see `follows`). A pair of them that starts a
                // name tells that its first byte starts a name, which is
                // all `may_start_name` asks of an ASCII byte.
                Some(head) if !TITLE => {
                    let head = u64::from_le_bytes(head.try_into().expect("eight bytes"));
                    let ascii = head & 0x80_8080_8080 == 0;
                    let follows = self.follows[usize::from(head as u16)];
                    let [_, _, c, d, e, ..] = head.to_le_bytes();
                    let found = follows & follow_bit([c, d, e]) != 0;
                    (ascii, u32::from(found) | u32::from(!ascii))
                }
                _ => (false, 1),
            };
            words[n] = (i as u32) << 1 | u32::from(known);
            n += (u32::from(token.kind == TokenKind::Word) & may) as usize;
        }
        // The walks of first words, for the text as written: a title cased
        // view reads other bytes.
        let mut tables = FIRST_WORDS.take();
        let table = (!TITLE).then(
            || match tables.iter().position(|t| t.matcher == self.number) {
                Some(table) => table,
                None => {
                    if tables.len() == FIRST_WORDS_KEPT {
                        tables.remove(0);
                    }
                    tables.push(FirstWords {
                        matcher: self.number,
                        slots: vec![FirstWord::default(); self.parts.len() << FIRST_WORD_BITS],
                    });
                    tables.len() - 1
                }
            },
        );
        // The names starting at the current token: their folded length,
        // their end in the text and where they were found, shortest first.
        let mut names = Vec::new();
        // The first token a name found so far does not cover.
        let mut i = 0;
        for &word in &words[..n] {
            let at = (word >> 1) as usize;
            if at < i {
                continue;
            }
            i = at + 1;
            let span = tokens[at].span;
            let start = span.start;
            if word & 1 == 0 {
                if !self.may_start_name(text, span) {
                    continue;
                }
                let mut head = [0; 5];
                let mut n = 0;
                for (b, _) in read(start).take(5) {
                    head[n] = b;
                    n += 1;
                }
                if n == 0 {
                    continue;
                }
                if n > 1 {
                    let follows = self.follows[pair_index(head[0], head[1])];
                    if follows == 0 {
                        continue;
                    }
                    if n == 5 && follows & follow_bit([head[2], head[3], head[4]]) == 0 {
                        continue;
                    }
                }
            }
            names.clear();
            // The walk of an ASCII word (the low bit: its first five bytes
            // are) may be kept.
            let key = table
                .filter(|_| word & 1 != 0)
                .and_then(|table| Some((table, first_word_key(bytes, span)?)));
            let walked = key.is_some_and(|(table, key)| {
                let slots = &mut tables[table].slots;
                let slot = first_word_slot(key);
                self.parts.iter().enumerate().all(|(index, part)| {
                    // Each part's slots follow the one before's.
                    let slot = &mut slots[index << FIRST_WORD_BITS | slot];
                    if slot.key != key {
                        let walked = part.walk_word(&bytes[span.range()]);
                        let Some((node, value)) = walked.map_or(Some((0, 0)), |(node, value)| {
                            Some((node, u32::try_from(value).ok()?))
                        }) else {
                            return false;
                        };
                        *slot = FirstWord { key, node, value };
                    }
                    if slot.node != 0 {
                        let (len, end, value) = (span.len(), span.end, u64::from(slot.value));
                        part.walk_on(slot.node, value, len, end, read(end), index, &mut names);
                    }
                    true
                })
            });
            if !walked {
                names.clear();
                for (index, part) in self.parts.iter().enumerate() {
                    part.prefixes(read(start), index, &mut names);
                }
            }
            if self.parts.len() > 1 {
                names.sort_unstable_by_key(|&(len, _, found): &(usize, usize, Found)| {
                    (len, found.part)
                });
            }
            // The longest name that ends where a token ends.
            for &(_, end, found) in names.iter().rev() {
                // A name spans a few tokens: walk to the one ending it.
                let last = at
                    + tokens[at..]
                        .iter()
                        .position(|t| t.span.end >= end)
                        .unwrap_or(tokens.len() - at);
                let ends_token = tokens.get(last).is_some_and(|t| t.span.end == end);
                if !ends_token {
                    continue;
                }
                let span = Span::new(start, end);
                let c = caps.partition_point(|c| c.end < span.end);
                let in_caps = caps.get(c).is_some_and(|c| c.contains(span));
                out.push((span, found, in_caps));
                i = last + 1;
                break;
            }
        }
        SPARE_WORDS.set(words);
        FIRST_WORDS.set(tables);
    }

    /// Whether the word at `span` starts with a capital or a byte that
    /// starts a name in lower case. Most words are ASCII, and their first
    /// byte tells without decoding a char.
    fn may_start_name(&self, text: &str, span: Span) -> bool {
        let first = text.as_bytes()[span.start];
        self.lower_starts[usize::from(first)]
            || first.is_ascii_uppercase()
            || (!first.is_ascii() && text[span].starts_with(char::is_uppercase))
    }
}

impl Part {
    /// The embedded gazetteers' names, as the build script compiled them.
    fn embedded() -> Part {
        Part::new(
            Cow::Borrowed(include_bytes!(concat!(env!("OUT_DIR"), "/names.trie"))),
            Cow::Borrowed(include_bytes!(concat!(env!("OUT_DIR"), "/names.lists"))),
            Cow::Borrowed(include_bytes!(concat!(env!("OUT_DIR"), "/names.follows"))),
        )
    }

    /// The names of the entries added to the embedded ones (`base`, if any).
    fn added(base: Option<&Part>, entries: &Entries) -> Result<Part, &'static str> {
        let first = entries.embedded.map_or(0, |e| e.len());
        // An entry's id is a list's word, less the LAST mark.
        if first + entries.added.len() > LAST as usize {
            return Err(TOO_MANY_ENTRIES);
        }
        let names: Vec<(String, u32)> = entries
            .added
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, entry)| {
                let id = u32::try_from(first + i)
                    .ok()
                    .filter(|&id| id < LAST)
                    .expect("counted above");
                compile::forms(entry.names(), entry.case_insensitive)
                    .into_iter()
                    .map(move |n| (n, id))
            })
            .collect();
        let first_order = base.map_or(0, Part::len);
        let known = |name: &str| {
            let base = base?;
            let value = base.get(name.as_bytes())?;
            Some((
                base.order(value),
                base.entries(value).iter().map(|id| id.0).collect(),
            ))
        };
        let traits = |id: u32| {
            let entry = entries.get(EntryId(id));
            Traits {
                curated: entry.id.starts_with("curated:"),
                place: entry.kind == EntityType::Place,
                prominence: entry.prominence,
            }
        };
        let compiled = compile::compile(&names, first_order, known, traits, |w| {
            COMMON_WORDS.contains(w)
        })?;
        Ok(Part::new(
            Cow::Owned(compiled.trie),
            Cow::Owned(compiled.lists),
            Cow::Owned(compiled.follows),
        ))
    }

    fn new(
        trie: Cow<'static, [u8]>,
        lists: Cow<'static, [u8]>,
        follows: Cow<'static, [u8]>,
    ) -> Part {
        let mut part = Part {
            trie,
            lists,
            follows,
            firsts: [0; 256],
            seconds: pairs(0),
        };
        let mut firsts = [0; 256];
        let mut seconds = pairs(0);
        let step = |node: u32, output: u64| u64::from(node) << 32 | output;
        for (first, node, output) in part.transitions(0) {
            firsts[usize::from(first)] = step(node, output);
            for (second, next, output) in part.transitions(node) {
                seconds[pair_index(first, second)] = step(next, output);
            }
        }
        part.firsts = firsts;
        part.seconds = seconds;
        part
    }

    /// Adds the first bytes of the names and what follows them to
    /// [`Matcher`]'s tables.
    fn starts(&self, lower_starts: &mut [bool; 256], follows: &mut [u8]) {
        for at in 0..self.follows.len() / 4 {
            let [summary, pair @ ..] = word(&self.follows, at).to_le_bytes();
            follows[usize::from(u16::from_le_bytes([pair[0], pair[1]]))] |= summary;
        }
        for (first, node, _) in self.transitions(0) {
            if self.starts_lower(node, &mut vec![first]) {
                lower_starts[usize::from(first)] = true;
            }
        }
    }

    /// Whether a name that starts with `prefix`, which leads to `node`,
    /// starts with a char not in upper case.
    fn starts_lower(&self, node: u32, prefix: &mut Vec<u8>) -> bool {
        if let Ok(s) = std::str::from_utf8(prefix) {
            return !s.starts_with(char::is_uppercase);
        }
        self.transitions(node).any(|(b, next, _)| {
            prefix.push(b);
            let lower = self.starts_lower(next, prefix);
            prefix.pop();
            lower
        })
    }

    /// Appends `(len, end, found)` to `out` for every name that is a prefix
    /// of the folded bytes `bytes`, `len` of them long, the last of which
    /// comes from a char that ends at `end`.
    #[inline]
    fn prefixes(
        &self,
        mut bytes: impl Iterator<Item = (u8, usize)>,
        part: usize,
        out: &mut Vec<(usize, usize, Found)>,
    ) {
        let Some((first, end)) = bytes.next() else {
            return;
        };
        let Some((node, value)) = unpack(self.firsts[usize::from(first)]) else {
            return;
        };
        if node & FINAL != 0 {
            let value = value + self.final_output(node);
            out.push((1, end, Found { part, value }));
        }
        let Some((second, end)) = bytes.next() else {
            return;
        };
        let Some((node, output)) = unpack(self.seconds[pair_index(first, second)]) else {
            return;
        };
        self.walk_on(node, value + output, 2, end, bytes, part, out);
    }

    /// [`Part::prefixes`] on from `node`, where `len` folded bytes, the last
    /// of which ends at `end`, led with output `value`.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn walk_on(
        &self,
        mut node: u32,
        mut value: u64,
        mut len: usize,
        mut end: usize,
        mut bytes: impl Iterator<Item = (u8, usize)>,
        part: usize,
        out: &mut Vec<(usize, usize, Found)>,
    ) {
        loop {
            if node & FINAL != 0 {
                let value = value + self.final_output(node);
                out.push((len, end, Found { part, value }));
            }
            let Some((b, next_end)) = bytes.next() else {
                return;
            };
            let Some((next, output)) = self.step(node, b) else {
                return;
            };
            node = next;
            value += output;
            end = next_end;
            len += 1;
        }
    }

    /// The node that the bytes `word`, folded, lead to, and the output on
    /// the way, if they lead anywhere: a first word's walk, and a name's
    /// ([`Part::get`]), whose bytes are folded already.
    fn walk_word(&self, word: &[u8]) -> Option<(u32, u64)> {
        let (&first, rest) = word.split_first()?;
        let first = fold_byte(first);
        let (node, value) = unpack(self.firsts[usize::from(first)])?;
        let Some((&second, rest)) = rest.split_first() else {
            return Some((node, value));
        };
        let (mut node, output) = unpack(self.seconds[pair_index(first, fold_byte(second))])?;
        let mut value = value + output;
        for &b in rest {
            let (next, output) = self.step(node, fold_byte(b))?;
            node = next;
            value += output;
        }
        Some((node, value))
    }

    /// The value of the name `key`, folded.
    fn get(&self, key: &[u8]) -> Option<u64> {
        let (node, value) = self.walk_word(key)?;
        (node & FINAL != 0).then(|| value + self.final_output(node))
    }

    /// The node that byte `b` leads to from `node`, and the output on the way.
    #[inline(always)]
    fn step(&self, node: u32, b: u8) -> Option<(u32, u64)> {
        let at = (node & !REFERENCE_MARKS) as usize;
        if node & DENSE != 0 {
            let i = usize::from(DENSE_SLOTS[usize::from(b)]);
            if i >= dense_inputs(node).len() {
                return None;
            }
            let (next, output) = self.transition(at + 2 + 2 * i);
            if next == 0 {
                return None;
            }
            return Some((next, u64::from(output)));
        }
        let header = word(&self.trie, at);
        // Most nodes, all but those near the root, have one transition.
        if header & COMPACT != 0 {
            if header as u8 != b {
                return None;
            }
            return Some((self.compact_next(at, header), 0));
        }
        let n = (header & TRANSITIONS) as usize;
        let first = at + 1 + usize::from(header & FINAL_OUTPUT != 0);
        let inputs = first * 4;
        let i = if n <= LISTED {
            self.trie[inputs..inputs + n].iter().position(|&c| c == b)?
        } else {
            // The transition's index is the number of inputs before it.
            // The counts before each quarter and the bitmap, read as one
            // array, are checked against the trie's end once.
            let node: &[u8; 4 + 256 / 8] = self.trie[inputs..inputs + 4 + 256 / 8]
                .try_into()
                .expect("a bitmap node's inputs");
            let (k, bit) = (usize::from(b / 64), b % 64);
            let bits = &node[4 + k * 8..12 + k * 8];
            let bits = u64::from_le_bytes(bits.try_into().expect("eight bytes"));
            if bits >> bit & 1 == 0 {
                return None;
            }
            usize::from(node[k]) + (bits & ((1 << bit) - 1)).count_ones() as usize
        };
        let (next, output) = self.transition(first + input_words(n) + 2 * i);
        Some((next, u64::from(output)))
    }

    /// The transition at word `at`: the next node's reference and the
    /// output, read as one slice, its end checked once.
    #[inline(always)]
    fn transition(&self, at: usize) -> (u32, u32) {
        let t = at * 4;
        let t: &[u8; 8] = self.trie[t..t + 8].try_into().expect("eight bytes");
        let [n0, n1, n2, n3, o0, o1, o2, o3] = *t;
        (
            u32::from_le_bytes([n0, n1, n2, n3]),
            u32::from_le_bytes([o0, o1, o2, o3]),
        )
    }

    /// The reference to the node after the [`COMPACT`] node at word `at`,
    /// whose header is `header`.
    #[inline(always)]
    fn compact_next(&self, at: usize, header: u32) -> u32 {
        if header & JUMP != 0 {
            word(&self.trie, at + 1)
        } else if header & NEXT_FINAL != 0 {
            (at + 1) as u32 | FINAL
        } else {
            (at + 1) as u32
        }
    }

    /// The output that ends a name at `node`, a node where one ends.
    #[inline]
    fn final_output(&self, node: u32) -> u64 {
        if node & NO_FINAL_OUTPUT != 0 {
            return 0;
        }
        let at = (node & !REFERENCE_MARKS) as usize;
        if word(&self.trie, at) & FINAL_OUTPUT == 0 {
            return 0;
        }
        u64::from(word(&self.trie, at + 1))
    }

    /// The inputs, next nodes and outputs of `node`'s transitions.
    fn transitions(&self, node: u32) -> impl Iterator<Item = (u8, u32, u64)> + '_ {
        let at = (node & !REFERENCE_MARKS) as usize;
        let header = word(&self.trie, at);
        if header & COMPACT != 0 {
            return vec![(header as u8, self.compact_next(at, header), 0)].into_iter();
        }
        if header & DENSE != 0 {
            let transitions: Vec<(u8, u32, u64)> = dense_inputs(header)
                .iter()
                .enumerate()
                .map(|(i, &b)| {
                    let (next, output) = self.transition(at + 2 + 2 * i);
                    (b, next, u64::from(output))
                })
                .filter(|&(_, next, _)| next != 0)
                .collect();
            return transitions.into_iter();
        }
        let n = (header & TRANSITIONS) as usize;
        let first = at + 1 + usize::from(header & FINAL_OUTPUT != 0);
        let bytes = &self.trie[first * 4..];
        let inputs: Vec<u8> = if n <= LISTED {
            bytes[..n].to_vec()
        } else {
            let bitmap = &bytes[4..];
            (0..=u8::MAX)
                .filter(|&b| bitmap[usize::from(b / 8)] >> (b % 8) & 1 != 0)
                .collect()
        };
        let first = first + input_words(n);
        let transitions: Vec<(u8, u32, u64)> = inputs
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let (next, output) = self.transition(first + 2 * i);
                (b, next, u64::from(output))
            })
            .collect();
        transitions.into_iter()
    }

    /// The number of names.
    fn len(&self) -> u32 {
        word(&self.lists, 0)
    }

    /// The order of the name with `value` (see [`compile::compile`]).
    fn order(&self, value: u64) -> u32 {
        word(&self.lists, (value >> 2) as usize)
    }

    /// The entries of the name with `value`, best first.
    fn entries(&self, value: u64) -> NameEntries {
        let first = (value >> 2) as usize + 1;
        let id = |at| EntryId(word(&self.lists, at) & !LAST);
        if word(&self.lists, first) & LAST != 0 {
            return NameEntries::One(id(first));
        }
        if word(&self.lists, first + 1) & LAST != 0 {
            return NameEntries::Two([id(first), id(first + 1)]);
        }
        let mut last = first + 1;
        while word(&self.lists, last) & LAST == 0 {
            last += 1;
        }
        // Counted first, the list is allocated once, at its length.
        let words = self.lists[first * 4..(last + 1) * 4].chunks_exact(4);
        NameEntries::Many(
            words
                .map(|w| EntryId(u32::from_le_bytes(w.try_into().expect("four bytes")) & !LAST))
                .collect(),
        )
    }
}

/// A table of pairs of bytes (see [`pair_index`]), each `value`.
fn pairs<T: Copy>(value: T) -> Box<[T; 1 << 16]> {
    vec![value; 1 << 16]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("the vector has a pair's length"))
}

/// A step of [`Part::firsts`] or [`Part::seconds`].
fn unpack(step: u64) -> Option<(u32, u64)> {
    (step != 0).then_some(((step >> 32) as u32, step & u64::from(u32::MAX)))
}

/// The little-endian `u32` word `at` of `bytes`.
#[inline]
fn word(bytes: &[u8], at: usize) -> u32 {
    let bytes = &bytes[at * 4..at * 4 + 4];
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}

/// A stretch written in capitals only ("MILITANTS ATTACK BORDER REGION"),
/// where names appear in capitals too.
fn is_all_caps(stretch: &str) -> bool {
    let mut upper = 0;
    for c in stretch.chars() {
        if c.is_lowercase() {
            return false;
        }
        upper += usize::from(c.is_uppercase());
    }
    upper >= 4
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::text;
    use crate::Span;

    const TSV: &str = "\
t:moscow-ru\tMoscow\tplace\tcity\tMoskva\tRU\t12000000\t\t
t:moscow-us\tMoscow\tplace\tcity\t\tUS\t25000\t\t
t:rome\tRome\tplace\tcity\tRoma\tIT\t2800000\t\t
t:kyiv\tKyiv\tplace\tcity\tKiev\tUA\t2900000\t\t
t:russia\tRussia\tplace\tcountry\tRussian Federation\tRU\t144000000\t\t
t:nk\tNagorno-Karabakh\tplace\tregion\t\tAZ\t150000\t\t
t:erdogan\tRecep Tayyip Erdoğan\tperson\thead_of_state\tErdoğan\tTR\t90\tm\t
t:sp\tSão Paulo\tplace\tcity\t\tBR\t12000000\t\t
t:civ\tCôte d'Ivoire\tplace\tcountry\tIvory Coast\tCI\t26000000\t\t
t:belgorod\tBelgorod Oblast\tplace\tregion\tBelgorod region\tRU\t1500000\t\t
t:belgorod-city\tBelgorod\tplace\tcity\t\tRU\t390000\t\t
t:reading\tReading\tplace\tcity\t\tGB\t230000\t\t
t:nice\tNice\tplace\tcity\t\tFR\t340000\t\t
t:hamlet\tTavolzhanka\tplace\tvillage\t\tRU\t900\t\t
t:nato\tNorth Atlantic Treaty Organization\tgroup\tinternational_org\tNATO\t\t\t\t
t:aq\tal-Qaeda\tgroup\tarmed_group\tal-Qaida|AQ\t\t\t\tnocase
t:us\tUnited States\tplace\tcountry\tUS\tUS\t330000000\t\t
t:izvor\tИзвор\tplace\tvillage\t\tMK\t1000\t\t
";

    fn matches(text: &str) -> Vec<(&str, &str, bool)> {
        let g = Gazetteer::builder().add_tsv("t.tsv", TSV).build().unwrap();
        let layout = text::Layout::new(text);
        g.find(text, &layout)
            .into_iter()
            .map(|m| {
                let best: &str = &g.entry(m.entries[0]).id;
                let best: &'static str = Box::leak(best.to_string().into_boxed_str());
                (&text[m.span], best, m.ambiguous)
            })
            .collect()
    }

    /// A text and what should match in it: (surface, entry id, ambiguous).
    type Case = (&'static str, &'static [(&'static str, &'static str, bool)]);

    #[test]
    fn matching_rules() {
        let cases: &[Case] = &[
            // Token boundaries: not inside a longer word.
            ("Romeo met Juliet in Rome.", &[("Rome", "t:rome", false)]),
            ("the pro-Kiev forces", &[("Kiev", "t:kyiv", false)]),
            (
                "Russia’s army and Russia's navy",
                &[("Russia", "t:russia", false), ("Russia", "t:russia", false)],
            ),
            // Leftmost-longest, falling back when the longest is cut.
            (
                "the Belgorod region said",
                &[("Belgorod region", "t:belgorod", false)],
            ),
            (
                "the Belgorod regional hub",
                &[("Belgorod", "t:belgorod-city", false)],
            ),
            // Folding: diacritics, apostrophes, hyphens.
            (
                "Erdogan and Erdoğan",
                &[
                    ("Erdogan", "t:erdogan", false),
                    ("Erdoğan", "t:erdogan", false),
                ],
            ),
            ("from Sao Paulo", &[("Sao Paulo", "t:sp", false)]),
            ("in Côte d’Ivoire", &[("Côte d’Ivoire", "t:civ", false)]),
            (
                "in Nagorno Karabakh",
                &[("Nagorno Karabakh", "t:nk", false)],
            ),
            (
                "in Nagorno-Karabakh",
                &[("Nagorno-Karabakh", "t:nk", false)],
            ),
            ("Mos\u{AD}cow", &[("Mos\u{AD}cow", "t:moscow-ru", false)]),
            // A name that ends in a char folding leaves as it is.
            ("in Извор and ИЗВОР", &[("Извор", "t:izvor", true)]),
            ("ВО ИЗВОР ДОЖД", &[("ИЗВОР", "t:izvor", true)]),
            // Case: sensitive by default, capitals in headlines, nocase flag.
            ("moscow", &[]),
            (
                "TROOPS LEAVE KYIV FOR MOSCOW",
                &[("KYIV", "t:kyiv", false), ("MOSCOW", "t:moscow-ru", false)],
            ),
            (
                "Al-Qaeda and AL-QAEDA and al-Qaeda",
                &[
                    ("Al-Qaeda", "t:aq", false),
                    ("AL-QAEDA", "t:aq", false),
                    ("al-Qaeda", "t:aq", false),
                ],
            ),
            ("NATO and Nato", &[("NATO", "t:nato", false)]),
            ("AQ and Aq and aq", &[("AQ", "t:aq", false)]),
            // Ambiguity: common words, small places, acronyms in capitals.
            (
                "Reading is fun in Nice weather",
                &[("Reading", "t:reading", true), ("Nice", "t:nice", true)],
            ),
            ("near Tavolzhanka", &[("Tavolzhanka", "t:hamlet", true)]),
            ("LET US GO", &[("US", "t:us", true)]),
            ("the US said", &[("US", "t:us", false)]),
        ];
        for (text, want) in cases {
            assert_eq!(matches(text), *want, "{text:?}");
        }
    }

    #[test]
    fn first_word_keys() {
        use super::first_word_key;
        let key = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            first_word_key(text.as_bytes(), Span::new(start, start + word.len()))
        };
        let kyiv = key("Kyiv", "Kyiv").unwrap();
        // Read from the middle of a text or at its end, a word is itself.
        assert_eq!(
            key("in Kyiv and Kyivstar, far from the end", "Kyiv"),
            Some(kyiv)
        );
        assert_ne!(key("Kyivs", "Kyivs"), Some(kyiv));
        assert_ne!(key("Kyi", "Kyi"), Some(kyiv));
        assert!(key("Mykolaiv-Oblast", "Mykolaiv-Oblast").is_some());
        assert!(key("Mykolaiv-Oblasts", "Mykolaiv-Oblasts").is_none());
        assert!(key("Kyïv", "Kyïv").is_none());
        assert!(key("a", "").is_none());
        assert_ne!(key("A", "A"), Some([0, 0]));
    }

    #[test]
    fn first_words_walk_as_the_names_do() {
        use super::super::view::Folded;
        let g = Gazetteer::builder().add_tsv("t.tsv", TSV).build().unwrap();
        let [part] = &g.inner.matcher.parts[..] else {
            panic!("one part");
        };
        let text = "In Moscow, Moscow Oblast and Mosc met Rome, Romeo, Roma and R. \
                    Belgorod region, Belgorod regional, Belgorodskaya; Nice, Nicer; \
                    United States, United Nations, the US and USA. Kyiv";
        let layout = text::Layout::new(text);
        for token in &layout.tokens {
            let span = token.span;
            let mut whole = Vec::new();
            part.prefixes(Folded::new(text, span.start), 0, &mut whole);
            // Names inside the first word end at no token's end.
            whole.retain(|&(_, end, _)| end >= span.end);
            let mut on = Vec::new();
            if let Some((node, value)) = part.walk_word(&text.as_bytes()[span.range()]) {
                let rest = Folded::new(text, span.end);
                part.walk_on(node, value, span.len(), span.end, rest, 0, &mut on);
            }
            let found = |names: &[(usize, usize, super::Found)]| {
                names
                    .iter()
                    .map(|&(len, end, f)| (len, end, f.part, f.value))
                    .collect::<Vec<_>>()
            };
            assert_eq!(found(&on), found(&whole), "{:?}", &text[span]);
        }
    }

    #[test]
    fn each_matcher_keeps_its_own_first_words() {
        let other = "o:moscow\tMoscow Oblast\tplace\tregion\t\tRU\t7000000\t\t\n";
        let ours = Gazetteer::builder().add_tsv("t.tsv", TSV).build().unwrap();
        let theirs = Gazetteer::builder()
            .add_tsv("o.tsv", other)
            .build()
            .unwrap();
        let text = "From Moscow to Moscow Oblast";
        let layout = text::Layout::new(text);
        let found = |g: &Gazetteer| -> Vec<String> {
            g.find(text, &layout)
                .iter()
                .map(|m| format!("{} {}", &text[m.span], g.entry(m.entries[0]).id))
                .collect()
        };
        for _ in 0..3 {
            assert_eq!(found(&ours), ["Moscow t:moscow-ru", "Moscow t:moscow-ru"]);
            assert_eq!(found(&theirs), ["Moscow Oblast o:moscow"]);
        }
    }

    #[test]
    fn summaries_read_bytes_as_folded() {
        use crate::gazetteer::compile::follow_bit;
        use crate::gazetteer::fold::fold_byte;
        for b in 0..=u8::MAX {
            let next = [b, b'a', b];
            assert_eq!(follow_bit(next), follow_bit(next.map(fold_byte)), "{b}");
        }
    }

    /// The summaries' bit is the hash of the three bytes, each at least
    /// `-`, whatever the byte.
    #[test]
    fn summaries_count_bytes_up_to_a_hyphen_as_one() {
        use crate::gazetteer::compile::follow_bit;
        for a in 0..=u8::MAX {
            for b in [
                0, b' ', b',', b'-', b'.', b'a', 0x7F, 0x80, 0xAD, 0xAE, 0xC3, 0xFF,
            ] {
                let next = [a, b, a ^ b];
                let [x, y, z] = next.map(|b| b.max(b'-'));
                let key = u64::from(u32::from_le_bytes([x, y, z, 0]));
                let bit = 1 << (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 61);
                assert_eq!(follow_bit(next), bit, "{next:?}");
            }
        }
    }

    #[test]
    fn shared_names_prefer_the_prominent() {
        let g = Gazetteer::builder().add_tsv("t.tsv", TSV).build().unwrap();
        let ids: Vec<&str> = g.lookup("Moscow").map(|e| &*e.id).collect();
        assert_eq!(ids, ["t:moscow-ru", "t:moscow-us"]);
    }

    /// Names whose first bytes are more than a listed node holds make the
    /// root a dense node: all lower case, a narrow one; some capitals or the
    /// lead byte of a Vietnamese letter among them, a wide one. Each case:
    /// the names, the root's marks, a text and the names found in it.
    #[test]
    fn names_under_a_dense_root() {
        use crate::gazetteer::compile::{COMPACT, DENSE, WIDE};
        type Case = (
            &'static [&'static str],
            u32,
            &'static str,
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                &[
                    "abu", "bin", "cor", "dos", "el-x", "fab", "gul", "hip", "ibn", "jo's",
                ],
                DENSE,
                "the abu of el x and jo's gul, not bins",
                &["abu", "el x", "jo's", "gul"],
            ),
            (
                &[
                    "Abu",
                    "bin",
                    "Cor",
                    "dos",
                    "El-x",
                    "fab",
                    "Gul",
                    "hip",
                    "Ibn",
                    "Jo's",
                    "\u{1EA0}n",
                ],
                DENSE | WIDE,
                "the Abu of El x and Jo's Gul, not bins nor Cor's \u{1EA0}n",
                &["Abu", "El x", "Jo's", "Gul", "Cor", "\u{1EA0}n"],
            ),
        ];
        for &(names, marks, text, want) in cases {
            let tsv: String = names
                .iter()
                .map(|n| format!("t:{n}\t{n}\tgroup\tarmed_group\t\t\t\t\t\n"))
                .collect();
            let g = Gazetteer::builder().add_tsv("t.tsv", tsv).build().unwrap();
            let root = super::word(&g.inner.matcher.parts[0].trie, 0);
            assert_eq!(root & (COMPACT | DENSE | WIDE), marks, "{names:?}");
            for name in names {
                let ids: Vec<&str> = g.lookup(name).map(|e| &*e.id).collect();
                assert_eq!(ids, [format!("t:{name}")], "{name:?}");
            }
            let layout = text::Layout::new(text);
            let found: Vec<&str> = g
                .find(text, &layout)
                .iter()
                .map(|m| &text[m.span])
                .collect();
            assert_eq!(found, want, "{text:?}");
        }
    }
}

#[cfg(test)]
mod default_gazetteer {
    use crate::document::EntityType;
    use crate::gazetteer::{embedded, Gazetteer, EMBEDDED_FILES};
    use crate::text;

    /// Checks the embedded entries (valid, ids unique) and the build script,
    /// which reads only some columns: its names, lists and entries must be
    /// what the library makes of the fully parsed files.
    #[test]
    fn build_script_compiles_what_the_library_would() {
        let mut plain = Gazetteer::builder();
        for (path, text) in EMBEDDED_FILES {
            plain = plain.add_tsv(path, text);
        }
        let plain = plain.build().unwrap();
        let built = embedded().build().unwrap();
        let [ours] = &plain.inner.matcher.parts[..] else {
            panic!("one part of added entries");
        };
        let [theirs] = &built.inner.matcher.parts[..] else {
            panic!("one part of embedded entries");
        };
        assert!(ours.trie == theirs.trie);
        assert!(ours.lists == theirs.lists);
        assert!(ours.follows == theirs.follows);
        assert_eq!(plain.len(), built.len());
        assert!(plain.entries().eq(built.entries()));
        assert_eq!(plain.inner.matcher.follows, built.inner.matcher.follows);
        assert_eq!(
            plain.inner.matcher.lower_starts,
            built.inner.matcher.lower_starts
        );
    }

    #[test]
    fn names_added_to_the_embedded_ones_keep_their_own_walks() {
        let added = "x:moscow\tMoscow\tplace\tcity\t\tRU\t12000000\t\t\n\
                     x:ggg\tGreat Green Group\tgroup\tngo\tGGG\t\t\t\t\n";
        let g = embedded().add_tsv("x.tsv", added).build().unwrap();
        assert_eq!(g.inner.matcher.parts.len(), 2);
        let text = "Moscow and Kyiv, the Great Green Group, Moscow and Kyiv again.";
        let layout = text::Layout::new(text);
        let found = || -> Vec<(&str, String)> {
            g.find(text, &layout)
                .iter()
                .map(|m| (&text[m.span], g.entry(m.entries[0]).id.to_string()))
                .collect()
        };
        let first = found();
        // At one length the later part wins; the embedded names stay found.
        assert_eq!(first[0], ("Moscow", "x:moscow".to_string()));
        assert_eq!(first[1].0, "Kyiv");
        assert_eq!(first[2], ("Great Green Group", "x:ggg".to_string()));
        assert_eq!(first[3..], first[..2]);
        // Read again, every walk starts from the kept ones.
        assert_eq!(found(), first);
    }

    #[test]
    fn names_of_the_acceptance_article_match_with_their_types() {
        let g = embedded().build().unwrap();
        let text = "Governor Vyacheslav Gladkov, Gladkov and Gladkow met Mykhailo Podolyak. \
                    Russian President Vladimir Putin and Putin's aides. The Russian Volunteer \
                    Corps, the Legion for the Freedom of Russia and the Freedom Legion of Russia \
                    spoke to Al Jazeera English, the Kremlin said. Belgorod, Shebekino, \
                    Novaya Tavolshanka, the pro-Kiev forces, Kyiv, Moscow, Russia and Ukraine.";
        let layout = text::Layout::new(text);
        let found: Vec<(&str, EntityType)> = g
            .find(text, &layout)
            .iter()
            .map(|m| (&text[m.span], g.entry(m.entries[0]).kind))
            .collect();
        use EntityType::*;
        for want in [
            ("Vyacheslav Gladkov", Person),
            ("Gladkov", Person),
            ("Gladkow", Person),
            ("Mykhailo Podolyak", Person),
            ("Vladimir Putin", Person),
            ("Putin", Person),
            ("Russian Volunteer Corps", Group),
            ("Legion for the Freedom of Russia", Group),
            ("Freedom Legion of Russia", Group),
            ("Al Jazeera English", Group),
            ("Kremlin", Group),
            ("Belgorod", Place),
            ("Shebekino", Place),
            ("Novaya Tavolshanka", Place),
            ("Kiev", Place),
            ("Kyiv", Place),
            ("Moscow", Place),
            ("Russia", Place),
            ("Ukraine", Place),
        ] {
            assert!(found.contains(&want), "{want:?} not in {found:?}");
        }
    }
}
