//! `newsdesk proof [FILE|-] [--json]`: Vietnamese proofing of a text file or stdin, one
//! finding per line. Exits 0 whether or not anything is found; 1 only when the input
//! cannot be read (missing file, invalid UTF-8, too large).

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;
use newsdesk_proof::{proof, Config, Finding};
use serde::Serialize;

/// Larger inputs are refused rather than risk the memory of a shared machine.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

#[derive(Args)]
pub(crate) struct ProofArgs {
    /// The text file to proof; `-` or nothing reads stdin.
    file: Option<PathBuf>,
    /// Print JSON lines (one object per finding) instead of text.
    #[arg(long)]
    json: bool,
    /// House settings as JSON (the app's ProofConfig); missing fields take their defaults.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not use the system hunspell dictionary even when it is installed.
    #[arg(long)]
    no_dictionary: bool,
}

/// One JSON line: the finding, flattened so that scripts need not dig.
#[derive(Serialize)]
struct Line<'a> {
    rule: &'static str,
    severity: newsdesk_proof::Severity,
    start: usize,
    end: usize,
    start_char: usize,
    end_char: usize,
    line: usize,
    column: usize,
    text: &'a str,
    message: &'a str,
    message_vi: &'a str,
    suggestions: &'a [String],
    fix: Option<&'a str>,
}

impl<'a> From<&'a Finding> for Line<'a> {
    fn from(f: &'a Finding) -> Self {
        Line {
            rule: f.rule.id(),
            severity: f.severity,
            start: f.span.start,
            end: f.span.end,
            start_char: f.span.start_char,
            end_char: f.span.end_char,
            line: f.span.line,
            column: f.span.column,
            text: &f.text,
            message: &f.message_en,
            message_vi: &f.message_vi,
            suggestions: &f.suggestions,
            fix: f.fix.as_deref(),
        }
    }
}

fn read_input(file: Option<&PathBuf>) -> Result<(String, String)> {
    let (name, mut reader): (String, Box<dyn Read>) = match file {
        Some(p) if p.as_os_str() != "-" => {
            let f =
                std::fs::File::open(p).with_context(|| format!("cannot open '{}'", p.display()))?;
            (p.display().to_string(), Box::new(f))
        }
        _ => ("stdin".to_owned(), Box::new(std::io::stdin().lock())),
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {name}"))?;
    if bytes.len() as u64 > MAX_INPUT {
        bail!(
            "{name} is larger than {} MB; split it",
            MAX_INPUT / 1024 / 1024
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            bail!("{name} is not valid UTF-8 (first bad byte at offset {at}); convert it to UTF-8 first")
        }
    }
}

pub(crate) fn run(args: ProofArgs) -> Result<()> {
    let mut config = match &args.config {
        Some(p) => {
            let json = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read the settings file '{}'", p.display()))?;
            serde_json::from_str::<Config>(&json)
                .with_context(|| format!("'{}' is not valid proofing settings", p.display()))?
        }
        None => Config::default(),
    };
    if args.no_dictionary {
        config.use_system_dictionary = false;
    }
    let (name, text) = read_input(args.file.as_ref())?;
    let findings = proof(&text, &config);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for f in &findings {
        if args.json {
            serde_json::to_writer(&mut out, &Line::from(f))?;
            writeln!(out)?;
        } else {
            let sugg = if f.suggestions.is_empty() {
                String::new()
            } else {
                format!(" → {}", f.suggestions.join(" | "))
            };
            writeln!(
                out,
                "{name}:{}:{}: {:?} [{}] {}: “{}”{sugg}",
                f.span.line,
                f.span.column,
                f.severity,
                f.rule.id(),
                f.message_en,
                f.text
            )?;
        }
    }
    out.flush()?;
    if findings.len() >= config.max_findings as usize {
        eprintln!(
            "note: stopped after {} findings (max_findings)",
            findings.len()
        );
    }
    Ok(())
}
