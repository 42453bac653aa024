//! `newsdesk templates …`: the article templates "New article" offers.

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, Result};
use clap::Subcommand;
use newsdesk_core::TemplateSource;

use crate::{open, print_json};

/// `newsdesk templates …`
#[derive(Subcommand)]
pub(crate) enum TemplatesCmd {
    /// List the templates: built-ins and the data folder's templates/*.json. Files that
    /// cannot be used are reported on stderr; the others are still listed.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print a template in the file format (a starting point for a newsroom template).
    Show { key: String },
}

pub(crate) fn run(dir: Option<&Path>, cmd: TemplatesCmd) -> Result<()> {
    let store = open(dir)?;
    let catalog = store.templates();
    match cmd {
        TemplatesCmd::List { json } => {
            if json {
                print_json(&catalog)?;
            } else {
                let mut out = std::io::stdout().lock();
                for t in &catalog.templates {
                    let source = match &t.source {
                        TemplateSource::BuiltIn => "built-in".to_owned(),
                        TemplateSource::File { file } => format!("templates/{file}"),
                    };
                    writeln!(out, "{:<20} {}  ({source})", t.key, t.name)?;
                }
            }
            let mut err = std::io::stderr().lock();
            for p in &catalog.problems {
                writeln!(err, "warning: templates/{}: {}", p.file, p.message)?;
            }
        }
        TemplatesCmd::Show { key } => {
            let t = catalog.get(&key).ok_or_else(|| {
                anyhow!("there is no template '{key}' (see `newsdesk templates list`)")
            })?;
            print!("{}", t.to_file());
        }
    }
    Ok(())
}
