//! Claims: direct, partial and indirect speech, the sieve that attributed
//! each, and the patterns of reported speech.

use sayso::{ClaimKind, Extractor, Sieve};

use ClaimKind::{Direct, Indirect, Partial};

/// One expected claim: kind, content, speaker mention, cue, sieve.
type Expected = (
    ClaimKind,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Sieve,
);

const CASES: &[(&str, &[Expected])] = &[
    // Sieve 1, adjacent: QUOTE, CUE SPEAKER and QUOTE, SPEAKER CUE, with
    // adjuncts after the cue.
    (
        "“The bridge is gone,” said Mayor Olga Petrenko.",
        &[(Direct, "The bridge is gone,", Some("Mayor Olga Petrenko"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "“The bridge is gone,” the mayor said on Monday.",
        &[(Direct, "The bridge is gone,", Some("the mayor"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "“We have no more water,” a nurse at the hospital told reporters.",
        &[(Direct, "We have no more water,", Some("a nurse at the hospital"), Some("told"), Sieve::Adjacent)],
    ),
    // Whom and where someone told is no reported clause.
    (
        "“We have no more water,” Petrenko told reporters at the city hall.",
        &[(Direct, "We have no more water,", Some("Petrenko"), Some("told"), Sieve::Adjacent)],
    ),
    // SPEAKER CUE: QUOTE and SPEAKER CUE, QUOTE.
    (
        "The council said in a statement: “The bridge will reopen in May.”",
        &[(Direct, "The bridge will reopen in May.", Some("The council"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "Petrenko added, “We will not leave.”",
        &[(Direct, "We will not leave.", Some("Petrenko"), Some("added"), Sieve::Adjacent)],
    ),
    // A dash after the closing mark and a name ending the line sign a
    // quotation, line by line in a list.
    (
        "“The bridge is gone.” ― Olga Petrenko\n“We have no water.” ― Ivo Marek.",
        &[
            (Direct, "The bridge is gone.", Some("Olga Petrenko"), Some("―"), Sieve::Adjacent),
            (Direct, "We have no water.", Some("Ivo Marek"), Some("―"), Sieve::Adjacent),
        ],
    ),
    // A transcript's line quoted names its speaker in capitals before a
    // colon, unless a cue before the quotation names one.
    (
        "Part of the transcript follows.\n\n\"MAREK: The bridge will reopen in May.\"",
        &[(Direct, "MAREK: The bridge will reopen in May.", Some("MAREK"), Some(":"), Sieve::Adjacent)],
    ),
    (
        "The mayor said: \"NATO: a good idea.\"",
        &[(Direct, "NATO: a good idea.", Some("The mayor"), Some("said"), Sieve::Adjacent)],
    ),
    // Sieve 2, subject: a partial quotation inside a reported clause, with
    // the clause itself as an indirect claim.
    (
        "The mayor said the flood was “the worst in a century”.",
        &[
            (Indirect, "the flood was “the worst in a century”", Some("The mayor"), Some("said"), Sieve::Subject),
            (Partial, "the worst in a century", Some("The mayor"), Some("said"), Sieve::Subject),
        ],
    ),
    // A reported clause opening with a quotation: the clause and the
    // quotation are both claims.
    (
        "The mayor said “we will rebuild” on Sunday.",
        &[
            (Indirect, "“we will rebuild” on Sunday", Some("The mayor"), Some("said"), Sieve::Subject),
            (Partial, "we will rebuild", Some("The mayor"), Some("said"), Sieve::Subject),
        ],
    ),
    // A long subject, and a verb that only attributes quotations.
    (
        "A man describing himself as the head of the rescue team described the town as “a lake with roofs”.",
        &[(Partial, "a lake with roofs", Some("A man describing himself as the head of the rescue team"), Some("described"), Sieve::Subject)],
    ),
    // "according to X".
    (
        "The dam had cracked twice before, according to the regional water authority.",
        &[(Indirect, "The dam had cracked twice before", Some("the regional water authority"), Some("according to"), Sieve::Subject)],
    ),
    // Opening its sentence, the phrase names its source up to the comma.
    (
        "According to early results of a survey conducted by the regional water authority, the dam had cracked.",
        &[(
            Indirect,
            "the dam had cracked",
            Some("early results of a survey conducted by the regional water authority"),
            Some("According to"),
            Sieve::Subject,
        )],
    ),
    // Sieve 3, continuation: the next quotation takes the speaker, and a
    // quotation broken by a stray mark takes the one after it.
    (
        "“The bridge is gone,” said Petrenko. “We need boats.”",
        &[
            (Direct, "The bridge is gone,", Some("Petrenko"), Some("said"), Sieve::Adjacent),
            (Direct, "We need boats.", Some("Petrenko"), Some("said"), Sieve::Continuation),
        ],
    ),
    (
        "“The water rose fast. “We could not save the cattle,” the farmer said.",
        &[
            (Direct, "The water rose fast.", Some("the farmer"), Some("said"), Sieve::Continuation),
            (Direct, "We could not save the cattle,", Some("the farmer"), Some("said"), Sieve::Adjacent),
        ],
    ),
    // A quotation running over paragraphs keeps its speaker.
    (
        "The mayor said: “We lost the bridge.\n\n“We will rebuild it.”",
        &[
            (Direct, "We lost the bridge.", Some("The mayor"), Some("said"), Sieve::Adjacent),
            (Direct, "We will rebuild it.", Some("The mayor"), Some("said"), Sieve::Continuation),
        ],
    ),
    // Sieve 4, paragraph context: the paragraph before has the speaker.
    (
        "The mayor said the town would be rebuilt.\n\n“Every house, every street.”",
        &[
            (Indirect, "the town would be rebuilt", Some("The mayor"), Some("said"), Sieve::Subject),
            (Direct, "Every house, every street.", Some("The mayor"), Some("said"), Sieve::ParagraphContext),
        ],
    ),
    // Sieve 5, coreference: the pronoun subject of the sentence before.
    (
        "She paused at the door. “I have nothing left.”",
        &[(Direct, "I have nothing left.", Some("She"), None, Sieve::Coreference)],
    ),
    // Indirect patterns: "X told Y (that)", "X claimed / admitted / denied /
    // warned", adverbs and auxiliaries between speaker and verb, "called on".
    (
        "The governor told the villagers they must leave by noon.",
        &[(Indirect, "they must leave by noon", Some("The governor"), Some("told"), Sieve::Subject)],
    ),
    (
        "The army has repeatedly denied that it shelled the school.",
        &[(Indirect, "it shelled the school", Some("The army"), Some("denied"), Sieve::Subject)],
    ),
    (
        "Aid groups called on both sides to open the road.",
        &[(Indirect, "both sides to open the road", Some("Aid groups"), Some("called on"), Sieve::Subject)],
    ),
    (
        "The regional head of the health service, Anna Kovacs, warned on Friday that the wells were poisoned.",
        &[(Indirect, "the wells were poisoned", Some("Anna Kovacs"), Some("warned"), Sieve::Subject)],
    ),
    (
        "Ana Ruiz, 34, a nurse at the clinic, said the wells were dry.",
        &[(Indirect, "the wells were dry", Some("Ana Ruiz, 34, a nurse at the clinic"), Some("said"), Sieve::Subject)],
    ),
    (
        "The ferry was stopped by the harbour master, who said the waves were too high.",
        &[(Indirect, "the waves were too high", Some("the harbour master"), Some("said"), Sieve::Subject)],
    ),
    (
        "The clinic closed, but deputy minister Paul Okafor said it would reopen.",
        &[(Indirect, "it would reopen", Some("Paul Okafor"), Some("said"), Sieve::Subject)],
    ),
    // A speech verb after a comma with a speaker after it reports what came
    // before, however the words before read; a description after the
    // speaker is theirs, not the claim's.
    (
        "The dam holds water for the valley, which it has fed for decades, said Ivo Marek, director of the water board.",
        &[(Indirect, "The dam holds water for the valley, which it has fed for decades", Some("Ivo Marek"), Some("said"), Sieve::Subject)],
    ),
    (
        "The harvest was poor, but the prices held, said Ms. Novak, with a shrug.",
        &[(Indirect, "The harvest was poor, but the prices held", Some("Ms. Novak"), Some("said"), Sieve::Subject)],
    ),
    (
        "The river is rising, says soil scientist Dana Kral in Brno.",
        &[(Indirect, "The river is rising", Some("soil scientist Dana Kral"), Some("says"), Sieve::Subject)],
    ),
    (
        "The road is closed, said a local farmer, who gave no name.",
        &[(Indirect, "The road is closed", Some("a local farmer"), Some("said"), Sieve::Subject)],
    ),
    // A name after the verb that a quotation, a relative clause or an
    // infinitive follows opens the reported clause; told and asked take
    // whom they address.
    (
        "Ivo Marek, the director, said Novak “had no plan” for the dam.",
        &[
            (Indirect, "Novak “had no plan” for the dam", Some("Ivo Marek, the director"), Some("said"), Sieve::Subject),
            (Partial, "had no plan", Some("Ivo Marek, the director"), Some("said"), Sieve::Subject),
        ],
    ),
    (
        "Dana Kral, a farmer, told Radio Brno the dam was safe.",
        &[(Indirect, "the dam was safe", Some("Dana Kral, a farmer"), Some("told"), Sieve::Subject)],
    ),
    // Whom someone told, to the end of the sentence, leaves the clause
    // before them.
    (
        "The wells were dry, a nurse at the clinic told The Daily Courier.",
        &[(Indirect, "The wells were dry", Some("a nurse at the clinic"), Some("told"), Sieve::Subject)],
    ),
    (
        "The town had done what others do, she told the court in her filing.",
        &[(Indirect, "The town had done what others do", Some("she"), Some("told"), Sieve::Subject)],
    ),
    // The noun phrase a relative pronoun follows is short; an aside
    // between dashes may stand before the verb; a quantifier opens a
    // subject as a number does.
    (
        "The plan angered farmers and small water boards who said the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("small water boards"), Some("said"), Sieve::Subject)],
    ),
    (
        "Many people at the meeting — farmers, teachers, a priest — said the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("Many people at the meeting"), Some("said"), Sieve::Subject)],
    ),
    (
        "In Brno, half of the farmers polled said the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("half of the farmers polled"), Some("said"), Sieve::Subject)],
    ),
    // A short noun phrase with its article opening the sentence is the
    // subject of a verb after a description set off by commas.
    (
        "The survey, conducted by the farmers' union, found that most wells were dry.",
        &[(Indirect, "most wells were dry", Some("The survey, conducted by the farmers' union"), Some("found"), Sieve::Subject)],
    ),
    // Long descriptions and asides between a name and its verb; people
    // coordinated in lower case.
    (
        "Ivo Marek, a farmer from the valley who has grown wheat there for forty years and sold it in three countries, said the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("Ivo Marek, a farmer from the valley who has grown wheat there for forty years and sold it in three countries"), Some("said"), Sieve::Subject)],
    ),
    (
        "Dana Kral — who keeps bees on the hill above the town and sells honey at the market every week — said the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("Dana Kral"), Some("said"), Sieve::Subject)],
    ),
    (
        "The levy is unfair, teachers and farm officials told the council.",
        &[(Indirect, "The levy is unfair", Some("teachers and farm officials"), Some("told"), Sieve::Subject)],
    ),
    // After a quotation, what follows the verb's adjuncts is no clause when
    // a preposition opens it; a passive, an adverb before it, names no
    // speaker; "found themselves" and "a video posted by" report nothing.
    (
        "“The bridge is gone,” Petrenko said in an interview on Sunday with reporters from Kyiv.",
        &[(Direct, "The bridge is gone,", Some("Petrenko"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "“The bridge is gone,” Petrenko said in a video posted by the city council.",
        &[(Direct, "The bridge is gone,", Some("Petrenko"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "“He cares about the town,” Petrenko said of the mayor.",
        &[(Direct, "He cares about the town,", Some("Petrenko"), Some("said"), Sieve::Adjacent)],
    ),
    (
        "“It is over,” Petrenko said to Radio Kyiv on Sunday.",
        &[(Direct, "It is over,", Some("Petrenko"), Some("said"), Sieve::Adjacent)],
    ),
    ("The mayor was also endorsed the day before by the farmers' union.", &[]),
    ("The farmers found themselves in a long dispute over the levy.", &[]),
    // The subject of a participle after a comma: not the conjunction
    // opening the sentence, the name set off after the phrase, and a person
    // noun ends it.
    (
        "But the other farmer at the meeting, council member Ivo Marek, drew a contrast, saying that the levy was fair.",
        &[(Indirect, "the levy was fair", Some("Ivo Marek"), Some("saying"), Sieve::Subject)],
    ),
    (
        "And the mayor drew a contrast, saying that the levy was unfair.",
        &[(Indirect, "the levy was unfair", Some("the mayor"), Some("saying"), Sieve::Subject)],
    ),
    // "show" after a plural noun is a verb of finding; after a determiner
    // or a compound, a noun.
    (
        "Polls show the mayor with a narrow lead.",
        &[(Indirect, "the mayor with a narrow lead", Some("Polls"), Some("show"), Sieve::Subject)],
    ),
    (
        "Court records showed the farm was sold in 2010.",
        &[(Indirect, "the farm was sold in 2010", Some("Court records"), Some("showed"), Sieve::Subject)],
    ),
    ("The late-night talk shows drew large crowds in Brno.", &[]),
    ("The figures came from a liberal think tank in Brno.", &[]),
    ("As Soviet states and neighbors, both fell victim to the purges.", &[]),
    // Whom a verb of telling told, with what they were told to do.
    (
        "The mayor told her deputies to close the bridge by noon.",
        &[(Indirect, "her deputies to close the bridge by noon", Some("The mayor"), Some("told"), Sieve::Subject)],
    ),
    // A time adjunct between a subject and its verb; a past form of a
    // speech verb before an auxiliary is a verb still.
    (
        "Farmers met the mayor, who on Sunday said the bridge was safe.",
        &[(Indirect, "the bridge was safe", Some("the mayor"), Some("said"), Sieve::Subject)],
    ),
    (
        "She criticised the levies, which she said were unfair to farmers.",
        &[
            (Indirect, "the levies, which she said were unfair to farmers", Some("She"), Some("criticised"), Sieve::Subject),
            (Indirect, "were unfair to farmers", Some("she"), Some("said"), Sieve::Subject),
        ],
    ),
    // Adverbs and negated auxiliaries between a subject and its verb; a
    // cue phrase after an article is a noun with no speaker at hand.
    (
        "The mayor has long said that the bridge is safe.",
        &[(Indirect, "the bridge is safe", Some("The mayor"), Some("said"), Sieve::Subject)],
    ),
    (
        "The mayor didn't suggest that the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("The mayor"), Some("suggest"), Sieve::Subject)],
    ),
    ("The week opened with a call for calm from the farmers.", &[]),
    // Coordinated cues make two claims with one speaker.
    (
        "The farmer said the river had risen overnight and admitted that he had ignored the warnings.",
        &[
            (Indirect, "the river had risen overnight", Some("The farmer"), Some("said"), Sieve::Subject),
            (Indirect, "he had ignored the warnings", Some("The farmer"), Some("admitted"), Sieve::Subject),
        ],
    ),
    (
        "He said the dam would hold and told the engineers he would stay.",
        &[
            (Indirect, "the dam would hold", Some("He"), Some("said"), Sieve::Subject),
            (Indirect, "he would stay", Some("He"), Some("told"), Sieve::Subject),
        ],
    ),
    // A parenthetical and a trailing attribution.
    (
        "The dam, the engineer said, would not hold another week.",
        &[(Indirect, "would not hold another week", Some("the engineer"), Some("said"), Sieve::Subject)],
    ),
    (
        "More rain is expected on Friday, forecasters said.",
        &[(Indirect, "More rain is expected on Friday", Some("forecasters"), Some("said"), Sieve::Subject)],
    ),
    // A participle set off by a comma takes the subject of the sentence.
    (
        "The water board raised prices, arguing that the pipes were failing.",
        &[(Indirect, "the pipes were failing", Some("The water board"), Some("arguing"), Sieve::Subject)],
    ),
    // A name that is also an auxiliary or a month; a time after the cue.
    (
        "Prime Minister Theresa May said this week that the bridge would reopen.",
        &[(Indirect, "the bridge would reopen", Some("Theresa May"), Some("said"), Sieve::Subject)],
    ),
    (
        "British Foreign Secretary Anna Kovac said the bridge would reopen.",
        &[(Indirect, "the bridge would reopen", Some("Anna Kovac"), Some("said"), Sieve::Subject)],
    ),
    (
        "The mayor said last year that the bridge would reopen.",
        &[(Indirect, "the bridge would reopen", Some("The mayor"), Some("said"), Sieve::Subject)],
    ),
    (
        "The river peaked at noon, according to local officials.",
        &[(Indirect, "The river peaked at noon", Some("local officials"), Some("according to"), Sieve::Subject)],
    ),
    // Deeds are no claims, nor a participle that modifies a noun.
    (
        "Militants attack the border town. The clip showed soldiers being held. \
         The mayor appeared in a video message agreeing to meet them.",
        &[],
    ),
    // Passives and nouns are no cues.
    ("The bridge was said to be safe. The statement was claimed by no one.", &[]),
    // Speech verbs that are mostly nouns are verbs only where they must be.
    ("He won his home state of Ohio and the secretary of state in reports of fraud.", &[]),
    (
        "The report states that the bridge is unsafe.",
        &[(Indirect, "the bridge is unsafe", Some("The report"), Some("states"), Sieve::Subject)],
    ),
    (
        "The poll shows that most voters want the bridge rebuilt.",
        &[
            (Indirect, "most voters want the bridge rebuilt", Some("The poll"), Some("shows"), Sieve::Subject),
            (Indirect, "the bridge rebuilt", Some("most voters"), Some("want"), Sieve::Subject),
        ],
    ),
    (
        "Petrenko reports the bridge is unsafe.",
        &[(Indirect, "the bridge is unsafe", Some("Petrenko"), Some("reports"), Sieve::Subject)],
    ),
    // A sentence's first word is no part of the subject when it is a
    // conjunction, an adverb or a preposition, capitalised though it is.
    (
        "And Petrenko says the bridge is unsafe.",
        &[(Indirect, "the bridge is unsafe", Some("Petrenko"), Some("says"), Sieve::Subject)],
    ),
    (
        "Later Petrenko said the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("Petrenko"), Some("said"), Sieve::Subject)],
    ),
    (
        "On Monday the mayor said the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("the mayor"), Some("said"), Sieve::Subject)],
    ),

    // A long name with its title and place before a description; "it"
    // after the verb is the reported clause's subject, not a speaker.
    (
        "Former Mayor Olga Petrenko of Kherson Oblast, a lawyer, said it will rain.",
        &[(
            Indirect,
            "it will rain",
            Some("Former Mayor Olga Petrenko of Kherson Oblast, a lawyer"),
            Some("said"),
            Sieve::Subject,
        )],
    ),
    ("In the end, said it will rain.", &[]),
    // A name with its roles before it, then a description.
    (
        "Kherson city delegate Olga Petrenko, wearing a yellow scarf, said the bridge was unsafe.",
        &[(
            Indirect,
            "the bridge was unsafe",
            Some("Kherson city delegate Olga Petrenko, wearing a yellow scarf"),
            Some("said"),
            Sieve::Subject,
        )],
    ),
    // An aside between dashes after the verb.
    (
        "Petrenko said — on the radio, as it happens — that the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("Petrenko"), Some("said"), Sieve::Subject)],
    ),
    // An aside in brackets between the subject and its verb.
    (
        "Olga Petrenko (D-Kherson) said the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("Olga Petrenko"), Some("said"), Sieve::Subject)],
    ),
    // A number opens a subject as a determiner does.
    (
        "In the survey, 51 percent of respondents said the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("51 percent of respondents"), Some("said"), Sieve::Subject)],
    ),
    // A pronoun is the whole subject of the clause before "..., saying".
    (
        "She visited the city on Monday, saying the bridge was unsafe.",
        &[(Indirect, "the bridge was unsafe", Some("She"), Some("saying"), Sieve::Subject)],
    ),
    // Sieve 6, fallback: a headline names its speaker before a colon, not
    // the person nearest the quotation.
    (
        "Olga Petrenko: Ivan Sidorov must ‘rebuild the bridge now’\n\nThe mayor spoke on Monday.",
        &[
            (Indirect, "Ivan Sidorov must ‘rebuild the bridge now’", Some("Olga Petrenko"), Some(":"), Sieve::Headline),
            (Partial, "rebuild the bridge now", Some("Olga Petrenko"), None, Sieve::Fallback),
        ],
    ),
    // A title line that opens with a name and a colon reports the rest,
    // unless that is a tally or a label.
    (
        "Olga Petrenko: No money for the bridge this year\n\nThe mayor spoke on Monday.",
        &[(Indirect, "No money for the bridge this year", Some("Olga Petrenko"), Some(":"), Sieve::Headline)],
    ),
    ("Olga Petrenko: 1,769\n\nIvan Sidorov: 1,501\n\nThe votes were counted on Monday.", &[]),
    // ... after a title or two.
    (
        "Kherson Mayor Petrenko: Sidorov Must ‘Rebuild The Bridge Now.’\n\nThe mayor spoke on Monday.",
        &[
            (Indirect, "Sidorov Must ‘Rebuild The Bridge Now.’", Some("Petrenko"), Some(":"), Sieve::Headline),
            (Partial, "Rebuild The Bridge Now.", Some("Petrenko"), None, Sieve::Fallback),
        ],
    ),
    // A headline in title case, even with a final stop, capitalises its
    // cue, and its subject runs over words that are no name.
    (
        "Olga Petrenko Says Ivan Sidorov ‘Must Rebuild The Bridge Before Winter.’\n\nThe mayor spoke on Monday.",
        &[
            (Indirect, "Ivan Sidorov ‘Must Rebuild The Bridge Before Winter.’", Some("Olga Petrenko"), Some("Says"), Sieve::Subject),
            (Partial, "Must Rebuild The Bridge Before Winter.", Some("Olga Petrenko"), Some("Says"), Sieve::Subject),
        ],
    ),
    (
        "Olga Petrenko Just Announced She Will Run For Mayor Again.\n\nOlga Petrenko spoke on Monday.",
        &[(Indirect, "She Will Run For Mayor Again", Some("Olga Petrenko"), Some("Announced"), Sieve::Subject)],
    ),
];

#[test]
fn claims() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let analysis = extractor.analyze(text);
        let got: Vec<Expected> = analysis
            .claims
            .iter()
            .map(|c| {
                assert_eq!(&text[c.content.span.range()], c.content.text);
                (
                    c.kind,
                    &text[c.content.span.range()],
                    c.speaker.as_ref().map(|s| &text[s.span.range()]),
                    c.cue.as_ref().map(|s| &text[s.span.range()]),
                    c.sieve,
                )
            })
            .collect();
        if got != *expected {
            failures.push(format!(
                "{text:?}\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn fallback_can_be_switched_off() {
    // A quotation no rule attributes: the last speaker before it, at low
    // confidence, unless the fallback sieve is off.
    let text = "The mayor spoke at noon, and the engineer said the dam would hold.\n\nThe rain went on.\n\nLater there was a shout: “Run!”";
    let on = Extractor::new().analyze(text);
    let run = on.claims.iter().find(|c| c.content.text == "Run!").unwrap();
    assert_eq!(run.sieve, Sieve::Unattributed);
    let text = "The engineer said the dam would hold.\n\n“Run, run to the hills, now!”";
    let on = Extractor::new().analyze(text);
    let off = Extractor::builder()
        .fallback_sieve(false)
        .build()
        .unwrap()
        .analyze(text);
    let find = |a: &sayso::Analysis| {
        a.claims
            .iter()
            .find(|c| c.content.text.starts_with("Run"))
            .map(|c| (c.sieve, c.confidence))
            .unwrap()
    };
    assert_ne!(find(&on).0, Sieve::Unattributed);
    assert_eq!(find(&off).0, find(&on).0);
}

mod props {
    use proptest::prelude::*;

    /// Text made mostly of quotation marks, apostrophes, speech verbs and
    /// line breaks, where the rules have the most to get wrong.
    fn marky() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("“"),
            Just("”"),
            Just("‘"),
            Just("’"),
            Just("\""),
            Just("'"),
            Just("«"),
            Just("»"),
            Just("„"),
            Just("‹"),
            Just("›"),
            Just("``"),
            Just("''"),
            Just(" "),
            Just("\n\n"),
            Just("\n"),
            Just(". "),
            Just(", "),
            Just(": "),
            Just("said"),
            Just(" he said"),
            Just("according to"),
            Just("told"),
            Just("and"),
            Just("Gladkov"),
            Just("The army"),
            Just("that"),
            Just("é"),
            Just("\u{0}"),
            Just("—"),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check(text: &str) {
        let analysis = sayso::Extractor::new().analyze(text);
        let again = sayso::Extractor::new().analyze(text);
        assert_eq!(analysis.claims, again.claims);
        assert_eq!(analysis.quotes, again.quotes);
        for q in &analysis.quotes {
            assert_eq!(&text[q.span.range()], q.text);
        }
        for c in &analysis.claims {
            assert_eq!(&text[c.content.span.range()], c.content.text);
            assert!(!c.content.text.is_empty());
            assert!((0.0..=1.0).contains(&c.confidence));
            for s in [&c.speaker, &c.cue].into_iter().flatten() {
                assert_eq!(&text[s.span.range()], s.text);
            }
            if let Some(id) = c.speaker_entity {
                assert!(id.index() < analysis.entities.len());
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn quotation_soup_never_panics(text in marky()) {
            check(&text);
        }
    }
}
