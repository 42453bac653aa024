//! The search index: the `search_docs`, `search_head` and `search_text` tables (and the
//! `search_reindex` flag a migration sets to ask for a rebuild). One row per searchable
//! thing, keyed by kind and the id in the kind's own table; each text field is indexed
//! twice, exact (diacritics kept, tone marks in one place) and folded (no diacritics,
//! `đ` → `d`).
//!
//! Ranking is in tiers, newest first within a tier: all words as typed in the title,
//! people or tags; the same folded; all words as typed anywhere; the same folded. So
//! `Đà Nẵng` ranks above `Đa năng` for the query `Đà Nẵng`. Each tier is an FTS5 query in
//! rowid order that stops at the page size, so a word found in every article costs no
//! more than a rare one (bm25 counts every match of every word on each query: measured
//! 8-35 ms at 10,000 rows, see BENCHMARKS.md).
//!
//! A kind plugs in by building an [`IndexDoc`] and calling [`upsert`] / [`remove`] inside
//! the same transaction that writes its own table, and by adding its rows in
//! `Store::reindex`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use newsdesk_core::fold::{exact, fold};
use newsdesk_core::search::{parse_query, snippet, Term};
use newsdesk_core::{Article, Person, Photo, SearchHit, SearchKind, SearchQuery, Status};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};

/// What the index holds about one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexDoc {
    /// What the thing is.
    pub kind: SearchKind,
    /// The id in the kind's own table.
    pub ref_id: String,
    /// Headline, caption title, a person's name.
    pub title: String,
    /// The text shown in snippets: lead and body, a photo's description and credit, …
    pub text: String,
    /// Names credited (bylines, photographer).
    pub people: Vec<String>,
    /// Tags or keywords.
    pub tags: Vec<String>,
    /// The section, for the section filter (empty when the kind has none).
    pub section: String,
    /// The workflow status, for the status filter (articles).
    pub status: Option<Status>,
    /// The date the date-range filter compares (an article's last change).
    pub date: DateTime<Utc>,
    /// In the trash: left out of results unless asked for.
    pub trashed: bool,
}

impl IndexDoc {
    /// What is indexed of an article: headline, lead and body, bylines, tags.
    pub fn article(a: &Article) -> IndexDoc {
        let body = a.body.plain_text();
        let text = match (a.lead.is_empty(), body.is_empty()) {
            (_, true) => a.lead.clone(),
            (true, false) => body,
            (false, false) => format!("{}\n\n{}", a.lead, body),
        };
        IndexDoc {
            kind: SearchKind::Article,
            ref_id: a.id.to_string(),
            title: a.headline.clone(),
            text,
            people: a.bylines.iter().map(|b| b.name.clone()).collect(),
            tags: a.tags.clone(),
            section: a.section.clone(),
            status: Some(a.status),
            date: a.updated_at,
            trashed: a.trashed_at.is_some(),
        }
    }
}

/// Joins the non-empty parts with blank lines.
fn paragraphs<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

impl IndexDoc {
    /// What is indexed of a photo: its headline (or file name) as the title; description,
    /// the captions it has in articles, credit and creator as text; the creator as a person.
    pub fn photo(p: &Photo, captions: &[String]) -> IndexDoc {
        let m = &p.meta;
        let title = m
            .headline
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .unwrap_or(&p.original_name)
            .to_string();
        let mut parts: Vec<&str> = vec![m.description.as_deref().unwrap_or_default()];
        parts.extend(captions.iter().map(String::as_str));
        parts.push(m.credit.as_deref().unwrap_or_default());
        parts.push(m.creator.as_deref().unwrap_or_default());
        IndexDoc {
            kind: SearchKind::Photo,
            ref_id: p.id.to_string(),
            title,
            text: paragraphs(parts),
            people: m
                .creator
                .iter()
                .filter(|c| !c.trim().is_empty())
                .cloned()
                .collect(),
            tags: Vec::new(),
            section: String::new(),
            status: None,
            date: p.imported_at,
            trashed: false,
        }
    }

    /// What is indexed of a person: the full name as the title; short name, titles and
    /// positions and organisation as text.
    pub fn person(p: &Person) -> IndexDoc {
        let mut parts: Vec<&str> = vec![p.short_name.as_str()];
        parts.extend(p.posts.iter().map(|post| post.name.as_str()));
        parts.push(p.organisation.as_str());
        IndexDoc {
            kind: SearchKind::Person,
            ref_id: p.id.to_string(),
            title: p.full_name.clone(),
            text: paragraphs(parts),
            people: vec![p.full_name.clone()],
            tags: Vec::new(),
            section: String::new(),
            status: None,
            date: p.updated_at,
            trashed: false,
        }
    }
}

fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The filter word for a section or a person: folded, letters and digits only.
fn key(prefix: &str, s: &str) -> String {
    format!("{prefix}{}", alnum(&fold(s)))
}

/// The filter word for the month a date falls in.
fn month(d: &NaiveDate) -> String {
    format!("m{}", d.format("%Y%m"))
}

/// The filter words of a row, in the `meta` column of both FTS tables.
fn meta(doc: &IndexDoc) -> String {
    let mut m = vec![
        format!("kind{}", doc.kind.as_str()),
        key("sec", &doc.section),
        month(&doc.date.date_naive()),
    ];
    if doc.trashed {
        m.push("trashed".into());
    }
    if let Some(s) = doc.status {
        m.push(format!("status{}", alnum(s.as_str())));
    }
    m.extend(doc.people.iter().map(|p| key("p", p)));
    // One word for each combination of two or three of status, section and one person,
    // so a query narrowed by several of them follows one short list (see `combined`).
    let status = doc.status.map(|s| alnum(s.as_str()));
    let section = key("sec", &doc.section);
    if let Some(st) = &status {
        m.push(combined(Some(st), Some(&section), None));
    }
    for p in &doc.people {
        let p = key("p", p);
        m.push(combined(None, Some(&section), Some(&p)));
        if let Some(st) = &status {
            m.push(combined(Some(st), None, Some(&p)));
            m.push(combined(Some(st), Some(&section), Some(&p)));
        }
    }
    m.join(" ")
}

/// The filter word standing for a combination of status, section and person filter
/// words (at least two of them): `c` and 16 hex digits of their SHA-256. FTS5 answers
/// `status AND section AND person` by stepping through three long lists in turn (a
/// draft in one section by one person: 1 in 1,000 rows, each list 1 in 5 to 1 in 12);
/// the combined word's list holds just the rows wanted (BENCHMARKS.md). A hash, not the
/// words run together, so a section and a person can never spell another pair.
fn combined(status: Option<&str>, section: Option<&str>, person: Option<&str>) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (name, v) in [("status", status), ("section", section), ("person", person)] {
        if let Some(v) = v {
            h.update(format!("{name}={v}\n"));
        }
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(17);
    out.push('c');
    for b in &digest[..8] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Adds or replaces the index row of one thing. Call inside the transaction that saves it.
pub fn upsert(conn: &Connection, doc: &IndexDoc) -> Result<()> {
    let kind = doc.kind.as_str();
    let people = doc.people.join("\n");
    let tags = doc.tags.join("\n");
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM search_docs WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind, doc.ref_id], |r| r.get(0))
        .optional()?;
    let values = params![
        kind,
        doc.ref_id,
        doc.title,
        doc.text,
        doc.section,
        doc.status.map(Status::as_str),
        people,
        ts(&doc.date),
        doc.trashed,
    ];
    let id = match existing {
        Some(id) => {
            delete_fts(conn, id)?;
            conn.prepare_cached(
                "UPDATE search_docs SET kind = ?1, ref_id = ?2, title = ?3, text = ?4, section = ?5,
                        status = ?6, people = ?7, date = ?8, trashed = ?9
                 WHERE id = ?10",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&id as &dyn rusqlite::ToSql]),
            ))?;
            id
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO search_docs (kind, ref_id, title, text, section, status, people, date, trashed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(values)?;
            conn.last_insert_rowid()
        }
    };
    let head = format!("{}\n{people}\n{tags}", doc.title);
    let body = format!("{head}\n{}", doc.text);
    let meta = meta(doc);
    conn.prepare_cached(
        "INSERT INTO search_head (rowid, head, head_f, meta) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, exact(&head), fold(&head), meta])?;
    let (body_exact, body_folded) = (exact(&body), fold(&body));
    conn.prepare_cached(
        "INSERT INTO search_text (rowid, body, body_f, meta) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, body_exact, body_folded, meta])?;
    let words = long_words(&[&body_exact, &body_folded]);
    conn.prepare_cached(
        "INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?1)",
    )?
    .execute([serde_json::to_string(&words).expect("strings serialise")])?;
    let plain = plain_words(&body_exact);
    conn.prepare_cached(
        "INSERT OR IGNORE INTO search_plain (word) SELECT value FROM json_each(?1)",
    )?
    .execute([serde_json::to_string(&plain).expect("strings serialise")])?;
    conn.prepare_cached("INSERT OR REPLACE INTO search_dates (id, date) VALUES (?1, ?2)")?
        .execute(params![id, ts(&doc.date)])?;
    Ok(())
}

/// The distinct words of an indexed text: split as the query is (letters and digits),
/// lower-cased as FTS5 does. Split first and lower-cased once per distinct word: an
/// article repeats its words.
fn distinct_tokens(text: &str) -> std::collections::BTreeSet<String> {
    let words: rustc_hash::FxHashSet<&str> = text
        .split(|c: char| !newsdesk_core::search::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    words.into_iter().map(str::to_lowercase).collect()
}

/// Shortest word kept in `search_words`: shorter prefixes have FTS prefix indexes.
const LONG_PREFIX_CHARS: usize = 4;

/// The distinct words of [`LONG_PREFIX_CHARS`] letters or more in some indexed texts,
/// split as the query is (letters and digits) and lower-cased as FTS5 does.
fn long_words(texts: &[&str]) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    for t in texts {
        out.extend(
            distinct_tokens(t)
                .into_iter()
                .filter(|w| w.chars().nth(LONG_PREFIX_CHARS - 1).is_some()),
        );
    }
    out.into_iter().collect()
}

/// Whether a word is written without diacritics (folding leaves it as it is).
fn is_plain(word: &str) -> bool {
    word.is_ascii() || fold(word) == word
}

/// The distinct words of an exact text written without diacritics, for `search_plain`.
fn plain_words(exact_text: &str) -> Vec<String> {
    distinct_tokens(exact_text)
        .into_iter()
        .filter(|w| is_plain(w))
        .collect()
}

/// Whether some indexed text has a word written without diacritics that is `word`, or
/// starts with it when `prefix`.
fn plain_word_exists(conn: &Connection, word: &str, prefix: bool) -> Result<bool> {
    let found = if prefix {
        conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM search_plain WHERE word >= ?1 AND word < ?2)",
        )?
        .query_row(params![word, format!("{word}\u{10FFFF}")], |r| r.get(0))?
    } else {
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM search_plain WHERE word = ?1)")?
            .query_row([word], |r| r.get(0))?
    };
    Ok(found)
}

/// Whether the exact tiers can match at all: every word typed without diacritics must be
/// written so in some text (an exact tier matches the words as typed).
fn exact_can_match(conn: &Connection, terms: &[Term]) -> Result<bool> {
    for t in terms {
        for (i, w) in t.exact.iter().enumerate() {
            let prefix = t.prefix && i + 1 == t.exact.len();
            if is_plain(w) && !plain_word_exists(conn, w, prefix)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn delete_fts(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_head WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM search_text WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM search_dates WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Removes the index row of one thing, if any.
pub fn remove(conn: &Connection, kind: SearchKind, ref_id: &str) -> Result<()> {
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM search_docs WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind.as_str(), ref_id], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        delete_fts(conn, id)?;
        conn.prepare_cached("DELETE FROM search_docs WHERE id = ?1")?
            .execute([id])?;
    }
    Ok(())
}

/// Empties the index (before a rebuild).
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO search_head (search_head) VALUES ('delete-all');
         INSERT INTO search_text (search_text) VALUES ('delete-all');
         DELETE FROM search_dates;
         DELETE FROM search_words;
         DELETE FROM search_plain;
         DELETE FROM search_docs;",
    )?;
    Ok(())
}

/// Merges each FTS table into one segment (after a rebuild: faster queries from the start).
pub fn optimize(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO search_head (search_head) VALUES ('optimize');
         INSERT INTO search_text (search_text) VALUES ('optimize');",
    )?;
    Ok(())
}

/// One bounded step of merging the FTS tables' segments: about `pages` pages written per
/// table, on levels holding 4 segments or more (FTS5's `usermerge`). Returns whether
/// anything was merged (FTS5: fewer than two changes means no work was done).
pub fn tidy(conn: &Connection, pages: u32) -> Result<bool> {
    let mut worked = false;
    for table in ["search_head", "search_text"] {
        let before = conn.total_changes();
        conn.prepare_cached(&format!(
            "INSERT INTO {table} ({table}, rank) VALUES ('merge', ?1)"
        ))?
        .execute([pages])?;
        worked |= conn.total_changes() - before >= 2;
    }
    Ok(worked)
}

/// Sets FTS5's merging during writes: on is what migration 0002 set (`automerge` 16,
/// `crisismerge` 16), off what 0012 sets (no `automerge`, `crisismerge` 64).
pub fn set_merge_on_save(conn: &Connection, on: bool) -> Result<()> {
    let (auto, crisis) = if on { (16, 16) } else { (0, 64) };
    for table in ["search_head", "search_text"] {
        conn.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?1)"),
            [auto],
        )?;
        conn.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('crisismerge', ?1)"),
            [crisis],
        )?;
    }
    Ok(())
}

/// Whether a migration asked for the index to be rebuilt.
pub fn needs_rebuild(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT EXISTS (SELECT 1 FROM search_reindex)", [], |r| {
            r.get(0)
        })?,
    )
}

/// Records that the index has been rebuilt.
pub fn rebuilt(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_reindex", [])?;
    Ok(())
}

/// Number of rows in the index.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0))?)
}

fn quoted(words: &[String]) -> String {
    format!("\"{}\"", words.join(" ").replace('"', "\"\""))
}

/// Most words a long prefix is searched as; a prefix that covers more is left to FTS5.
const MAX_PREFIX_WORDS: usize = 48;

/// The words in the index that start with `prefix` (of [`LONG_PREFIX_CHARS`] letters or
/// more), only folded ones for a folded prefix; `None` when there are none or too many,
/// and the FTS5 prefix query is used instead.
fn prefix_words(conn: &Connection, prefix: &str, folded: bool) -> Result<Option<Vec<String>>> {
    let upper = format!("{prefix}\u{10FFFF}");
    let raw = MAX_PREFIX_WORDS * 4;
    let all = conn
        .prepare_cached("SELECT word FROM search_words WHERE word >= ?1 AND word < ?2 LIMIT ?3")?
        .query_map(params![prefix, upper, raw as i64 + 1], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    if all.len() > raw {
        return Ok(None);
    }
    let words: Vec<String> = all
        .into_iter()
        .filter(|w| !folded || fold(w) == *w)
        .collect();
    Ok((!words.is_empty() && words.len() <= MAX_PREFIX_WORDS).then_some(words))
}

/// The words of a query as an FTS5 expression; a last word typed as a long prefix is
/// spelled out as the words it stands for when `conn` is given.
fn fts_terms(conn: Option<&Connection>, terms: &[Term], folded: bool) -> Result<String> {
    let mut out = Vec::with_capacity(terms.len());
    for t in terms {
        let words = if folded { &t.folded } else { &t.exact };
        let long = words
            .last()
            .is_some_and(|w| w.chars().nth(LONG_PREFIX_CHARS - 1).is_some());
        let expanded = match (conn, t.prefix && long) {
            (Some(conn), true) => prefix_words(conn, words.last().expect("long"), folded)?,
            _ => None,
        };
        out.push(match expanded {
            Some(ends) => {
                let head = &words[..words.len() - 1];
                let alternatives: Vec<String> = ends
                    .iter()
                    .map(|end| {
                        let mut w = head.to_vec();
                        w.push(end.clone());
                        quoted(&w)
                    })
                    .collect();
                format!("({})", alternatives.join(" OR "))
            }
            None => {
                let mut s = quoted(words);
                if t.prefix {
                    s.push('*');
                }
                s
            }
        });
    }
    Ok(out.join(" AND "))
}

/// The filters of a query as an FTS5 expression on `meta` ANDed to a tier's words;
/// with `combine`, two or three of status, section and person as their combined word.
fn filter_expression(q: &SearchQuery, combine: bool) -> String {
    let mut f = String::new();
    // Only articles have a status: with a status filter, a kind filter that allows
    // articles adds nothing but work.
    let status_implies_kind = q.status.is_some() && q.kinds.contains(&SearchKind::Article);
    if !q.kinds.is_empty() && q.kinds.len() < SearchKind::ALL.len() && !status_implies_kind {
        let kinds: Vec<String> = q
            .kinds
            .iter()
            .map(|k| format!("\"kind{}\"", k.as_str()))
            .collect();
        f.push_str(&format!(" AND meta : ({})", kinds.join(" OR ")));
    }
    let status = q.status.map(|s| alnum(s.as_str()));
    let section = q.section.as_deref().map(|s| key("sec", s));
    let person = q.person.as_deref().map(|p| key("p", p));
    let narrowing = [&status, &section, &person]
        .iter()
        .filter(|w| w.is_some())
        .count();
    if combine && narrowing >= 2 {
        f.push_str(&format!(
            " AND meta : \"{}\"",
            combined(status.as_deref(), section.as_deref(), person.as_deref())
        ));
    } else {
        if let Some(s) = status {
            f.push_str(&format!(" AND meta : \"status{s}\""));
        }
        if let Some(sec) = section {
            f.push_str(&format!(" AND meta : \"{sec}\""));
        }
        if let Some(p) = person {
            f.push_str(&format!(" AND meta : \"{p}\""));
        }
    }
    if let Some(months) = months(q.from, q.to) {
        f.push_str(&format!(" AND meta : ({})", months.join(" OR ")));
    }
    f
}

/// Most months a date range is narrowed by in the index; longer ranges are only checked
/// against the stored date.
const MAX_MONTHS: usize = 36;

/// The month words a date range covers, when both ends are given and it is short enough.
fn months(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<Vec<String>> {
    let (from, to) = (from?, to?);
    let mut out = Vec::new();
    let mut d = from.with_day(1)?;
    while d <= to {
        out.push(format!("\"{}\"", month(&d)));
        if out.len() > MAX_MONTHS {
            return None;
        }
        d = d.checked_add_months(chrono::Months::new(1))?;
    }
    Some(out)
}

/// How searches are run. [`SearchPlan::Tuned`] always, but for measuring: the benchmark
/// runs [`SearchPlan::Baseline`] (the design before the speed work of BENCHMARKS.md)
/// side by side with it on the same database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchPlan {
    /// Long prefixes spelled out as the words in `search_words`; exact tiers skipped when
    /// a word typed without diacritics is in no text written so (`search_plain`); dates
    /// read from `search_dates`; two or three of status, section and person as their
    /// combined filter word.
    #[default]
    Tuned,
    /// Long prefixes as FTS5 prefix queries; dates read from `search_docs`; one filter
    /// word per filter (the first design).
    Baseline,
}

/// One ranking tier: an FTS table and what to match in it.
struct Tier {
    table: &'static str,
    /// The words with the filters and the trash as FTS words on `meta`.
    expr: String,
}

/// The tiers of a query, best first, or none when it has no words. Every word the user
/// typed is inside an FTS5 string, so nothing they type is read as FTS5 syntax.
fn tiers(
    conn: &Connection,
    q: &SearchQuery,
    terms: &[Term],
    plan: SearchPlan,
) -> Result<Vec<Tier>> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let expand = (plan == SearchPlan::Tuned).then_some(conn);
    let folded = fts_terms(expand, terms, true)?;
    let exact = fts_terms(expand, terms, false)?;
    // Typed without diacritics, the exact tiers find nothing more; with a word typed
    // without them that no text has written so, they find nothing at all.
    let same = terms.iter().all(|t| t.exact == t.folded)
        || (plan == SearchPlan::Tuned && !exact_can_match(conn, terms)?);
    let filters = filter_expression(q, plan == SearchPlan::Tuned);
    let trash = if q.include_trashed {
        ""
    } else {
        " NOT meta : \"trashed\""
    };
    let mut out = Vec::new();
    for (table, col, words) in [
        ("search_head", "head", &exact),
        ("search_head", "head_f", &folded),
        ("search_text", "body", &exact),
        ("search_text", "body_f", &folded),
    ] {
        if !col.ends_with("_f") && same {
            continue;
        }
        out.push(Tier {
            table,
            expr: format!("(({col} : ({words})){filters}){trash}"),
        });
    }
    Ok(out)
}

fn day_start(d: NaiveDate) -> String {
    format!("{}T00:00:00.000Z", d.format("%Y-%m-%d"))
}

/// Adds `id` to the hits unless a better tier found it already.
fn push(found: &mut Vec<(i64, f64)>, id: i64, score: f64) {
    if !found.iter().any(|(f, _)| *f == id) {
        found.push((id, score));
    }
}

/// Runs a search. Any text is accepted; a text without words finds nothing.
pub fn search(conn: &Connection, q: &SearchQuery, plan: SearchPlan) -> Result<Vec<SearchHit>> {
    let terms = parse_query(&q.text);
    let tiers = tiers(conn, q, &terms, plan)?;
    let limit = q.limit.unwrap_or(20).clamp(1, 200) as usize;
    let from = q.from.map(day_start).unwrap_or_default();
    let to =
        q.to.and_then(|d| d.succ_opt())
            .map(day_start)
            .unwrap_or_else(|| "9999".into());
    // CROSS JOIN keeps the FTS table outermost, walked newest first.
    let dates = match (q.from.is_some() || q.to.is_some(), plan) {
        (false, _) => " WHERE ?2 <= ?3 AND",
        (true, SearchPlan::Tuned) => {
            " CROSS JOIN search_dates d ON d.id = f.rowid WHERE d.date >= ?2 AND d.date < ?3 AND"
        }
        (true, SearchPlan::Baseline) => {
            " CROSS JOIN search_docs d ON d.id = f.rowid WHERE d.date >= ?2 AND d.date < ?3 AND"
        }
    };
    let mut found: Vec<(i64, f64)> = Vec::new();
    let n_tiers = tiers.len();
    for (i, tier) in tiers.iter().enumerate() {
        if found.len() >= limit {
            break;
        }
        let table = tier.table;
        let sql = format!(
            "SELECT f.rowid FROM {table} f{dates} {table} MATCH ?1 ORDER BY f.rowid DESC LIMIT ?4"
        );
        let want = (limit + found.len()) as i64;
        let mut stmt = conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params![tier.expr, from, to, want], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let score = (n_tiers - i) as f64;
        for id in ids {
            if found.len() < limit {
                push(&mut found, id, score);
            }
        }
    }
    let mut doc = conn.prepare_cached(
        "SELECT kind, ref_id, title, text, section, status, date, trashed FROM search_docs WHERE id = ?1",
    )?;
    let mut hits = Vec::with_capacity(found.len());
    for (id, score) in found {
        let row = doc
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, bool>(7)?,
                ))
            })
            .optional()?;
        let Some((kind, ref_id, title, text, section, status, date, trashed)) = row else {
            continue;
        };
        let kind = SearchKind::parse(&kind).ok_or_else(|| {
            Error::Corrupt(format!("the search index has an unknown kind '{kind}'"))
        })?;
        let status = status.as_deref().map(Status::parse).transpose()?;
        let date = DateTime::parse_from_rfc3339(&date)
            .map_err(|e| Error::Corrupt(format!("the search index has a bad date '{date}': {e}")))?
            .with_timezone(&Utc);
        let (snip, match_offset) = snippet(&text, &terms);
        hits.push(SearchHit {
            kind,
            id: ref_id,
            title: newsdesk_core::search::highlight(&title, &terms),
            snippet: snip,
            match_offset,
            section,
            status,
            date,
            trashed,
            score,
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SaveKind, Store};
    use chrono::TimeZone;
    use newsdesk_core::{Byline, Document, NewArticle, Role};
    use unicode_normalization::UnicodeNormalization;

    fn article(s: &mut Store, headline: &str, body: &str) -> String {
        s.create(
            NewArticle {
                headline: headline.into(),
                body: Some(Document::from_plain_text(body)),
                ..NewArticle::default()
            },
            "test",
        )
        .unwrap()
        .id
        .to_string()
    }

    fn titles(s: &Store, q: &SearchQuery) -> Vec<String> {
        s.search(q)
            .unwrap()
            .into_iter()
            .map(|h| h.title.into_iter().map(|p| p.text).collect())
            .collect()
    }

    fn text(t: &str) -> SearchQuery {
        SearchQuery {
            text: t.into(),
            ..SearchQuery::default()
        }
    }

    fn corpus() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        for (h, b) in [
            ("Đa năng", "Một thiết bị đa năng cho nhà nông."),
            ("Đà Nẵng", "Mưa lớn ở Đà Nẵng suốt đêm."),
            ("Quảng Trị", "Lũ về Quảng Trị."),
            ("Hòa bình", "Kiểu bỏ dấu cũ."),
            ("Hoà giải", "Kiểu bỏ dấu mới."),
            ("Nông nghiệp", "Vụ lúa mới ở đồng bằng."),
            ("Thời tiết", "Trời nắng, không có gì để tìm."),
        ] {
            article(&mut s, h, b);
        }
        s
    }

    #[test]
    fn finds_vietnamese_with_or_without_diacritics() {
        let s = corpus();
        for (query, expected_first, must_find) in [
            ("da nang", "Đà Nẵng", &["Đà Nẵng", "Đa năng"][..]),
            ("Đà Nẵng", "Đà Nẵng", &["Đà Nẵng", "Đa năng"]),
            ("Đa năng", "Đa năng", &["Đa năng", "Đà Nẵng"]),
            ("quang tri", "Quảng Trị", &["Quảng Trị"]),
            ("QUẢNG TRỊ ", "Quảng Trị", &["Quảng Trị"]),
            ("hoa ", "Hòa bình", &["Hòa bình", "Hoà giải"]),
            ("hòa ", "Hòa bình", &["Hòa bình", "Hoà giải"]),
            ("hoà ", "Hòa bình", &["Hòa bình", "Hoà giải"]),
            ("nghi", "Nông nghiệp", &["Nông nghiệp"]),
            ("\"mua lon\"", "Đà Nẵng", &["Đà Nẵng"]),
        ] {
            let got = titles(&s, &text(query));
            for m in must_find {
                assert!(
                    got.iter().any(|g| g == m),
                    "{query:?} should find {m}: {got:?}"
                );
            }
            if query.starts_with('h') {
                // Both tone-mark styles are the same word: both hits, either order.
                assert_eq!(got.len(), 2, "{query:?}: {got:?}");
            } else {
                assert_eq!(got[0], expected_first, "{query:?}: {got:?}");
            }
        }
    }

    #[test]
    fn exact_diacritics_rank_first() {
        let s = corpus();
        for (query, first, second) in [
            ("Đà Nẵng", "Đà Nẵng", "Đa năng"),
            ("Đa năng", "Đa năng", "Đà Nẵng"),
            ("\"Đà Nẵng\"", "Đà Nẵng", "Đa năng"),
        ] {
            let got = titles(&s, &text(query));
            assert_eq!(got[..2], [first, second], "{query:?}");
        }
    }

    #[test]
    fn nfd_and_nfc_find_each_other() {
        let mut s = Store::open_in_memory().unwrap();
        // The store keeps NFC, so index a decomposed text directly as another kind would.
        let nfd: String = "Bão đổ bộ Quảng Ngãi".nfd().collect();
        s.index_all(&[IndexDoc {
            kind: SearchKind::Photo,
            ref_id: "p1".into(),
            title: nfd.clone(),
            text: String::new(),
            people: vec![],
            tags: vec![],
            section: String::new(),
            status: None,
            date: newsdesk_core::time::now(),
            trashed: false,
        }])
        .unwrap();
        article(&mut s, "Quảng Ngãi đón khách", "");
        for query in [
            "Quảng Ngãi",
            &"Quảng Ngãi".nfd().collect::<String>(),
            "quang ngai",
        ] {
            assert_eq!(s.search(&text(query)).unwrap().len(), 2, "{query:?}");
        }
        let phrase: String = "\"đổ bộ\"".nfd().collect();
        assert_eq!(titles(&s, &text(&phrase)).len(), 1);
    }

    /// Titles of the hits of a query under one plan, best first. (Scores only order the
    /// hits of one query: a plan that skips tiers that cannot match numbers them
    /// differently.)
    fn ranked(s: &mut Store, q: &SearchQuery, plan: SearchPlan) -> Vec<String> {
        s.set_search_plan(plan);
        let got = titles(s, q);
        s.set_search_plan(SearchPlan::Tuned);
        got
    }

    #[test]
    fn long_prefixes_are_spelled_out_as_words() {
        let mut s = corpus();
        article(&mut s, "Quang cảnh", "Một buổi sáng.");
        for (query, expected) in [
            // Folded prefix: every word that folds to it, either spelling.
            ("nghie", &["Nông nghiệp"][..]),
            ("nghi", &["Nông nghiệp"]),
            ("NGHIỆ", &["Nông nghiệp"]),
            ("nông nghi", &["Nông nghiệp"]),
            ("\"nông nghi", &["Nông nghiệp"]),
            // Typed with diacritics: the exact word ranks above the folded one.
            ("Quản", &["Quảng Trị", "Quang cảnh"]),
            ("quan", &["Quang cảnh", "Quảng Trị"]),
            ("thiết", &["Đa năng"]),
            // No word starts so: nothing, without an error.
            ("nghiêm", &[]),
            ("xyzw", &[]),
        ] {
            let tuned = ranked(&mut s, &text(query), SearchPlan::Tuned);
            let names: Vec<&str> = tuned.iter().map(String::as_str).collect();
            if query == "quan" {
                // Both fold to `quan…`: either order, newest first.
                let mut sorted = names.clone();
                sorted.sort();
                let mut want = expected.to_vec();
                want.sort();
                assert_eq!(sorted, want, "{query:?}");
            } else {
                assert_eq!(names, expected, "{query:?}");
            }
            // The FTS5 prefix query finds the same hits in the same tiers.
            assert_eq!(
                tuned,
                ranked(&mut s, &text(query), SearchPlan::Baseline),
                "{query:?}"
            );
        }
    }

    #[test]
    fn exact_tiers_are_skipped_for_words_no_text_writes_plain() {
        let mut s = Store::open_in_memory().unwrap();
        article(&mut s, "Đà Nẵng va chạm", "Xe tải va vào cột điện.");
        article(&mut s, "Mưa của và gió", "Gió to.");
        article(&mut s, "Đa năng", "Máy cày.");
        for (query, exact_tiers, expected) in [
            // `va` is written so in a text: the exact tiers run.
            ("\"của va\"", true, &["Mưa của và gió"][..]),
            ("đà va", true, &["Đà Nẵng va chạm"]),
            ("Đà va", true, &["Đà Nẵng va chạm"]), // `va` as a prefix
            // `nang` and `xyz` are in no text without diacritics: folded tiers only.
            ("Đà nang ", false, &["Đa năng", "Đà Nẵng va chạm"]),
            ("của xyz", false, &[]),
            ("\"của xy", false, &[]), // no plain word starts with `xy`
            ("của", true, &["Mưa của và gió"]), // nothing typed plain
        ] {
            let terms = parse_query(query);
            assert_eq!(
                exact_can_match(&s.conn, &terms).unwrap(),
                exact_tiers,
                "{query:?}"
            );
            let tuned = ranked(&mut s, &text(query), SearchPlan::Tuned);
            assert_eq!(tuned, expected, "{query:?}");
            assert_eq!(
                tuned,
                ranked(&mut s, &text(query), SearchPlan::Baseline),
                "{query:?}"
            );
        }
    }

    #[test]
    fn a_prefix_of_too_many_words_is_left_to_fts() {
        let mut s = Store::open_in_memory().unwrap();
        for (n, title) in [(10, "few"), (MAX_PREFIX_WORDS + 5, "many")] {
            let docs: Vec<IndexDoc> = (0..n)
                .map(|i| IndexDoc {
                    kind: SearchKind::Photo,
                    ref_id: format!("{title}{i}"),
                    title: format!(
                        "{title}{i} {}",
                        if title == "few" { "abcd" } else { "wxyz" }
                    ),
                    text: String::new(),
                    people: vec![],
                    tags: vec![],
                    section: String::new(),
                    status: None,
                    date: newsdesk_core::time::now(),
                    trashed: false,
                })
                .collect();
            s.index_all(&docs).unwrap();
        }
        // `abcd0` … `abcd9` vs `wxyz0` … `wxyz52`: words of the prefix's own, one per row.
        for (n, title) in [(10, "few"), (MAX_PREFIX_WORDS + 5, "many")] {
            let q = SearchQuery {
                text: title.to_string(),
                limit: Some(200),
                ..SearchQuery::default()
            };
            let spelled = prefix_words(&s.conn, title, true).unwrap();
            assert_eq!(spelled.is_some(), n < MAX_PREFIX_WORDS, "{title}");
            let tuned = ranked(&mut s, &q, SearchPlan::Tuned);
            assert_eq!(tuned.len(), n, "{title}");
            assert_eq!(tuned, ranked(&mut s, &q, SearchPlan::Baseline), "{title}");
        }
    }

    #[test]
    fn index_word_lists_are_the_distinct_words_split_as_queries_are() {
        let naive = |t: &str| -> Vec<String> {
            let all: std::collections::BTreeSet<String> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            all.into_iter().collect()
        };
        for text in [
            "Nghề nông nghiệp, NGHỀ nông nghiệp: nghiệp vụ 2025 Facebook facebook",
            "Đà Nẵng—Quảng Trị/Hòa…hoà «Thuý» x\u{301}y ﬁne İstanbul 한국어 ١٢٣",
            "",
        ] {
            let (e, f) = (exact(text), fold(text));
            let long: std::collections::BTreeSet<String> = naive(&e)
                .into_iter()
                .chain(naive(&f))
                .filter(|w| w.chars().count() >= LONG_PREFIX_CHARS)
                .collect();
            assert_eq!(long_words(&[&e, &f]), long.into_iter().collect::<Vec<_>>());
            let plain: Vec<String> = naive(&e).into_iter().filter(|w| is_plain(w)).collect();
            assert_eq!(plain_words(&e), plain, "{text}");
        }
    }

    #[test]
    fn plans_agree_on_filters_and_dates() {
        let mut s = Store::open_in_memory().unwrap();
        let day = |d: u32| {
            chrono::Utc
                .with_ymd_and_hms(2025, 1 + d % 12, 1 + d % 28, 12, 0, 0)
                .unwrap()
        };
        let docs: Vec<IndexDoc> = (0..120u32)
            .map(|i| IndexDoc {
                kind: if i % 3 == 0 {
                    SearchKind::Photo
                } else {
                    SearchKind::Article
                },
                ref_id: format!("r{i}"),
                title: format!("Bão số {i}"),
                text: ["Mưa lớn ở Đà Nẵng", "Nông nghiệp miền Trung"][i as usize % 2].into(),
                people: vec![["Thanh Hải", "Minh Châu"][i as usize % 2].into()],
                tags: vec![],
                section: ["Thời sự", "Kinh tế", "Xã hội"][i as usize % 3].into(),
                status: (i % 3 != 0).then_some(if i % 4 == 0 {
                    Status::Draft
                } else {
                    Status::Published
                }),
                date: day(i),
                trashed: i % 10 == 0,
            })
            .collect();
        s.index_all(&docs).unwrap();
        fn d(m: u32, dd: u32) -> Option<NaiveDate> {
            NaiveDate::from_ymd_opt(2025, m, dd)
        }
        type Narrow = Box<dyn Fn(&mut SearchQuery)>;
        let cases: Vec<(&str, Narrow)> = vec![
            ("bao", Box::new(|_| {})),
            ("nghiệ", Box::new(|q| q.section = Some("kinh te".into()))),
            ("bao", Box::new(|q| q.status = Some(Status::Draft))),
            ("Đà Nẵn", Box::new(|q| q.person = Some("Thanh Hải".into()))),
            (
                "bao",
                Box::new(|q| {
                    q.from = d(3, 1);
                    q.to = d(5, 31);
                }),
            ),
            ("nong", Box::new(|q| q.from = d(10, 1))),
            ("bao", Box::new(|q| q.to = d(2, 15))),
            (
                "mien trun",
                Box::new(|q| {
                    q.kinds = vec![SearchKind::Article];
                    q.status = Some(Status::Published);
                    q.from = d(1, 1);
                    q.to = d(12, 31);
                }),
            ),
            (
                "bao",
                Box::new(|q| {
                    q.include_trashed = true;
                    q.from = d(6, 1);
                }),
            ),
            // Two or three of status, section and person: the combined filter words.
            (
                "bao",
                Box::new(|q| {
                    q.status = Some(Status::Published);
                    q.section = Some("Kinh tế".into());
                }),
            ),
            (
                "bao",
                Box::new(|q| {
                    q.section = Some("thoi su".into());
                    q.person = Some("Minh Châu".into());
                }),
            ),
            (
                "mua lon",
                Box::new(|q| {
                    q.status = Some(Status::Draft);
                    q.person = Some("Thanh Hải".into());
                }),
            ),
            (
                "bao",
                Box::new(|q| {
                    q.status = Some(Status::Published);
                    q.section = Some("Xã hội".into());
                    q.person = Some("Minh Châu".into());
                    q.from = d(1, 1);
                    q.to = d(12, 31);
                }),
            ),
            (
                "bao",
                Box::new(|q| {
                    q.kinds = vec![SearchKind::Photo];
                    q.section = Some("Thời sự".into());
                    q.person = Some("Minh Châu".into());
                    q.include_trashed = true;
                }),
            ),
        ];
        for (words, f) in cases {
            let mut q = text(words);
            q.limit = Some(200);
            f(&mut q);
            let tuned = ranked(&mut s, &q, SearchPlan::Tuned);
            assert!(!tuned.is_empty(), "{q:?} finds something");
            assert_eq!(tuned, ranked(&mut s, &q, SearchPlan::Baseline), "{q:?}");
        }
    }

    #[test]
    fn hostile_input_is_text_not_syntax() {
        let s = corpus();
        for query in [
            "\"",
            "\"\"",
            "\"Đà",
            "Đà\"",
            "*",
            "**",
            "da*",
            "*nang",
            "NEAR",
            "NEAR(da nang)",
            "da NEAR nang",
            "title:da",
            "title : da",
            "{title}: x",
            "-da",
            "da -nang",
            "da - nang",
            "AND",
            "OR",
            "NOT",
            "da OR",
            "(da",
            "da)",
            "^da",
            "da^",
            "+",
            "'",
            "\\",
            "\0",
            "%",
            "_",
            "da\"nang\"\"",
            ":",
            "::",
            "col:\"x",
            "\u{200b}",
            "🙂",
            "a\"b\"c\"d",
        ] {
            if let Err(e) = s.search(&text(query)) {
                panic!("{query:?} errored: {e}");
            }
        }
        assert_eq!(titles(&s, &text("title:\"Quảng")), Vec::<String>::new());
        assert!(s.search(&text("")).unwrap().is_empty());
    }

    #[test]
    fn filters_narrow_the_hits() {
        let mut s = Store::open_in_memory().unwrap();
        let mut a = s
            .create(
                NewArticle {
                    headline: "Bão số 3".into(),
                    section: "Thời sự".into(),
                    bylines: vec![Byline::new("Thanh Hải", Role::Writer)],
                    ..NewArticle::default()
                },
                "t",
            )
            .unwrap();
        a.status = Status::Published;
        s.save(&a, 1, SaveKind::Auto, "t").unwrap();
        let b = s
            .create(
                NewArticle {
                    headline: "Bão số 4".into(),
                    section: "Kinh tế".into(),
                    bylines: vec![Byline::new("Minh Châu", Role::Writer)],
                    ..NewArticle::default()
                },
                "t",
            )
            .unwrap();
        let today = chrono::Utc::now().date_naive();
        fn q(s: &Store, f: &dyn Fn(&mut SearchQuery)) -> Vec<String> {
            let mut q = text("bao");
            f(&mut q);
            titles(s, &q)
        }
        let both = ["Bão số 4", "Bão số 3"].map(String::from).to_vec();
        let only_a = vec!["Bão số 3".to_string()];
        let only_b = vec!["Bão số 4".to_string()];
        let none: Vec<String> = vec![];
        assert_eq!(q(&s, &|_| {}).len(), 2);
        assert_eq!(q(&s, &|q| q.status = Some(Status::Published)), only_a);
        assert_eq!(q(&s, &|q| q.status = Some(Status::Draft)), only_b);
        assert_eq!(q(&s, &|q| q.section = Some("thoi su".into())), only_a);
        assert_eq!(q(&s, &|q| q.section = Some("Kinh tế".into())), only_b);
        assert_eq!(q(&s, &|q| q.person = Some("Thanh Hai".into())), only_a);
        assert_eq!(q(&s, &|q| q.person = Some("Minh Châu".into())), only_b);
        assert_eq!(q(&s, &|q| q.kinds = vec![SearchKind::Photo]), none);
        assert_eq!(
            q(&s, &|q| {
                q.kinds = vec![SearchKind::Article];
                q.status = Some(Status::Published)
            }),
            only_a
        );
        assert_eq!(
            q(&s, &|q| {
                q.kinds = vec![SearchKind::Photo];
                q.status = Some(Status::Published)
            }),
            none
        );
        assert_eq!(q(&s, &|q| q.kinds = vec![SearchKind::Article]).len(), 2);
        assert_eq!(q(&s, &|q| q.from = Some(today)).len(), 2);
        assert_eq!(q(&s, &|q| q.to = today.pred_opt()), none);
        assert_eq!(q(&s, &|q| q.from = today.succ_opt()), none);
        let mut sorted = q(&s, &|q| {
            q.from = Some(today);
            q.to = Some(today)
        });
        sorted.sort();
        let mut expected = both.clone();
        expected.sort();
        assert_eq!(sorted, expected);
        s.trash(b.id).unwrap();
        assert_eq!(q(&s, &|_| {}), only_a);
        assert_eq!(q(&s, &|q| q.include_trashed = true).len(), 2);
        s.purge(b.id).unwrap();
        assert_eq!(q(&s, &|q| q.include_trashed = true), only_a);
    }

    #[test]
    fn every_save_path_updates_the_index() {
        let mut s = Store::open_in_memory().unwrap();
        let a = s
            .create(
                NewArticle {
                    headline: "Cầu Rồng".into(),
                    ..NewArticle::default()
                },
                "t",
            )
            .unwrap();
        let mut e = a.clone();
        e.headline = "Cầu Sông Hàn".into();
        s.save(&e, 1, SaveKind::Auto, "t").unwrap();
        assert!(titles(&s, &text("rong ")).is_empty());
        // `rồng` stays in `search_words`; spelled out, it matches nothing any more.
        assert!(titles(&s, &text("rồng")).is_empty());
        assert_eq!(titles(&s, &text("song han")), ["Cầu Sông Hàn"]);
        let first = s.revisions(a.id).unwrap()[0].id;
        s.restore_revision(a.id, first, "t").unwrap();
        assert_eq!(titles(&s, &text("rong")), ["Cầu Rồng"]);
        assert!(titles(&s, &text("song han")).is_empty());
        let mut imported = s.article(a.id).unwrap();
        imported.headline = "Cầu Thuận Phước".into();
        s.import(&imported, "t").unwrap();
        assert_eq!(titles(&s, &text("thuan phuoc")), ["Cầu Thuận Phước"]);
        assert_eq!(s.index_count().unwrap(), 1);
    }

    #[test]
    fn reindex_rebuilds_what_a_migration_asks_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.db");
        {
            let mut s = Store::open_file(&path).unwrap();
            article(&mut s, "Hội An", "Phố cổ đón khách.");
            // Lose the index as an older build or a future migration would leave it.
            clear(&s.conn).unwrap();
            s.conn
                .execute("INSERT INTO search_reindex (reason) VALUES ('test')", [])
                .unwrap();
            assert!(titles(&s, &text("hoi an")).is_empty());
        }
        let mut s = Store::open_file(&path).unwrap();
        assert_eq!(titles(&s, &text("hoi an")), ["Hội An"]);
        // The words table was emptied with the index and rebuilt with it.
        assert_eq!(titles(&s, &text("khác")), ["Hội An"]);
        assert!(!needs_rebuild(&s.conn).unwrap());
        assert_eq!(s.reindex().unwrap(), 1);
        assert_eq!(titles(&s, &text("pho co")), ["Hội An"]);
    }

    #[test]
    fn snippets_mark_matches_as_runs_not_html() {
        let mut s = Store::open_in_memory().unwrap();
        article(
            &mut s,
            "Tin <b>nóng</b>",
            "Sáng nay, mưa lớn ở Đà Nẵng <script>.",
        );
        let hit = &s.search(&text("da nang")).unwrap()[0];
        let marked: Vec<&str> = hit
            .snippet
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["Đà", "Nẵng"]);
        let whole: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
        assert!(
            whole.contains("<script>"),
            "text is returned as text: {whole}"
        );
        assert_eq!(hit.match_offset, Some(20));
    }

    #[test]
    fn recent_searches_are_kept_newest_first_once_each() {
        let mut s = Store::open_in_memory().unwrap();
        for q in ["da nang", "quang tri", "  ", "da nang"] {
            s.remember_search(q).unwrap();
        }
        let got: Vec<String> = s
            .recent_searches(10)
            .unwrap()
            .into_iter()
            .map(|r| r.text)
            .collect();
        assert_eq!(got, ["da nang", "quang tri"]);
        for i in 0..60 {
            s.remember_search(&format!("q{i}")).unwrap();
        }
        assert_eq!(
            s.recent_searches(100).unwrap().len(),
            crate::recent_searches::KEEP as usize
        );
        s.clear_recent_searches().unwrap();
        assert!(s.recent_searches(10).unwrap().is_empty());
    }
}
