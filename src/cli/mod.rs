//! The command line: argument parsing and dispatch to subcommands.
//!
//! Each subcommand lives in its own module and returns an exit status; only
//! errors that stop the whole run (a bad gazetteer, an unwritable output)
//! come back here as [`Fatal`].

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod bench;
mod eval_claims;
mod eval_ner;
mod extract;
mod input;
mod progress;
mod record;
mod score;

/// Fast rule-based extraction of named entities (people, groups, places) and
/// attributed claims (who said what) from English news text.
#[derive(Debug, Parser)]
#[command(name = "sayso", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Each subcommand has its own module and `run` function.
#[derive(Debug, Subcommand)]
enum Command {
    /// Extract entities, quotations and claims from plain-text files or JSON
    /// Lines, writing one JSON object per document to standard output.
    Extract(extract::ExtractArgs),
    /// Time the pipeline and each stage on your own corpus, one thread.
    Bench(bench::Args),
    /// Score sayso against gold annotations.
    #[command(subcommand)]
    Eval(Eval),
}

#[derive(Debug, Subcommand)]
enum Eval {
    /// Entities against CoNLL-style IOB gold (PER, ORG, LOC; MISC left out):
    /// precision, recall and F1 per type and overall, exact span and type.
    Ner(eval_ner::Args),
    /// Claims against brat standoff attribution gold laid out as PolNeAR is
    /// (DIR/text/NAME.txt, DIR/attributions/NAME_*.ann).
    Claims(eval_claims::Args),
}

/// An error that ends the run, as opposed to a bad input document, which is
/// answered by an error record and lets the run go on.
#[derive(Debug)]
enum Fatal {
    /// The reader of our output went away (`sayso ... | head`): not an error
    /// worth a message.
    BrokenPipe,
    Message(String),
}

impl From<std::io::Error> for Fatal {
    fn from(err: std::io::Error) -> Fatal {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Fatal::BrokenPipe
        } else {
            Fatal::Message(format!("cannot write output: {err}"))
        }
    }
}

/// The status when some input could not be analysed; usage errors get 2
/// (clap's convention).
const EXIT_INPUT_FAILED: u8 = 1;
const EXIT_FATAL: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Bench(args) => bench::run(&args),
        Command::Eval(Eval::Ner(args)) => eval_ner::run(&args).map_err(Fatal::Message),
        Command::Eval(Eval::Claims(args)) => eval_claims::run(&args).map_err(Fatal::Message),
    };
    match result {
        Ok(code) => code,
        Err(Fatal::BrokenPipe) => ExitCode::SUCCESS,
        Err(Fatal::Message(message)) => {
            // If stderr is gone too there is nobody left to tell.
            let _ = writeln!(std::io::stderr(), "sayso: {message}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}
