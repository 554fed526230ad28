fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let a = sayso::Extractor::new().analyze(&text);
    for e in &a.entities {
        let m: Vec<String> = e.mentions.iter().map(|m| format!("{}@{}", m.text, m.span.start)).collect();
        println!("{:>3} {:6} {:35} {:?} | {}", e.id.index(), e.kind.as_str(), e.name, e.gazetteer_id, m.join(", "));
    }
}
