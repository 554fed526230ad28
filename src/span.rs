use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::ascii_len;

/// A half-open range of UTF-8 byte offsets into the analysed text.
///
/// Every span sayso produces starts and ends on a char boundary of the text it
/// was produced from, with `start <= end`, so slicing the text with it never
/// panics. `str` and `String` can be indexed by a span directly.
///
/// # Example
///
/// ```
/// use sayso::Span;
///
/// let text = "Kyiv, Україна";
/// let span = Span::new(6, 20);
/// assert_eq!(&text[span], "Україна");
/// assert_eq!(span.len(), 14);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// The offset of the first byte.
    pub start: usize,
    /// The offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span from `start` to `end`.
    ///
    /// # Example
    ///
    /// ```
    /// let span = sayso::Span::new(2, 5);
    /// assert_eq!(span.range(), 2..5);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes the span covers.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sayso::Span::new(2, 5).len(), 3);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(sayso::Span::new(4, 4).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a range, for slicing.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(&"abcdef"[sayso::Span::new(1, 3).range()], "bc");
    /// ```
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies wholly inside this span.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(3, 10)));
    /// assert!(!Span::new(0, 10).contains(Span::new(3, 11)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
    /// ```
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    ///
    /// # Example
    ///
    /// ```
    /// use sayso::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl std::ops::Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// The unit in which offsets are written out.
///
/// Inside sayso every offset is a UTF-8 byte offset. Python, most corpora and
/// JavaScript count differently; [`Analysis::with_offsets`](crate::Analysis::with_offsets)
/// converts once, when the analysis is written out.
///
/// # Example
///
/// ```
/// use sayso::OffsetUnit;
/// assert_eq!("chars".parse::<OffsetUnit>().unwrap(), OffsetUnit::Chars);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OffsetUnit {
    /// UTF-8 bytes (what Rust, Go and C use).
    #[default]
    Bytes,
    /// Unicode code points (what Python, brat and most corpora use).
    Chars,
    /// UTF-16 code units (what JavaScript, Java and C# use).
    Utf16,
}

impl std::str::FromStr for OffsetUnit {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<OffsetUnit, crate::Error> {
        match s {
            "bytes" => Ok(OffsetUnit::Bytes),
            "chars" | "codepoints" => Ok(OffsetUnit::Chars),
            "utf16" | "utf-16" => Ok(OffsetUnit::Utf16),
            _ => Err(crate::Error::invalid_input(format!(
                "unknown offset unit {s:?} (expected bytes, chars or utf16)"
            ))),
        }
    }
}

/// Maps byte offsets of one text to another unit. Built once per text, at the
/// output edge; lookups are a binary search over the text's non-ASCII chars,
/// so pure ASCII text costs nothing.
#[derive(Debug)]
pub(crate) struct OffsetMap {
    unit: OffsetUnit,
    /// For each non-ASCII char: its byte offset, and how many bytes more than
    /// units it and all before it take up.
    shifts: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub(crate) fn new(text: &str, unit: OffsetUnit) -> OffsetMap {
        let mut shifts = Vec::new();
        if unit != OffsetUnit::Bytes {
            let mut excess = 0;
            let mut i = 0;
            // ASCII runs, most of news text, are stepped over eight bytes at
            // a time, not decoded char by char.
            while let Some(rest) = text.get(i..) {
                i += ascii_len(rest.as_bytes());
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let units = match unit {
                    OffsetUnit::Utf16 => c.len_utf16(),
                    _ => 1,
                };
                excess += c.len_utf8() - units;
                shifts.push((i, excess));
                i += c.len_utf8();
            }
        }
        OffsetMap { unit, shifts }
    }

    /// Converts a byte offset lying on a char boundary.
    pub(crate) fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes {
            return byte;
        }
        // Chars starting before `byte` have all their excess counted.
        let n = self.shifts.partition_point(|&(at, _)| at < byte);
        match n {
            0 => byte,
            n => byte - self.shifts[n - 1].1,
        }
    }

    pub(crate) fn span(&self, span: Span) -> Span {
        Span::new(self.convert(span.start), self.convert(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_matches_counting() {
        let text = "a\u{e9}\u{1F600}b \u{41f}\u{440}\u{438} x";
        for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
            let map = OffsetMap::new(text, unit);
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let prefix = &text[..i];
                let expected = match unit {
                    OffsetUnit::Bytes => prefix.len(),
                    OffsetUnit::Chars => prefix.chars().count(),
                    OffsetUnit::Utf16 => prefix.encode_utf16().count(),
                };
                assert_eq!(map.convert(i), expected, "{unit:?} at {i}");
            }
        }
    }
}
