//! Texts longer than any article are analysed in windows cut at paragraph
//! breaks; the windows' analyses must join into one sound analysis.

use sayso::{Analysis, EntityType, Extractor};

#[path = "common/soundness.rs"]
mod soundness;
use soundness::assert_sound;

/// One paragraph that names people, a group and a place and quotes them.
const ARTICLE: &str = "The governor of the Belgorod region, Vyacheslav Gladkov, said \
    on Sunday that clashes had broken out again near Shebekino. “We are holding,” \
    said Tomasz Wojcik, a spokesman for the Volunteer Relief Council, adding that \
    the Mayor Anna Kovac had asked for help.";

fn analyze(text: &str) -> Analysis {
    Extractor::new().analyze(text)
}

/// The article repeated as `n` paragraphs.
fn repeated(n: usize) -> String {
    vec![ARTICLE; n].join("\n\n")
}

#[test]
fn windows_join_into_the_analysis_of_each_paragraph() {
    let one = analyze(ARTICLE);
    assert!(one.claims.len() >= 2 && one.entities.len() >= 4, "{one:#?}");
    let n = 700;
    let text = repeated(n);
    assert!(text.len() > 150 * 1024);
    let all = analyze(&text);
    assert_sound(&text, &all);

    // Every paragraph is analysed as the article alone is: cuts fall
    // between paragraphs, and nothing here crosses one.
    assert_eq!(all.claims.len(), n * one.claims.len());
    assert_eq!(all.quotes.len(), n * one.quotes.len());
    for (i, claim) in all.claims.iter().enumerate() {
        let alone = &one.claims[i % one.claims.len()];
        assert_eq!(claim.content.text, alone.content.text);
        assert_eq!(claim.sieve, alone.sieve);
        let name = |a: &Analysis, id: Option<sayso::EntityId>| {
            id.map(|id| a.entities[id.index()].name.clone())
        };
        assert_eq!(
            name(&all, claim.speaker_entity),
            name(&one, alone.speaker_entity)
        );
    }

    // One entity per entity of the article, across all windows, linked or
    // not, with every mention of every paragraph.
    assert_eq!(all.entities.len(), one.entities.len());
    for (joined, alone) in all.entities.iter().zip(&one.entities) {
        assert_eq!(joined.name, alone.name);
        assert_eq!(joined.kind, alone.kind);
        assert_eq!(joined.mentions.len(), n * alone.mentions.len());
        assert!(joined.mentions.windows(2).all(|w| w[0].span < w[1].span));
    }
    let gladkov = all
        .entities
        .iter()
        .find(|e| e.name == "Vyacheslav Gladkov")
        .unwrap();
    assert_eq!(gladkov.kind, EntityType::Person);
    assert!(gladkov.gazetteer_id.is_some());
}

#[test]
fn a_long_text_without_breaks_is_still_sound() {
    let text = ARTICLE.replace('.', ",").repeat(1000);
    let analysis = analyze(&text);
    assert_sound(&text, &analysis);
    assert!(analysis.entities.iter().any(|e| e.mentions.len() >= 1000));
}
