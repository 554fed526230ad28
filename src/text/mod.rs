//! The text stage: tokens, sentences and paragraphs, as byte spans into the
//! original text.
//!
//! - `token`: UAX #29 word segments (a byte loop for ASCII and common news
//!   punctuation, `unicode-segmentation` for the rest), with apostrophes told
//!   from quotation marks, clitics split off and abbreviation periods kept.
//! - `paragraph`: blank lines, or lines when there is no blank line.
//! - `sentence`: terminators judged by the next word, abbreviation lists
//!   and closing quotation marks; headline lines.
//!
//! Whitespace is what `char::is_whitespace` accepts, plus the byte order mark
//! and the zero-width space; every other char (NUL, soft hyphen, ZWJ, ZWNJ,
//! word joiner included) is inside exactly one token. Nothing is normalised,
//! so CRLF, NBSP and the rest never shift an offset.

use std::cell::Cell;
use std::ops::Range;

mod lower;
mod paragraph;
mod sentence;
mod token;
mod window;
mod words;

use serde::{Deserialize, Serialize};

use crate::Span;

pub(crate) use self::lower::{
    ascii_len, ascii_lowers, is_general_punctuation, lowercase, plain_ascii, title_cased, Recased,
};
pub(crate) use self::window::{windows, WHOLE};

/// A token: a word, number, punctuation mark, quotation mark or symbol.
///
/// Whitespace is never a token; [`Token::space_after`] tells what follows.
/// Whitespace here is `char::is_whitespace` plus the byte order mark and the
/// zero-width space; every other char of the text is inside a token.
///
/// Hyphens and dashes are tokens of their own, so "pro-Kiev" is `pro`, `-`,
/// `Kiev` and later stages see "Kiev" as a word.
///
/// # Example
///
/// ```
/// use sayso::TokenKind;
///
/// let text = "Russia’s “war”";
/// let layout = sayso::Layout::new(text);
/// let tokens: Vec<(&str, TokenKind)> =
///     layout.tokens.iter().map(|t| (&text[t.span], t.kind)).collect();
/// assert_eq!(tokens, [
///     ("Russia", TokenKind::Word),
///     ("’s", TokenKind::Clitic),
///     ("“", TokenKind::Quote),
///     ("war", TokenKind::Word),
///     ("”", TokenKind::Quote),
/// ]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// What separates it from the next token.
    pub space_after: Spacing,
}

/// What a [`Token`] is.
///
/// # Example
///
/// ```
/// use sayso::TokenKind;
/// assert_ne!(TokenKind::Word, TokenKind::Number);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes or periods ("they’re",
    /// "O’Brien"), an abbreviation with its period ("U.S.", "p.m.", "Gov."),
    /// or an elided word with its apostrophes ("’n’", "the ’90s").
    Word,
    /// A possessive or contracted ending split off a word: ’s, 's, ’ after a
    /// plural ("soldiers’").
    Clitic,
    /// Digits, possibly with separators and letters after ("5", "1,000",
    /// "3.5", "2nd"; "26-second" is a number, a hyphen, a word).
    Number,
    /// A quotation mark of any style, as opposed to an apostrophe:
    /// `"` `'` `“` `”` `‘` `’` `«` `»` `„` `‟` `‹` `›` and PTB ``` `` ``` `''`.
    Quote,
    /// Sentence and clause punctuation, dashes, brackets.
    Punctuation,
    /// Anything else: currency and maths symbols, emoji (a ZWJ sequence or a
    /// flag is one token), control characters.
    Symbol,
}

/// What follows a token before the next one.
///
/// # Example
///
/// ```
/// use sayso::Spacing;
/// assert_ne!(Spacing::Space, Spacing::LineBreak);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Spacing {
    /// The next token follows at once, or only zero-width characters (BOM,
    /// zero-width space) lie between, or the text ends right after.
    None,
    /// Whitespace without a line break: spaces, tabs, NBSP.
    Space,
    /// Whitespace with at least one line break (LF, CR, CRLF, VT, FF, NEL,
    /// U+2028, U+2029).
    LineBreak,
}

/// A sentence: a span and the tokens in it.
///
/// # Example
///
/// ```
/// let text = "Gov. Gladkov spoke at 5 p.m. on Sunday. Nobody came.";
/// let layout = sayso::Layout::new(text);
/// let sentences: Vec<&str> = layout.sentences.iter().map(|s| &text[s.span]).collect();
/// assert_eq!(sentences, ["Gov. Gladkov spoke at 5 p.m. on Sunday.", "Nobody came."]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Layout::tokens`].
    pub tokens: Range<usize>,
}

/// A paragraph: a span, its sentences, and whether it is a title line.
///
/// # Example
///
/// ```
/// let text = "Militants attack border region\n\nThe governor said it was over.";
/// let layout = sayso::Layout::new(text);
/// assert_eq!(layout.paragraphs.len(), 2);
/// assert!(layout.paragraphs[0].is_title);
/// assert!(!layout.paragraphs[1].is_title);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Layout::sentences`].
    pub sentences: Range<usize>,
    /// A headline or title: a short line standing alone, without the final
    /// punctuation of running text.
    pub is_title: bool,
}

/// The tokens, sentences and paragraphs of a text: the text stage's output,
/// which every later stage reads.
///
/// [`Extractor::analyze`](crate::Extractor::analyze) makes one internally
/// and does not return it; make one yourself when you need the segmentation.
///
/// # Example
///
/// ```
/// let text = "Militants attack border region\n\nThe governor said it was over. Nobody came.";
/// let layout = sayso::Layout::new(text);
/// assert_eq!(layout.paragraphs.len(), 2);
/// assert_eq!(layout.sentences.len(), 3);
/// assert_eq!(&text[layout.tokens[0].span], "Militants");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Layout {
    /// The tokens, in text order.
    pub tokens: Vec<Token>,
    /// The sentences, in text order; they partition the tokens.
    pub sentences: Vec<Sentence>,
    /// The paragraphs, in text order; they partition the sentences.
    pub paragraphs: Vec<Paragraph>,
    /// In order, the unplain tokens: those with a byte beyond ASCII or a
    /// hyphen, one in twenty in news. The tokenizer knows most tokens to be
    /// neither from the shape of their run, without reading them again, and
    /// the later stages then need not read every token's bytes to know it.
    pub(crate) unplain: Vec<usize>,
}

impl Layout {
    /// Splits `text` into tokens, sentences and paragraphs.
    ///
    /// Every sentence lies inside one paragraph, and the sentences of a
    /// paragraph cover its tokens exactly.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "Gov. Gladkov spoke at 5 p.m. on Sunday. Nobody came.";
    /// let layout = sayso::Layout::new(text);
    /// let sentences: Vec<&str> = layout.sentences.iter().map(|s| &text[s.span]).collect();
    /// assert_eq!(sentences, ["Gov. Gladkov spoke at 5 p.m. on Sunday.", "Nobody came."]);
    /// ```
    pub fn new(text: &str) -> Layout {
        Layout::make(text, &mut Spare::default())
    }

    /// [`Layout::new`], made in the buffers of the layout this thread last
    /// gave back ([`Layout::give_back`]): the pipeline makes a layout a
    /// text, and the buffers of one mostly fit the next.
    // Out of line, as called once a text: a profile shows the stage's
    // cost under its name whatever the compiler inlines around it.
    #[inline(never)]
    pub(crate) fn reusing(text: &str) -> Layout {
        let mut spare = SPARE.take();
        let layout = Layout::make(text, &mut spare);
        SPARE.set(spare);
        layout
    }

    /// Keeps the layout's buffers, emptied, for this thread's next
    /// [`Layout::reusing`].
    pub(crate) fn give_back(mut self) {
        self.tokens.clear();
        self.sentences.clear();
        self.paragraphs.clear();
        self.unplain.clear();
        let mut spare = SPARE.take();
        spare.layout = self;
        SPARE.set(spare);
    }

    /// Whether `paragraph` is one short line, as a title is, whatever ends
    /// it: a headline written with a final period ("Trump Slams The Media
    /// In One Answer.") is not [`Paragraph::is_title`], and only its words'
    /// capitals can tell it from a sentence.
    pub(crate) fn is_short_line(&self, paragraph: &Paragraph) -> bool {
        let sentences = &self.sentences[paragraph.sentences.clone()];
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            return false;
        };
        self.tokens
            .get(first.tokens.start..last.tokens.end)
            .is_some_and(paragraph::is_line)
    }

    /// Makes the layout of `text` in the buffers of `spare`, and leaves
    /// those it does not keep there, emptied.
    fn make(text: &str, spare: &mut Spare) -> Layout {
        let Layout {
            tokens,
            mut sentences,
            mut paragraphs,
            unplain,
        } = std::mem::take(&mut spare.layout);
        let token::Tokens {
            tokens,
            unplain,
            mut stops,
            mut lines,
        } = token::tokenize(
            text,
            token::Tokens {
                tokens,
                unplain,
                stops: std::mem::take(&mut spare.stops),
                lines: std::mem::take(&mut spare.lines),
            },
        );
        let mut ranges = paragraph::split(text, &tokens, &lines, std::mem::take(&mut spare.ranges));
        // Every sentence but a paragraph's last ends at a stop.
        sentences.reserve(stops.len() + ranges.len());
        paragraphs.reserve(ranges.len());
        let mut rest = &stops[..];
        for range in ranges.iter().cloned() {
            // A paragraph holds a few stops: a scan beats a binary search.
            let here = rest
                .iter()
                .position(|&i| i >= range.end)
                .unwrap_or(rest.len());
            let first = sentences.len();
            sentence::split(text, &tokens, range.clone(), &rest[..here], &mut sentences);
            rest = &rest[here..];
            paragraphs.push(Paragraph {
                span: Span::new(
                    tokens[range.start].span.start,
                    tokens[range.end - 1].span.end,
                ),
                sentences: first..sentences.len(),
                is_title: paragraph::is_title(text, &tokens, range),
            });
        }
        stops.clear();
        lines.clear();
        ranges.clear();
        spare.stops = stops;
        spare.lines = lines;
        spare.ranges = ranges;
        Layout {
            tokens,
            sentences,
            paragraphs,
            unplain,
        }
    }
}

thread_local! {
    /// This thread's buffers for layouts.
    static SPARE: Cell<Spare> = Cell::default();
}

/// The buffers a [`Layout`] is made in, kept by each thread from one text
/// to the next, emptied: a text allocates only where it outgrows those
/// before it on its thread.
#[derive(Default)]
struct Spare {
    /// The layout last given back.
    layout: Layout,
    stops: Vec<usize>,
    lines: Vec<(usize, usize)>,
    /// The paragraphs' token ranges.
    ranges: Vec<Range<usize>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Throughput of the text stage on news text, for reading, not for
    /// asserting: `cargo test --release --lib text::tests::throughput --
    /// --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        let ascii = "KYIV, Ukraine (AP) — The governor of the border region, Ivan Petrov, \
            said on Sunday that clashes had broken out again. “A sabotage group has come \
            in. There is fighting near the village,” Gov. Petrov said at 5 p.m. on \
            Sunday. The U.S. Army said it was monitoring the situation, and officials \
            put the damage at $3.5 million.\n\nRebels Attack Border Town\n\n";
        let mixed = "Губернатор Іван Петров заявив у неділю, що бої відновилися. \
            “We hold,” he said. قال المسؤول إن الهجوم انتهى. Russia’s army 👍🏽 left.\n\n";
        // CPU time of this thread where Linux tells it, so that a busy
        // machine does not halve the figure; wall time elsewhere.
        let cpu = || -> Option<f64> {
            let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
            Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
        };
        // Article-sized texts, analysed one by one as a batch job would.
        for (name, para) in [("news", ascii), ("mixed scripts", mixed)] {
            let article = para.repeat(4096 / para.len() + 1);
            let rounds = (40 << 20) / article.len();
            let mb = (rounds * article.len()) as f64 / 1e6;
            let time = |f: &dyn Fn(&str) -> usize| {
                let (wall, cpu0) = (std::time::Instant::now(), cpu());
                let n: usize = (0..rounds).map(|_| f(std::hint::black_box(&article))).sum();
                let secs = match (cpu0, cpu()) {
                    (Some(a), Some(b)) => b - a,
                    _ => wall.elapsed().as_secs_f64(),
                };
                (mb / secs, n)
            };
            let (tokens, n) = time(&|t| token::tokenize(t, token::Tokens::default()).tokens.len());
            let (all, _) = time(&|t| Layout::new(t).sentences.len());
            println!("{name}: tokens {tokens:.0} MB/s, layout {all:.0} MB/s ({n} tokens)");
        }
    }
}
