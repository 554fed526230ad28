/*!
The `sayso` command-line tool: text files or JSON Lines in, JSON Lines out.

Run `sayso --help` or see the README for usage and the output schema.
*/

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
