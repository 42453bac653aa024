//! `newsdesk search QUERY` and `newsdesk db reindex`: searching the index from the command
//! line and rebuilding it.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::{Args, ValueEnum};
use newsdesk_core::{SearchKind, SearchQuery, Status, TextPart};

use crate::{open, print_json};

/// What `newsdesk search` takes.
#[derive(Args)]
pub(crate) struct SearchArgs {
    /// What to look for. Diacritics are optional (`da nang` finds `Đà Nẵng`); "…" is a
    /// phrase; the last word also matches as a prefix.
    #[arg(allow_hyphen_values = true)]
    query: String,
    /// Only this kind of thing.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Only articles in this status (draft, submitted, in_edit, approved, published, spiked, withdrawn).
    #[arg(long)]
    status: Option<String>,
    /// Only this section.
    #[arg(long)]
    section: Option<String>,
    /// Only things crediting this person.
    #[arg(long)]
    person: Option<String>,
    /// Only things dated on or after this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DAY")]
    from: Option<chrono::NaiveDate>,
    /// Only things dated on or before this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DAY")]
    to: Option<chrono::NaiveDate>,
    /// Include things in the trash.
    #[arg(long)]
    trash: bool,
    /// Most hits to print.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Print the hits as JSON (with the marked runs of title and snippet).
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Article,
    Photo,
    Person,
}

impl From<KindArg> for SearchKind {
    fn from(k: KindArg) -> SearchKind {
        match k {
            KindArg::Article => SearchKind::Article,
            KindArg::Photo => SearchKind::Photo,
            KindArg::Person => SearchKind::Person,
        }
    }
}

/// Text with the matched runs in `[` `]`.
fn marked(parts: &[TextPart]) -> String {
    newsdesk_core::search::bracket_hits(parts).replace('\n', " ")
}

pub(crate) fn run(dir: Option<&Path>, args: SearchArgs) -> Result<()> {
    let mut store = open(dir)?;
    let q = SearchQuery {
        text: args.query,
        kinds: args.kind.map(SearchKind::from).into_iter().collect(),
        status: args.status.as_deref().map(Status::parse).transpose()?,
        section: args.section,
        person: args.person,
        from: args.from,
        to: args.to,
        include_trashed: args.trash,
        limit: Some(args.limit),
    };
    let hits = store.search(&q)?;
    store.remember_search(&q.text)?;
    if args.json {
        return print_json(&hits);
    }
    let mut out = std::io::stdout().lock();
    for h in &hits {
        writeln!(
            out,
            "{}  {:<7}  {}  {}",
            h.id,
            h.kind.as_str(),
            h.date.format("%Y-%m-%d"),
            marked(&h.title)
        )?;
        if !h.snippet.is_empty() {
            writeln!(out, "    {}", marked(&h.snippet))?;
        }
    }
    Ok(())
}

/// `newsdesk db reindex`.
pub(crate) fn reindex(dir: Option<&Path>) -> Result<()> {
    let mut store = open(dir)?;
    let mut bar = None;
    let n = store.reindex_with(&mut |p| {
        bar.get_or_insert_with(|| crate::reindex_bar(p.total))
            .set_position(p.done);
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    println!("indexed {n}");
    Ok(())
}

/// Merges the index's segments in the app's step size until nothing is left to merge.
pub(crate) fn tidy(dir: Option<&Path>) -> Result<()> {
    let mut store = open(dir)?;
    let mut steps = 0;
    while store.tidy_index(newsdesk_store::IndexUpkeep::PAGES)? {
        steps += 1;
    }
    println!("tidied in {steps} steps");
    Ok(())
}
