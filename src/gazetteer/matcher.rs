//! The matcher: every folded name and alias of a gazetteer in one
//! Aho-Corasick automaton, run over a folded view of the text.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::fold::{fold_name, Casing, View};
use super::{Entry, EntryId, Match};
use crate::document::EntityType;
use crate::text::Layout;
use crate::Span;

/// Lowercase common English words: a single-word name that is also one of
/// them ("Reading", "Split", "Most") needs context.
static COMMON_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::parse_words(include_str!("../../lexicons/common_words.txt")));

/// Places this populous are known by their names alone, even when the name is
/// also a word ("Turkey", "China").
const PROMINENT_PLACE: u64 = 1_000_000;

/// Single-word places smaller than this need context: most such names are
/// shared with people, things or other places.
const SMALL_PLACE: u64 = 15_000;

#[derive(Debug)]
pub(super) struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern: the entries with that name, best first.
    entries: Vec<Vec<EntryId>>,
    ambiguous: Vec<bool>,
    acronym: Vec<bool>,
    /// Folded name to pattern, for lookups by name.
    by_name: HashMap<String, u32>,
}

impl Matcher {
    pub(super) fn new(entries: &[Entry]) -> Matcher {
        let mut by_name: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<EntryId>> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let id = EntryId(u32::try_from(i).unwrap_or(u32::MAX));
            let mut names: Vec<String> = entry.names().map(fold_name).collect();
            if entry.case_insensitive {
                let variants: Vec<String> = names
                    .iter()
                    .flat_map(|n| [n.to_lowercase(), n.to_uppercase(), title_case(n)])
                    .collect();
                names.extend(variants);
            }
            for name in names {
                if name.is_empty() {
                    continue;
                }
                let next = patterns.len() as u32;
                let p = *by_name.entry(name.clone()).or_insert(next);
                if p == next {
                    patterns.push(name);
                    pattern_entries.push(Vec::new());
                }
                let list = &mut pattern_entries[p as usize];
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        for list in &mut pattern_entries {
            list.sort_by_key(|&id| rank(&entries[id.index()], id));
        }
        let ambiguous = patterns
            .iter()
            .zip(&pattern_entries)
            .map(|(name, list)| is_ambiguous(name, &entries[list[0].index()]))
            .collect();
        let acronym = patterns.iter().map(|p| is_acronym(p)).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("names are short enough for the automaton");
        Matcher {
            automaton,
            entries: pattern_entries,
            ambiguous,
            acronym,
            by_name,
        }
    }

    pub(super) fn lookup(&self, name: &str) -> &[EntryId] {
        self.by_name
            .get(&fold_name(name))
            .map_or(&[], |&p| &self.entries[p as usize])
    }

    pub(super) fn find(&self, text: &str, layout: &Layout) -> Vec<Match> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let bounds = Bounds::new(layout);
        let mut candidates = Vec::new();
        self.scan(
            text,
            &View::new(text, 0, Casing::Original),
            &bounds,
            false,
            &mut candidates,
        );
        for paragraph in &layout.paragraphs {
            let stretch = &text[paragraph.span];
            if is_all_caps(stretch) {
                let view = View::new(stretch, paragraph.span.start, Casing::Title);
                self.scan(text, &view, &bounds, true, &mut candidates);
            }
        }
        // Leftmost-longest among the candidates that fall on token
        // boundaries: an overlapping search finds every one, so a longer
        // name cut off mid-word ("Belgorod regional") leaves the shorter.
        candidates.sort_unstable_by_key(|&(span, p, _): &(Span, usize, bool)| {
            (span.start, std::cmp::Reverse(span.end), p)
        });
        let mut out: Vec<Match> = Vec::new();
        let mut last_end = 0;
        for (span, p, caps) in candidates {
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            out.push(Match {
                span,
                entries: self.entries[p].clone(),
                ambiguous: self.ambiguous[p] || (caps && self.acronym[p]),
            });
        }
        out
    }

    fn scan(
        &self,
        text: &str,
        view: &View<'_>,
        bounds: &Bounds,
        in_caps: bool,
        out: &mut Vec<(Span, usize, bool)>,
    ) {
        for m in self.automaton.find_overlapping_iter(view.text.as_ref()) {
            let start = view.start(m.start());
            let end = view.end(text, m.end() - 1);
            if bounds.is_start(start) && bounds.is_end(end) {
                out.push((Span::new(start, end), m.pattern().as_usize(), in_caps));
            }
        }
    }
}

/// Token starts and ends, for checking that a match covers whole tokens.
struct Bounds {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Bounds {
    fn new(layout: &Layout) -> Bounds {
        Bounds {
            starts: layout.tokens.iter().map(|t| t.span.start).collect(),
            ends: layout.tokens.iter().map(|t| t.span.end).collect(),
        }
    }

    fn is_start(&self, at: usize) -> bool {
        self.starts.binary_search(&at).is_ok()
    }

    fn is_end(&self, at: usize) -> bool {
        self.ends.binary_search(&at).is_ok()
    }
}

/// Hand-curated entries before generated ones, then the most prominent.
fn rank(entry: &Entry, id: EntryId) -> (bool, std::cmp::Reverse<u64>, EntryId) {
    (
        !entry.id.starts_with("curated:"),
        std::cmp::Reverse(entry.prominence),
        id,
    )
}

fn is_ambiguous(name: &str, best: &Entry) -> bool {
    if name.contains(' ') || is_acronym(name) {
        return false;
    }
    let place = best.kind == EntityType::Place;
    if place && best.prominence >= PROMINENT_PLACE {
        return false;
    }
    COMMON_WORDS.contains(name.to_lowercase().as_str()) || (place && best.prominence < SMALL_PLACE)
}

fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
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

fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut prev_letter = false;
    for c in name.chars() {
        if prev_letter {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_letter = c.is_alphabetic();
    }
    out
}
