//! `newsdesk article …`: create, list, show, import, export and trash articles.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use newsdesk_core::byline::format_bylines;
use newsdesk_core::{dateline, Article, ArticleFile, NewArticle, Settings};

use crate::{author, open, parse_id, print_json, ArticleCmd};

pub fn run(dir: Option<&Path>, cmd: ArticleCmd) -> Result<()> {
    let mut store = open(dir)?;
    match cmd {
        ArticleCmd::New {
            headline,
            lead,
            body,
            template,
            bylines,
        } => {
            let new = match template {
                Some(key) => store.new_from_template(&key, &bylines)?,
                None => NewArticle {
                    body: body.map(|b| newsdesk_core::Document::from_plain_text(&b)),
                    bylines: bylines
                        .iter()
                        .map(|n| newsdesk_core::Byline::new(n, newsdesk_core::Role::Writer))
                        .collect(),
                    ..NewArticle::default()
                },
            };
            let a = store.create(
                NewArticle {
                    headline: headline.unwrap_or_default(),
                    lead,
                    ..new
                },
                &author(&store)?,
            )?;
            println!("{}", a.id);
        }
        ArticleCmd::List {
            json,
            trash,
            status,
            person,
        } => {
            let list = if status.is_some() || person.is_some() {
                store.list_filtered(&newsdesk_store::ListFilter {
                    status: status
                        .as_deref()
                        .map(newsdesk_core::Status::parse)
                        .transpose()?,
                    person,
                })?
            } else {
                store.list(trash)?
            };
            if json {
                print_json(&list)?;
            } else {
                let settings = store.settings()?;
                let tz = settings.tz()?;
                let mut out = std::io::stdout().lock();
                for a in list {
                    writeln!(
                        out,
                        "{}  {:<9}  {}  {}",
                        a.id,
                        a.status.as_str(),
                        newsdesk_core::short_time(a.updated_at, tz, settings.language),
                        if a.headline.is_empty() {
                            "(untitled)"
                        } else {
                            &a.headline
                        }
                    )?;
                }
            }
        }
        ArticleCmd::Show { id, json } => {
            let a = store.article(parse_id(&id)?)?;
            if json {
                print!("{}", ArticleFile::write(&a));
            } else {
                print_article(&a, &store.settings()?)?;
            }
        }
        ArticleCmd::Import { file } => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("cannot read '{}'", file.display()))?;
            let a = ArticleFile::read(&bytes)
                .with_context(|| format!("'{}' is not a valid article file", file.display()))?;
            let a = store.import(&a, &author(&store)?)?;
            println!("{}", a.id);
        }
        ArticleCmd::ExportJson { id, out } => {
            let a = store.article(parse_id(&id)?)?;
            let text = ArticleFile::write(&a);
            match out {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("cannot write '{}'", path.display()))?,
                None => print!("{text}"),
            }
        }
        ArticleCmd::Trash { id } => {
            store.trash(parse_id(&id)?)?;
        }
        ArticleCmd::Restore { id } => {
            store.untrash(parse_id(&id)?)?;
        }
        ArticleCmd::Purge { id } => store.purge(parse_id(&id)?)?,
    }
    Ok(())
}

fn print_article(a: &Article, s: &Settings) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", dateline(a.updated_at, s.tz()?, s.language))?;
    writeln!(out, "{}", a.headline)?;
    writeln!(out)?;
    writeln!(out, "{}{}", s.lead_prefix(), a.lead)?;
    writeln!(out)?;
    let body = a.body.plain_text();
    if !body.is_empty() {
        writeln!(out, "{body}")?;
        writeln!(out)?;
    }
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        writeln!(out, "{by}")?;
    }
    writeln!(out, "[{} · v{} · {}]", a.status.as_str(), a.version, a.id)?;
    // What the pre-publish check will refuse: template prompts and unfinished interviews.
    for p in a.placeholders() {
        writeln!(out, "placeholder left: {}: {}", p.path, p.prompt)?;
    }
    for f in a.findings() {
        let severity = match f.severity {
            newsdesk_core::Severity::Blocking => "to fix",
            newsdesk_core::Severity::Warning => "to check",
        };
        writeln!(out, "{severity}: {}: {} [{}]", f.path, f.message, f.code)?;
    }
    Ok(())
}
