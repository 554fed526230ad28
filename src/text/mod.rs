//! The text stage: tokens, sentences and paragraphs, as byte spans into the
//! original text.

use std::ops::Range;

mod paragraph;
mod sentence;
mod token;
mod words;

use serde::{Deserialize, Serialize};

use crate::Span;

/// A token: a word, number, punctuation mark, quotation mark or symbol.
///
/// Whitespace is never a token; [`Token::space_after`] tells what follows.
///
/// # Example
///
/// ```
/// use sayso::{Extractor, TokenKind};
///
/// let text = "Russia’s “war”";
/// let analysis = Extractor::new().analyze(text);
/// let tokens: Vec<(&str, TokenKind)> =
///     analysis.tokens.iter().map(|t| (&text[t.span], t.kind)).collect();
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
    /// Letters, possibly with inner apostrophes, hyphens or periods
    /// ("they’re", "U.S.", "al-Sharaa").
    Word,
    /// A possessive or contracted ending split off a word: ’s, 's, ’ after a
    /// plural ("soldiers’").
    Clitic,
    /// Digits, possibly with separators ("5", "1,000", "3.5", "26-second" is
    /// a number then a word).
    Number,
    /// A quotation mark of any style, as opposed to an apostrophe.
    Quote,
    /// Sentence and clause punctuation, dashes, brackets.
    Punctuation,
    /// Anything else: currency and maths symbols, emoji, control characters.
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
    /// The next token follows at once (or the text ends).
    None,
    /// Spaces or tabs, but no line break.
    Space,
    /// Whitespace including at least one line break.
    LineBreak,
}

/// A sentence: a span and the tokens in it.
///
/// # Example
///
/// ```
/// let text = "Gov. Gladkov spoke at 5 p.m. on Sunday. Nobody came.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// let sentences: Vec<&str> = analysis.sentences.iter().map(|s| &text[s.span]).collect();
/// assert_eq!(sentences, ["Gov. Gladkov spoke at 5 p.m. on Sunday.", "Nobody came."]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the analysis's tokens.
    pub tokens: Range<usize>,
}

/// A paragraph: a span, its sentences, and whether it is a title line.
///
/// # Example
///
/// ```
/// let text = "Militants attack border region\n\nThe governor said it was over.";
/// let analysis = sayso::Extractor::new().analyze(text);
/// assert_eq!(analysis.paragraphs.len(), 2);
/// assert!(analysis.paragraphs[0].is_title);
/// assert!(!analysis.paragraphs[1].is_title);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the analysis's sentences.
    pub sentences: Range<usize>,
    /// A headline or title: a short line standing alone, without the final
    /// punctuation of running text.
    pub is_title: bool,
}

/// The text stage's output, read by every later stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct Layout {
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) paragraphs: Vec<Paragraph>,
}

/// Splits `text` into tokens, sentences and paragraphs.
///
/// Every sentence lies inside one paragraph, and the sentences of a
/// paragraph cover its tokens exactly.
pub(crate) fn layout(text: &str) -> Layout {
    let tokens = token::tokenize(text);
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    for range in paragraph::split(text, &tokens) {
        let first = sentences.len();
        sentence::split(text, &tokens, range.clone(), &mut sentences);
        paragraphs.push(Paragraph {
            span: Span::new(
                tokens[range.start].span.start,
                tokens[range.end - 1].span.end,
            ),
            sentences: first..sentences.len(),
            is_title: paragraph::is_title(text, &tokens, range),
        });
    }
    Layout {
        tokens,
        sentences,
        paragraphs,
    }
}
