//! Malformed gazetteer files: every problem is an error naming the file and
//! line, never a panic.

use sayso::{EntityType, Entry, ErrorKind, Extractor, Gazetteer};

fn error(tsv: &str) -> sayso::Error {
    let err = Gazetteer::builder()
        .add_tsv("g.tsv", tsv.to_string())
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Gazetteer, "{err}");
    err
}

const OK: &str = "a:1\tShebekino\tplace\ttown\t\tRU\t\t\t\n";

#[test]
fn malformed_lines_are_named() {
    let long = "x".repeat(10_000);
    let cases: &[(String, &str)] = &[
        (
            format!("{OK}a:2\t\tplace\t\t\t\t\t\t\n"),
            "g.tsv:2: empty name",
        ),
        (
            format!("{OK}a:2\t  \tplace\t\t\t\t\t\t\n"),
            "g.tsv:2: empty name",
        ),
        (
            format!("\t{OK}"),
            "g.tsv:1: expected 9 tab-separated columns, found 10",
        ),
        (
            format!("{OK}\n\na:2\tX\tplace\n"),
            "g.tsv:4: expected 9 tab-separated columns, found 3",
        ),
        (
            format!("{OK}a:2\tX\tplace\t\t\t\t\t\t\t\t\n"),
            "g.tsv:2: expected 9 tab-separated columns, found 11",
        ),
        (
            format!("{OK}a:2\t{long}\tperson\t\t\t\t\t\t\n"),
            "g.tsv:2: name of 10000 bytes is longer than the limit of 256",
        ),
        (
            format!("{OK}a:2\tX\tperson\t\t{long}\t\t\t\t\n"),
            "g.tsv:2: name of 10000 bytes is longer than the limit of 256",
        ),
        (
            format!("{OK}a:2\tX\tanimal\t\t\t\t\t\t\n"),
            "g.tsv:2: unknown entity type \"animal\" (expected person, group or place)",
        ),
        (
            format!("{OK}a:2\tX\tplace\t\t\t\t-5\t\t\n"),
            "g.tsv:2: prominence \"-5\" is not a whole number",
        ),
        (
            format!("{OK}a:2\tX\tplace\t\t\t\t\tx\t\n"),
            "g.tsv:2: unknown gender \"x\" (expected m or f)",
        ),
        (
            format!("{OK}a:2\tX\tplace\t\t\t\t\t\tloud\n"),
            "g.tsv:2: unknown flag \"loud\"",
        ),
        (
            format!("{OK}\r\na:1\tX\tplace\t\t\t\t\t\t\r\n"),
            "g.tsv:3: duplicate id \"a:1\", first used by line 1",
        ),
    ];
    for (tsv, expected) in cases {
        let err = error(tsv);
        assert_eq!(err.to_string(), *expected);
        assert_eq!(err.path(), Some(std::path::Path::new("g.tsv")));
    }
}

#[test]
fn duplicate_ids_across_sources_name_both_places() {
    let err = Gazetteer::builder()
        .add_tsv("one.tsv", OK)
        .add_tsv("two.tsv", format!("# header\n{OK}"))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "two.tsv:2: duplicate id \"a:1\", first used by one.tsv:1"
    );
    let err = Gazetteer::builder()
        .add_entry(Entry::new("a:1", "Shebekino", EntityType::Place))
        .add_tsv("two.tsv", OK)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "two.tsv:1: duplicate id \"a:1\", first used by an entry added with add_entry"
    );
    let err = Gazetteer::builder()
        .add_tsv("one.tsv", OK)
        .add_entry(Entry::new("a:1", "Shebekino", EntityType::Place))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate id \"a:1\", first used by one.tsv:1"
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_id() {
    let g = Gazetteer::builder()
        .add_tsv("g.tsv", format!("\u{feff}{OK}"))
        .build()
        .unwrap();
    assert_eq!(g.entries().next().unwrap().id, "a:1");
}

#[test]
fn odd_but_valid_names_do_not_break_analysis() {
    let tsv = "a:1\t.\tplace\t\t\t\t\t\t\n\
               a:2\t“\tperson\t\t'|\"|’\t\t\t\t\n\
               a:3\t\u{0}\tgroup\t\t\u{feff}|\u{200d}\t\t\t\tnocase\n\
               a:4\tSaid\tperson\t\tsaid|SAID\t\t\t\tnocase\n\
               a:5\té\tplace\t\te\u{301}\t\t\t\t\n";
    let e = Extractor::builder()
        .default_gazetteer(false)
        .add_gazetteer_tsv("odd.tsv", tsv)
        .build()
        .unwrap();
    let text = "“Said said ‘.’” \u{0}é said. e\u{301} \u{feff}\u{200d}";
    let a = e.analyze(text);
    for m in a.entities.iter().flat_map(|e| &e.mentions) {
        assert_eq!(&text[m.span], m.text);
    }
}

#[test]
fn a_million_lines_report_the_bad_last_one() {
    let mut tsv = String::with_capacity(40_000_000);
    for i in 0..1_000_000 {
        tsv.push_str(&format!("m:{i}\tName{i}\tplace\t\t\t\t\t\t\n"));
    }
    tsv.push_str("m:x\tName\tplace\n");
    let err = error(&tsv);
    assert_eq!(err.line(), Some(1_000_001));
    assert_eq!(
        err.to_string(),
        "g.tsv:1000001: expected 9 tab-separated columns, found 3"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = Gazetteer::builder()
        .add_file("no/such/dir/g.tsv")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().starts_with("no/such/dir/g.tsv: "), "{err}");
}

#[test]
fn added_entries_rank_among_the_embedded_ones_of_their_name() {
    let e = Extractor::builder()
        .add_gazetteer_tsv(
            "mine.tsv",
            "my:big\tMoscow\tplace\tcity\t\tXX\t99000000\t\t\n\
             my:small\tMoscow\tplace\tcity\t\tXX\t1\t\t\n\
             my:farm\tNovaya Tavolshanka Farm\tgroup\tcompany\t\tRU\t\t\t\n",
        )
        .build()
        .unwrap();
    let g = e.gazetteer();
    assert_eq!(g.len(), Extractor::new().gazetteer().len() + 3);
    let ids: Vec<&str> = g.lookup("Moscow").map(|e| &*e.id).collect();
    assert_eq!(ids[..2], ["my:big", "geonames:524901"]);
    assert_eq!(ids.last(), Some(&"my:small"));
    let a = e.analyze("Officials in Moscow said Novaya Tavolshanka Farm was hit.");
    let linked: Vec<Option<&str>> = a
        .entities
        .iter()
        .map(|e| e.gazetteer_id.as_deref())
        .collect();
    assert_eq!(linked, [Some("my:big"), Some("my:farm")]);
}

#[test]
fn an_added_id_already_embedded_names_the_embedded_line() {
    let err = Extractor::builder()
        .add_gazetteer_tsv("mine.tsv", "geonames:524901\tMoscow\tplace\t\t\t\t\t\t\n")
        .build()
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(
            "mine.tsv:1: duplicate id \"geonames:524901\", first used by gazetteers/places.tsv:"
        ),
        "{message}"
    );
}
