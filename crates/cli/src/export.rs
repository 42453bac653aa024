//! `newsdesk export ID --format … --out DIR`: runs the checklist, makes the missing
//! web renditions, writes the export, prints progress on stderr and records it in the
//! publish log.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use newsdesk_export::{ExportFormat, ExportOptions, NinjsVersion, Progress, RenderOptions};

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

/// The ninjs versions on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum NinjsArg {
    #[value(name = "2.2")]
    V2_2,
    #[value(name = "3.1")]
    V3_1,
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
    /// The ninjs version of the ninjs file, alone or in a package (default 2.2).
    #[arg(long, value_enum, value_name = "VERSION")]
    ninjs_version: Option<NinjsArg>,
    /// A package also carries each photo's original, credited like the web picture.
    #[arg(long)]
    originals: bool,
    /// The profile recorded in the publish log (default: the current profile).
    #[arg(long = "as", value_name = "PROFILE")]
    as_profile: Option<String>,
}

pub fn run(dir: Option<&Path>, args: ExportArgs) -> Result<()> {
    let format = match args.format {
        FormatArg::Html => ExportFormat::Html,
        FormatArg::Md => ExportFormat::Md,
        FormatArg::Docx => ExportFormat::Docx,
        FormatArg::Ninjs => ExportFormat::Ninjs,
        FormatArg::Package => ExportFormat::Package,
    };
    if args.originals && !matches!(format, ExportFormat::Package) {
        bail!("--originals goes with --format package (only a package carries the originals)");
    }
    if args.ninjs_version.is_some()
        && !matches!(format, ExportFormat::Ninjs | ExportFormat::Package)
    {
        bail!("--ninjs-version goes with --format ninjs or --format package");
    }
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    let mut store = crate::open_store(&dir)?;
    let files = newsdesk_photo::PhotoFiles::open(&dir)?;
    let id = parse_id(&args.id)?;
    let (mut g, c) = match newsdesk_export::read_checked(&store, &files, id) {
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
    let show = |p: Progress| eprintln!("[{}/{}] {}", p.done, p.total, p.step);
    g.make_renditions(&files, &mut |p| show(p))?;
    let render = RenderOptions {
        ninjs: match args.ninjs_version {
            None | Some(NinjsArg::V2_2) => NinjsVersion::V2_2,
            Some(NinjsArg::V3_1) => NinjsVersion::V3_1,
        },
        originals: args.originals,
    };
    let report = newsdesk_export::export(
        &g.input(),
        &ExportOptions {
            out: args.out,
            format,
            zip: args.zip,
            force: args.force,
            render,
        },
        &mut |p| show(p),
    )?;
    let entry = store.log_export(
        &g.article,
        &format.log_label(&render),
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
