//! Compiling names into the matcher's form: every folded name of a set of
//! entries as a key of one finite state transducer, whose value leads to the
//! name's entries, best first.
//!
//! `fst` builds the transducer, minimal; it is then laid out again with
//! word-aligned fields (see [`Compiled::trie`]), since the matcher walks it a
//! byte at a time from every token that may start a name, and decoding
//! `fst`'s packed nodes made each step cost several times more.
//!
//! The build script compiles this module too, for the embedded gazetteers:
//! their names are compiled once, when the crate is built, rather than in
//! every process that starts an extractor. So it must need nothing but
//! `std`, `fst` and the name folding.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::fold::fold_name;

/// Places this populous are known by their names alone, even when the name is
/// also a word ("Turkey", "China").
const PROMINENT_PLACE: u64 = 1_000_000;

/// Single-word places smaller than this need context: most such names are
/// shared with people, things or other places.
const SMALL_PLACE: u64 = 15_000;

/// A flag of a name's value: the name is also a common word or first name,
/// or names only a small place, so the entity stage should accept it only
/// with context.
pub(crate) const AMBIGUOUS: u64 = 1;
/// A flag of a name's value: the name is an acronym, ambiguous where the
/// text is in capitals anyway.
pub(crate) const ACRONYM: u64 = 2;
/// Marks the last entry of a name's list.
pub(crate) const LAST: u32 = 1 << 31;
/// Marks a reference to a node of the trie where a name ends.
pub(crate) const FINAL: u32 = 1 << 31;
/// Marks a node's header: the node has one transition, with output 0, and
/// is that word alone or with the next node's reference (see
/// [`Compiled::trie`]). Most nodes, far from the root, are such, and a walk
/// along a chain of them reads consecutive words.
pub(crate) const COMPACT: u32 = 1 << 31;
/// Marks a compact node's header: a name ends at the next node.
pub(crate) const NEXT_FINAL: u32 = 1 << 30;
/// Marks a compact node's header: the next node's reference follows.
pub(crate) const JUMP: u32 = 1 << 28;
/// Marks a header that is followed by a word of the node's final output.
pub(crate) const FINAL_OUTPUT: u32 = 1 << 29;
/// Marks a reference to a dense node, and a dense node's header, which has
/// [`FINAL_OUTPUT`] set as other nodes' do: the node has a word of final
/// output (0 if none) after the header, then a transition for each of its
/// [`dense_inputs`], in that order, both words 0 where it has none. A step
/// there reads the transition alone, found without reading the header or
/// counting inputs before it. Nodes of [`DENSE_LEAST`] transitions or more
/// are dense when their inputs are all among the first [`NARROW`] of
/// [`DENSE_INPUTS`]: most such nodes, near the root, where walks read most
/// of their steps, and a step of another node reads two or three cache
/// lines (its header, its inputs, its transition), seldom cached when the
/// later stages have run between two texts.
pub(crate) const DENSE: u32 = 1 << 30;
/// Marks a reference to a dense node, and a dense node's header, that has a
/// transition for each of [`DENSE_INPUTS`], not only the first [`NARROW`]:
/// nodes of more than [`LISTED`] transitions whose inputs are all there but
/// not all among those (capitals after a space, the lead bytes of
/// Vietnamese letters), which would otherwise give their inputs as a bitmap,
/// and a step of theirs read three lines.
pub(crate) const WIDE: u32 = 1 << 28;
/// Marks a reference to a node where a name ends with no final output, so
/// that a walk that finds the name need not read the node to learn it: a
/// step of a dense node reads a transition, not its header.
pub(crate) const NO_FINAL_OUTPUT: u32 = 1 << 29;
/// The fewest transitions of a dense node. Fewer waste too much room: with
/// 4 or more the trie grows by half and its misses fall no further.
const DENSE_LEAST: usize = 6;
/// The inputs of a [`WIDE`] dense node's transitions; those of another
/// dense node are the first [`NARROW`]: what follows a name's capital.
pub(crate) const DENSE_INPUTS: &[u8; 60] =
    b"abcdefghijklmnopqrstuvwxyz '.ABCDEFGHIJKLMNOPQRSTUVWXYZ\xC6\xC7\xC8\xC9\xE1";
/// The number of inputs of a dense node that is not [`WIDE`].
pub(crate) const NARROW: usize = 29;
/// The place of each byte in [`DENSE_INPUTS`], or `u8::MAX` if it is not
/// there.
pub(crate) const DENSE_SLOTS: [u8; 256] = {
    let mut slots = [u8::MAX; 256];
    let mut i = 0;
    while i < DENSE_INPUTS.len() {
        slots[DENSE_INPUTS[i] as usize] = i as u8;
        i += 1;
    }
    slots
};

/// The inputs of the dense node whose reference or header has `marks`.
#[inline(always)]
pub(crate) fn dense_inputs(marks: u32) -> &'static [u8] {
    if marks & WIDE != 0 {
        DENSE_INPUTS
    } else {
        &DENSE_INPUTS[..NARROW]
    }
}

/// The bits of a header that are not compact that give the number of
/// transitions.
pub(crate) const TRANSITIONS: u32 = (1 << 9) - 1;
/// The levels of the transducer laid out breadth first, before the rest.
const BREADTH_FIRST: usize = 2;
/// Nodes with more transitions than this, the few near the root, give their
/// inputs as a bitmap, in which a walk finds a transition without a search.
pub(crate) const LISTED: usize = 8;

/// The words a node's inputs take.
pub(crate) fn input_words(transitions: usize) -> usize {
    if transitions <= LISTED {
        transitions.div_ceil(4)
    } else {
        256 / 32 + 1
    }
}

/// What ranking entries and judging a name's ambiguity need of an entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Traits {
    /// Hand-curated rather than generated.
    pub(crate) curated: bool,
    pub(crate) place: bool,
    pub(crate) prominence: u64,
}

/// Names compiled for the matcher.
pub(crate) struct Compiled {
    /// The transducer, as little-endian `u32` words. A node starts with a
    /// header word. If the header has [`COMPACT`] set, the node has one
    /// transition, on the input in the header's low byte, with output 0: if
    /// [`JUMP`] is set, a word of the next node's reference (see below)
    /// follows; otherwise the next node is right after the header, and a
    /// name ends there if [`NEXT_FINAL`] is set. If the header has [`DENSE`]
    /// set, the node is as that describes, and [`WIDE`] too if it is wide.
    /// Otherwise the header's low bits give the node's number of
    /// transitions `n`; if [`FINAL_OUTPUT`] is
    /// set, a word of its final output follows (else it is 0); then its
    /// inputs, either `n` bytes, sorted, padded to a whole word, or if `n` is
    /// over [`LISTED`], a 256-bit bitmap of four little-endian 64-bit words,
    /// after a word whose four bytes count the inputs before each of them
    /// (so that a walk counts bits in one of them only: baseline x86-64 has
    /// no popcount instruction); and for each input in order, a reference to
    /// the next node (its word index, with [`FINAL`] set if a name ends there,
    /// [`NO_FINAL_OUTPUT`] if its final output is 0, and [`DENSE`] and
    /// [`WIDE`] as the node's header has them, so that a walk learns these
    /// without reading the node) and the output.
    /// The root is at 0; see [`lay_out`] for the order of the rest. The
    /// outputs along a name's path and its final output add up to its value,
    /// `start << 2 | flags`: `start` indexes its list in `lists`, and values
    /// grow with the names, which keeps outputs small.
    pub(crate) trie: Vec<u8>,
    /// Little-endian `u32` words: the number of names; then at each name's
    /// `start`, its order (see [`compile`]), then its entries, best first,
    /// the last marked with [`LAST`].
    pub(crate) lists: Vec<u8>,
    /// What may follow the first two bytes of a name, so that a walk from
    /// a word that starts no name is ruled out before it reads the trie: for
    /// each pair of bytes that starts a name (a name of one byte starts every
    /// pair with its byte), a little-endian `u32` word, the pair's
    /// [`pair_index`] `<< 8 |` its summary. The summary has the bit
    /// [`follow_bit`] of the next three bytes of each name of the pair, or
    /// every bit if one is shorter than five bytes.
    pub(crate) follows: Vec<u8>,
}

/// The index of the pair of bytes `first`, `second` in a table of pairs:
/// the little-endian `u16` of the two, which a word read from a text gives.
#[inline]
pub(crate) fn pair_index(first: u8, second: u8) -> usize {
    usize::from(u16::from_le_bytes([first, second]))
}

/// The bit of a pair's summary (see [`Compiled::follows`]) that says that a
/// name of the pair goes on with `next`, folded or not: the bytes folded to
/// a space, and all others up to `-`, count as one.
#[inline]
pub(crate) fn follow_bit(next: [u8; 3]) -> u8 {
    let [a, b, c] = next;
    let bytes = u32::from_le_bytes([a, b, c, 0]);
    // Each byte below '.' becomes '-', all three at once and without a
    // branch: a byte is kept if its high bit is set or its low seven bits
    // reach '.', which their sum with 0x80 less '.' tells in its high bit
    // without a borrow from the next byte.
    let low = bytes & 0x7F_7F7F;
    let kept = (((low | 0x80_8080) - 0x2E_2E2E) | bytes) & 0x80_8080;
    let kept = (kept >> 7) * 0xFF;
    let key = u64::from(bytes & kept | 0x2D_2D2D & !kept);
    1 << (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 61)
}

/// The folded forms an entry's names are matched by, empty ones left out.
pub(crate) fn forms<'a>(
    names: impl Iterator<Item = &'a str>,
    case_insensitive: bool,
) -> Vec<String> {
    let mut forms: Vec<String> = names.map(fold_name).collect();
    if case_insensitive {
        // Acronyms keep their case whatever the flag: "US" is not "us".
        let variants: Vec<String> = forms
            .iter()
            .filter(|n| !is_acronym(n))
            .flat_map(|n| [n.to_lowercase(), n.to_uppercase(), title_case(n)])
            .collect();
        forms.extend(variants);
    }
    forms.retain(|n| !n.is_empty());
    forms
}

/// Compiles `names`, pairs of a folded name and its entry's index, in the
/// order the entries were added.
///
/// A name's order is the place of its first appearance there, counted from
/// `first_order`: where two readings of a text find different names at one
/// span, the earlier name wins. `known` gives the order and the entries of a
/// name compiled before (into the embedded gazetteers' transducer): those
/// entries join the name's list, and it keeps its order.
///
/// Fails, with [`TOO_LARGE`], on names whose lists or trie would not fit
/// the 32-bit words that hold them.
pub(crate) fn compile(
    names: &[(String, u32)],
    first_order: u32,
    known: impl Fn(&str) -> Option<(u32, Vec<u32>)>,
    traits: impl Fn(u32) -> Traits,
    common_word: impl Fn(&str) -> bool,
) -> Result<Compiled, &'static str> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<(&str, u32, Vec<u32>)> = Vec::new();
    let mut next_order = first_order;
    for (name, id) in names {
        let p = *index.entry(name).or_insert_with(|| {
            let (order, ids) = known(name).unwrap_or_else(|| {
                next_order += 1;
                (next_order - 1, Vec::new())
            });
            patterns.push((name, order, ids));
            patterns.len() - 1
        });
        let list = &mut patterns[p].2;
        if !list.contains(id) {
            list.push(*id);
        }
    }
    drop(index);
    patterns.sort_unstable_by_key(|&(name, _, _)| name);
    let follows = follows(patterns.iter().map(|&(name, _, _)| name.as_bytes()));
    // A name's value, `start << 2 | flags`, is a 32-bit word, so every list
    // must start below 2^30 words; the whole of `lists` is counted, which
    // is a little stricter.
    let list_words = 1 + patterns
        .iter()
        .map(|(_, _, ids)| 1 + ids.len())
        .sum::<usize>();
    if list_words >= 1 << 30 {
        return Err(TOO_LARGE);
    }
    let mut lists = Vec::with_capacity(list_words * 4);
    lists.extend(u32::try_from(patterns.len()).expect(FITS).to_le_bytes());
    let mut fst = fst::MapBuilder::memory();
    for (name, order, mut ids) in patterns {
        ids.sort_by_cached_key(|&id| rank(traits(id), id));
        let mut flags = 0;
        if is_ambiguous(name, traits(ids[0]), &common_word) {
            flags |= AMBIGUOUS;
        }
        if is_acronym(name) {
            flags |= ACRONYM;
        }
        let start = (lists.len() / 4) as u64;
        fst.insert(name, start << 2 | flags)
            .expect("names are sorted and distinct");
        lists.extend(order.to_le_bytes());
        let last = ids.len() - 1;
        for (i, id) in ids.into_iter().enumerate() {
            let word = if i == last { id | LAST } else { id };
            lists.extend(word.to_le_bytes());
        }
    }
    let fst = fst.into_inner().expect("writing to memory does not fail");
    Ok(Compiled {
        trie: lay_out(&fst::raw::Fst::new(fst).expect("fst wrote a valid fst"))?,
        lists,
        follows,
    })
}

/// [`Compiled::follows`] for `names`, in order.
fn follows<'a>(names: impl Iterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut summaries = vec![0u8; 256 * 256];
    for name in names {
        match *name {
            [] => {}
            [first] => {
                for second in 0..=u8::MAX {
                    summaries[pair_index(first, second)] = u8::MAX;
                }
            }
            [first, second, a, b, c, ..] => {
                summaries[pair_index(first, second)] |= follow_bit([a, b, c]);
            }
            [first, second, ..] => summaries[pair_index(first, second)] = u8::MAX,
        }
    }
    let mut follows = Vec::new();
    for (pair, summary) in summaries.into_iter().enumerate() {
        if summary != 0 {
            let word = u32::try_from(pair << 8).expect("a pair's index has 16 bits");
            follows.extend((word | u32::from(summary)).to_le_bytes());
        }
    }
    follows
}

/// Why [`compile`] fails.
pub(crate) const TOO_LARGE: &str =
    "too many names: the gazetteer's trie would reach 2^28 words (1 GiB) or its lists 2^30";

/// [`compile`] has refused names that would not fit.
const FITS: &str = "names and entries fit in 32-bit words";

/// Lays `fst` out as [`Compiled::trie`] describes: the nodes of the top
/// [`BREADTH_FIRST`] levels first, in breadth-first order, since most walks
/// read some of them; then the rest depth first, each node before its
/// children, so that the long chains of nodes of one transition that end
/// most names lie one after another, most of them [`COMPACT`].
fn lay_out(fst: &fst::raw::Fst<Vec<u8>>) -> Result<Vec<u8>, &'static str> {
    let compact = |node: &fst::raw::Node<'_>| {
        node.len() == 1 && node.final_output().value() == 0 && node.transition(0).out.value() == 0
    };
    let among = |node: &fst::raw::Node<'_>, inputs: usize| {
        node.transitions()
            .all(|t| usize::from(DENSE_SLOTS[usize::from(t.inp)]) < inputs)
    };
    let shape = |node: &fst::raw::Node<'_>| {
        if compact(node) {
            Shape::Jump
        } else if node.len() >= DENSE_LEAST && among(node, NARROW) {
            Shape::Dense { wide: false }
        } else if node.len() > LISTED && among(node, DENSE_INPUTS.len()) {
            Shape::Dense { wide: true }
        } else {
            Shape::Full
        }
    };
    let root = fst.root();
    // The nodes in their order, each with its shape.
    let mut order = vec![(root.addr(), shape(&root))];
    let mut index = HashMap::from([(root.addr(), 0)]);
    let mut level = vec![root.addr()];
    for _ in 0..BREADTH_FIRST {
        let mut next = Vec::new();
        for &addr in &level {
            for t in fst.node(addr).transitions() {
                index.entry(t.addr).or_insert_with(|| {
                    order.push((t.addr, shape(&fst.node(t.addr))));
                    next.push(t.addr);
                    order.len() - 1
                });
            }
        }
        level = next;
    }
    let children = |addr| {
        let node = fst.node(addr);
        (0..node.len()).rev().map(move |i| node.transition_addr(i))
    };
    let mut stack: Vec<_> = level
        .iter()
        .rev()
        .flat_map(|&addr| children(addr))
        .collect();
    while let Some(addr) = stack.pop() {
        if index.contains_key(&addr) {
            continue;
        }
        index.insert(addr, order.len());
        let node = fst.node(addr);
        // The next node popped is the only child, if it is not laid out yet;
        // a reference to a dense node says so, which a chain's cannot.
        let shape = if compact(&node)
            && !index.contains_key(&node.transition_addr(0))
            && !matches!(
                shape(&fst.node(node.transition_addr(0))),
                Shape::Dense { .. }
            ) {
            Shape::Chain
        } else {
            shape(&node)
        };
        order.push((addr, shape));
        stack.extend(children(addr));
    }
    let words = |&(addr, shape): &(fst::raw::CompiledAddr, Shape)| match shape {
        Shape::Chain => 1,
        Shape::Jump => 2,
        Shape::Dense { wide } => 2 + 2 * dense_inputs(wide_mark(wide)).len(),
        Shape::Full => {
            let node = fst.node(addr);
            let final_output = usize::from(node.final_output().value() != 0);
            1 + final_output + input_words(node.len()) + 2 * node.len()
        }
    };
    let mut places = Vec::with_capacity(order.len());
    let mut len = 0;
    for node in &order {
        places.push(len);
        len += words(node);
    }
    // A reference's bits from WIDE (bit 28) up are marks: a place that
    // reached them would read as another node, so a larger trie is refused.
    if len >= WIDE as usize {
        return Err(TOO_LARGE);
    }
    let mut trie = Vec::with_capacity(len * 4);
    let word = |trie: &mut Vec<u8>, w: u64| {
        trie.extend(u32::try_from(w).expect(FITS).to_le_bytes());
    };
    let reference = |addr| {
        let node = fst.node(addr);
        let last = match (node.is_final(), node.final_output().value()) {
            (true, 0) => FINAL | NO_FINAL_OUTPUT,
            (true, _) => FINAL,
            (false, _) => 0,
        };
        let dense = match order[index[&addr]].1 {
            Shape::Dense { wide } => DENSE | wide_mark(wide),
            _ => 0,
        };
        places[index[&addr]] as u64 | u64::from(last | dense)
    };
    for &(addr, shape) in &order {
        let node = fst.node(addr);
        match shape {
            Shape::Chain => {
                let t = node.transition(0);
                let last = if fst.node(t.addr).is_final() {
                    NEXT_FINAL
                } else {
                    0
                };
                word(&mut trie, u64::from(COMPACT | last | u32::from(t.inp)));
                continue;
            }
            Shape::Jump => {
                let t = node.transition(0);
                word(&mut trie, u64::from(COMPACT | JUMP | u32::from(t.inp)));
                word(&mut trie, reference(t.addr));
                continue;
            }
            Shape::Dense { wide } => {
                let final_output = node.final_output().value();
                let flag = if final_output != 0 { FINAL_OUTPUT } else { 0 };
                let marks = DENSE | wide_mark(wide);
                word(&mut trie, u64::from(node.len() as u32 | flag | marks));
                word(&mut trie, final_output);
                let mut transitions = vec![(0, 0); dense_inputs(marks).len()];
                for t in node.transitions() {
                    let slot = usize::from(DENSE_SLOTS[usize::from(t.inp)]);
                    transitions[slot] = (reference(t.addr), t.out.value());
                }
                for (next, output) in transitions {
                    word(&mut trie, next);
                    word(&mut trie, output);
                }
                continue;
            }
            Shape::Full => {}
        }
        let final_output = node.final_output().value();
        let flag = if final_output != 0 { FINAL_OUTPUT } else { 0 };
        let n = node.len() as u32;
        debug_assert_eq!(n & TRANSITIONS, n, "at most 256 transitions");
        word(&mut trie, u64::from(n | flag));
        if final_output != 0 {
            word(&mut trie, final_output);
        }
        if node.len() <= LISTED {
            trie.extend(node.transitions().map(|t| t.inp));
            trie.resize(trie.len().next_multiple_of(4), 0);
        } else {
            let mut bitmap = [0u8; 32];
            let mut before = [0u8; 4];
            for t in node.transitions() {
                bitmap[usize::from(t.inp / 8)] |= 1 << (t.inp % 8);
                for count in &mut before[usize::from(t.inp / 64) + 1..] {
                    *count += 1;
                }
            }
            trie.extend(before);
            trie.extend(bitmap);
        }
        for t in node.transitions() {
            word(&mut trie, reference(t.addr));
            word(&mut trie, t.out.value());
        }
    }
    Ok(trie)
}

/// How [`lay_out`] writes a node.
#[derive(Clone, Copy)]
enum Shape {
    /// Compact, the next node right after it.
    Chain,
    /// Compact, with the next node's reference.
    Jump,
    /// See [`DENSE`] and [`WIDE`].
    Dense {
        wide: bool,
    },
    Full,
}

/// The [`WIDE`] mark if `wide`.
fn wide_mark(wide: bool) -> u32 {
    if wide {
        WIDE
    } else {
        0
    }
}

/// Hand-curated entries before generated ones, then the most prominent.
fn rank(traits: Traits, id: u32) -> (bool, Reverse<u64>, u32) {
    (!traits.curated, Reverse(traits.prominence), id)
}

fn is_ambiguous(name: &str, best: Traits, common_word: impl Fn(&str) -> bool) -> bool {
    if name.contains(' ') || is_acronym(name) {
        return false;
    }
    if best.place && best.prominence >= PROMINENT_PLACE {
        return false;
    }
    common_word(&name.to_lowercase()) || (best.place && best.prominence < SMALL_PLACE)
}

fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
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
