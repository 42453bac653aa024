//! `newsdesk`: the command line front end. Argument parsing and printing only; every
//! rule lives in the library crates. Errors go to stderr and exit 1; usage errors exit 2.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};

mod article;
mod bundle;
mod export;
mod people;
mod photo;
mod proof;
mod publish;
mod revisions;
mod search;
mod settings;
mod templates;
mod workflow;
use clap::{Args, Parser, Subcommand, ValueEnum};
use newsdesk_core::{dateline, Lang};
use newsdesk_store::Store;
use uuid::Uuid;

#[derive(Parser)]
#[command(
    name = "newsdesk",
    version,
    about = "Newsdesk from the command line: articles, revisions, the database."
)]
struct Cli {
    /// The data folder (default: $NEWSDESK_DATA_DIR, else the platform's app data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, list, show, import, export and trash articles.
    #[command(subcommand)]
    Article(ArticleCmd),
    /// List an article's revisions, or restore or compare them.
    Revisions(RevisionsArgs),
    /// Print the date line for an instant in the newsroom's time zone.
    Dateline {
        /// An instant in RFC 3339, e.g. 2017-03-07T23:53:00Z.
        instant: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Show or change newsroom settings.
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Check or back up the database.
    #[command(subcommand)]
    Db(DbCmd),
    /// The people directory: list, add, show, import a CSV, codes.
    #[command(subcommand)]
    People(people::PeopleCmd),
    /// The article templates: list them, print one in the file format.
    #[command(subcommand)]
    Templates(templates::TemplatesCmd),
    /// Search articles (and photos and people as they become searchable).
    Search(search::SearchArgs),
    /// Proof Vietnamese text from FILE or stdin: one finding per line (JSON lines with --json).
    Proof(proof::ProofArgs),
    /// Import photos, list the photo library, show a photo.
    #[command(subcommand)]
    Photo(photo::PhotoCmd),
    /// Move an article to another workflow state.
    Status(workflow::StatusArgs),
    /// Local profiles: add, list, use.
    #[command(subcommand)]
    Profile(workflow::ProfileCmd),
    /// Run the pre-publish checklist (exit 1 when something blocks).
    Check(workflow::CheckArgs),
    /// Export an article as HTML, Markdown, ninjs or a package.
    Export(export::ExportArgs),
    /// Send articles to another laptop as a bundle file, or receive one.
    #[command(subcommand)]
    Bundle(bundle::BundleCmd),
    /// Websites to publish to: add, test, list, remove.
    #[command(subcommand)]
    Target(publish::TargetCmd),
    /// Publish (or update) an approved article on a target; prints the remote id and URL.
    Publish(publish::PublishArgs),
    /// Take an article off a target (back to draft there).
    Withdraw(publish::WithdrawArgs),
}

#[derive(Subcommand)]
pub(crate) enum ArticleCmd {
    /// Create a draft and print its id.
    New {
        #[arg(long, required_unless_present = "template")]
        headline: Option<String>,
        /// Start from a template: news, qa, voices, photo, or a newsroom template's key.
        #[arg(long, value_name = "KEY")]
        template: Option<String>,
        /// A name for the byline (in the template's role); repeat for several.
        #[arg(long = "byline", value_name = "NAME")]
        bylines: Vec<String>,
        #[arg(long, default_value = "")]
        lead: String,
        /// Body text; paragraphs separated by blank lines.
        #[arg(long, conflicts_with = "template")]
        body: Option<String>,
    },
    /// List articles, newest first.
    List {
        #[arg(long)]
        json: bool,
        /// List the trash instead.
        #[arg(long, conflicts_with_all = ["status", "person"])]
        trash: bool,
        /// Only articles in this workflow state (draft, submitted, in_edit, …).
        #[arg(long)]
        status: Option<String>,
        /// Only articles this profile moved, or whose byline carries the name.
        #[arg(long)]
        person: Option<String>,
    },
    /// Show one article.
    Show {
        id: String,
        /// Print the documented article format instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Import an article file (the format `export-json` writes); prints the id.
    Import { file: PathBuf },
    /// Write the article file for an article to stdout (or --out FILE).
    ExportJson {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Move an article to the trash.
    Trash { id: String },
    /// Take an article out of the trash.
    Restore { id: String },
    /// Delete a trashed article and its history for good.
    Purge { id: String },
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct RevisionsArgs {
    /// The article whose revisions to list.
    id: Option<String>,
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    action: Option<RevisionsCmd>,
}

#[derive(Subcommand)]
pub(crate) enum RevisionsCmd {
    /// Print one revision: its text, or with --json its article file.
    Show {
        rev: String,
        #[arg(long)]
        json: bool,
    },
    /// Make an old revision the new head (as a new revision).
    Restore { id: String, rev: String },
    /// Word diff between two revisions, old first.
    Diff {
        old: String,
        new: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum SettingsCmd {
    /// Print the settings as JSON.
    Show,
    /// Change some settings.
    Set {
        #[arg(long)]
        paper_name: Option<String>,
        #[arg(long)]
        paper_tag: Option<String>,
        #[arg(long)]
        time_zone: Option<String>,
        #[arg(long, value_enum)]
        language: Option<LangArg>,
        #[arg(long)]
        lead_word_limit: Option<u32>,
        /// The label before an interviewer's question (default PV).
        #[arg(long)]
        interviewer_label: Option<String>,
        /// Shorten later photo credits of the same photographer in an article to initials.
        #[arg(long, value_name = "true|false")]
        credit_initials_on_repeat: Option<bool>,
    },
}

#[derive(Subcommand)]
enum DbCmd {
    /// Integrity and foreign-key check; exits 1 when a problem is found.
    Check,
    /// Write a consistent snapshot of the live database to FILE.
    Backup { file: PathBuf },
    /// Rebuild the search index from scratch (also done automatically after a migration
    /// that needs it).
    Reindex,
    /// Merge the search index's segments now (the app does it when the desk is idle;
    /// after many saves from scripts this keeps searches fast); prints "tidied in N steps".
    Tidy,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn open(dir: Option<&Path>) -> Result<Store> {
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    open_store(&dir)
}

/// Opens the store in a data folder. A rebuild of the search index that a migration asks
/// for (the first open after an upgrade; minutes for a large archive) is announced on
/// stderr and followed with a progress bar.
pub(crate) fn open_store(dir: &Path) -> Result<Store> {
    let mut bar = None;
    let store = Store::open_dir_with(dir, &mut |p| {
        // A new database asks for a rebuild too, of nothing.
        if p.total == 0 {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            eprintln!(
                "rebuilding the search index after an upgrade ({} items)…",
                p.total
            );
            reindex_bar(p.total)
        });
        bar.set_position(p.done);
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(store?)
}

/// A progress bar on stderr for a rebuild of the search index.
pub(crate) fn reindex_bar(total: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} indexed")
            .expect("valid template"),
    );
    bar
}

/// The operating-system user (`NEWSDESK_AUTHOR` overrides it, for scripts and tests).
pub(crate) fn os_user() -> String {
    std::env::var("NEWSDESK_AUTHOR")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "cli".into())
}

/// Who the revisions made here are attributed to: the current profile when one is
/// chosen (`newsdesk profile use`), otherwise the operating-system user.
pub(crate) fn author(store: &Store) -> Result<String> {
    Ok(store.author(&os_user())?)
}

pub(crate) fn parse_id(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s.trim())
        .map_err(|_| anyhow!("'{s}' is not an article or revision id (a UUID)"))
}

pub(crate) fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    let dir = cli.data_dir.as_deref();
    match cli.command {
        Command::Article(cmd) => article::run(dir, cmd)?,
        Command::Revisions(args) => revisions::run(dir, args)?,
        Command::Dateline { instant, lang } => {
            let store = open(dir)?;
            let settings = store.settings()?;
            let t = chrono::DateTime::parse_from_rfc3339(&instant).with_context(|| {
                format!("'{instant}' is not an RFC 3339 instant such as 2017-03-07T23:53:00Z")
            })?;
            let lang = lang.map(Lang::from).unwrap_or(settings.language);
            println!(
                "{}",
                dateline(t.with_timezone(&chrono::Utc), settings.tz()?, lang)
            );
        }
        Command::Settings(cmd) => settings::run(dir, cmd)?,
        Command::People(cmd) => people::run(dir, cmd)?,
        Command::Templates(cmd) => templates::run(dir, cmd)?,
        Command::Proof(args) => proof::run(args)?,
        Command::Photo(cmd) => return photo::run(dir, cmd),
        Command::Status(args) => workflow::status(dir, args)?,
        Command::Profile(cmd) => workflow::profile(dir, cmd)?,
        Command::Check(args) => {
            if !workflow::check(dir, args)? {
                return Err(anyhow!("the checklist has blocking findings"));
            }
        }
        Command::Export(args) => export::run(dir, args)?,
        Command::Bundle(cmd) => bundle::run(dir, cmd)?,
        Command::Target(cmd) => publish::target(dir, cmd)?,
        Command::Publish(args) => publish::publish(dir, args)?,
        Command::Withdraw(args) => publish::withdraw(dir, args)?,
        Command::Db(DbCmd::Check) => {
            let store = open(dir)?;
            let report = store.check()?;
            for m in &report.messages {
                println!("{m}");
            }
            if !report.ok {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Db(DbCmd::Reindex) => search::reindex(dir)?,
        Command::Db(DbCmd::Tidy) => search::tidy(dir)?,
        Command::Search(args) => search::run(dir, args)?,
        Command::Db(DbCmd::Backup { file }) => {
            let store = open(dir)?;
            store.snapshot(&file)?;
            println!("{}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
