//! Search benchmark (issue 8): query latency over a generated archive of 100,000 articles
//! of ~600 words plus 100,000 photo-like index rows, and what the index adds to a save.
//!
//! The database is generated once into a cache file (minutes) and reused:
//!   NEWSDESK_SEARCH_BENCH_DB (default /tmp/newsdesk-search-bench/v3/newsdesk.db)
//! Sizes can be cut for a quick run with NEWSDESK_SEARCH_BENCH_ARTICLES / _PHOTOS (a
//! different size needs a different cache path).
//!
//! Run: cargo bench -p newsdesk-store --bench search

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use newsdesk_core::{Article, Byline, Document, NewArticle, Role, SearchKind, SearchQuery, Status};
use newsdesk_store::{IndexDoc, IndexUpkeep, SaveKind, SaveOutcome, SearchPlan, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Common Vietnamese syllables, roughly most frequent first (newspaper prose).
const SYLLABLES: &str = "của và các có là được trong cho người với không những một đã này \
đến năm tại về khi để từ theo ra công nhiều như đó thì cũng trên sẽ phải nhà làm \
việc nước vào tỉnh sau mới hơn nhưng đồng lại thành phố ngày động tế hiện còn chính \
quốc kinh xã hội dân tình triển phát trường học sinh viên quan tổ chức dự án đầu tư \
nông nghiệp thủy sản lúa gạo mưa bão lũ lụt giao thông cầu đường tàu xe máy điện \
nông thôn miền trung biển đảo cảng cá ngư dân du lịch khách sạn văn hóa lễ hội \
bệnh viện bác sĩ y tế thuốc trẻ em giáo dục thầy cô giáo lớp thi cử đại hội đảng \
bộ ủy ban nhân dân chủ tịch phó giám đốc sở ngành cán công chức lao động việc làm \
doanh nghiệp sản xuất hàng hóa xuất khẩu giá thị trường tiền tỷ triệu đồng ngân hàng \
vốn vay thuế đất đai nhà ở quy hoạch xây dựng công trình khu dân cư môi trường rác \
nước sạch rừng cây trồng chăn nuôi heo gà bò dịch bệnh cúm an ninh trật tự công an \
cảnh sát vụ án tội phạm tòa xét xử bị cáo luật pháp quy định nghị định thông tư \
hướng dẫn kiểm tra thanh tra xử phạt vi phạm sai phạm trách nhiệm kết quả báo cáo \
hội nghị họp bàn thảo luận ý kiến đề nghị kiến nghị giải pháp chương trình kế hoạch \
mục tiêu nhiệm vụ thực hiện triển khai hoàn thành tiến độ chất lượng hiệu quả nâng cao \
tăng giảm đạt vượt chỉ tiêu so với cùng kỳ tháng quý đầu cuối sáng chiều tối hôm qua \
nay mai tuần trước vừa qua tới đây hòa bình hoà giải thời tiết nắng nóng rét lạnh \
mùa vụ thu hoạch bội thu mất trắng hỗ trợ khó khăn gia đình hộ nghèo chính sách \
bảo hiểm xã hội lương hưu người cao tuổi thanh niên phụ nữ cựu chiến binh mặt trận \
tổ quốc đoàn thể hội nông dân huyện thị trấn thôn bản làng xóm ấp khu phố phường \
Đà Nẵng Quảng Trị Quảng Nam Quảng Ngãi Huế Hội An Hà Nội Sài Gòn Cần Thơ Nghệ An \
Thanh Hóa Bình Định Phú Yên Khánh Hòa Gia Lai Kon Tum Đắk Lắk Lâm Đồng Cà Mau";

const SECTIONS: [&str; 8] = [
    "Thời sự",
    "Kinh tế",
    "Xã hội",
    "Văn hóa",
    "Thể thao",
    "Pháp luật",
    "Giáo dục",
    "Sức khỏe",
];
const NAMES: [&str; 12] = [
    "Thanh Hải",
    "Minh Châu",
    "Quốc Dũng",
    "Hoàng Sơn",
    "Ngọc Ánh",
    "Văn Đức",
    "Thu Hà",
    "Phước Lộc",
    "Bảo Ngọc",
    "Đình Tuấn",
    "Hồng Nhung",
    "Xuân Trường",
];

struct Gen {
    rng: StdRng,
    words: Vec<&'static str>,
    /// Cumulative Zipf-like weights over `words`.
    cdf: Vec<f64>,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        let words: Vec<&str> = SYLLABLES.split_whitespace().collect();
        let mut cdf = Vec::with_capacity(words.len());
        let mut acc = 0.0;
        for i in 0..words.len() {
            acc += 1.0 / (i as f64 + 2.0).powf(0.9);
            cdf.push(acc);
        }
        Gen {
            rng: StdRng::seed_from_u64(seed),
            words,
            cdf,
        }
    }

    fn word(&mut self) -> &'static str {
        let x = self.rng.random::<f64>() * self.cdf[self.cdf.len() - 1];
        let i = self.cdf.partition_point(|&c| c < x);
        self.words[i.min(self.words.len() - 1)]
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            let w = self.word();
            if i == 0 {
                let mut c = w.chars();
                let first = c.next().unwrap();
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn paragraph(&mut self, words: usize) -> String {
        let mut p = String::new();
        let mut left = words;
        while left > 0 {
            let n = self.rng.random_range(8..20).min(left);
            if !p.is_empty() {
                p.push(' ');
            }
            p.push_str(&self.sentence(n));
            left -= n;
        }
        p
    }

    fn article(&mut self, i: usize, n: usize) -> Article {
        let n_head = self.rng.random_range(7..13);
        let headline = self.sentence(n_head);
        let lead = self.paragraph(35);
        let body: Vec<String> = (0..6).map(|_| self.paragraph(95)).collect();
        let section = SECTIONS[self.rng.random_range(0..SECTIONS.len())];
        let name = NAMES[self.rng.random_range(0..NAMES.len())];
        let mut a = Article::create(
            NewArticle {
                headline: headline.trim_end_matches('.').to_owned(),
                lead,
                body: Some(Document::from_plain_text(&body.join("\n\n"))),
                bylines: vec![Byline::new(name, Role::Writer)],
                section: section.into(),
                tags: vec![self.word().into(), self.word().into()],
            },
            Utc::now(),
        );
        // Spread over three years, oldest first, as an archive grows.
        let t = Utc.with_ymd_and_hms(2023, 1, 1, 0, 0, 0).unwrap()
            + chrono::Duration::seconds((i as i64) * (3 * 365 * 86_400) / n as i64);
        a.created_at = t;
        a.updated_at = t;
        a.version = 1;
        a.status = if self.rng.random_bool(0.8) {
            Status::Published
        } else {
            Status::ALL[self.rng.random_range(0..Status::ALL.len())]
        };
        a
    }

    fn photo(&mut self, i: usize, n: usize) -> IndexDoc {
        let t = Utc.with_ymd_and_hms(2023, 1, 1, 0, 0, 0).unwrap()
            + chrono::Duration::seconds((i as i64) * (3 * 365 * 86_400) / n as i64);
        let n_words = self.rng.random_range(12..30);
        IndexDoc {
            kind: SearchKind::Photo,
            ref_id: format!("photo-{i}"),
            title: self.sentence(6),
            text: self.paragraph(n_words),
            people: vec![NAMES[self.rng.random_range(0..NAMES.len())].into()],
            tags: vec![self.word().into()],
            section: String::new(),
            status: None,
            date: t,
            trashed: false,
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn open_or_generate(path: &PathBuf, n_articles: usize, n_photos: usize) -> Store {
    let done = path.with_extension("done");
    if done.exists() {
        eprintln!("reusing {}", path.display());
        let store = Store::open_file(path).expect("open cached bench db");
        // A migration that rebuilt the index dropped the photo rows, which only the
        // benchmark writes: generate again.
        if store.index_count().unwrap() == (n_articles + n_photos) as i64 {
            return store;
        }
        eprintln!("the cached index lost rows (rebuilt by a migration): generating again");
    }
    let _ = std::fs::remove_file(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut store = Store::open_file(path).expect("create bench db");
    let mut g = Gen::new(8);
    let started = Instant::now();
    let batch = 1000;
    for start in (0..n_articles).step_by(batch) {
        let list: Vec<Article> = (start..(start + batch).min(n_articles))
            .map(|i| g.article(i, n_articles))
            .collect();
        store.import_all(&list, "bench").unwrap();
        if start.is_multiple_of(10_000) {
            eprintln!("articles {start}/{n_articles} ({:?})", started.elapsed());
        }
    }
    for start in (0..n_photos).step_by(batch) {
        let docs: Vec<IndexDoc> = (start..(start + batch).min(n_photos))
            .map(|i| g.photo(i, n_photos))
            .collect();
        store.index_all(&docs).unwrap();
    }
    eprintln!("generated in {:?}", started.elapsed());
    std::fs::write(&done, format!("{n_articles} {n_photos}\n")).unwrap();
    store
}

fn fold_word(w: &str) -> String {
    newsdesk_core::fold::fold(w)
}

struct Stats {
    p50: Duration,
    p95: Duration,
    max: Duration,
    cpu_p50: Duration,
    cpu_p95: Duration,
    mean_hits: f64,
}

/// CPU time this thread has used: unlike wall-clock time it does not grow while the
/// thread waits for a core, so it shows the work a query does on a loaded machine.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Runs every query under each plan, interleaved query by query so both see the same
/// load (which plan goes first alternates, so neither always finds the pages the other
/// just read), and checks that the plans return the same hits.
fn measure(store: &mut Store, queries: &[SearchQuery], plans: &[SearchPlan]) -> Vec<Stats> {
    for plan in plans {
        store.set_search_plan(*plan);
        for q in queries.iter().take(10) {
            store.search(q).unwrap(); // warm the page cache and statement cache
        }
    }
    let mut times = vec![Vec::with_capacity(queries.len()); plans.len()];
    let mut cpu = vec![Vec::with_capacity(queries.len()); plans.len()];
    let mut hits = vec![0usize; plans.len()];
    for (n, q) in queries.iter().enumerate() {
        let mut first: Option<Vec<String>> = None;
        let mut order: Vec<usize> = (0..plans.len()).collect();
        order.rotate_left(n % plans.len());
        for i in order {
            let plan = &plans[i];
            store.set_search_plan(*plan);
            let (t, c) = (Instant::now(), thread_cpu());
            let h = store.search(q).unwrap();
            times[i].push(t.elapsed());
            cpu[i].push(thread_cpu() - c);
            hits[i] += h.len();
            let ids: Vec<String> = h.into_iter().map(|h| h.id).collect();
            match &first {
                None => first = Some(ids),
                Some(f) => assert_eq!(f, &ids, "{plan:?} differs on {:?}", q.text),
            }
        }
    }
    store.set_search_plan(SearchPlan::Tuned);
    times
        .into_iter()
        .zip(cpu)
        .zip(hits)
        .map(|((mut times, mut cpu), hits)| {
            times.sort();
            cpu.sort();
            let at = |v: &[Duration], p: f64| v[((v.len() as f64 * p) as usize).min(v.len() - 1)];
            Stats {
                p50: at(&times, 0.50),
                p95: at(&times, 0.95),
                max: *times.last().unwrap(),
                cpu_p50: at(&cpu, 0.50),
                cpu_p95: at(&cpu, 0.95),
                mean_hits: hits as f64 / queries.len() as f64,
            }
        })
        .collect()
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// Merges the index to the end in the app's step size, timing each step.
fn tidy_timed(store: &mut Store, steps: &mut Vec<Duration>) {
    loop {
        let t = Instant::now();
        let worked = store.tidy_index(IndexUpkeep::PAGES).unwrap();
        steps.push(t.elapsed());
        if !worked {
            break;
        }
    }
}

fn main() {
    let n_articles = env_usize("NEWSDESK_SEARCH_BENCH_ARTICLES", 100_000);
    let n_photos = env_usize("NEWSDESK_SEARCH_BENCH_PHOTOS", 100_000);
    let path = std::env::var("NEWSDESK_SEARCH_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("/tmp/newsdesk-search-bench/v3/newsdesk.db"));
    let mut store = open_or_generate(&path, n_articles, n_photos);
    eprintln!(
        "index rows: {}, db size: {} MB",
        store.index_count().unwrap(),
        std::fs::metadata(&path)
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0)
    );

    let mut g = Gen::new(99);
    let n = 300;
    let q = |text: String| SearchQuery {
        text,
        limit: Some(20),
        ..SearchQuery::default()
    };
    // Half typed with diacritics, half without, as reporters do.
    let typed = |g: &mut Gen, i: usize| {
        let w = g.word();
        if i.is_multiple_of(2) {
            w.to_owned()
        } else {
            fold_word(w)
        }
    };
    let one: Vec<SearchQuery> = (0..n)
        .map(|i| q(format!("{} ", typed(&mut g, i))))
        .collect();
    let two: Vec<SearchQuery> = (0..n)
        .map(|i| q(format!("{} {} ", typed(&mut g, i), typed(&mut g, i))))
        .collect();
    let prefix: Vec<SearchQuery> = (0..n)
        .map(|i| {
            let w = fold_word(&typed(&mut g, i));
            let cut: String = w.chars().take(w.chars().count().clamp(2, 3)).collect();
            q(cut)
        })
        .collect();
    let long_prefix: Vec<SearchQuery> = (0..n)
        .map(|_| loop {
            let w = fold_word(g.word());
            let len = w.chars().count();
            if len >= 5 {
                break q(w.chars().take(len - 1).collect());
            }
        })
        .collect();
    let filtered: Vec<SearchQuery> = (0..n)
        .map(|i| {
            let mut x = q(format!("{} ", typed(&mut g, i)));
            x.kinds = vec![SearchKind::Article];
            x.status = Some(Status::Published);
            x.section = Some(SECTIONS[i % SECTIONS.len()].into());
            x
        })
        .collect();
    let section_only: Vec<SearchQuery> = filtered
        .iter()
        .map(|x| SearchQuery {
            section: x.section.clone(),
            ..q(x.text.clone())
        })
        .collect();
    let dated: Vec<SearchQuery> = filtered
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut x = x.clone();
            let from =
                chrono::NaiveDate::from_ymd_opt(2023 + (i % 3) as i32, 1 + (i % 12) as u32, 1)
                    .unwrap();
            x.from = Some(from);
            x.to = from.checked_add_months(chrono::Months::new(3));
            x
        })
        .collect();
    let selective: Vec<SearchQuery> = filtered
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut x = x.clone();
            x.status = Some(Status::Draft);
            x.person = Some(NAMES[i % NAMES.len()].into());
            x
        })
        .collect();
    let place: Vec<SearchQuery> = (0..n)
        .map(|i| q(["da nang", "Đà Nẵng", "quang tri ", "Hòa "][i % 4].into()))
        .collect();
    let phrase: Vec<SearchQuery> = (0..n)
        .map(|i| {
            let (a, b) = (typed(&mut g, i), typed(&mut g, i + 1));
            q(format!("\"{a} {b}\""))
        })
        .collect();

    println!("## search latency ({n_articles} articles + {n_photos} photo rows, {n} queries each, top 20)");
    println!("| query | plan | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | mean hits |");
    println!("|---|---|---|---|---|---|---|---|");
    let plans = [SearchPlan::Baseline, SearchPlan::Tuned];
    // NEWSDESK_SEARCH_BENCH_ONLY=filtered,prefix runs only the query kinds whose names
    // contain one of the words; NEWSDESK_SEARCH_BENCH_SAVES=0 skips the save part.
    let only = std::env::var("NEWSDESK_SEARCH_BENCH_ONLY").unwrap_or_default();
    for (name, qs) in [
        ("one word", &one),
        ("two words", &two),
        ("prefix, 2-3 letters typed", &prefix),
        (
            "prefix, 4+ letters typed (word minus its last letter)",
            &long_prefix,
        ),
        ("filtered: one section", &section_only),
        ("filtered: article, published, one section", &filtered),
        ("filtered as above, plus a 3-month date range", &dated),
        (
            "filtered: draft, one section, one person (selective)",
            &selective,
        ),
        ("place names (da nang, Đà Nẵng, quang tri, Hòa)", &place),
        (
            "phrase of two random common words (one typed with diacritics, one without)",
            &phrase,
        ),
    ] {
        if !only.is_empty() && !only.split(',').any(|o| name.contains(o)) {
            continue;
        }
        for (plan, s) in plans.iter().zip(measure(&mut store, qs, &plans)) {
            println!(
                "| {name} | {plan:?} | {} | {} | {} | {} | {} | {:.1} |",
                ms(s.p50),
                ms(s.p95),
                ms(s.max),
                ms(s.cpu_p50),
                ms(s.cpu_p95),
                s.mean_hits
            );
        }
    }

    if env_usize("NEWSDESK_SEARCH_BENCH_SAVES", 1) == 0 {
        return;
    }
    // Save latency with and without the index, interleaved on the same articles, under
    // both merge settings: FTS5 merging during saves (migration 0002) and merging left to
    // `Store::tidy_index` when the desk is idle (0012).
    let ids: Vec<_> = store
        .search(&SearchQuery {
            text: "của ".into(),
            kinds: vec![SearchKind::Article],
            limit: Some(100),
            ..SearchQuery::default()
        })
        .unwrap()
        .into_iter()
        .map(|h| uuid::Uuid::parse_str(&h.id).unwrap())
        .collect();
    let saves = env_usize("NEWSDESK_SEARCH_BENCH_SAVES", 400);
    let p = |v: &[Duration], q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
    let mean = |v: &[Duration]| v.iter().sum::<Duration>() / v.len() as u32;
    println!();
    println!(
        "## save latency (synchronous=FULL, WAL; {saves} saves each, with and without the index interleaved)"
    );
    println!("| merging | save | p50 ms | mean ms | p95 ms | p99 ms | max ms | saves ≥ 15 ms |");
    println!("|---|---|---|---|---|---|---|---|");
    // The third arm is the app's case: a reporter pauses now and then, and in every pause
    // longer than `IndexUpkeep::QUIET` the app merges and checkpoints the log (here: to
    // the end, every 30 indexed saves, outside the timed saves). The second never pauses:
    // every merge is FTS5's `crisismerge` inside a save, and every checkpoint SQLite's
    // automatic one inside a commit.
    for (merging, on, pause_every) in [
        ("during saves (0002)", true, None),
        ("when idle (0012), no pause", false, None),
        ("when idle (0012), a pause every 30", false, Some(30)),
    ] {
        // Start each arm from a tidy index, so neither inherits the other's segments.
        while store.tidy_index(2000).unwrap() {}
        store.set_merge_on_save(on).unwrap();
        let mut with = Vec::new();
        let mut without = Vec::new();
        let mut steps = Vec::new();
        let mut checkpoints = Vec::new();
        for (i, id) in ids.iter().cycle().take(2 * saves).enumerate() {
            let indexed = i % 2 == 0;
            if pause_every.is_some_and(|n| i > 0 && i % (2 * n) == 0) {
                tidy_timed(&mut store, &mut steps);
                // As `IndexUpkeep` does once merged.
                let t = Instant::now();
                store.checkpoint().unwrap();
                checkpoints.push(t.elapsed());
            }
            store.set_index_on_save(indexed);
            let mut a = store.article(*id).unwrap();
            a.lead.push_str(&format!(" {}", g.word()));
            let t = Instant::now();
            let out = store.save(&a, a.version, SaveKind::Auto, "bench").unwrap();
            let d = t.elapsed();
            assert!(matches!(out, SaveOutcome::Saved { .. }));
            if indexed {
                with.push(d)
            } else {
                without.push(d)
            }
        }
        store.set_index_on_save(true);
        // Leave the cached database consistent for the next run.
        for id in &ids {
            let a = store.article(*id).unwrap();
            let mut b = a.clone();
            b.lead.push('.');
            store.save(&b, a.version, SaveKind::Auto, "bench").unwrap();
        }
        with.sort();
        without.sort();
        let slow = |v: &[Duration]| v.iter().filter(|d| d.as_millis() >= 15).count();
        for (name, v) in [("without index", &without), ("with index", &with)] {
            println!(
                "| {merging} | {name} | {} | {} | {} | {} | {} | {} |",
                ms(p(v, 0.5)),
                ms(mean(v)),
                ms(p(v, 0.95)),
                ms(p(v, 0.99)),
                ms(*v.last().unwrap()),
                slow(v)
            );
        }
        println!(
            "| {merging} | **added by the index** | {} | {} | {} | {} | | |",
            ms(p(&with, 0.5).saturating_sub(p(&without, 0.5))),
            ms(mean(&with).saturating_sub(mean(&without))),
            ms(p(&with, 0.95).saturating_sub(p(&without, 0.95))),
            ms(p(&with, 0.99).saturating_sub(p(&without, 0.99))),
        );
        if !on {
            // What the idle merging does, step by step (the app's step size): in the
            // pauses, or after the last save.
            tidy_timed(&mut store, &mut steps);
            if !checkpoints.is_empty() {
                checkpoints.sort();
                println!(
                    "{merging}: {} checkpoints in the pauses, p50 {} ms, max {} ms",
                    checkpoints.len(),
                    ms(p(&checkpoints, 0.5)),
                    ms(*checkpoints.last().unwrap())
                );
            }
            let total: Duration = steps.iter().sum();
            steps.sort();
            println!(
                "{merging}: idle merging {} steps of {} pages, {} ms in all; a step p50 {} ms, max {} ms",
                steps.len(),
                IndexUpkeep::PAGES,
                ms(total),
                ms(p(&steps, 0.5)),
                ms(*steps.last().unwrap())
            );
        }
    }
    store.set_merge_on_save(false).unwrap();
    println!();
    // The CPU part of indexing one article: both keys of all its text.
    let a = store.article(ids[0]).unwrap();
    let doc = IndexDoc::article(&a);
    let t = Instant::now();
    for _ in 0..50 {
        let all = format!("{}\n{}", doc.title, doc.text);
        std::hint::black_box((
            newsdesk_core::fold::fold(&all),
            newsdesk_core::fold::exact(&all),
        ));
    }
    println!(
        "folding one article's text both ways ({} words): {} ms",
        newsdesk_core::text::word_count(&doc.text),
        ms(t.elapsed() / 50)
    );
}
