//! File names from article text: folded to ASCII, only `a-z`, `0-9` and `-`, never a
//! name Windows reserves, never empty. Raw user text never becomes a path.

use newsdesk_core::text::fold;

/// Longest slug, in bytes.
pub const MAX_SLUG: usize = 80;

const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A safe file-name stem for `text`; `fallback` when nothing usable is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        return fallback.to_owned();
    }
    if RESERVED.contains(&out.as_str()) {
        return format!("{out}-{fallback}");
    }
    out
}

/// Whether `name` is a file name this crate would write: one component made of
/// `a-z0-9-` and dots, not starting with a dot, not reserved.
pub fn is_safe_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    !name.is_empty()
        && name.len() <= MAX_SLUG + 20
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !RESERVED.contains(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("Đà Nẵng: mưa lớn", "da-nang-mua-lon"),
            ("../../etc/passwd", "etc-passwd"),
            ("..\\..\\windows\\system32", "windows-system32"),
            ("/absolute/path", "absolute-path"),
            ("CON", "con-article"),
            ("lpt1", "lpt1-article"),
            ("<script>alert(1)</script>", "script-alert-1-script"),
            ("", "article"),
            ("\u{202E}\u{0000}", "article"),
            ("Tin\u{200F} mới", "tin-moi"),
        ];
        for (text, want) in cases {
            let s = slug(text, "article");
            assert_eq!(s, want, "{text:?}");
            assert!(is_safe_name(&s), "{s}");
        }
        assert!(slug(&"a".repeat(10_000), "x").len() <= MAX_SLUG);
    }

    #[test]
    fn unsafe_names() {
        for n in [
            "", "..", "../x", "a/b", "a\\b", "/abs", ".hidden", "con.html", "A.html", "nul",
        ] {
            assert!(!is_safe_name(n), "{n}");
        }
        assert!(is_safe_name("tin-moi.html"));
    }
}
