//! Autosave latency (issue 2): saving a 5,000-word article into a database that holds
//! 10,000 articles × 10 revisions, next to one bare fsync'd SQLite transaction writing
//! the same bytes in the same kind of file. Not a test: it prints figures for BENCHMARKS.md.
//!
//!     cargo bench -p newsdesk-store --bench autosave
//!
//! The 10,000-article database is built once into `$NEWSDESK_BENCH_DIR` (default
//! `target/bench-data`) and reused; the bench writes into a copy so every run starts equal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdesk_core::{Article, Document, NewArticle};
use newsdesk_store::{
    articles, migrations, revisions, RevisionKind, RevisionMeta, SaveKind, SaveOutcome, Store,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::{params, Connection};
use uuid::Uuid;

const ARTICLES: usize = 10_000;
const REVISIONS_PER_ARTICLE: i64 = 10;
const SAVES: usize = 300;

const SYLLABLES: &[&str] = &[
    "người", "dân", "tỉnh", "Quảng", "Trị", "đã", "được", "hỗ", "trợ", "kinh", "tế", "phát",
    "triển", "xã", "hội", "năm", "nay", "huyện", "thành", "phố", "Đông", "Hà", "cán", "bộ", "nhân",
    "viên", "công", "trình", "giao", "thông", "nông", "nghiệp", "chương", "mới", "của", "và",
    "trong", "những", "các", "với", "cho", "theo",
];

fn words(rng: &mut StdRng, n: usize) -> String {
    let mut paragraphs = Vec::new();
    let mut left = n;
    while left > 0 {
        let len = left.min(rng.random_range(40..90));
        let p: Vec<&str> = (0..len)
            .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
            .collect();
        paragraphs.push(format!("{}.", p.join(" ")));
        left -= len;
    }
    paragraphs.join("\n\n")
}

fn bench_dir() -> PathBuf {
    std::env::var_os("NEWSDESK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data")
        })
}

/// Builds the 10,000 × 10 database once, in one transaction, through the table modules.
fn seed(path: &std::path::Path) {
    if path.exists() {
        return;
    }
    eprintln!(
        "building {} ({ARTICLES} articles × {REVISIONS_PER_ARTICLE} revisions)…",
        path.display()
    );
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut conn = Connection::open(&tmp).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    migrations::run(&mut conn).unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    let tx = conn.transaction().unwrap();
    for i in 0..ARTICLES {
        let mut a = Article::create(
            NewArticle {
                headline: format!("Bài số {i}: {}", words(&mut rng, 8)),
                ..NewArticle::default()
            },
            newsdesk_core::time::now(),
        );
        for v in 1..=REVISIONS_PER_ARTICLE {
            a.version = v;
            a.body = Document::from_plain_text(&words(&mut rng, 500));
            let meta = RevisionMeta {
                id: Uuid::now_v7(),
                article_id: a.id,
                version: Some(v),
                base_version: v - 1,
                kind: if v == 1 {
                    RevisionKind::Create
                } else {
                    RevisionKind::Save
                },
                label: None,
                author: "bench".into(),
                created_at: newsdesk_core::time::now(),
                headline: a.headline.clone(),
            };
            if v == 1 {
                articles::insert(&tx, &a).unwrap();
            }
            revisions::insert(&tx, &meta, &a).unwrap();
        }
        articles::update(&tx, &a).unwrap();
    }
    tx.commit().unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(conn);
    std::fs::rename(&tmp, path).unwrap();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = bench_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let seeded = dir.join("autosave-10k.db");
    seed(&seeded);
    let work = tempfile::tempdir_in(&dir).unwrap();
    std::fs::copy(&seeded, work.path().join(newsdesk_store::DB_FILE)).unwrap();

    let mut store = Store::open_dir(work.path()).unwrap();
    let mut rng = StdRng::seed_from_u64(42);
    let mut article = store
        .create(
            NewArticle {
                headline: "Bài dài 5.000 chữ".into(),
                ..NewArticle::default()
            },
            "bench",
        )
        .unwrap();
    let base = words(&mut rng, 5_000);
    article.body = Document::from_plain_text(&base);
    let bytes = serde_json::to_string(&article).unwrap().len();

    // Bare baseline: the same bytes (head + revision) in one fsync'd transaction, same pragmas.
    let bare = Connection::open(work.path().join("bare.db")).unwrap();
    bare.pragma_update(None, "journal_mode", "WAL").unwrap();
    bare.pragma_update(None, "synchronous", "FULL").unwrap();
    bare.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
        .unwrap();

    let mut autosave = Vec::with_capacity(SAVES);
    let mut bare_times = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        // Interleave the two so machine noise hits both alike.
        article.headline = format!("Bài dài 5.000 chữ, lần sửa {i}");
        let t = Instant::now();
        match store
            .save(&article, article.version, SaveKind::Auto, "bench")
            .unwrap()
        {
            SaveOutcome::Saved { article: a } => article = a,
            SaveOutcome::Conflict { .. } => unreachable!(),
        }
        autosave.push(t.elapsed());

        let doc = serde_json::to_string(&article).unwrap();
        let t = Instant::now();
        bare.execute_batch("BEGIN IMMEDIATE").unwrap();
        bare.execute("INSERT INTO t (doc) VALUES (?1)", params![doc])
            .unwrap();
        bare.execute("INSERT INTO t (doc) VALUES (?1)", params![doc])
            .unwrap();
        bare.execute_batch("COMMIT").unwrap();
        bare_times.push(t.elapsed());
    }
    autosave.sort();
    bare_times.sort();
    let (a50, a99) = (percentile(&autosave, 0.5), percentile(&autosave, 0.99));
    let (b50, b99) = (percentile(&bare_times, 0.5), percentile(&bare_times, 0.99));
    println!("autosave of a 5,000-word article ({bytes} bytes of JSON) into {ARTICLES} articles × {REVISIONS_PER_ARTICLE} revisions, {SAVES} saves");
    println!("| path | p50 ms | p99 ms |");
    println!("|---|---|---|");
    println!(
        "| Store::save (article + revision, BEGIN IMMEDIATE, synchronous=FULL) | {:.2} | {:.2} |",
        ms(a50),
        ms(a99)
    );
    println!(
        "| bare transaction, same bytes (2 rows), synchronous=FULL | {:.2} | {:.2} |",
        ms(b50),
        ms(b99)
    );
    println!(
        "ratio p50 {:.2}×, p99 {:.2}×",
        ms(a50) / ms(b50),
        ms(a99) / ms(b99)
    );
}
