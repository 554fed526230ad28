//! The view of a text the sieves read: words, sentences and paragraphs, with
//! the quotations located in them.

use super::tags::Tags;
use crate::quote::{self, Quotation};
use crate::text::{ascii_lowers, Layout, Recased, TokenKind};
use crate::Span;

/// A text prepared for attribution.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    /// Word and number spans, in order.
    pub(super) words: Vec<Span>,
    /// The text with its ASCII letters lowercased: an ASCII word in lower
    /// case where it stands.
    ascii: &'a str,
    /// The other words in lower case; their tags say they are here.
    recased: Recased,
    /// The lexicons listing each word in lower case.
    tags: Vec<Tags>,
    /// Whether each word is inside a quotation.
    pub(super) quoted: Vec<bool>,
    /// Sentence spans and their word ranges.
    pub(super) sentences: Vec<(Span, std::ops::Range<usize>)>,
    /// Paragraph spans, as the quote stage numbered them.
    pub(super) paragraphs: Vec<Span>,
    /// For each paragraph, where its first letter or digit starts and its
    /// last one starts (the paragraph start when it has none).
    pub(super) letters: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    /// `ascii` is `text` with its ASCII letters lowercased.
    pub(super) fn new(
        text: &'a str,
        ascii: &'a str,
        layout: &Layout,
        quotes: &[Quotation],
    ) -> Doc<'a> {
        // Sized for every token: filtered down, the list would grow by
        // copies.
        let mut words = Vec::with_capacity(layout.tokens.len());
        let mut tags = Vec::with_capacity(layout.tokens.len());
        let mut recased = Recased::default();
        let table = Tags::table();
        for t in &layout.tokens {
            if !matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Clitic
            ) {
                continue;
            }
            let lower = ascii.get(t.span.range()).unwrap_or_default();
            if ascii_lowers(lower) {
                tags.push(table.get(lower));
            } else {
                let lower = recased.push(words.len(), &text[t.span]);
                tags.push(table.get(lower) | Tags::RECASED);
            }
            words.push(t.span);
        }
        let paragraphs = quote::paragraphs(layout);
        let mut sentences = Vec::with_capacity(layout.sentences.len());
        let mut w = 0;
        for span in layout.sentences.iter().map(|s| s.span) {
            while w < words.len() && words[w].start < span.start {
                w += 1;
            }
            let first = w;
            while w < words.len() && words[w].end <= span.end {
                w += 1;
            }
            sentences.push((span, first..w));
        }
        let mut quoted = vec![false; words.len()];
        let mut w = 0;
        let mut outer: Vec<&Quotation> = quotes.iter().filter(|q| q.depth == 0).collect();
        outer.sort_by_key(|q| q.inner.start);
        for q in outer {
            while w < words.len() && words[w].start < q.inner.start {
                w += 1;
            }
            let mut v = w;
            while v < words.len() && words[v].end <= q.inner.end {
                quoted[v] = true;
                v += 1;
            }
        }
        let letters = paragraphs
            .iter()
            .map(|p| {
                let s = &text[*p];
                let first = s.find(char::is_alphanumeric).map_or(p.end, |i| p.start + i);
                let last = s
                    .rfind(char::is_alphanumeric)
                    .map_or(p.start, |i| p.start + i);
                (first, last)
            })
            .collect();
        Doc {
            text,
            words,
            letters,
            ascii,
            recased,
            tags,
            quoted,
            sentences,
            paragraphs,
        }
    }

    /// The text between word `a` and word `b` (a < b).
    pub(super) fn gap(&self, a: usize, b: usize) -> &'a str {
        let (Some(x), Some(y)) = (self.words.get(a), self.words.get(b)) else {
            return "";
        };
        self.text.get(x.end..y.start).unwrap_or("")
    }

    /// Word `a` and the one after it belong to one phrase: only spaces
    /// between them, or a hyphen ("pro-Kiev").
    pub(super) fn joined(&self, a: usize) -> bool {
        let gap = self.gap(a, a + 1);
        gap.chars().all(char::is_whitespace) || matches!(gap, "-" | "‐" | "‑")
    }

    pub(super) fn is_capitalized(&self, w: usize) -> bool {
        self.words
            .get(w)
            .and_then(|s| self.text[*s].chars().next())
            .is_some_and(char::is_uppercase)
    }

    pub(super) fn lower(&self, w: usize) -> &str {
        let (Some(span), Some(tags)) = (self.words.get(w), self.tags.get(w)) else {
            return "";
        };
        if tags.any(Tags::RECASED) {
            self.recased.get(w).unwrap_or("")
        } else {
            self.ascii.get(span.range()).unwrap_or("")
        }
    }

    /// The lexicons listing word `w`; none past the end.
    #[inline]
    pub(super) fn tags(&self, w: usize) -> Tags {
        self.tags.get(w).copied().unwrap_or_default()
    }

    /// The sentence holding byte `at`.
    pub(super) fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|(s, _)| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].0.start <= at).then_some(i)
    }

    /// The paragraph holding byte `at`.
    pub(super) fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= at).then_some(i)
    }

    /// The index of the first word starting at or after `at`.
    pub(super) fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }

    /// The span from the start of word `a` to the end of word `b`.
    pub(super) fn words_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.words[a].start, self.words[b].end)
    }
}
