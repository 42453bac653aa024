//! `newsdesk people …`: the people directory (list, add, show, import a CSV, record a
//! promotion, codes and their expansion).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use newsdesk_core::person_csv;
use newsdesk_core::{NewPerson, Person, Post, PostKind};
use newsdesk_store::Store;
use uuid::Uuid;

use crate::{open, print_json};

/// `newsdesk people …`
#[derive(Subcommand)]
pub(crate) enum PeopleCmd {
    /// List the directory by given name (or those matching --query).
    List {
        /// Only people whose name, short name, organisation or code matches.
        #[arg(long)]
        query: Option<String>,
        /// Only people who can be credited for photos.
        #[arg(long)]
        photographers: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add a person; prints the id.
    Add {
        /// Full name, e.g. "Nguyễn Văn Hùng".
        #[arg(long)]
        name: String,
        /// Đồng chí, Ông, Bà, …
        #[arg(long, default_value = "")]
        honorific: String,
        /// The label after the first mention, e.g. "Ông Hùng".
        #[arg(long = "short", default_value = "")]
        short_name: String,
        /// A title (party-committee rank and the like); repeat for several.
        #[arg(long = "title")]
        titles: Vec<String>,
        /// The position held.
        #[arg(long)]
        position: Option<String>,
        /// Since when the titles and position are held (2022-03-01 or 01/03/2022).
        #[arg(long)]
        since: Option<String>,
        #[arg(long = "org", default_value = "")]
        organisation: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// A code that expands to this person (e.g. nvh for \nvh); repeat for several.
        #[arg(long = "code")]
        codes: Vec<String>,
        /// Offer this person as a photo credit.
        #[arg(long)]
        photographer: bool,
    },
    /// Show a person (by id or code) with the titles and position held on a date.
    Show {
        /// A person id, or one of their codes (nvh or \nvh).
        who: String,
        /// The day to name them as of (default: today in the newsroom's time zone).
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Import people from a CSV file (columns: docs/people-csv.md). Good rows are
    /// imported; each broken row is reported by line number and the exit code is 1.
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Record a new title or position from a date; the open one of the same kind ends
    /// the day before.
    Promote {
        /// A person id or code.
        who: String,
        #[arg(long, value_enum, default_value = "position")]
        kind: KindArg,
        /// The new title or position, as printed.
        #[arg(long)]
        name: String,
        /// The first day it is held (2022-03-01 or 01/03/2022).
        #[arg(long)]
        from: String,
    },
    /// Remove a person from the directory (articles keep the names they print).
    Remove { who: String },
    /// Expand the codes in TEXT as of a date (default today).
    Expand {
        text: String,
        #[arg(long)]
        on: Option<String>,
    },
    /// List, set or remove code replacements.
    #[command(subcommand)]
    Codes(CodesCmd),
}

/// `newsdesk people codes …`
#[derive(Subcommand)]
pub(crate) enum CodesCmd {
    /// Every code with its person.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Give CODE to a person.
    Set { code: String, who: String },
    /// Remove CODE.
    Remove { code: String },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
    Title,
    Position,
}

impl From<KindArg> for PostKind {
    fn from(k: KindArg) -> PostKind {
        match k {
            KindArg::Title => PostKind::Title,
            KindArg::Position => PostKind::Position,
        }
    }
}

fn date(s: &str) -> Result<NaiveDate> {
    person_csv::parse_date(s)
        .map_err(|m| anyhow!(m))?
        .ok_or_else(|| anyhow!("a date is needed (write 2022-03-01 or 01/03/2022)"))
}

fn today(store: &Store) -> Result<NaiveDate> {
    Ok(store.settings()?.today()?)
}

fn day(store: &Store, on: Option<&str>) -> Result<NaiveDate> {
    match on {
        Some(s) => date(s),
        None => today(store),
    }
}

/// A person by id, or by code (with or without the `\`).
fn find(store: &Store, who: &str) -> Result<Person> {
    if let Ok(id) = Uuid::parse_str(who.trim()) {
        return Ok(store.person(id)?);
    }
    store
        .person_by_code(who)
        .map_err(|_| anyhow!("no person has the id or code '{who}'"))
}

pub(crate) fn run(dir: Option<&Path>, cmd: PeopleCmd) -> Result<()> {
    let mut store = open(dir)?;
    match cmd {
        PeopleCmd::List {
            query,
            photographers,
            json,
        } => {
            let mut list = match &query {
                Some(q) => store.find_people(q, usize::MAX)?,
                None => store.people()?,
            };
            if photographers {
                list.retain(|p| p.photographer);
            }
            if json {
                print_json(&list)?;
            } else {
                let day = today(&store)?;
                let mut out = std::io::stdout().lock();
                for p in list {
                    let codes: Vec<_> = p.codes.iter().map(|c| format!("\\{c}")).collect();
                    writeln!(
                        out,
                        "{}  {}{}",
                        p.id,
                        p.described_on(day),
                        if codes.is_empty() {
                            String::new()
                        } else {
                            format!("  [{}]", codes.join(" "))
                        }
                    )?;
                }
            }
        }
        PeopleCmd::Add {
            name,
            honorific,
            short_name,
            titles,
            position,
            since,
            organisation,
            phone,
            email,
            notes,
            codes,
            photographer,
        } => {
            let from = since.as_deref().map(date).transpose()?;
            let post = |kind, name: String| Post {
                kind,
                name,
                from,
                until: None,
            };
            let mut posts: Vec<Post> = titles
                .into_iter()
                .map(|t| post(PostKind::Title, t))
                .collect();
            posts.extend(position.map(|p| post(PostKind::Position, p)));
            let p = store.add_person(NewPerson {
                honorific,
                full_name: name,
                short_name,
                posts,
                organisation,
                phone,
                email,
                notes,
                photographer,
                codes,
            })?;
            println!("{}", p.id);
        }
        PeopleCmd::Show { who, on, json } => {
            let p = find(&store, &who)?;
            if json {
                print_json(&p)?;
            } else {
                let day = day(&store, on.as_deref())?;
                print_person(&p, day)?;
            }
        }
        PeopleCmd::Import { file, json } => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("cannot read '{}'", file.display()))?;
            let csv = person_csv::read(&bytes)
                .with_context(|| format!("'{}' cannot be imported", file.display()))?;
            let report = store.import_people(csv)?;
            if json {
                print_json(&report)?;
            } else {
                for a in &report.added {
                    println!("{}  {}", a.id, a.full_name);
                }
            }
            let mut err = std::io::stderr().lock();
            for s in &report.skipped {
                writeln!(err, "{}:{}: skipped: {}", file.display(), s.line, s.message)?;
            }
            for p in &report.problems {
                writeln!(
                    err,
                    "{}:{}: not imported: {}",
                    file.display(),
                    p.line,
                    p.message
                )?;
            }
            writeln!(
                err,
                "{} added, {} already in the directory, {} not imported",
                report.added.len(),
                report.skipped.len(),
                report.problems.len()
            )?;
            if !report.problems.is_empty() {
                bail!(
                    "{} row(s) of '{}' were not imported (see the lines above); the others were",
                    report.problems.len(),
                    file.display()
                );
            }
        }
        PeopleCmd::Promote {
            who,
            kind,
            name,
            from,
        } => {
            let mut p = find(&store, &who)?;
            p.promote(kind.into(), &name, date(&from)?);
            let p = store.update_person(&p)?;
            print_person(&p, today(&store)?)?;
        }
        PeopleCmd::Remove { who } => {
            let p = find(&store, &who)?;
            store.remove_person(p.id)?;
        }
        PeopleCmd::Expand { text, on } => {
            let day = day(&store, on.as_deref())?;
            println!("{}", store.expand_codes(&text, day)?.text);
        }
        PeopleCmd::Codes(CodesCmd::List { json }) => {
            let codes = store.person_codes()?;
            if json {
                print_json(&codes)?;
            } else {
                for c in codes {
                    println!("\\{:<12} {}  {}", c.code, c.person_id, c.full_name);
                }
            }
        }
        PeopleCmd::Codes(CodesCmd::Set { code, who }) => {
            let p = find(&store, &who)?;
            store.set_person_code(&code, p.id)?;
        }
        PeopleCmd::Codes(CodesCmd::Remove { code }) => store.remove_person_code(&code)?,
    }
    Ok(())
}

fn print_person(p: &Person, day: NaiveDate) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let d = p.designation_on(day);
    writeln!(out, "{}", p.display_name())?;
    writeln!(out, "id: {}", p.id)?;
    writeln!(out, "short label: {}", p.short_label())?;
    let mut held = d.titles.clone();
    held.push(d.position.clone());
    held.retain(|s| !s.is_empty());
    writeln!(out, "on {day}: {}", held.join(", "))?;
    for post in &p.posts {
        let end = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "  {:<8} {}  [{} – {}]",
            post.kind.as_str(),
            post.name,
            end(post.from),
            end(post.until)
        )?;
    }
    for (label, value) in [
        ("organisation", &p.organisation),
        ("phone", &p.phone),
        ("email", &p.email),
        ("notes", &p.notes),
    ] {
        if !value.is_empty() {
            writeln!(out, "{label}: {value}")?;
        }
    }
    if !p.codes.is_empty() {
        let codes: Vec<_> = p.codes.iter().map(|c| format!("\\{c}")).collect();
        writeln!(out, "codes: {}", codes.join(" "))?;
    }
    if p.photographer {
        writeln!(out, "photographer: yes")?;
    }
    Ok(())
}
