//! `newsdesk bundle …`: send articles to another laptop as a `.ndbundle` file, and
//! receive one: the plan (what it holds and what it will change) is printed first, then
//! the merge runs, unless `--dry-run`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdesk_bundle::{
    bundle_key, export_to, send_to_desk, waiting, Bundle, BundleManifest, BundleProgress, Limits,
};
use newsdesk_photo::PhotoFiles;
use newsdesk_store::{ArticleChange, MergePlan, Store};
use serde::Serialize;

use crate::{parse_id, print_json};

#[derive(Subcommand)]
pub(crate) enum BundleCmd {
    /// Write articles with their whole history, people and photos to one bundle file.
    Export {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// The bundle to write (must not exist yet), e.g. for-editor.ndbundle. Without it,
        /// `--to` drops the bundle into this profile's watch folder (`Send to desk`).
        #[arg(long, value_name = "FILE", required_unless_present = "to")]
        out: Option<PathBuf>,
        /// The profile the bundle is addressed to: its watch folder offers it to them.
        #[arg(long, value_name = "PROFILE")]
        to: Option<String>,
    },
    /// Show or set the shared folder the current profile watches for bundles sent to it.
    Watch {
        folder: Option<PathBuf>,
        /// Stop watching.
        #[arg(long, conflicts_with = "folder")]
        clear: bool,
    },
    /// List the bundles in the watch folder addressed to the current profile and not
    /// imported here yet.
    Waiting {
        #[arg(long)]
        json: bool,
    },
    /// Check a bundle, print what it holds and will change, then merge it.
    Import {
        file: PathBuf,
        /// Only print the plan; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the manifest and the plan as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// What `bundle import --json` prints.
#[derive(Serialize)]
struct ImportReport<'a> {
    manifest: &'a BundleManifest,
    plan: &'a MergePlan,
    /// Whether the merge was written (false for `--dry-run`).
    imported: bool,
}

fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {wide_msg}")
            .expect("valid template"),
    );
    bar
}

fn on_progress(bar: &ProgressBar) -> impl FnMut(&BundleProgress) + '_ {
    |p| {
        bar.set_length(p.total);
        bar.set_position(p.done);
        bar.set_message(p.entry.clone());
    }
}

fn open_desk(dir: Option<&Path>) -> Result<(Store, PhotoFiles)> {
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    let store = crate::open_store(&dir)?;
    let files = PhotoFiles::open(&dir)?;
    Ok((store, files))
}

pub(crate) fn run(dir: Option<&Path>, cmd: BundleCmd) -> Result<()> {
    let (mut store, files) = open_desk(dir)?;
    match cmd {
        BundleCmd::Export { ids, out, to } => {
            let ids = ids
                .iter()
                .map(|s| parse_id(s))
                .collect::<Result<Vec<_>>>()?;
            let bar = progress_bar(0);
            let (out, manifest) = match (out, to) {
                (Some(out), to) => {
                    let m = export_to(&store, &files, &ids, &out, to.as_deref(), on_progress(&bar))
                        .with_context(|| {
                            format!("the bundle '{}' was not written", out.display())
                        })?;
                    (out, m)
                }
                (None, Some(to)) => {
                    let folder = store.watch_folder()?.context(
                        "this profile has no watch folder: set one with `newsdesk bundle watch FOLDER`, or give --out",
                    )?;
                    send_to_desk(
                        &store,
                        &files,
                        &ids,
                        Path::new(&folder),
                        &to,
                        on_progress(&bar),
                    )
                    .with_context(|| format!("the bundle was not written into '{folder}'"))?
                }
                (None, None) => unreachable!("clap requires --out or --to"),
            };
            bar.finish_and_clear();
            println!(
                "{}  {} articles, {} entries, {} bytes",
                out.display(),
                manifest.articles.len(),
                manifest.entries.len(),
                manifest.total_bytes()
            );
        }
        BundleCmd::Import {
            file,
            dry_run,
            json,
        } => {
            let bar = progress_bar(0);
            let bundle = Bundle::open(&file, &Limits::default(), on_progress(&bar));
            bar.finish_and_clear();
            let bundle = bundle?;
            let plan = bundle.plan(&mut store)?;
            if !json {
                print_plan(bundle.manifest(), &plan)?;
            }
            let imported = !dry_run && !plan.changes_nothing();
            let plan = if imported {
                let bar = progress_bar(0);
                let done = bundle.import(&mut store, &files, on_progress(&bar));
                bar.finish_and_clear();
                done?
            } else {
                plan
            };
            if json {
                print_json(&ImportReport {
                    manifest: bundle.manifest(),
                    plan: &plan,
                    imported,
                })?;
            } else if dry_run {
                println!("dry run: nothing was written");
            } else if !imported {
                // Nothing new, but received: a watch folder does not offer it again.
                store
                    .remember_bundle(&bundle_key(bundle.manifest()), &file.display().to_string())?;
                println!("nothing to import: everything in the bundle is already here");
            } else {
                println!("imported");
                if plan.conflicts() > 0 {
                    println!(
                        "{} article(s) were edited on both laptops: open them to resolve the conflict",
                        plan.conflicts()
                    );
                }
            }
        }
        BundleCmd::Watch { folder, clear } => {
            if clear {
                store.set_watch_folder(None)?;
            } else if let Some(folder) = folder {
                let folder = std::path::absolute(&folder)?;
                store.set_watch_folder(Some(&folder.display().to_string()))?;
            }
            match store.watch_folder()? {
                Some(f) => println!("{f}"),
                None => println!("no watch folder"),
            }
        }
        BundleCmd::Waiting { json } => {
            let profile = store
                .current_profile()?
                .context("no profile: add one with `newsdesk profile add NAME`")?;
            let folder = store.watch_folder()?.context(
                "this profile has no watch folder: set one with `newsdesk bundle watch FOLDER`",
            )?;
            let list = waiting(
                Path::new(&folder),
                &profile.name,
                |k| store.bundle_received(k).unwrap_or(false),
                &Limits::default(),
            )?;
            if json {
                print_json(&list)?;
            } else {
                for w in &list {
                    let heads: Vec<&str> = w
                        .manifest
                        .articles
                        .iter()
                        .map(|a| a.headline.as_str())
                        .collect();
                    println!(
                        "{}  from {}  {}",
                        w.path,
                        w.manifest.source(),
                        heads.join(" | ")
                    );
                }
            }
        }
    }
    Ok(())
}

fn print_plan(m: &BundleManifest, plan: &MergePlan) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let who = match (&m.sender.profile, &m.sender.role) {
        (Some(p), Some(r)) => format!("{p} ({r})"),
        (Some(p), None) => p.clone(),
        _ => "an unnamed sender".into(),
    };
    writeln!(
        out,
        "bundle from {who}, {}: {} article(s)",
        m.created_at.format("%Y-%m-%d %H:%M UTC"),
        m.articles.len()
    )?;
    for a in &plan.articles {
        let change = match a.change {
            ArticleChange::New => "new",
            ArticleChange::Updated => "updated",
            ArticleChange::Conflict => "conflict",
            ArticleChange::History => "history",
            ArticleChange::Unchanged => "unchanged",
        };
        writeln!(
            out,
            "  {change:<10} {}  {}  (+{} revisions, +{} photos placed, +{} status changes)",
            a.id, a.headline, a.new_revisions, a.new_placements, a.new_status_changes
        )?;
    }
    writeln!(
        out,
        "photos: {} new, {} already here",
        plan.new_photos, plan.known_photos
    )?;
    let names = |v: &[String]| {
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.join(", ")
        }
    };
    writeln!(
        out,
        "people: added {}; updated {}; other version recorded {}",
        names(&plan.people_added),
        names(&plan.people_updated),
        names(&plan.people_recorded)
    )?;
    Ok(())
}
