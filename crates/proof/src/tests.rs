//! Table-driven tests of every rule: each case is a text, the rule under test, and the
//! flagged texts with their certain fix (or none) that the rule must report — an empty list
//! means the rule must stay quiet.

use unicode_normalization::UnicodeNormalization;

use crate::{proof_with, Config, Finding, QuoteStyle, Rule, ToneStyle};

fn run(text: &str, config: &Config, rule: Rule) -> Vec<Finding> {
    proof_with(text, config, None)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

fn check_with(rule: Rule, config: &Config, cases: &[Case]) {
    for (text, want) in cases {
        let got: Vec<(String, Option<String>)> = run(text, config, rule)
            .into_iter()
            .map(|f| {
                assert_eq!(&text[f.span.start..f.span.end], f.text, "span of {text:?}");
                (f.text, f.fix)
            })
            .collect();
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(t, f)| ((*t).to_owned(), f.map(str::to_owned)))
            .collect();
        assert_eq!(got, want, "{} on {text:?}", rule.id());
    }
}

fn check(rule: Rule, cases: &[Case]) {
    check_with(rule, &Config::default(), cases);
}

#[test]
fn syllable_stop_tone() {
    check(
        Rule::SyllableStopTone,
        &[
            ("Đây là nghề nghiêp của anh.", &[("nghiêp", None)]),
            (
                "Môt người đi chợ. Têt đến.",
                &[("Môt", None), ("Têt", None)],
            ),
            ("Ông Bach, bà Pat và chợ Têt.", &[]),
            ("EC nói. Ủy ban châu Âu (EC) họp.", &[]),
            ("MÔT NGƯỜI", &[("MÔT", None)]),
            ("Anh ấy bât đèn.", &[("bât", None)]),
            ("Tết đến, nghiệp vụ tốt, học tập.", &[]),
            ("Tờ báo có top 10 và chat trực tuyến.", &[]),
            ("Ông Bach và bà Pat nói.", &[]),
        ],
    );
    let f = &run("nghiêp", &Config::default(), Rule::SyllableStopTone)[0];
    assert_eq!(f.suggestions, ["nghiếp", "nghiệp"]);
}

#[test]
fn syllable_spelling() {
    check(
        Rule::SyllableSpelling,
        &[
            ("Cô kô biết", &[("kô", Some("cô"))]),
            (
                "Chuyện ngiêm trọng ở nghành này",
                &[("ngiêm", Some("nghiêm")), ("nghành", Some("ngành"))],
            ),
            (
                "Con ghà và cái ge",
                &[("ghà", Some("gà")), ("ge", Some("ghe"))],
            ),
            ("Cái qa", &[("qa", None)]),
            ("Kể cả ghế, nghe, quốc gia, gì, Kon Tum, Đắk Lắk", &[]),
        ],
    );
}

#[test]
fn syllable_invalid() {
    check(
        Rule::SyllableInvalid,
        &[
            ("Mọi nguoi đều biết", &[("nguoi", None)]),
            ("Đây là hóà", &[("hóà", None)]),
            (
                "Video, euro, rock, km, Facebook, Trump, xi-măng, ki-lô-mét",
                &[],
            ),
        ],
    );
}

#[test]
fn syllable_tone_position() {
    check(
        Rule::SyllableTonePosition,
        &[
            ("Chúng ta tòan thắng", &[("tòan", Some("toàn"))]),
            ("Qúa nhiều người", &[("Qúa", Some("Quá"))]),
            ("Toàn thắng, quá, người, mùa, khuya, hòa, hoà", &[]),
        ],
    );
}

#[test]
fn tone_style() {
    let old = Config::default();
    let new = Config {
        tone_style: ToneStyle::New,
        ..Config::default()
    };
    let consistent = Config {
        tone_style: ToneStyle::Consistent,
        ..Config::default()
    };
    check_with(
        Rule::ToneStyle,
        &old,
        &[
            ("Hòa bình và Ủy ban", &[]),
            (
                "Hoà bình và Uỷ ban",
                &[("Hoà", Some("Hòa")), ("Uỷ", Some("Ủy"))],
            ),
            ("hoàng, quý, khuya, hoa", &[]),
        ],
    );
    check_with(
        Rule::ToneStyle,
        &new,
        &[
            (
                "Hòa bình và khỏe",
                &[("Hòa", Some("Hoà")), ("khỏe", Some("khoẻ"))],
            ),
            ("Hoà bình", &[]),
        ],
    );
    check_with(
        Rule::ToneStyle,
        &consistent,
        &[
            ("hòa, thủy, hoá", &[("hoá", Some("hóa"))]),
            ("hòa, thủy", &[]),
        ],
    );
}

#[test]
fn space_before_punctuation() {
    check(
        Rule::SpaceBeforePunctuation,
        &[
            ("Hà Nội , ngày mai .", &[(" ", Some("")), (" ", Some(""))]),
            ("Sao vậy ?", &[(" ", Some(""))]),
            ("Giá 1,93% ; còn lại", &[(" ", Some(""))]),
            ("Hà Nội, ngày 7/3/2017. Lúc 06:53, giá 2.254 đồng…", &[]),
            ("Anh nói ...", &[]),
            ("tệp include/stdio.h .h và ./chạy, a != b", &[]),
        ],
    );
}

#[test]
fn space_after_punctuation() {
    check(
        Rule::SpaceAfterPunctuation,
        &[
            ("Hà Nội,ngày mai", &[(",", Some(", "))]),
            ("Xong rồi.Ông ấy về", &[(".", Some(". "))]),
            ("Lưu ý:Ông ấy", &[(":", Some(": "))]),
            ("Sao?Không", &[("?", Some("? "))]),
            ("tăng 1,93%, giá 2.254 đồng, lúc 06:53 ngày 7/3/2017", &[]),
            ("TP.HCM, Tp.Hồ Chí Minh, baochinhphu.vn, v.v.", &[]),
        ],
    );
}

#[test]
fn space_inside_quotes_and_brackets() {
    check(
        Rule::SpaceInsideQuotes,
        &[
            (
                "Ông nói: “ Việc này khó ”.",
                &[(" ", Some("")), (" ", Some(""))],
            ),
            ("Ông nói: “Việc này khó”.", &[]),
            // ” used as an opening quote: a wrong quote, not a space inside one.
            ("vào ”nohup.out” nếu", &[]),
        ],
    );
    let straight = Config {
        quote_style: QuoteStyle::Straight,
        ..Config::default()
    };
    check_with(
        Rule::SpaceInsideQuotes,
        &straight,
        &[
            (
                "Ông nói: \" Việc này\" và \"khó \".",
                &[(" ", Some("")), (" ", Some(""))],
            ),
            ("Ông nói: \"Việc này\" và \"khó\".", &[]),
        ],
    );
    check(
        Rule::SpaceInsideBrackets,
        &[
            ("Hội đồng ( abc ) họp", &[(" ", Some("")), (" ", Some(""))]),
            ("Hội đồng (abc) họp", &[]),
        ],
    );
}

#[test]
fn straight_quotes() {
    check(
        Rule::StraightQuotes,
        &[
            ("Ông nói \"được\".", &[("\"", Some("“")), ("\"", Some("”"))]),
            ("Ông nói “được”.", &[]),
        ],
    );
    let straight = Config {
        quote_style: QuoteStyle::Straight,
        ..Config::default()
    };
    check_with(
        Rule::StraightQuotes,
        &straight,
        &[("Ông nói “được”.", &[("“", Some("\"")), ("”", Some("\""))])],
    );
}

#[test]
fn double_space() {
    check(
        Rule::DoubleSpace,
        &[
            ("Hà  Nội", &[("  ", Some(" "))]),
            ("Hà Nội\n  thụt đầu dòng", &[]),
            ("Hà Nội   \nhết", &[]),
        ],
    );
}

#[test]
fn doubled_word() {
    check(
        Rule::DoubledWord,
        &[
            ("Các các đại biểu", &[("Các các", Some("Các"))]),
            ("của của", &[("của của", Some("của"))]),
            ("Đi từ từ, ngày ngày, người người", &[]),
            ("Hà Nội. Nội thành", &[]),
            ("năm 2017 2017", &[]),
            ("hai đường song song", &[]),
            ("cột CỘT và trang TRANG", &[]),
        ],
    );
}

#[test]
fn abbreviation_undefined() {
    check(
        Rule::AbbreviationUndefined,
        &[
            (
                "BCĐ họp. Ban chỉ đạo (BCĐ) quyết định. BCĐ đồng ý.",
                &[("BCĐ", None)],
            ),
            ("Ban chỉ đạo (BCĐ) quyết định. BCĐ đồng ý.", &[]),
            ("UBND và HĐND tỉnh họp.", &[]),
            ("Thế kỷ XXI, chương IV.", &[]),
            ("HÀ NỘI ĐÓN KHÁCH TRONG NĂM MỚI\nBài viết.", &[]),
            ("Đội tuyển VIỆT NAM thắng.", &[]),
            ("ABC nói, ABC làm.", &[("ABC", None)]),
        ],
    );
    let mut cfg = Config::default();
    cfg.known_abbreviations.push("BCĐ".into());
    check_with(Rule::AbbreviationUndefined, &cfg, &[("BCĐ họp.", &[])]);
}

#[test]
fn encoding_nfd() {
    let nfd: String = "Đà Nẵng đẹp".nfd().collect();
    let text = format!("Thành phố {nfd}");
    let found = run(&text, &Config::default(), Rule::EncodingNfd);
    let fixes: Vec<_> = found.iter().map(|f| f.fix.clone().unwrap()).collect();
    assert_eq!(fixes, ["Đà", "Nẵng", "đẹp"]);
    assert!(run("Đà Nẵng đẹp", &Config::default(), Rule::EncodingNfd).is_empty());
    // No other rule trips over the decomposed letters.
    assert!(proof_with(&text, &Config::default(), None)
        .iter()
        .all(|f| f.rule == Rule::EncodingNfd));
}

#[test]
fn encoding_legacy() {
    check(
        Rule::EncodingLegacy,
        &[
            ("Thủ đô Hµ Néi", &[("Hµ", None)]),
            (
                "Xin chaøo caùc baïn",
                &[("chaøo", None), ("caùc", None), ("baïn", None)],
            ),
            ("Herr Müller © 2017, España", &[]),
            ("THOÁT KHỎI, HOÀ GIẢI, TOÁN", &[]),
        ],
    );
    let f = &run("Hµ", &Config::default(), Rule::EncodingLegacy)[0];
    assert_eq!(f.suggestions, ["Hà"]);
}

#[test]
fn newsroom_words_are_not_flagged() {
    let mut cfg = Config::default();
    assert_eq!(run("Họ chơi bôt", &cfg, Rule::SyllableStopTone).len(), 1);
    cfg.newsroom_words.push("bôt".into());
    assert!(run("Họ chơi bôt", &cfg, Rule::SyllableStopTone).is_empty());
}

#[test]
fn disabled_rules_and_cap() {
    let cfg = Config {
        disabled_rules: vec![Rule::DoubledWord],
        ..Config::default()
    };
    assert!(run("các các", &cfg, Rule::DoubledWord).is_empty());
    let cfg = Config {
        max_findings: 3,
        ..Config::default()
    };
    let text = "các các ".repeat(100);
    assert_eq!(proof_with(&text, &cfg, None).len(), 3);
}

#[test]
fn spans_count_chars_lines_and_columns() {
    let text = "Đà Nẵng\nÔng nói:“ Việc";
    let f = &run(text, &Config::default(), Rule::SpaceInsideQuotes)[0];
    assert_eq!((f.span.line, f.span.column), (2, 10));
    assert_eq!(f.span.start_char, text[..f.span.start].chars().count());
    assert_eq!(f.span.end_char, f.span.start_char + 1);
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    let long_word = "a".repeat(1 << 20);
    for text in [
        "",
        " ",
        "\n\n",
        "“",
        "”",
        "(",
        ".",
        "\"",
        "a\u{301}\u{301}",
        &long_word,
    ] {
        let _ = proof_with(text, &Config::default(), None);
    }
}

/// A tiny hunspell dictionary written for the test (new-style spellings, like hunspell-vi),
/// read with the real pure-Rust reader.
fn tiny_dictionary() -> (tempfile::TempDir, crate::Dictionary) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vi.aff"), "SET UTF-8\nTRY aàáảãạoòóỏõọ\n").unwrap();
    std::fs::write(dir.path().join("vi.dic"), "5\nhoà\nnhà\nnghiệp\nbình\nlà\n").unwrap();
    let dict = crate::Dictionary::load(&dir.path().join("vi")).unwrap();
    (dir, dict)
}

#[test]
fn dictionary_unknown() {
    let (_dir, dict) = tiny_dictionary();
    assert!(dict.new_style);
    let cfg = Config::default();
    let found: Vec<String> = proof_with("Nhà hòa bình là nghiệp nhàa xoá", &cfg, Some(&dict))
        .into_iter()
        .filter(|f| f.rule == Rule::DictionaryUnknown)
        .map(|f| f.text)
        .collect();
    // hòa (old style) is looked up as hoà; capitalised Nhà is a name; xoá is unknown.
    assert_eq!(found, ["xoá"]);
    let mut cfg = Config::default();
    cfg.newsroom_words.push("xoá".into());
    assert!(proof_with("xoá", &cfg, Some(&dict)).is_empty());
}

#[test]
fn dictionary_errors_name_the_file() {
    let err = crate::Dictionary::load(std::path::Path::new("/nonexistent/vi")).unwrap_err();
    assert_eq!(err.code(), "dictionary");
    assert!(err.to_string().contains("/nonexistent/vi.aff"), "{err}");
}

/// Random mixtures of the characters the rules look at: no panic, and every span is a
/// valid slice whose text, character offsets and line:column agree with the input.
#[test]
fn random_text_never_panics_and_spans_agree() {
    let alphabet: Vec<char> = "aăâeêioôơuưy àáạảãếệớợừựđĐkKqQgGhnN ,.;:!?“”\"'()[]-–…0123456789\n\t\u{a0}\u{301}\u{323}\u{309}µ¸®«øïñöTPHCMUBND"
        .chars()
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let configs = [
        Config::default(),
        Config {
            tone_style: ToneStyle::Consistent,
            quote_style: QuoteStyle::Straight,
            ..Config::default()
        },
    ];
    for round in 0..3000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        for f in proof_with(&text, &configs[round % 2], None) {
            let s = f.span;
            assert_eq!(&text[s.start..s.end], f.text, "{text:?}");
            assert_eq!(s.start_char, text[..s.start].chars().count(), "{text:?}");
            assert_eq!(s.end_char, text[..s.end].chars().count(), "{text:?}");
            let line_start = text[..s.start].rfind('\n').map_or(0, |p| p + 1);
            assert_eq!(
                s.line,
                text[..s.start].matches('\n').count() + 1,
                "{text:?}"
            );
            assert_eq!(
                s.column,
                text[line_start..s.start].chars().count() + 1,
                "{text:?}"
            );
        }
    }
}
