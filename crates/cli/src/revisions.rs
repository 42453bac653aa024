//! `newsdesk revisions …`: list, restore and compare revisions.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};

use crate::{author, open, parse_id, print_json, RevisionsArgs, RevisionsCmd};

pub fn run(dir: Option<&Path>, args: RevisionsArgs) -> Result<()> {
    let mut store = open(dir)?;
    match (args.id, args.action) {
        (Some(id), None) => {
            let revs = store.revisions(parse_id(&id)?)?;
            if args.json {
                print_json(&revs)?;
            } else {
                let settings = store.settings()?;
                let tz = settings.tz()?;
                for r in revs {
                    let version = r
                        .version
                        .map(|v| format!("v{v}"))
                        .unwrap_or_else(|| "-".into());
                    let label = r.label.map(|l| format!(" \"{l}\"")).unwrap_or_default();
                    println!(
                        "{}  {:<4} {:<8} {}  {}{label}",
                        r.id,
                        version,
                        format!("{:?}", r.kind).to_lowercase(),
                        newsdesk_core::short_time(r.created_at, tz, settings.language),
                        r.author
                    );
                }
            }
        }
        (None, Some(RevisionsCmd::Show { rev, json })) => {
            let r = store.revision(parse_id(&rev)?)?;
            if json {
                print!("{}", newsdesk_core::ArticleFile::write(&r.article));
            } else {
                let lang = store.settings()?.language;
                println!("{}", newsdesk_core::diff::comparable_text(&r.article, lang));
            }
        }
        (None, Some(RevisionsCmd::Restore { id, rev })) => {
            let a = store.restore_revision(parse_id(&id)?, parse_id(&rev)?, &author(&store)?)?;
            println!("v{}", a.version);
        }
        (None, Some(RevisionsCmd::Diff { old, new, json })) => {
            let lang = store.settings()?.language;
            let chunks = store.diff(parse_id(&old)?, parse_id(&new)?, lang)?;
            if json {
                print_json(&chunks)?;
            } else {
                let mut out = std::io::stdout().lock();
                for c in chunks {
                    match c.op {
                        newsdesk_core::DiffOp::Equal => write!(out, "{}", c.text)?,
                        newsdesk_core::DiffOp::Delete => write!(out, "[-{}-]", c.text)?,
                        newsdesk_core::DiffOp::Insert => write!(out, "{{+{}+}}", c.text)?,
                    }
                }
                writeln!(out)?;
            }
        }
        _ => bail!("name an article: newsdesk revisions ID"),
    }
    Ok(())
}
