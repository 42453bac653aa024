//! `newsdesk target …`, `newsdesk publish` and `newsdesk withdraw`: publish targets
//! (websites) and putting articles on them. Passwords go to the OS keyring or, where
//! none answers, to the encrypted vault file (password from NEWSDESK_VAULT_PASSWORD).

use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdesk_publish::secret::Secrets;
use newsdesk_publish::{PublishOptions, Published, TargetInput};
use newsdesk_store::Store;

use crate::{parse_id, print_json};

/// `newsdesk target`.
#[derive(Subcommand)]
pub enum TargetCmd {
    /// Add (or change) a website to publish to. The application password is read from
    /// standard input, or NEWSDESK_TARGET_PASSWORD.
    Add {
        name: String,
        /// The site's address, e.g. https://example.vn
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
        /// The kind of site.
        #[arg(long, value_enum, default_value = "wordpress")]
        kind: KindArg,
    },
    /// Check reachability, credentials and the API version of a target.
    Test { name: String },
    /// List the targets (never their passwords).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a target, its stored password and its record of remote posts and media.
    Remove { name: String },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Wordpress,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// For readers: the article moves to published.
    Publish,
    /// A draft on the site, for a last look.
    Draft,
}

/// `newsdesk publish`.
#[derive(Args)]
pub struct PublishArgs {
    id: String,
    #[arg(long)]
    target: String,
    #[arg(long, value_enum, default_value = "publish")]
    status: StatusArg,
    /// The profile acting (default: the current profile).
    #[arg(long = "as", value_name = "PROFILE")]
    as_profile: Option<String>,
    #[arg(long)]
    json: bool,
}

/// `newsdesk withdraw`.
#[derive(Args)]
pub struct WithdrawArgs {
    id: String,
    #[arg(long)]
    target: String,
    #[arg(long = "as", value_name = "PROFILE")]
    as_profile: Option<String>,
    #[arg(long)]
    json: bool,
}

fn open_with_secrets(dir: Option<&Path>) -> Result<(Store, Secrets, std::path::PathBuf)> {
    let dir = newsdesk_store::data_dir::resolve(dir)?;
    let store = crate::open_store(&dir)?;
    let vault_password = std::env::var("NEWSDESK_VAULT_PASSWORD").ok();
    let prefer_vault = std::env::var("NEWSDESK_SECRET_STORE").is_ok_and(|v| v == "vault");
    Ok((store, Secrets::new(&dir, vault_password, prefer_vault), dir))
}

fn read_password() -> Result<String> {
    if let Ok(p) = std::env::var("NEWSDESK_TARGET_PASSWORD") {
        return Ok(p);
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("application password: ");
    }
    let mut s = String::new();
    stdin
        .read_to_string(&mut s)
        .context("reading the application password from standard input")?;
    let p = s.trim_end_matches(['\r', '\n']).to_owned();
    if p.is_empty() {
        bail!("no application password: pipe it on standard input or set NEWSDESK_TARGET_PASSWORD");
    }
    Ok(p)
}

/// The error in the newsroom's language when it is a publishing error.
fn explain(store: &Store, e: newsdesk_publish::Error) -> anyhow::Error {
    let lang = store.settings().map(|s| s.language).unwrap_or_default();
    anyhow!("{} [{}]", e.message(lang), e.code())
}

pub fn target(dir: Option<&Path>, cmd: TargetCmd) -> Result<()> {
    let (mut store, secrets, _) = open_with_secrets(dir)?;
    match cmd {
        TargetCmd::Add {
            name,
            url,
            user,
            kind: KindArg::Wordpress,
        } => {
            newsdesk_publish::normalise_url(&url).map_err(|e| explain(&store, e))?;
            let password = read_password()?;
            let saved = newsdesk_publish::save_target(
                &mut store,
                &secrets,
                &TargetInput {
                    name,
                    url,
                    user,
                    kind: "wordpress".into(),
                },
                Some(&password),
            )
            .map_err(|e| explain(&store, e))?;
            if let Some(why) = saved.no_keyring {
                eprintln!(
                    "no keyring answered ({why}); the password is kept encrypted in {}",
                    secrets.vault_path().display()
                );
            }
            println!("{}\t{}", saved.target.name, saved.target.secret_store);
        }
        TargetCmd::Test { name } => {
            let r = newsdesk_publish::test_target(&store, &secrets, &name)
                .map_err(|e| explain(&store, e))?;
            println!("ok\t{}\t{}\t{}", r.api, r.site, r.user);
        }
        TargetCmd::List { json } => {
            let all = store.targets()?;
            if json {
                print_json(&all)?;
            } else {
                for t in all {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        t.name, t.kind, t.url, t.user, t.secret_store
                    );
                }
            }
        }
        TargetCmd::Remove { name } => {
            newsdesk_publish::remove_target(&mut store, &secrets, &name)
                .map_err(|e| explain(&store, e))?;
        }
    }
    Ok(())
}

fn print_published(p: &Published, json: bool) -> Result<()> {
    if json {
        print_json(p)
    } else {
        println!("{}\t{}\t{}", p.remote_id, p.url, p.status);
        Ok(())
    }
}

pub fn publish(dir: Option<&Path>, args: PublishArgs) -> Result<()> {
    let (mut store, secrets, data_dir) = open_with_secrets(dir)?;
    let id = parse_id(&args.id)?;
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}").expect("valid template"),
    );
    let result = newsdesk_publish::publish(
        &mut store,
        &secrets,
        &data_dir,
        id,
        &PublishOptions {
            target: &args.target,
            live: matches!(args.status, StatusArg::Publish),
            profile: args.as_profile.as_deref(),
        },
        &mut |p| {
            bar.set_length(u64::from(p.total));
            bar.set_position(u64::from(p.done));
            bar.set_message(p.step);
        },
    );
    bar.finish_and_clear();
    let p = result.map_err(|e| explain(&store, e))?;
    eprintln!("{} photo(s) uploaded, {} reused", p.uploaded, p.reused);
    print_published(&p, args.json)
}

pub fn withdraw(dir: Option<&Path>, args: WithdrawArgs) -> Result<()> {
    let (mut store, secrets, _) = open_with_secrets(dir)?;
    let id = parse_id(&args.id)?;
    let p = newsdesk_publish::withdraw(
        &mut store,
        &secrets,
        id,
        &args.target,
        args.as_profile.as_deref(),
    )
    .map_err(|e| explain(&store, e))?;
    print_published(&p, args.json)
}
