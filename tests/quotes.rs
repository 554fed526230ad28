//! Quotations: every mark style, nesting, broken and unclosed marks,
//! quotations over paragraphs, and the role each one plays.

use sayso::{Extractor, QuoteRole};

use QuoteRole::{Claim, Name, Scare, Title};

/// (text, [(inside the marks, role)]) in text order.
const CASES: &[(&str, &[(&str, QuoteRole)])] = &[
    // Every mark style.
    (
        "“We will hold the line,” the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    (
        "\"We will hold the line,\" the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    (
        "‘We will hold the line,’ the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    (
        "'We will hold the line,' the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    (
        "«We will hold the line», the mayor said.",
        &[("We will hold the line", Claim)],
    ),
    (
        "„We will hold the line“, the mayor said.",
        &[("We will hold the line", Claim)],
    ),
    (
        "‹We will hold the line›, the mayor said.",
        &[("We will hold the line", Claim)],
    ),
    (
        "``We will hold the line,'' the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    (
        "''We will hold the line,'' the mayor said.",
        &[("We will hold the line,", Claim)],
    ),
    // Apostrophes are no marks.
    (
        "Russia’s army said they’re ready for the ’90s rock ’n’ roll revival in the soldiers’ club.",
        &[],
    ),
    (
        "“Russia’s soldiers’ families aren’t safe,” the mayor said.",
        &[("Russia’s soldiers’ families aren’t safe,", Claim)],
    ),
    // Nesting.
    (
        "“They told us ‘leave now’ and we left,” the mayor said.",
        &[("They told us ‘leave now’ and we left,", Claim), ("leave now", Scare)],
    ),
    // A closing ’ for an opening “.
    (
        "“A sabotage group has come in. There is fighting [near the bridge]’ said the mayor.",
        &[("A sabotage group has come in. There is fighting [near the bridge]", Claim)],
    ),
    // A stray second opening mark makes two quotations.
    (
        "“The enemy was hit. “The enemy retreated,” the army said.",
        &[("The enemy was hit.", Claim), ("The enemy retreated,", Claim)],
    ),
    // Left open at the paragraph end: the next paragraph is untouched.
    (
        "“We will stay here, the mayor said.\n\nThe river rose on Monday.",
        &[("We will stay here, the mayor said.", Claim)],
    ),
    // An unmatched closing mark is dropped.
    (
        "The river rose” on Monday. “We are safe,” the mayor said.",
        &[("We are safe,", Claim)],
    ),
    // Over several paragraphs: each reopens, only the last closes.
    (
        "“The water came at night,” the mayor said. “We lost the bridge.\n\n“We lost the school.\n\n“We will rebuild.”",
        &[
            ("The water came at night,", Claim),
            ("We lost the bridge.", Claim),
            ("We lost the school.", Claim),
            ("We will rebuild.", Claim),
        ],
    ),
    // Roles: a headline standing alone, scare quotes, names.
    ("“Sent Home Without Pay”\n\nThe strike went on.", &[("Sent Home Without Pay", Title)]),
    (
        "The footage has “guests” sitting with their hosts, called “ordinary people” by the station.",
        &[("guests", Scare), ("ordinary people", Scare)],
    ),
    (
        "The band played “Yellow Submarine” twice.",
        &[("Yellow Submarine", Name)],
    ),
];

#[test]
fn quotations() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let analysis = extractor.analyze(text);
        let got: Vec<(&str, QuoteRole)> = analysis
            .quotes
            .iter()
            .map(|q| {
                assert_eq!(&text[q.span.range()], q.text);
                (&text[q.span.range()], q.role)
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
fn scare_quotes_and_titles_are_no_claims() {
    let text = "“Sent Home Without Pay”\n\nThe footage has “guests” sitting with their hosts.";
    let analysis = Extractor::new().analyze(text);
    assert_eq!(analysis.quotes.len(), 2);
    assert!(analysis.claims.is_empty(), "{:?}", analysis.claims);
}

#[test]
fn one_bad_mark_does_not_swallow_the_article() {
    let text = "The river “rose on Monday.\n\n“We are safe,” the mayor said.\n\nThe rain stopped.";
    let analysis = Extractor::new().analyze(text);
    let inside: Vec<&str> = analysis.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(inside, ["rose on Monday.", "We are safe,"]);
}

#[test]
fn many_marks_stay_fast_and_valid() {
    // Every mark style, a hundred thousand times, in one paragraph.
    let text = "“a” \"b\" ‘c’ 'd' «e» „f“ ‹g› ``h'' “ ’ ".repeat(10_000);
    let analysis = Extractor::new().analyze(&text);
    assert!(analysis.quotes.len() >= 70_000);
    for q in &analysis.quotes {
        assert_eq!(&text[q.span.range()], q.text);
    }
}
