//! `newsdesk export ID --format … --out DIR`: runs the checklist, writes the export,
//! prints progress on stderr and records it in the publish log.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use newsdesk_export::{ExportFormat, ExportOptions};

use crate::parse_id;

/// The formats on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Html,
    Md,
    Docx,
    Ninjs,
    Package,
}

/// `newsdesk export`.
#[derive(Args)]
pub struct ExportArgs {
    id: String,
    #[arg(long, value_enum)]
    format: FormatArg,
    /// The output folder (created when missing; refused when it holds files, unless --force).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// A package as one .zip file.
    #[arg(long)]
    zip: bool,
    /// Write into a folder that already holds files.
    #[arg(long)]
    force: bool,
    /// The profile recorded in the publish log (default: the current profile).
    #[arg(long = "as", value_name = "PROFILE")]
    as_profile: Option<String>,
}

pub fn run(dir: Option<&Path>, args: ExportArgs) -> Result<()> {
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    let mut store = newsdesk_store::Store::open_dir(&dir)?;
    let files = newsdesk_photo::PhotoFiles::open(&dir)?;
    let id = parse_id(&args.id)?;
    let (g, c) = match newsdesk_export::gather_checked(&store, &files, id) {
        Err(newsdesk_export::Error::Store(newsdesk_store::Error::Checklist(blocking))) => {
            for f in blocking {
                eprintln!("blocking: {} ({}): {}", f.path, f.code, f.message);
            }
            bail!("the pre-publish checklist blocks this export (see `newsdesk check {id}`)");
        }
        other => other?,
    };
    for f in c.findings.iter() {
        eprintln!("warning: {} ({}): {}", f.path, f.code, f.message);
    }
    let who = store
        .acting_profile(args.as_profile.as_deref())
        .map(|p| p.name)
        .unwrap_or_default();
    let format = match args.format {
        FormatArg::Html => ExportFormat::Html,
        FormatArg::Md => ExportFormat::Md,
        FormatArg::Docx => ExportFormat::Docx,
        FormatArg::Ninjs => ExportFormat::Ninjs,
        FormatArg::Package => ExportFormat::Package,
    };
    let report = newsdesk_export::export(
        &g.input(),
        &ExportOptions {
            out: args.out,
            format,
            zip: args.zip,
            force: args.force,
        },
        &mut |p| eprintln!("[{}/{}] {}", p.done, p.total, p.step),
    )?;
    let entry = store.log_export(
        &g.article,
        format.as_str(),
        &report.path.display().to_string(),
        &report.checksum,
        &who,
    )?;
    println!(
        "{}\t{}\tsha256:{}{}",
        format.as_str(),
        report.path.display(),
        report.checksum,
        if entry.is_update { "\tupdate" } else { "" }
    );
    Ok(())
}
