//! `newsdesk photo …`: import photos (with progress on stderr and a per-file report),
//! list the library and show one photo.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdesk_core::Photo;
use newsdesk_photo::{import, ImportOptions, ImportResult, PhotoFiles, Size};
use newsdesk_store::{PhotoFilter, Store};

use crate::{author, parse_id, print_json};

#[derive(Subcommand)]
pub(crate) enum PhotoCmd {
    /// Import photo files (JPEG, PNG, WebP) into the library; prints a line per file.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Also place every photo at the end of this article.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        /// Print the per-file report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the library, newest imports first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one photo: its metadata and where its files are.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

/// Opens the store and the photo files, mending what an interrupted import left.
fn open_desk(dir: Option<&Path>) -> Result<(Store, PhotoFiles)> {
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    let mut store = crate::open_store(&dir)?;
    let files = PhotoFiles::open(&dir)?;
    let r = files.recover(&mut store)?;
    for id in &r.missing_originals {
        eprintln!("warning: the original of photo {id} is missing from the photo store");
    }
    Ok((store, files))
}

pub(crate) fn run(dir: Option<&Path>, cmd: PhotoCmd) -> Result<ExitCode> {
    let (mut store, files) = open_desk(dir)?;
    match cmd {
        PhotoCmd::Import {
            files: paths,
            article,
            json,
        } => {
            let opts = ImportOptions {
                article: article.as_deref().map(parse_id).transpose()?,
                author: author(&store)?,
                ..ImportOptions::default()
            };
            let bar = ProgressBar::with_draw_target(
                Some(paths.len() as u64),
                ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                    .expect("valid template"),
            );
            let outcomes = import(&mut store, &files, &paths, &opts, |p| {
                bar.set_position(u64::from(p.done));
                bar.set_message(p.file.clone());
            })?;
            bar.finish_and_clear();
            let failed = outcomes
                .iter()
                .filter(|o| matches!(o.result, ImportResult::Failed { .. }))
                .count();
            if json {
                print_json(&outcomes)?;
            } else {
                let mut out = std::io::stdout().lock();
                for o in &outcomes {
                    match &o.result {
                        ImportResult::Imported { photo, .. } => {
                            writeln!(out, "imported   {}  {}", photo.id, o.file)?
                        }
                        ImportResult::Duplicate { photo, .. } => {
                            writeln!(out, "duplicate  {}  {}", photo.id, o.file)?
                        }
                        ImportResult::Failed { message, .. } => {
                            writeln!(out, "failed     {}: {message}", o.file)?
                        }
                    }
                }
            }
            if failed > 0 {
                eprintln!(
                    "error: {failed} of {} files were not imported",
                    outcomes.len()
                );
                return Ok(ExitCode::FAILURE);
            }
        }
        PhotoCmd::List { json } => {
            let photos = store.photos(&PhotoFilter::default())?;
            if json {
                print_json(&photos)?;
            } else {
                let mut out = std::io::stdout().lock();
                for p in photos {
                    writeln!(
                        out,
                        "{}  {:>5}×{:<5}  {:<19}  {:<20}  {}",
                        p.id,
                        p.width,
                        p.height,
                        p.meta.taken_at.as_deref().unwrap_or("-"),
                        p.meta.creator.as_deref().unwrap_or("-"),
                        p.meta.description.as_deref().unwrap_or(&p.original_name)
                    )?;
                }
            }
        }
        PhotoCmd::Show { id, json } => {
            let photo = store.photo(parse_id(&id)?)?;
            if json {
                print_json(&photo)?;
            } else {
                print_photo(&photo, &files)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_photo(p: &Photo, files: &PhotoFiles) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let m = &p.meta;
    let rows: [(&str, Option<String>); 14] = [
        ("id", Some(p.id.to_string())),
        ("file", Some(p.original_name.clone())),
        (
            "size",
            Some(format!("{}×{} {}", p.width, p.height, p.format.as_str())),
        ),
        ("description", m.description.clone()),
        ("headline", m.headline.clone()),
        ("creator", m.creator.clone()),
        ("credit", m.credit.clone()),
        ("copyright", m.copyright.clone()),
        ("alt text", m.alt_text.clone()),
        ("taken", m.taken_at.clone()),
        ("place", m.place()),
        ("camera", m.camera.clone()),
        (
            "gps",
            m.gps
                .map(|g| format!("{:.6}, {:.6}", g.latitude, g.longitude)),
        ),
        ("sha256", Some(p.sha256.clone())),
    ];
    for (k, v) in rows {
        if let Some(v) = v {
            writeln!(out, "{k:<12} {v}")?;
        }
    }
    writeln!(out, "{:<12} {}", "original", files.original_of(p).display())?;
    for size in Size::ALL {
        writeln!(
            out,
            "{:<12} {}",
            format!("{} px", size.long_side()),
            files.rendition_path(&p.sha256, size).display()
        )?;
    }
    Ok(())
}
