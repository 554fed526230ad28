//! Words in lower case for lexicon lookups, without a `String` per word.

use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::{le32, le64};

/// `word` in lower case, as `str::to_lowercase` gives it, borrowed when it
/// is ASCII with no capital: most words of running text, which lexicon
/// lookups would otherwise copy one by one.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if is_lower_ascii(word) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// `word` with its first char kept and the rest in lower case ("NATO" ->
/// "Nato"): how a name written in capitals is written in running text.
pub(crate) fn title_cased(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect()
}

/// Whether lowercasing the ASCII letters of `word` lowercases it whole, as
/// `str::to_lowercase` would: it is ASCII, or has besides ASCII only general
/// punctuation (quotation marks, dashes: "’s", "—"), which has no case. Such
/// a word is its own lower case in a copy of the text with its ASCII letters
/// lowercased, with no char looked up in the case tables.
#[inline]
pub(crate) fn ascii_lowers(word: &str) -> bool {
    // By bytes, not chars: the words asked about are nearly all beyond
    // ASCII, most for an apostrophe or a dash, and UTF-8 writes general
    // punctuation E2 80 xx (U+2000..U+203F) or E2 81 80..AF (U+2040..U+206F)
    // with no decoding needed to tell.
    let bytes = word.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i..i + 3) {
            Some([0xE2, 0x80, _] | [0xE2, 0x81, 0x80..=0xAF]) => i += 3,
            _ => return false,
        }
    }
    true
}

/// Whether `c` is general punctuation (U+2000..U+206F: spaces, dashes,
/// quotation marks), which holds no letter or digit and has no case: a
/// range check says so without the Unicode tables.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The length of the ASCII prefix of `bytes`, read eight bytes at a time.
pub(crate) fn ascii_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut b = [0; 8];
        b.copy_from_slice(chunk);
        let high = u64::from_le_bytes(b) & HIGH;
        if high != 0 {
            return n + high.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    let tail = chunks.remainder();
    n + tail
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(tail.len())
}

/// The words a copy of the text with its ASCII letters lowercased does not
/// lowercase whole (see [`ascii_lowers`]), lowercased end to end in one
/// buffer, each under its index among the words of its stage: one
/// allocation for the few such words of a document, not one a word.
#[derive(Debug, Default)]
pub(crate) struct Recased {
    text: String,
    /// Sorted by word index.
    words: Vec<(usize, Range<usize>)>,
}

impl Recased {
    /// Appends `word` lowercased as word `i`, which must be past the words
    /// before, and gives it back lowercased.
    pub(crate) fn push(&mut self, i: usize, word: &str) -> &str {
        let start = self.text.len();
        self.text.push_str(&lowercase(word));
        self.words.push((i, start..self.text.len()));
        &self.text[start..]
    }

    /// Word `i` lowercased, if it was pushed.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let k = self.words.binary_search_by_key(&i, |(w, _)| *w).ok()?;
        self.text.get(self.words[k].1.clone())
    }
}

fn is_lower_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Whether `bytes` are all ASCII and none a hyphen, as most words' are
/// (the tokens [`Layout::unplain`](super::Layout::unplain) leaves out):
/// eight at a time, in loads that overlap where a word is no multiple of
/// eight long, rather than a loop over a short word's bytes.
#[inline]
pub(crate) fn plain_ascii(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A byte with its high bit set is not ASCII; a hyphen is a zero byte
    // once the hyphens are taken away, which the borrow of subtracting
    // ones finds (the zero bytes of padding are neither).
    let odd = |x: u64| {
        let hyphens = x ^ (ONES * u64::from(b'-'));
        (x & HIGH) | (hyphens.wrapping_sub(ONES) & !hyphens & HIGH) != 0
    };
    let n = bytes.len();
    match n {
        0 => true,
        1..=3 => {
            !odd(u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16)
        }
        4..=8 => !odd(le32(&bytes[..4]) | le32(&bytes[n - 4..]) << 32),
        _ => !odd(le64(&bytes[n - 8..])) && bytes.chunks_exact(8).all(|c| !odd(le64(c))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cased_keeps_the_first_char_and_lowers_the_rest() {
        for (word, titled) in [
            ("POLITICO", "Politico"),
            ("ÉLYSÉE", "Élysée"),
            ("Nato", "Nato"),
            ("x", "x"),
            ("", ""),
        ] {
            assert_eq!(title_cased(word), titled, "{word}");
        }
    }

    #[test]
    fn plain_ascii_is_every_byte_ascii_and_no_hyphen() {
        let odd = |b: u8| b == b'-' || !b.is_ascii();
        for len in 0..=20 {
            let word = vec![b'k'; len];
            assert!(plain_ascii(&word), "{len}");
            for at in 0..len {
                for b in [b'-', 0x80, 0xE2, 0xFF, 0x2C, 0x2E, 0x00, 0x7F, 0xAD] {
                    let mut word = word.clone();
                    word[at] = b;
                    assert_eq!(plain_ascii(&word), !odd(b), "{len} {at} {b:#x}");
                }
            }
        }
        for word in [
            "al-Sharaa",
            "Zürich",
            "’s",
            "Kyiv",
            "a",
            "-",
            "x-",
            "ab-c",
            "abcdefgh-",
        ] {
            let want = !word.bytes().any(odd);
            assert_eq!(plain_ascii(word.as_bytes()), want, "{word:?}");
        }
    }

    #[test]
    fn lowercases_as_std_does() {
        for w in [
            "Kyiv",
            "the",
            "ΟΔΟΣ",
            "ΣΑΣ",
            "İstanbul",
            "Straße",
            "’S",
            "RVC",
            "x",
        ] {
            assert_eq!(lowercase(w), w.to_lowercase());
        }
    }

    #[test]
    fn general_punctuation_has_no_case() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(is_general_punctuation(c));
            assert!(c.to_lowercase().eq([c]), "{c:?}");
            let word = format!("{c}Kyiv{c}");
            assert!(ascii_lowers(&word));
            assert_eq!(word.to_ascii_lowercase(), word.to_lowercase());
        }
        assert!(!ascii_lowers("Éclair"));
        let by_chars = |w: &str| w.chars().all(|c| c.is_ascii() || is_general_punctuation(c));
        for c in ('\u{80}'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}']) {
            for word in [format!("{c}"), format!("a{c}b"), format!("\u{2019}{c}")] {
                assert_eq!(ascii_lowers(&word), by_chars(&word), "{word:?}");
            }
        }
    }

    #[test]
    fn ascii_prefixes_end_at_the_first_byte_beyond_ascii() {
        for (text, expected) in [
            ("", 0),
            ("said", 4),
            ("said “no”", 5),
            ("“no”", 0),
            ("abcdefghijklmnop", 16),
            ("cdefghij’s", 8),
            ("Gladkow’s aide said", 7),
            ("s aide said “no”, he said", 12),
        ] {
            assert_eq!(ascii_len(text.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn recased_words_are_found_by_index() {
        let mut recased = Recased::default();
        assert_eq!(recased.push(2, "ΟΔΟΣ"), "οδος");
        assert_eq!(recased.push(7, "Éclair"), "éclair");
        assert_eq!(recased.get(2), Some("οδος"));
        assert_eq!(recased.get(7), Some("éclair"));
        assert_eq!(recased.get(3), None);
    }
}
