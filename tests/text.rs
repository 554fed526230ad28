//! The text stage through the public API: tokens, sentences, paragraphs.
//! Every case asserts surfaces, `&text[span] == surface`.

use sayso::{Layout, Spacing, TokenKind};

use TokenKind::{Clitic, Number, Punctuation, Quote, Symbol, Word};

fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    Layout::new(text)
        .tokens
        .iter()
        .map(|t| (&text[t.span.range()], t.kind))
        .collect()
}

fn sentences(text: &str) -> Vec<&str> {
    Layout::new(text)
        .sentences
        .iter()
        .map(|s| &text[s.span.range()])
        .collect()
}

/// Paragraph surfaces and whether each is a title.
fn paragraphs(text: &str) -> Vec<(&str, bool)> {
    Layout::new(text)
        .paragraphs
        .iter()
        .map(|p| (&text[p.span.range()], p.is_title))
        .collect()
}

#[test]
fn token_kinds() {
    let cases: &[(&str, &[(&str, TokenKind)])] = &[
        (
            "Russia’s “war”",
            &[
                ("Russia", Word),
                ("’s", Clitic),
                ("“", Quote),
                ("war", Word),
                ("”", Quote),
            ],
        ),
        (
            "Ukraine's army",
            &[("Ukraine", Word), ("'s", Clitic), ("army", Word)],
        ),
        ("they’re", &[("they’re", Word)]),
        ("don't stop", &[("don't", Word), ("stop", Word)]),
        ("O’Brien", &[("O’Brien", Word)]),
        ("the ’90s", &[("the", Word), ("’90s", Word)]),
        (
            "the '80s and ’70s",
            &[("the", Word), ("'80s", Word), ("and", Word), ("’70s", Word)],
        ),
        (
            "rock ’n’ roll",
            &[("rock", Word), ("’n’", Word), ("roll", Word)],
        ),
        ("get ’em", &[("get", Word), ("’em", Word)]),
        ("goin’ home", &[("goin’", Word), ("home", Word)]),
        (
            "the soldiers’ families",
            &[
                ("the", Word),
                ("soldiers", Word),
                ("’", Clitic),
                ("families", Word),
            ],
        ),
        (
            "the 1990's",
            &[("the", Word), ("1990", Number), ("'s", Clitic)],
        ),
        (
            "[border village]’ said",
            &[
                ("[", Punctuation),
                ("border", Word),
                ("village", Word),
                ("]", Punctuation),
                ("’", Quote),
                ("said", Word),
            ],
        ),
        (
            "‘No,’ he said",
            &[
                ("‘", Quote),
                ("No", Word),
                (",", Punctuation),
                ("’", Quote),
                ("he", Word),
                ("said", Word),
            ],
        ),
        (
            "'Yes,' she said",
            &[
                ("'", Quote),
                ("Yes", Word),
                (",", Punctuation),
                ("'", Quote),
                ("she", Word),
                ("said", Word),
            ],
        ),
        (
            "‘the soldiers’ he saw",
            &[
                ("‘", Quote),
                ("the", Word),
                ("soldiers", Word),
                ("’", Quote),
                ("he", Word),
                ("saw", Word),
            ],
        ),
        (
            "``Hi,'' he said",
            &[
                ("``", Quote),
                ("Hi", Word),
                (",", Punctuation),
                ("''", Quote),
                ("he", Word),
                ("said", Word),
            ],
        ),
        (
            "«Oui» „Ja“ ‹non› ‟x”",
            &[
                ("«", Quote),
                ("Oui", Word),
                ("»", Quote),
                ("„", Quote),
                ("Ja", Word),
                ("“", Quote),
                ("‹", Quote),
                ("non", Word),
                ("›", Quote),
                ("‟", Quote),
                ("x", Word),
                ("”", Quote),
            ],
        ),
        ("\"War\"", &[("\"", Quote), ("War", Word), ("\"", Quote)]),
        (
            "its 'special operation' began",
            &[
                ("its", Word),
                ("'", Quote),
                ("special", Word),
                ("operation", Word),
                ("'", Quote),
                ("began", Word),
            ],
        ),
        ("'Tis true", &[("'Tis", Word), ("true", Word)]),
        (
            "pro-Kiev",
            &[("pro", Word), ("-", Punctuation), ("Kiev", Word)],
        ),
        (
            "al-Sharaa",
            &[("al", Word), ("-", Punctuation), ("Sharaa", Word)],
        ),
        (
            "a 26-second clip",
            &[
                ("a", Word),
                ("26", Number),
                ("-", Punctuation),
                ("second", Word),
                ("clip", Word),
            ],
        ),
        (
            "3.5 1,000 2nd",
            &[("3.5", Number), ("1,000", Number), ("2nd", Number)],
        ),
        (
            "the U.S. and",
            &[("the", Word), ("U.S.", Word), ("and", Word)],
        ),
        ("6 p.m. on", &[("6", Number), ("p.m.", Word), ("on", Word)]),
        (
            "U.S.A.\ne.g.\tD.C.",
            &[("U.S.A.", Word), ("e.g.", Word), ("D.C.", Word)],
        ),
        (
            "U.S., p.m.: U.Sa. A.1.",
            &[
                ("U.S.", Word),
                (",", Punctuation),
                ("p.m.", Word),
                (":", Punctuation),
                ("U.Sa.", Word),
                ("A.", Word),
                ("1", Number),
                (".", Punctuation),
            ],
        ),
        (
            "Gov. Lt. Gen.",
            &[("Gov.", Word), ("Lt.", Word), ("Gen.", Word)],
        ),
        (
            "J. R. R. Tolkien",
            &[("J.", Word), ("R.", Word), ("R.", Word), ("Tolkien", Word)],
        ),
        ("No. 10", &[("No.", Word), ("10", Number)]),
        (
            "said no.",
            &[("said", Word), ("no", Word), (".", Punctuation)],
        ),
        ("No. It", &[("No", Word), (".", Punctuation), ("It", Word)]),
        (
            "Wait... what…",
            &[
                ("Wait", Word),
                ("...", Punctuation),
                ("what", Word),
                ("…", Punctuation),
            ],
        ),
        ("U.S...", &[("U.S", Word), ("...", Punctuation)]),
        (
            "home.The",
            &[("home", Word), (".", Punctuation), ("The", Word)],
        ),
        ("bbc.com Ph.D", &[("bbc.com", Word), ("Ph.D", Word)]),
        (
            "a – b — c",
            &[
                ("a", Word),
                ("–", Punctuation),
                ("b", Word),
                ("—", Punctuation),
                ("c", Word),
            ],
        ),
        (
            "$5 + 3% = x",
            &[
                ("$", Symbol),
                ("5", Number),
                ("+", Symbol),
                ("3", Number),
                ("%", Punctuation),
                ("=", Symbol),
                ("x", Word),
            ],
        ),
        (
            "👍🏽 👨\u{200D}👩\u{200D}👧 🇺🇦!",
            &[
                ("👍🏽", Symbol),
                ("👨\u{200D}👩\u{200D}👧", Symbol),
                ("🇺🇦", Symbol),
                ("!", Punctuation),
            ],
        ),
        (
            "Київ, Україна.",
            &[
                ("Київ", Word),
                (",", Punctuation),
                ("Україна", Word),
                (".", Punctuation),
            ],
        ),
        (
            "قال الرئيس.",
            &[("قال", Word), ("الرئيس", Word), (".", Punctuation)],
        ),
        ("Ukr\u{AD}aine", &[("Ukr\u{AD}aine", Word)]),
        ("می\u{200C}خواهم", &[("می\u{200C}خواهم", Word)]),
        ("a\u{2060}b", &[("a\u{2060}b", Word)]),
        ("a\0b", &[("a", Word), ("\0", Symbol), ("b", Word)]),
        ("\u{FEFF}Hello", &[("Hello", Word)]),
        ("a\u{200B}b", &[("a", Word), ("b", Word)]),
        ("5\u{A0}km", &[("5", Number), ("km", Word)]),
        ("Київ\u{A0}’s", &[("Київ", Word), ("’", Quote), ("s", Word)]),
        // A word, a mark and a closing quotation mark, the run shape with a
        // fast path of its own.
        (
            "“war,” he",
            &[
                ("“", Quote),
                ("war", Word),
                (",", Punctuation),
                ("”", Quote),
                ("he", Word),
            ],
        ),
        ("war” he", &[("war", Word), ("”", Quote), ("he", Word)]),
        (
            "war.\" He",
            &[
                ("war", Word),
                (".", Punctuation),
                ("\"", Quote),
                ("He", Word),
            ],
        ),
        (
            "said Gov.” Then",
            &[("said", Word), ("Gov.", Word), ("”", Quote), ("Then", Word)],
        ),
        (
            "No.” 5",
            &[
                ("No", Word),
                (".", Punctuation),
                ("”", Quote),
                ("5", Number),
            ],
        ),
        ("5.”", &[("5", Number), (".", Punctuation), ("”", Quote)]),
        ("war\"\"", &[("war", Word), ("\"", Quote), ("\"", Quote)]),
        ("why?”", &[("why", Word), ("?", Punctuation), ("”", Quote)]),
        (
            "says,”\n",
            &[("says", Word), (",", Punctuation), ("”", Quote)],
        ),
        (
            "war.”.",
            &[
                ("war", Word),
                (".", Punctuation),
                ("”", Quote),
                (".", Punctuation),
            ],
        ),
        (
            "war,”x",
            &[("war", Word), (",", Punctuation), ("”", Quote), ("x", Word)],
        ),
        ("war”’", &[("war", Word), ("”", Quote), ("’", Quote)]),
        (
            "said, 5, 1,000, x",
            &[
                ("said", Word),
                (",", Punctuation),
                ("5", Number),
                (",", Punctuation),
                ("1,000", Number),
                (",", Punctuation),
                ("x", Word),
            ],
        ),
        // Runs of marks that are tokens of their own.
        (
            "war — and -- “ ?! $",
            &[
                ("war", Word),
                ("—", Punctuation),
                ("and", Word),
                ("-", Punctuation),
                ("-", Punctuation),
                ("“", Quote),
                ("?", Punctuation),
                ("!", Punctuation),
                ("$", Symbol),
            ],
        ),
        (
            "a -. b ’ c",
            &[
                ("a", Word),
                ("-", Punctuation),
                (".", Punctuation),
                ("b", Word),
                ("’", Quote),
                ("c", Word),
            ],
        ),
    ];
    for &(text, expected) in cases {
        assert_eq!(tokens(text), expected, "{text:?}");
    }
}

#[test]
fn spacing_after_tokens() {
    let cases: &[(&str, &[(&str, Spacing)])] = &[
        (
            "Hi there,\nfriend",
            &[
                ("Hi", Spacing::Space),
                ("there", Spacing::None),
                (",", Spacing::LineBreak),
                ("friend", Spacing::None),
            ],
        ),
        (
            "One.\r\nTwo.",
            &[
                ("One", Spacing::None),
                (".", Spacing::LineBreak),
                ("Two", Spacing::None),
                (".", Spacing::None),
            ],
        ),
        (
            "a\rb \t",
            &[("a", Spacing::LineBreak), ("b", Spacing::Space)],
        ),
        // A word and a comma, with a space, the commonest run after a word.
        (
            "said, 5, “x, y,  z,",
            &[
                ("said", Spacing::None),
                (",", Spacing::Space),
                ("5", Spacing::None),
                (",", Spacing::Space),
                ("“", Spacing::None),
                ("x", Spacing::None),
                (",", Spacing::Space),
                ("y", Spacing::None),
                (",", Spacing::Space),
                ("z", Spacing::None),
                (",", Spacing::None),
            ],
        ),
        (
            "a\u{200B}b\u{A0}c",
            &[
                ("a", Spacing::None),
                ("b", Spacing::Space),
                ("c", Spacing::None),
            ],
        ),
        (
            "a\u{2028}b",
            &[("a", Spacing::LineBreak), ("b", Spacing::None)],
        ),
    ];
    for &(text, expected) in cases {
        let got: Vec<(&str, Spacing)> = Layout::new(text)
            .tokens
            .iter()
            .map(|t| (&text[t.span.range()], t.space_after))
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }
}

#[test]
fn sentence_ends() {
    let cases: &[(&str, &[&str])] = &[
        // Abbreviations and initials.
        (
            "Gov. Ivanov spoke at 5 p.m. on Sunday. Nobody came.",
            &["Gov. Ivanov spoke at 5 p.m. on Sunday.", "Nobody came."],
        ),
        ("Lt. Gen. Ivan Petrov arrived. He left.", &["Lt. Gen. Ivan Petrov arrived.", "He left."]),
        ("Mr. and Mrs. Smith met Dr. Jones.", &["Mr. and Mrs. Smith met Dr. Jones."]),
        (
            "The U.S. Army said so. It happened in the U.S. The talks failed.",
            &["The U.S. Army said so.", "It happened in the U.S.", "The talks failed."],
        ),
        ("J. R. R. Tolkien wrote it. Others read it.", &["J. R. R. Tolkien wrote it.", "Others read it."]),
        (
            "No. 10 Downing Street said no. Then it said yes.",
            &["No. 10 Downing Street said no.", "Then it said yes."],
        ),
        ("It was signed on Jan. 5 in Minsk.", &["It was signed on Jan. 5 in Minsk."]),
        ("Apple Inc. Chief Executive Tim Cook spoke.", &["Apple Inc. Chief Executive Tim Cook spoke."]),
        ("He joined Gazprom Inc. The deal closed.", &["He joined Gazprom Inc.", "The deal closed."]),
        ("Is it over? No. It is not!", &["Is it over?", "No.", "It is not!"]),
        (
            "The U.N. Security Council met. The E.U. did not. Officials at the U.N. said no.",
            &["The U.N. Security Council met.", "The E.U. did not.", "Officials at the U.N. said no."],
        ),
        (
            "He was born in St. Petersburg, Fla. He died in Calif. in 1990.",
            &["He was born in St. Petersburg, Fla.", "He died in Calif. in 1990."],
        ),
        ("The vote was 52-48. Democrats objected.", &["The vote was 52-48.", "Democrats objected."]),
        ("Visit www.example.com. Then leave.", &["Visit www.example.com.", "Then leave."]),
        // Times: p.m. before a dash, a lowercase word or a name is no end.
        (
            "The meeting ended at 6 p.m. The crowd left.",
            &["The meeting ended at 6 p.m.", "The crowd left."],
        ),
        ("It starts at 9 a.m. Moscow time.", &["It starts at 9 a.m. Moscow time."]),
        (
            "“It is hard to say. But if they live, from 7 to 8 p.m. – the bridge. I promise safety,” said Ivanov.",
            &["“It is hard to say.", "But if they live, from 7 to 8 p.m. – the bridge.", "I promise safety,” said Ivanov."],
        ),
        // Decimals and ellipses.
        ("Prices rose 3.5 percent. They fell later.", &["Prices rose 3.5 percent.", "They fell later."]),
        ("It grew by 3.5. Then it fell.", &["It grew by 3.5.", "Then it fell."]),
        ("He paused... Then he spoke.", &["He paused...", "Then he spoke."]),
        ("They went home.The war went on.", &["They went home.", "The war went on."]),
        ("He paused … and then spoke.", &["He paused … and then spoke."]),
        ("Wait… what?", &["Wait… what?"]),
        // A lone mark before a capitalised ASCII word, the commonest stop.
        ("He left! Then? Yes. No", &["He left!", "Then?", "Yes.", "No"]),
        ("It ended.\nThe war went on.", &["It ended.", "The war went on."]),
        ("It ended. Élan returned.", &["It ended.", "Élan returned."]),
        ("It ended. 1 more came.", &["It ended.", "1 more came."]),
        ("It was 5 p.m. Then he left.", &["It was 5 p.m.", "Then he left."]),
        // A lone letter before a period: an initial only when a capital.
        ("He chose plan b. Then he left.", &["He chose plan b.", "Then he left."]),
        ("He met John F. Kennedy there.", &["He met John F. Kennedy there."]),
        // Closing quotation marks belong to the sentence they close.
        ("“We will win.” Then he left.", &["“We will win.”", "Then he left."]),
        ("“Why?” he asked.", &["“Why?” he asked."]),
        ("‘Go home!’ she shouted. They did.", &["‘Go home!’ she shouted.", "They did."]),
        ("\"We hold.\" He left.", &["\"We hold.\"", "He left."]),
        ("\"Why?\" \"Because.\"", &["\"Why?\"", "\"Because.\""]),
        ("He said, \"I'm done.\" \"Me too,\" she replied.", &["He said, \"I'm done.\"", "\"Me too,\" she replied."]),
        ("In the U.S. “It is over,” he said.", &["In the U.S.", "“It is over,” he said."]),
        ("He said: \"No.\" Then silence.", &["He said: \"No.\"", "Then silence."]),
        ("They called it 'a mess.' Nobody agreed.", &["They called it 'a mess.'", "Nobody agreed."]),
        (
            "“The enemy was hit. “The enemy fled,” it said.",
            &["“The enemy was hit.", "“The enemy fled,” it said."],
        ),
        (
            "He met officials in the U.S.” The visit ended.",
            &["He met officials in the U.S.”", "The visit ended."],
        ),
        // Brackets.
        (
            "There is fighting in [the] village [near the border]’ said Petrov. “They are gone.”",
            &["There is fighting in [the] village [near the border]’ said Petrov.", "“They are gone.”"],
        ),
        ("(It was late.) He went home.", &["(It was late.)", "He went home."]),
        ("He left (finally). She stayed.", &["He left (finally).", "She stayed."]),
        // Datelines.
        (
            "KYIV, Ukraine (AP) — Fighting went on. “We hold,” he said.",
            &["KYIV, Ukraine (AP) — Fighting went on.", "“We hold,” he said."],
        ),
        ("SPRINGFIELD, Ill. (AP) — The vote failed.", &["SPRINGFIELD, Ill. (AP) — The vote failed."]),
        // Other scripts.
        ("Київ заявив про атаку. Москва це заперечує.", &["Київ заявив про атаку.", "Москва це заперечує."]),
        ("قال المسؤول إن الهجوم انتهى. ونفت موسكو ذلك.", &["قال المسؤول إن الهجوم انتهى.", "ونفت موسكو ذلك."]),
        ("Good news! 👍🏽 We won.", &["Good news!", "👍🏽 We won."]),
        // Headline lines end their sentence; wrapped lines do not.
        (
            "First paragraph here.\n\nRebels Attack Border Town\nThe governor said it was over.",
            &["First paragraph here.", "Rebels Attack Border Town", "The governor said it was over."],
        ),
        (
            "The governor said on Sunday that the\nfighting was over.\n\nNext.",
            &["The governor said on Sunday that the\nfighting was over.", "Next."],
        ),
        (
            "Officials in the region said on Sunday that\nThe Times had it wrong.\n\nNext.",
            &["Officials in the region said on Sunday that\nThe Times had it wrong.", "Next."],
        ),
        // Sentences never cross paragraphs.
        ("No end here\nNor here", &["No end here", "Nor here"]),
        ("", &[]),
        (" \n\t ", &[]),
    ];
    for &(text, expected) in cases {
        assert_eq!(sentences(text), expected, "{text:?}");
    }
}

#[test]
fn paragraphs_and_titles() {
    let cases: &[(&str, &[(&str, bool)])] = &[
        (
            "Militants attack border region\n\nThe governor said it was over.",
            &[("Militants attack border region", true), ("The governor said it was over.", false)],
        ),
        (
            "Line one is here.\nLine two is here.\nLine three.",
            &[("Line one is here.", false), ("Line two is here.", false), ("Line three.", false)],
        ),
        (
            "A b c.\nD e f.\n\nG h.",
            &[("A b c.\nD e f.", false), ("G h.", false)],
        ),
        ("One.\n \t\nTwo.", &[("One.", false), ("Two.", false)]),
        (
            "One.\r\n\r\nTwo.\r\nStill two.",
            &[("One.", false), ("Two.\r\nStill two.", false)],
        ),
        ("One.\r\rTwo.", &[("One.", false), ("Two.", false)]),
        (
            "The governor said on Sunday that the\nfighting was over.\nHe left.",
            &[("The governor said on Sunday that the\nfighting was over.", false), ("He left.", false)],
        ),
        ("Rebels Strike\nthe town fell.", &[("Rebels Strike\nthe town fell.", false)]),
        ("One.\u{2029}Two.\nStill two.", &[("One.", false), ("Two.\nStill two.", false)]),
        (
            "\u{FEFF}Rebels Strike Again\r\n\r\nThey did.\r\n",
            &[("Rebels Strike Again", true), ("They did.", false)],
        ),
        (
            "“Sent to Slaughter”\n\nHe said so.",
            &[("“Sent to Slaughter”", true), ("He said so.", false)],
        ),
        (
            "Pro Ukraine militants attack southern Russia Prisoner of War Exchange Offer\n\nText.",
            &[("Pro Ukraine militants attack southern Russia Prisoner of War Exchange Offer", true), ("Text.", false)],
        ),
        ("“He is dead.”\n\nText.", &[("“He is dead.”", false), ("Text.", false)]),
        ("KYIV, Ukraine (AP) —\nFighting went on.", &[("KYIV, Ukraine (AP) —", false), ("Fighting went on.", false)]),
        ("and then there was nothing left\n\nText.", &[("and then there was nothing left", false), ("Text.", false)]),
        (
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone\n\nText.",
            &[
                ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone", false),
                ("Text.", false),
            ],
        ),
        ("Київ під обстрілом\n\nТекст.", &[("Київ під обстрілом", true), ("Текст.", false)]),
    ];
    for &(text, expected) in cases {
        assert_eq!(paragraphs(text), expected, "{text:?}");
    }
}

#[test]
fn sentences_fill_their_paragraphs() {
    let text = "Title Line Here\n\nOne. Two? “Three!” he said.\nFour.\n\nFive";
    let a = Layout::new(text);
    for p in &a.paragraphs {
        let s = &a.sentences[p.sentences.clone()];
        assert_eq!(s.first().unwrap().span.start, p.span.start);
        assert_eq!(s.last().unwrap().span.end, p.span.end);
        for w in s.windows(2) {
            assert_eq!(w[0].tokens.end, w[1].tokens.start);
        }
    }
    assert_eq!(a.sentences.len(), 6);
}

/// The acceptance article, when `../shared` is there: every sentence a reader
/// sees, and no other. Run with `cargo test --test text -- --ignored`.
#[test]
#[ignore]
fn belgorod_sentences() {
    let Ok(text) = std::fs::read_to_string("../shared/examples/belgorod.txt")
        .or_else(|_| std::fs::read_to_string("../../shared/examples/belgorod.txt"))
    else {
        return;
    };
    let a = Layout::new(&text);
    let got: Vec<&str> = a.sentences.iter().map(|s| &text[s.span.range()]).collect();
    for s in [
        "“A sabotage group has come in.",
        "There is fighting [the] Novaya Tavolshanka [border village]’ said Gladkov.",
        "“I hope they are all destroyed.”",
        "“The enemy was hit by artillery.",
        "“The enemy scattered and retreated,” it said in a statement.",
        "“Most likely they killed her, hard as it is for me to say.",
        "But if they are still alive, from 5 to 6 p.m. – Shebekino checkpoint.",
        "I guarantee security,” said Gladkow.",
        "“Sent to Slaughter”",
    ] {
        assert!(got.contains(&s), "missing {s:?}");
    }
    assert_eq!(got.len(), 40);
    let titles: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.is_title)
        .map(|p| &text[p.span.range()])
        .collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
}
