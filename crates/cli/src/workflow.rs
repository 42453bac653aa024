//! `newsdesk status`, `newsdesk profile …` and `newsdesk check`: the workflow and the
//! pre-publish checklist.

use std::path::Path;

use anyhow::Result;
use clap::{Args, Subcommand};
use newsdesk_core::{ProfileRole, Severity, Status};

use crate::{open, parse_id, print_json};

/// `newsdesk status ID STATE [--as PROFILE]`.
#[derive(Args)]
pub struct StatusArgs {
    /// The article's id.
    id: String,
    /// draft, submitted, in_edit, approved, published, spiked or withdrawn.
    state: String,
    /// The profile making the change (default: the current profile).
    #[arg(long = "as", value_name = "PROFILE")]
    as_profile: Option<String>,
}

/// `newsdesk profile …`.
#[derive(Subcommand)]
pub enum ProfileCmd {
    /// Add a local profile (the first one becomes current).
    Add {
        name: String,
        /// reporter, photo_editor or editor.
        #[arg(long, default_value = "reporter")]
        role: String,
    },
    /// List the profiles; the current one is marked with `*`.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make a profile the current one.
    Use { name: String },
}

/// `newsdesk check ID [--json]`.
#[derive(Args)]
pub struct CheckArgs {
    id: String,
    #[arg(long)]
    json: bool,
}

pub fn status(dir: Option<&Path>, args: StatusArgs) -> Result<()> {
    let mut store = open(dir)?;
    let id = parse_id(&args.id)?;
    let to = Status::parse(&args.state)?;
    let head = store.article(id)?;
    let facts = store.figure_facts(&head, newsdesk_export::gather::output_width())?;
    let a = store.change_status(id, to, args.as_profile.as_deref(), &facts)?;
    println!("{} {} (version {})", a.id, a.status.as_str(), a.version);
    Ok(())
}

pub fn profile(dir: Option<&Path>, cmd: ProfileCmd) -> Result<()> {
    let mut store = open(dir)?;
    match cmd {
        ProfileCmd::Add { name, role } => {
            let p = store.add_profile(&name, ProfileRole::parse(&role)?)?;
            println!("{} {}", p.name, p.role.as_str());
        }
        ProfileCmd::List { json } => {
            let current = store.current_profile()?.map(|p| p.id);
            let all = store.profiles()?;
            if json {
                print_json(&all)?;
            } else {
                for p in all {
                    let mark = if Some(p.id) == current { "*" } else { " " };
                    println!("{mark} {}\t{}", p.name, p.role.as_str());
                }
            }
        }
        ProfileCmd::Use { name } => {
            let p = store.use_profile(&name)?;
            println!("now working as {} ({})", p.name, p.role.as_str());
        }
    }
    Ok(())
}

/// Prints the checklist; exits 1 when something blocks.
pub fn check(dir: Option<&Path>, args: CheckArgs) -> Result<bool> {
    let store = open(dir)?;
    let a = store.article(parse_id(&args.id)?)?;
    let width = newsdesk_export::gather::output_width();
    let c = store.checklist(&a, &store.figure_facts(&a, width)?, width)?;
    if args.json {
        print_json(&c)?;
    } else if c.findings.is_empty() {
        println!("ok: nothing to fix");
    } else {
        for f in &c.findings {
            let sev = match f.severity {
                Severity::Blocking => "blocking",
                Severity::Warning => "warning",
            };
            println!("{sev}\t{}\t{}\t{}", f.path, f.code, f.message);
        }
    }
    Ok(c.passes())
}
