//! Integration tests of `newsdesk proof` (issue 7): the JSON lines it prints, its exit
//! codes, and how it copes with empty, invalid and very large input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    run_cmd(Command::new(BIN).args(args), input)
}

fn run_cmd(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start newsdesk");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for newsdesk");
    writer.join().unwrap();
    out
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?} is not JSON: {e}")))
        .collect()
}

#[test]
fn json_lines_have_the_documented_shape() {
    let text = "Đây là nghề nghiêp.\nÔng nói: “ Việc các các bạn”.";
    let out = run_with_stdin(
        &["proof", "-", "--json", "--no-dictionary"],
        text.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    let rules: Vec<&str> = lines.iter().map(|l| l["rule"].as_str().unwrap()).collect();
    assert_eq!(
        rules,
        ["syllable-stop-tone", "space-inside-quotes", "doubled-word"]
    );
    for l in &lines {
        for key in [
            "rule",
            "severity",
            "start",
            "end",
            "start_char",
            "end_char",
            "line",
            "column",
            "text",
            "message",
            "message_vi",
            "suggestions",
            "fix",
        ] {
            assert!(l.get(key).is_some(), "{key} missing from {l}");
        }
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], l["text"].as_str().unwrap());
    }
    let first = &lines[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(13))
    );
    assert_eq!(first["start_char"].as_u64(), Some(12));
    assert_eq!(
        first["start"].as_u64(),
        Some(text.find("nghiêp").unwrap() as u64)
    );
    assert_eq!(first["suggestions"][0], "nghiếp");
    assert_eq!(lines[2]["fix"], "các");
    assert_eq!(lines[1]["line"].as_u64(), Some(2));
}

#[test]
fn text_output_and_clean_text_exit_zero() {
    let out = run_with_stdin(&["proof", "--no-dictionary"], "Hà Nội ,ngày".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("stdin:1:7:"), "{stdout}");
    assert!(stdout.contains("[space-before-punctuation]"), "{stdout}");

    let out = run_with_stdin(
        &["proof", "--json", "--no-dictionary"],
        "Hà Nội, ngày mai.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn reads_a_file_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bai.txt");
    std::fs::write(&file, "Hòa bình.").unwrap();
    let cfg = dir.path().join("proof.json");
    std::fs::write(
        &cfg,
        r#"{"tone_style": "new", "use_system_dictionary": false}"#,
    )
    .unwrap();
    let out = run_with_stdin(
        &[
            "proof",
            file.to_str().unwrap(),
            "--json",
            "--config",
            cfg.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["rule"], "tone-style");
    assert_eq!(lines[0]["fix"], "Hoà");
}

#[test]
fn empty_input_prints_nothing() {
    let out = run_with_stdin(&["proof", "--json"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
}

#[test]
fn invalid_utf8_on_stdin_is_a_clear_error() {
    let out = run_with_stdin(&["proof", "--json"], b"H\xe0 N\xf4i");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: stdin is not valid UTF-8"), "{err}");
    assert!(err.contains("offset 1"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_and_bad_settings_exit_one() {
    let out = run_with_stdin(&["proof", "/nonexistent/bai.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open '/nonexistent/bai.txt'"));

    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("proof.json");
    std::fs::write(&cfg, r#"{"tone_style": "sideways"}"#).unwrap();
    let out = run_with_stdin(&["proof", "--config", cfg.to_str().unwrap()], b"x");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid proofing settings"));
}

/// Runs `newsdesk proof` on `input` with its address space capped at 1 GiB, so that a
/// run whose memory grows with the input (rather than staying bounded) fails.
fn run_capped(input: &[u8]) -> Output {
    run_cmd(
        Command::new("prlimit").args(["--as=1073741824", "--", BIN, "proof", "--json"]),
        input,
    )
}

#[test]
fn ten_megabytes_of_text_stay_bounded() {
    let paragraph = "Sáng 7/3/2017, UBND tỉnh Quảng Trị tổ chức hội nghị tổng kết công tác năm. \
Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh, cho biết tăng trưởng đạt 1,93% và các các đơn vị \
đã hoàn thành kế hoạch. Hà Nội ,ngày mai nghiêp vụ “ sẽ ” tiếp tục.\n";
    let mut text = String::new();
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    let out = run_capped(text.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = String::from_utf8(out.stdout).unwrap().lines().count();
    assert_eq!(lines, 10_000, "findings are capped at max_findings");
    assert!(String::from_utf8_lossy(&out.stderr).contains("stopped after 10000 findings"));
}

#[test]
fn a_one_megabyte_line_without_spaces_is_fine() {
    for unit in ["a", "ệ", "các,", "“", "\u{301}", ".A"] {
        let line = unit.repeat((1 << 20) / unit.len());
        let out = run_capped(line.as_bytes());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{unit:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
