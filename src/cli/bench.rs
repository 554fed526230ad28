//! `sayso bench`: throughput and time per stage on the user's own corpus.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sayso::{Extractor, StageTimes};

use super::Fatal;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A plain-text file (one document), or with --jsonl a JSON Lines file
    /// of documents. Read whole into memory before timing starts.
    file: PathBuf,
    /// Read FILE as JSON Lines with the text in --text-field.
    #[arg(long)]
    jsonl: bool,
    /// The field holding the text in JSON Lines.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// Run over the corpus until at least this many seconds have passed.
    #[arg(long, default_value_t = 3.0, value_name = "SECONDS")]
    seconds: f64,
}

pub fn run(args: &Args) -> Result<ExitCode, Fatal> {
    let raw = std::fs::read(&args.file)
        .map_err(|e| Fatal::Message(format!("{}: {e}", args.file.display())))?;
    let docs = documents(args, &raw)?;
    let bytes: usize = docs.iter().map(String::len).sum();
    if bytes == 0 {
        return Err(Fatal::Message(format!(
            "{}: no text to time",
            args.file.display()
        )));
    }

    let start = Instant::now();
    let extractor = Extractor::new();
    let ready = start.elapsed();

    let mut times = StageTimes::default();
    // Each pass's time as well as the sum: on a shared machine one slow
    // spell drags the mean, and the spread of the passes shows it.
    let mut pass_times = Vec::new();
    let mut passes = 0u32;
    let budget = Duration::from_secs_f64(args.seconds.max(0.0));
    let clock = Instant::now();
    while passes == 0 || clock.elapsed() < budget {
        let mut pass = StageTimes::default();
        for doc in &docs {
            pass += extractor.analyze_timed(doc).1;
        }
        times += pass;
        pass_times.push(pass.total().as_secs_f64());
        passes += 1;
    }

    let mb = bytes as f64 * f64::from(passes) / 1e6;
    let total = times.total().as_secs_f64();
    println!(
        "{}: {} documents, {:.2} MB, {} passes on one thread",
        args.file.display(),
        docs.len(),
        bytes as f64 / 1e6,
        passes
    );
    println!("extractor ready in {:.0} ms", ready.as_secs_f64() * 1e3);
    println!(
        "whole pipeline: {:.1} MB/s, {:.0} docs/s",
        mb / total,
        docs.len() as f64 * f64::from(passes) / total
    );
    let (median, slowest, fastest) = spread(&mut pass_times);
    let pass_mb = bytes as f64 / 1e6;
    println!(
        "per pass: median {:.1} MB/s, slowest {:.1}, fastest {:.1}",
        pass_mb / median.max(f64::MIN_POSITIVE),
        pass_mb / slowest.max(f64::MIN_POSITIVE),
        pass_mb / fastest.max(f64::MIN_POSITIVE)
    );
    println!(
        "{:<12} {:>10} {:>8} {:>10}",
        "stage", "seconds", "share", "MB/s"
    );
    for (name, t) in [
        ("text", times.text),
        ("gazetteer", times.gazetteer),
        ("entities", times.entities),
        ("quotes", times.quotes),
        ("claims", times.claims),
    ] {
        let s = t.as_secs_f64();
        println!(
            "{name:<12} {s:>10.3} {:>7.1}% {:>10.1}",
            100.0 * s / total,
            mb / s.max(f64::MIN_POSITIVE)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The median, longest and shortest of `seconds`, at least one.
fn spread(seconds: &mut [f64]) -> (f64, f64, f64) {
    seconds.sort_unstable_by(f64::total_cmp);
    let n = seconds.len();
    let median = if n % 2 == 1 {
        seconds[n / 2]
    } else {
        (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0
    };
    (median, seconds[n - 1], seconds[0])
}

fn documents(args: &Args, raw: &[u8]) -> Result<Vec<String>, Fatal> {
    let name = args.file.display();
    let text = std::str::from_utf8(raw).map_err(|e| {
        Fatal::Message(format!("{name}: invalid UTF-8 at byte {}", e.valid_up_to()))
    })?;
    if !args.jsonl {
        return Ok(vec![text.to_string()]);
    }
    let mut docs = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Fatal::Message(format!("{name}:{}: {e}", i + 1)))?;
        match value.get(&args.text_field).and_then(|t| t.as_str()) {
            Some(t) => docs.push(t.to_string()),
            None => {
                return Err(Fatal::Message(format!(
                    "{name}:{}: no string field {:?}",
                    i + 1,
                    args.text_field
                )))
            }
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn spread_of_passes() {
        for (mut seconds, want) in [
            (vec![2.0], (2.0, 2.0, 2.0)),
            (vec![3.0, 1.0], (2.0, 3.0, 1.0)),
            (vec![0.5, 4.0, 1.5], (1.5, 4.0, 0.5)),
            (vec![1.0, 9.0, 2.0, 3.0], (2.5, 9.0, 1.0)),
        ] {
            assert_eq!(spread(&mut seconds), want);
        }
    }
}
