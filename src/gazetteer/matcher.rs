//! The matcher: every folded name and alias of a gazetteer in one
//! Aho-Corasick automaton, run over a folded view of the text.

use crate::hash::Map;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};
use rayon::prelude::*;

use super::fold::{fold_byte, fold_name, Casing, View};
use super::{Entry, EntryId, Match};
use crate::document::EntityType;
use crate::lexicon::COMMON_WORDS;
use crate::text::{Layout, Token, TokenKind};
use crate::Span;

/// Places this populous are known by their names alone, even when the name is
/// also a word ("Turkey", "China").
const PROMINENT_PLACE: u64 = 1_000_000;

/// Single-word places smaller than this need context: most such names are
/// shared with people, things or other places.
const SMALL_PLACE: u64 = 15_000;

/// Names are split into shards by their first byte, each with its own
/// automaton: the shards build in parallel, and since every search is
/// anchored at a token start, the token's first byte names the one shard to
/// search.
const SHARDS: usize = 16;

#[derive(Debug)]
pub(super) struct Matcher {
    shards: Vec<Shard>,
    /// The first bytes of the names that start in lower case ("al-Qaeda"):
    /// tokens that may start a name without a capital.
    lower_starts: [bool; 256],
    /// The first two bytes of every name, a bit for each pair (a name of
    /// one byte sets its whole row). Most words that may start a name start
    /// none, and this small table says so without touching the automata,
    /// which are far larger than the cache.
    pairs: Vec<u64>,
}

#[derive(Debug)]
struct Shard {
    /// Walked by hand rather than searched: one walk from a token start
    /// yields every name starting there, so a name cut off mid-word falls
    /// back to a shorter one without another search, and a word that starts
    /// no name costs a transition or two, not a search's setup.
    automaton: contiguous::NFA,
    /// The index of the automaton's pattern `p` among the patterns below.
    order: Vec<u32>,
    /// The entries of pattern `p` are `entries[bounds[p]..bounds[p + 1]]`,
    /// best first.
    entries: Vec<EntryId>,
    bounds: Vec<u32>,
    ambiguous: Vec<bool>,
    acronym: Vec<bool>,
}

/// A pattern: its shard and its index there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PatternRef {
    shard: usize,
    pattern: usize,
}

fn pair_index(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

fn shard_of(first_byte: u8) -> usize {
    usize::from(first_byte) % SHARDS
}

impl Matcher {
    pub(super) fn new(entries: &[Entry]) -> Matcher {
        let names: Vec<(String, EntryId)> = entries
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, entry)| {
                let id = EntryId(u32::try_from(i).unwrap_or(u32::MAX));
                let mut names: Vec<String> = entry.names().map(fold_name).collect();
                if entry.case_insensitive {
                    // Acronyms keep their case whatever the flag: "US" is
                    // not "us".
                    let variants: Vec<String> = names
                        .iter()
                        .filter(|n| !is_acronym(n))
                        .flat_map(|n| [n.to_lowercase(), n.to_uppercase(), title_case(n)])
                        .collect();
                    names.extend(variants);
                }
                names
                    .into_iter()
                    .filter(|n| !n.is_empty())
                    .map(move |n| (n, id))
            })
            .collect();
        let mut lower_starts = [false; 256];
        let mut pairs = vec![0u64; 256 * 256 / 64];
        let mut buckets: Vec<Vec<(String, EntryId)>> = vec![Vec::new(); SHARDS];
        for (name, id) in names {
            let first = name.as_bytes()[0];
            let seconds = match name.as_bytes().get(1) {
                Some(&b) => b..=b,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                let pair = pair_index(first, second);
                pairs[pair / 64] |= 1 << (pair % 64);
            }
            if !name.starts_with(char::is_uppercase) {
                lower_starts[usize::from(first)] = true;
            }
            buckets[shard_of(first)].push((name, id));
        }
        let shards = buckets
            .into_par_iter()
            .map(|bucket| Shard::new(bucket, entries))
            .collect();
        Matcher {
            shards,
            lower_starts,
            pairs,
        }
    }

    fn shard(&self, folded: &str) -> Option<&Shard> {
        folded
            .as_bytes()
            .first()
            .map(|&b| &self.shards[shard_of(b)])
    }

    /// The entries named exactly `name` (folded): the longest pattern that
    /// is a prefix of the name, if it is the whole name.
    pub(super) fn lookup(&self, name: &str) -> &[EntryId] {
        let folded = fold_name(name);
        let Some(shard) = self.shard(&folded) else {
            return &[];
        };
        let mut found = Vec::new();
        shard.prefixes(folded.as_bytes(), &mut found);
        match found.last() {
            Some(&(len, sid)) if len == folded.len() => shard
                .name(sid, len)
                .map_or(&[], |p| shard.pattern_entries(p)),
            _ => &[],
        }
    }

    pub(super) fn find(&self, text: &str, layout: &Layout) -> Vec<Match> {
        let tokens = &layout.tokens;
        let caps: Vec<Span> = layout
            .paragraphs
            .iter()
            .map(|p| p.span)
            .filter(|&span| is_all_caps(&text[span]))
            .collect();
        let mut candidates = Vec::new();
        let view = View::new(text, 0, Casing::Original);
        self.scan(text, &view, tokens, &caps, &mut candidates);
        for &span in &caps {
            let view = View::new(&text[span], span.start, Casing::Title);
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let last = tokens.partition_point(|t| t.span.start < span.end);
            self.scan(text, &view, &tokens[first..last], &caps, &mut candidates);
        }
        if !caps.is_empty() {
            // Two views of the same paragraph: keep leftmost-longest.
            candidates.sort_unstable_by_key(|&(span, p, _): &(Span, PatternRef, bool)| {
                (span.start, std::cmp::Reverse(span.end), p)
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
            .map(|(span, p, caps)| {
                let shard = &self.shards[p.shard];
                Match {
                    span,
                    entries: shard.pattern_entries(p.pattern).to_vec(),
                    ambiguous: shard.ambiguous[p.pattern] || (caps && shard.acronym[p.pattern]),
                }
            })
            .collect()
    }

    /// Leftmost-longest names starting at a token and ending at a token end.
    /// When the longest name at a token is cut off mid-word ("Belgorod
    /// regional"), shorter names starting there are tried.
    fn scan(
        &self,
        text: &str,
        view: &View<'_>,
        tokens: &[Token],
        caps: &[Span],
        out: &mut Vec<(Span, PatternRef, bool)>,
    ) {
        let haystack = view.text.as_bytes();
        let mut cursor = 0;
        // The match states entered from the current token, by view length.
        let mut names = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            i += 1;
            if !self.may_start_name(&text[token.span], token.kind) {
                continue;
            }
            let at = view.to_view(token.span.start, &mut cursor);
            let Some(&first) = haystack.get(at) else {
                continue;
            };
            let first = fold_byte(first);
            if let Some(&second) = haystack.get(at + 1) {
                let pair = pair_index(first, fold_byte(second));
                if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                    continue;
                }
            }
            let shard = shard_of(first);
            names.clear();
            self.shards[shard].prefixes(&haystack[at..], &mut names);
            // The longest name that ends where a token ends.
            for &(len, sid) in names.iter().rev() {
                let end = view.end(text, at + len - 1);
                // A name spans a few tokens: walk to the one ending it.
                let last = i - 1
                    + tokens[i - 1..]
                        .iter()
                        .position(|t| t.span.end >= end)
                        .unwrap_or(tokens.len() - i + 1);
                let ends_token = tokens.get(last).is_some_and(|t| t.span.end == end);
                if !ends_token {
                    continue;
                }
                // Looked up last: the name's length is not in the memory
                // the walk has just read.
                if let Some(pattern) = self.shards[shard].name(sid, len) {
                    let span = Span::new(token.span.start, end);
                    let c = caps.partition_point(|c| c.end < span.end);
                    let in_caps = caps.get(c).is_some_and(|c| c.contains(span));
                    out.push((span, PatternRef { shard, pattern }, in_caps));
                    i = last + 1;
                    break;
                }
            }
        }
    }

    fn may_start_name(&self, token: &str, kind: TokenKind) -> bool {
        kind == TokenKind::Word
            && (self.lower_starts[usize::from(token.as_bytes()[0])]
                || token.starts_with(char::is_uppercase))
    }
}

impl Shard {
    fn new(names: Vec<(String, EntryId)>, entries: &[Entry]) -> Shard {
        let mut ids: Map<&str, u32> = Map::default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_entries: Vec<Vec<EntryId>> = Vec::new();
        for (name, id) in &names {
            let next = patterns.len() as u32;
            let p = *ids.entry(name.as_str()).or_insert_with(|| {
                patterns.push(name);
                pattern_entries.push(Vec::new());
                next
            });
            let list = &mut pattern_entries[p as usize];
            if !list.contains(id) {
                list.push(*id);
            }
        }
        drop(ids);
        let mut flat = Vec::with_capacity(pattern_entries.len());
        let mut bounds = Vec::with_capacity(pattern_entries.len() + 1);
        bounds.push(0);
        let mut ambiguous = Vec::with_capacity(patterns.len());
        for (name, mut list) in patterns.iter().zip(pattern_entries) {
            list.sort_by_key(|&id| rank(&entries[id.index()], id));
            ambiguous.push(is_ambiguous(name, &entries[list[0].index()]));
            flat.extend(list);
            bounds.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
        }
        let acronym = patterns.iter().map(|p| is_acronym(p)).collect();
        // Names go into the automaton sorted, so that the states of names
        // sharing a prefix lie together: a walk reads fewer cache lines.
        let mut order: Vec<u32> = (0..u32::try_from(patterns.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by_key(|&p| patterns[p as usize].as_bytes());
        // Names are sought only where a token starts, so the automaton runs
        // anchored: it reads a few bytes per capitalised word instead of
        // every byte of the text, and needs no prefilter.
        let automaton = contiguous::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(order.iter().map(|&p| patterns[p as usize]))
            .expect("names are short enough for the automaton");
        Shard {
            automaton,
            order,
            entries: flat,
            bounds,
            ambiguous,
            acronym,
        }
    }

    /// Appends `(len, state)` to `out` for every match state the automaton
    /// enters reading `haystack`, hyphens and line breaks read as spaces.
    /// Whether the state spells a name `len` bytes long, a prefix of the
    /// haystack, is for [`Shard::name`] to say.
    fn prefixes(&self, haystack: &[u8], out: &mut Vec<(usize, StateID)>) {
        let aut = &self.automaton;
        let Ok(mut sid) = aut.start_state(Anchored::Yes) else {
            return;
        };
        for (i, &b) in haystack.iter().enumerate() {
            sid = aut.next_state(Anchored::Yes, sid, fold_byte(b));
            if aut.is_special(sid) {
                if aut.is_dead(sid) {
                    return;
                }
                if aut.is_match(sid) {
                    out.push((i + 1, sid));
                }
            }
        }
    }

    /// The pattern that match state `sid` spells, if it is `len` bytes long.
    /// A state lists the name it spells first; the names after it, and a
    /// first name of another length, were copied along failure transitions
    /// for unanchored searches, and start later.
    fn name(&self, sid: StateID, len: usize) -> Option<usize> {
        let p = self.automaton.match_pattern(sid, 0);
        (self.automaton.pattern_len(p) == len).then(|| self.order[p.as_usize()] as usize)
    }

    fn pattern_entries(&self, p: usize) -> &[EntryId] {
        &self.entries[self.bounds[p] as usize..self.bounds[p + 1] as usize]
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

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::text;

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
    fn shared_names_prefer_the_prominent() {
        let g = Gazetteer::builder().add_tsv("t.tsv", TSV).build().unwrap();
        let ids: Vec<&str> = g.lookup("Moscow").map(|e| &*e.id).collect();
        assert_eq!(ids, ["t:moscow-ru", "t:moscow-us"]);
    }
}

#[cfg(test)]
mod default_gazetteer {
    use crate::document::EntityType;
    use crate::gazetteer::embedded;
    use crate::text;

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
