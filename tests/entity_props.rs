//! Properties of the entity stage on arbitrary input: no panic, mention
//! spans valid, in order and not overlapping, entities numbered in order of
//! first mention, and the same output every time.

use proptest::prelude::*;
use sayso::Extractor;

fn check(text: &str) -> Result<(), TestCaseError> {
    let extractor = Extractor::new();
    let analysis = extractor.analyze(text);
    let mut all = Vec::new();
    let mut first_mentions = Vec::new();
    for (i, entity) in analysis.entities.iter().enumerate() {
        prop_assert_eq!(entity.id.index(), i);
        prop_assert!(!entity.mentions.is_empty());
        prop_assert!(!entity.name.is_empty());
        for w in entity.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
        for m in &entity.mentions {
            prop_assert!(text.get(m.span.range()) == Some(m.text.as_str()));
            prop_assert!(!m.span.is_empty());
            all.push(m.span);
        }
        first_mentions.push(entity.mentions[0].span.start);
    }
    prop_assert!(first_mentions.windows(2).all(|w| w[0] < w[1]));
    all.sort();
    prop_assert!(all.windows(2).all(|w| w[0].end <= w[1].start));
    prop_assert_eq!(&extractor.analyze(text).entities, &analysis.entities);
    Ok(())
}

/// News-like pieces, so that names, titles, connectors, quotation marks and
/// headlines actually meet.
const PIECES: &[&str] = &[
    "Vyacheslav",
    "Gladkov",
    "Gladkow",
    "said",
    "President",
    "Gen.",
    "of",
    "the",
    "for",
    "Legion",
    "Freedom",
    "Russia",
    "Russian",
    "Volunteer",
    "Corps",
    "(RVC)",
    "RVC",
    "in",
    "Kiev",
    "pro-Kiev",
    "al-",
    "Sharaa",
    "bin",
    "O'Brien",
    "Ukraine’s",
    "“",
    "”",
    "\"",
    ",",
    ".",
    "\n",
    "\n\n",
    "MOSCOW",
    "Prime",
    "Minister",
    "spokesman",
    "village",
    "region",
    "Novaya",
    "Tavolshanka",
    "-",
    "—",
    "3",
    "v",
    "The",
    "He",
    "é",
    "Ж",
    "\u{200b}",
    "Jr.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn news_like_text(words in proptest::collection::vec(proptest::sample::select(PIECES), 0..80)) {
        let text = words.join(" ");
        check(&text)?;
        check(&words.concat())?;
    }
}
