//! The folded view of a text, with a map back to the original byte offsets.

use std::borrow::Cow;

use super::fold::{fold_char, Fold};
use crate::text::ascii_len;

/// How a view's letters are cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Casing {
    /// As written.
    Original,
    /// Every letter after a letter lowercased, so an ALL-CAPS headline reads
    /// as Title Case ("KYIV" -> "Kyiv").
    Title,
}

/// A folded copy of a stretch of text and the map back to the original.
/// In the original casing, ASCII is left for
/// [`fold_byte`](super::fold::fold_byte) to fold, so a text without other
/// chars is borrowed as it is.
///
/// The map is sparse: folding keeps most bytes in place (ASCII, and letters
/// with nothing to fold), so only the places where a char changed length
/// are recorded.
pub(crate) struct View<'t> {
    pub(crate) text: Cow<'t, str>,
    /// Sorted by view offset: from `view` on, bytes map to the original as
    /// `point` says, until the next point.
    points: Vec<Point>,
}

#[derive(Clone, Copy, Debug)]
struct Point {
    view: usize,
    original: usize,
    /// The bytes from `view` until the next point all come from the one
    /// char at `original`; otherwise they are copied one to one.
    folded: bool,
}

impl<'t> View<'t> {
    /// Folds `text`, which starts at `base` in the original.
    pub(crate) fn new(text: &'t str, base: usize, casing: Casing) -> View<'t> {
        let origin = Point {
            view: 0,
            original: base,
            folded: false,
        };
        if casing == Casing::Original && text.is_ascii() {
            return View {
                text: Cow::Borrowed(text),
                points: vec![origin],
            };
        }
        let mut out = String::with_capacity(text.len());
        // News has a folded char (a curly apostrophe, a no-break space) every
        // hundred bytes or so, more in a piece full of quotations, and two
        // points each: growing the map from one point reallocated it several
        // times a document.
        let mut points = Vec::with_capacity(1 + text.len() / 32);
        points.push(origin);
        let mut prev_letter = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if casing == Casing::Original && bytes[i].is_ascii() {
                // ASCII is copied as it is (see `fold_byte`); only the other
                // chars can change length.
                let run = ascii_len(&bytes[i..]);
                out.push_str(&text[i..i + run]);
                i += run;
                continue;
            }
            let c = text[i..].chars().next().expect("i is a char boundary");
            let fold = fold_char(c);
            if casing == Casing::Original && matches!(fold, Fold::Keep) {
                // Most such chars of news (“ ” —) are kept, and a kept char
                // needs no point: it is copied without comparing it.
                out.push(c);
                i += c.len_utf8();
                continue;
            }
            let before = out.len();
            match fold {
                Fold::Keep => out.push(c),
                Fold::Drop => {}
                Fold::To(s) => out.push_str(s),
                Fold::Char(f) => out.push(f),
            }
            if casing == Casing::Title && prev_letter && c.is_uppercase() {
                let lowered = out[before..].to_lowercase();
                out.truncate(before);
                out.push_str(&lowered);
            }
            // Only title casing asks; the Unicode tables are slow to ask
            // about every curly quote of a text.
            if casing == Casing::Title {
                prev_letter = c.is_alphabetic() || (prev_letter && c == '\u{00AD}');
            }
            let produced = out.len() - before;
            // A fold of the same length still maps its bytes as one char:
            // "æ" becomes "ae", and a name ending after the "a" must end
            // after the whole "æ" in the original.
            if out[before..] != text[i..i + c.len_utf8()] {
                let original = base + i;
                if produced > 0 {
                    points.push(Point {
                        view: before,
                        original,
                        folded: true,
                    });
                }
                points.push(Point {
                    view: out.len(),
                    original: original + c.len_utf8(),
                    folded: false,
                });
            }
            i += c.len_utf8();
        }
        // A dropped char leaves two points at one view offset; the later,
        // which is past it, is the one that counts.
        points.dedup_by(|later, earlier| {
            let same = later.view == earlier.view;
            if same {
                *earlier = *later;
            }
            same
        });
        View {
            text: Cow::Owned(out),
            points,
        }
    }

    /// The view offset of the first view byte produced at or after original
    /// offset `original`, a char boundary. `cursor` carries the place in the
    /// map from one call to the next: offsets asked for in increasing order
    /// cost linear time in all.
    pub(crate) fn to_view(&self, original: usize, cursor: &mut usize) -> usize {
        while *cursor + 1 < self.points.len() && self.points[*cursor + 1].original <= original {
            *cursor += 1;
        }
        let p = self.points[*cursor];
        if p.folded {
            p.view
        } else {
            p.view + (original - p.original)
        }
    }

    /// The original offset where view byte `i` starts. The map is read from
    /// `cursor` on, a place [`View::to_view`] left for an offset at or before
    /// the one sought: a name's end is a few bytes past its start, so a
    /// step or two finds it where a binary search took a dozen.
    pub(crate) fn start(&self, i: usize, cursor: usize) -> usize {
        let mut at = cursor;
        while at + 1 < self.points.len() && self.points[at + 1].view <= i {
            at += 1;
        }
        let p = self.points[at];
        if p.folded {
            p.original
        } else {
            p.original + (i - p.view)
        }
    }

    /// The original offset just past the char that produced view byte `i`;
    /// `cursor` as for [`View::start`].
    pub(crate) fn end(&self, original: &str, i: usize, cursor: usize) -> usize {
        let start = self.start(i, cursor);
        start + original[start..].chars().next().map_or(0, char::len_utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_map_back() {
        let text = "In Erdoğan’s Türkiye\u{A0}and KYIV";
        let view = View::new(text, 0, Casing::Original);
        assert_eq!(view.text, "In Erdogan's Turkiye and KYIV");
        let at = view.text.find("Turkiye").unwrap();
        let start = view.start(at, 0);
        let end = view.end(text, at + "Turkiye".len() - 1, 0);
        assert_eq!(&text[start..end], "Türkiye");
        // "Oß" reads "Oss", a town: the match ends with the whole "ß".
        let oss = View::new("Oß", 0, Casing::Original);
        assert_eq!(oss.end("Oß", 1, 0), 3);
        assert_eq!(oss.end("Oß", 2, 0), 3);
        let title = View::new(text, 0, Casing::Title);
        assert!(title.text.ends_with("and Kyiv"));
        let mut cursor = 0;
        for (i, _) in text.char_indices() {
            let v = view.to_view(i, &mut cursor);
            if v < view.text.len() {
                assert!(view.start(v, cursor) >= i, "{i}");
                assert_eq!(view.start(v, cursor), view.start(v, 0), "{i}");
            }
        }
    }

    #[test]
    fn every_view_byte_maps_to_char_boundaries() {
        // "æ" folds to "ae", as long as itself: no length change to notice.
        for text in ["Læ", "Æsir and Straße", "KØBENHAVN Ærø", "ŒUVRE œuvre"] {
            for casing in [Casing::Original, Casing::Title] {
                let view = View::new(text, 0, casing);
                for i in 0..view.text.len() {
                    let (start, end) = (view.start(i, 0), view.end(text, i, 0));
                    assert!(text.is_char_boundary(start), "{text:?} {i}");
                    assert!(text.is_char_boundary(end) && start < end, "{text:?} {i}");
                }
            }
        }
    }
}
