//! Quality and speed of the proofing engine (issue 7), measured on the shipped corpus
//! of clean Vietnamese prose (crates/proof/corpus):
//! - false alarms per 1,000 words, by rule (the corpus is clean, so every finding is one);
//! - recall by rule on errors injected automatically into the corpus, one at a time;
//! - time to proof a 5,000-word article, side by side with a baseline (NFC + word count,
//!   what the editor already does on every change) and with a dictionary lookup of every word.
//!
//! Run: `cargo bench -p newsdesk-proof --bench quality`

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use newsdesk_core::text::{nfc, word_count};
use newsdesk_proof::syllable::{letters, shape, Shape, Tone};
use newsdesk_proof::words::words;
use newsdesk_proof::{proof_with, Config, Dictionary, Rule};
use unicode_normalization::UnicodeNormalization;

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("corpus file"))
        })
        .collect()
}

/// One way of breaking a clean paragraph: returns the broken paragraph and the byte
/// range of the damage in it, for every place in `para` where the error can be made.
type Injector = fn(&str) -> Vec<(String, usize, usize)>;

fn drop_stop_tone(para: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for w in words(para) {
        let word = &para[w.start..w.end];
        // Lower-case words only: capitalised words inside a sentence are names, which
        // the rule deliberately leaves alone.
        if !word.chars().all(char::is_lowercase) {
            continue;
        }
        let Ok(l) = letters(word) else { continue };
        let Shape::Valid(p) = shape(&l) else { continue };
        if !p.stop_final() || !matches!(l.tone, Tone::Acute | Tone::Dot) {
            continue;
        }
        let plain: String = word
            .nfd()
            .filter(|c| !matches!(c, '\u{301}' | '\u{323}'))
            .nfc()
            .collect();
        let broken = format!("{}{}{}", &para[..w.start], plain, &para[w.end..]);
        out.push((broken, w.start, w.start + plain.len()));
    }
    out
}

fn double_word(para: &str) -> Vec<(String, usize, usize)> {
    let cfg = Config::default();
    words(para)
        .filter(|w| para[w.start..w.end].chars().all(char::is_alphabetic))
        .filter(|w| {
            let lw = para[w.start..w.end].to_lowercase();
            !cfg.reduplications.contains(&format!("{lw} {lw}"))
        })
        .map(|w| {
            let word = &para[w.start..w.end];
            let broken = format!("{}{word} {word}{}", &para[..w.start], &para[w.end..]);
            (broken, w.start, w.end + 1 + word.len())
        })
        .collect()
}

fn space_inside_quotes(para: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in para.char_indices() {
        if c == '“' {
            let at = i + c.len_utf8();
            out.push((format!("{} {}", &para[..at], &para[at..]), at, at + 1));
        } else if c == '”' {
            out.push((format!("{} {}", &para[..i], &para[i..]), i, i + 1));
        }
    }
    out
}

fn remove_space_after_comma(para: &str) -> Vec<(String, usize, usize)> {
    para.match_indices(", ")
        .filter(|(i, _)| {
            para[i + 2..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
        .map(|(i, _)| (format!("{}{}", &para[..=i], &para[i + 2..]), i, i + 1))
        .collect()
}

fn decompose(para: &str) -> Vec<(String, usize, usize)> {
    words(para)
        // đ has no decomposition: only words that NFD actually changes.
        .filter(|w| !unicode_normalization::is_nfd(&para[w.start..w.end]))
        .map(|w| {
            let nfd: String = para[w.start..w.end].nfd().collect();
            let broken = format!("{}{nfd}{}", &para[..w.start], &para[w.end..]);
            (broken, w.start, w.start + nfd.len())
        })
        .collect()
}

fn swap_tone_style(para: &str) -> Vec<(String, usize, usize)> {
    // hòa → hoà: the house (default config) uses the old style.
    let pairs = [
        ("òa", "oà"),
        ("óa", "oá"),
        ("ỏa", "oả"),
        ("õa", "oã"),
        ("ọa", "oạ"),
        ("òe", "oè"),
        ("óe", "oé"),
        ("ỏe", "oẻ"),
        ("õe", "oẽ"),
        ("ọe", "oẹ"),
        ("ùy", "uỳ"),
        ("úy", "uý"),
        ("ủy", "uỷ"),
        ("ũy", "uỹ"),
        ("ụy", "uỵ"),
        ("Ủy", "Uỷ"),
    ];
    let mut out = Vec::new();
    for w in words(para) {
        let word = &para[w.start..w.end];
        for (old, new) in pairs {
            if word.ends_with(old) && !word.to_lowercase().starts_with("qu") {
                let swapped = format!("{}{new}", &word[..word.len() - old.len()]);
                let broken = format!("{}{swapped}{}", &para[..w.start], &para[w.end..]);
                out.push((broken, w.start, w.start + swapped.len()));
            }
        }
    }
    out
}

fn main() {
    let files = corpus();
    let total_words: usize = files.iter().map(|(_, t)| word_count(t)).sum();
    let dict = Dictionary::system();
    let cfg = Config::default();
    println!("## Proofing (issue 7)\n");
    println!(
        "Corpus: {} files, {} words. Dictionary: {}.\n",
        files.len(),
        total_words,
        if dict.is_some() {
            "hunspell-vi found"
        } else {
            "none installed"
        }
    );

    // False alarms: every finding on clean text is one.
    println!("### False alarms on the clean corpus (per 1,000 words)\n");
    println!("| rule | rules only | with dictionary |");
    println!("|---|---:|---:|");
    let mut by_rule: BTreeMap<Rule, (usize, usize)> = BTreeMap::new();
    let mut samples: Vec<String> = Vec::new();
    for (name, text) in &files {
        for f in proof_with(text, &cfg, None) {
            by_rule.entry(f.rule).or_default().0 += 1;
            samples.push(format!(
                "{name}:{}:{} {} “{}”",
                f.span.line,
                f.span.column,
                f.rule.id(),
                f.text
            ));
        }
        if let Some(d) = dict {
            for f in proof_with(text, &cfg, Some(d)) {
                by_rule.entry(f.rule).or_default().1 += 1;
                if f.rule == Rule::DictionaryUnknown {
                    samples.push(format!(
                        "{name}:{}:{} {} “{}”",
                        f.span.line,
                        f.span.column,
                        f.rule.id(),
                        f.text
                    ));
                }
            }
        }
    }
    let per_k = |n: usize| n as f64 * 1000.0 / total_words as f64;
    let (mut all0, mut all1) = (0, 0);
    for (rule, (a, b)) in &by_rule {
        println!("| {} | {:.2} | {:.2} |", rule.id(), per_k(*a), per_k(*b));
        all0 += a;
        all1 += b;
    }
    println!(
        "| **all rules** | **{:.2}** ({all0}) | **{:.2}** ({all1}) |\n",
        per_k(all0),
        per_k(all1)
    );
    for s in samples.iter().take(30) {
        println!("    {s}");
    }
    if !samples.is_empty() {
        println!();
    }

    // Recall: one injected error at a time, in its own paragraph.
    println!("### Recall on injected errors\n");
    println!("| injected error | expected rule | injected | found | recall |");
    println!("|---|---|---:|---:|---:|");
    let injectors: [(&str, Rule, Injector); 6] = [
        (
            "drop the tone of a stop-final syllable",
            Rule::SyllableStopTone,
            drop_stop_tone,
        ),
        ("double a word", Rule::DoubledWord, double_word),
        (
            "add a space inside quotes",
            Rule::SpaceInsideQuotes,
            space_inside_quotes,
        ),
        (
            "remove the space after a comma",
            Rule::SpaceAfterPunctuation,
            remove_space_after_comma,
        ),
        ("decompose a word to NFD", Rule::EncodingNfd, decompose),
        (
            "new-style tone on an old-style house",
            Rule::ToneStyle,
            swap_tone_style,
        ),
    ];
    let paragraphs: Vec<&str> = files
        .iter()
        .flat_map(|(_, t)| t.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let (mut inj_all, mut found_all) = (0usize, 0usize);
    for (label, rule, inject) in injectors {
        let (mut injected, mut found) = (0usize, 0usize);
        let mut misses = Vec::new();
        for para in &paragraphs {
            // Every third site keeps the run short while covering the whole corpus.
            for (broken, s, e) in inject(para).into_iter().step_by(3) {
                injected += 1;
                let hit = proof_with(&broken, &cfg, None).iter().any(|f| {
                    f.rule == rule
                        && f.span.start < e.max(s + 1)
                        && s < f.span.end.max(f.span.start + 1)
                });
                if hit {
                    found += 1;
                } else if misses.len() < 3 {
                    let mut a = s.saturating_sub(30);
                    while !broken.is_char_boundary(a) {
                        a -= 1;
                    }
                    misses.push(broken[a..].chars().take(60).collect::<String>());
                }
            }
        }
        inj_all += injected;
        found_all += found;
        println!(
            "| {label} | {} | {injected} | {found} | {:.1}% |",
            rule.id(),
            100.0 * found as f64 / injected.max(1) as f64
        );
        for m in misses {
            eprintln!("  missed ({}): …{m}…", rule.id());
        }
    }
    println!(
        "| **all** | | {inj_all} | {found_all} | **{:.1}%** |\n",
        100.0 * found_all as f64 / inj_all.max(1) as f64
    );

    // Speed: a 5,000-word article.
    let mut article = String::new();
    'outer: for (_, t) in &files {
        for line in t.lines() {
            if word_count(&article) >= 5000 {
                break 'outer;
            }
            article.push_str(line);
            article.push('\n');
        }
    }
    let n_words = word_count(&article);
    println!(
        "### Speed: one article of {n_words} words ({} KB), median of 51 runs\n",
        article.len() / 1024
    );
    println!("| what | median | p95 |");
    println!("|---|---:|---:|");
    let time = |f: &dyn Fn()| {
        f(); // warm caches and the dictionary
        let mut v: Vec<Duration> = (0..51)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        v.sort();
        (v[25], v[48])
    };
    let show = |label: &str, (m, p): (Duration, Duration)| {
        println!(
            "| {label} | {:.2} ms | {:.2} ms |",
            m.as_secs_f64() * 1e3,
            p.as_secs_f64() * 1e3
        );
    };
    show(
        "baseline: NFC + word count",
        time(&|| {
            std::hint::black_box(word_count(&nfc(&article)));
        }),
    );
    show(
        "proof, rules only",
        time(&|| {
            std::hint::black_box(proof_with(&article, &cfg, None));
        }),
    );
    if let Some(d) = dict {
        show(
            "proof, rules + hunspell-vi",
            time(&|| {
                std::hint::black_box(proof_with(&article, &cfg, Some(d)));
            }),
        );
        show(
            "hunspell-vi lookup of every word alone",
            time(&|| {
                let n = article
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty() && d.check(&w.to_lowercase()))
                    .count();
                std::hint::black_box(n);
            }),
        );
    }
}
