//! The house credit style for photos: `Ảnh: NAME` with the name in capitals, and —
//! when the newsroom's settings allow it — later credits of the same photographer in
//! one article shortened to initials (`Ảnh: T.D`).

use unicode_normalization::UnicodeNormalization;

use crate::settings::Lang;

/// The label printed before a photo credit.
pub fn credit_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Ảnh",
        Lang::En => "Photo",
    }
}

/// A full credit: `Ảnh: NGUYỄN VĂN A`. An empty name gives an empty string.
pub fn format_credit(name: &str, lang: Lang) -> String {
    let name = collapse(name);
    if name.is_empty() {
        return String::new();
    }
    format!("{}: {}", credit_label(lang), name.to_uppercase())
}

/// A shortened credit: the initials of the name, joined by dots (`Ảnh: T.D`).
pub fn format_credit_initials(name: &str, lang: Lang) -> String {
    let initials: Vec<String> = collapse(name)
        .split(' ')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .map(|c| c.to_uppercase().collect())
        .collect();
    if initials.is_empty() {
        return String::new();
    }
    format!("{}: {}", credit_label(lang), initials.join("."))
}

/// The printed credits for the photos of one article, in reading order. With
/// `shorten_repeats`, a photographer credited earlier in the same article gets initials.
pub fn article_credits(names: &[&str], shorten_repeats: bool, lang: Lang) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    names
        .iter()
        .map(|name| {
            let key = collapse(name).to_lowercase();
            if shorten_repeats && !key.is_empty() && seen.contains(&key) {
                format_credit_initials(name, lang)
            } else {
                seen.push(key);
                format_credit(name, lang)
            }
        })
        .collect()
}

/// NFC with runs of white space made one space and the ends trimmed.
fn collapse(name: &str) -> String {
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_credits_are_in_capitals() {
        for (name, want) in [
            ("Trần Dũng", "Ảnh: TRẦN DŨNG"),
            ("  nguyễn   văn  ánh ", "Ảnh: NGUYỄN VĂN ÁNH"),
            ("đặng thị ễ", "Ảnh: ĐẶNG THỊ Ễ"),
            ("", ""),
        ] {
            assert_eq!(format_credit(name, Lang::Vi), want, "{name:?}");
        }
        assert_eq!(format_credit("Trần Dũng", Lang::En), "Photo: TRẦN DŨNG");
    }

    #[test]
    fn repeats_shorten_to_initials_when_allowed() {
        let names = ["Trần Dũng", "Lê Hoa", "trần  dũng", "Đặng Ánh", "Đặng Ánh"];
        assert_eq!(
            article_credits(&names, true, Lang::Vi),
            [
                "Ảnh: TRẦN DŨNG",
                "Ảnh: LÊ HOA",
                "Ảnh: T.D",
                "Ảnh: ĐẶNG ÁNH",
                "Ảnh: Đ.Á"
            ]
        );
        assert_eq!(
            article_credits(&names, false, Lang::Vi)[2],
            "Ảnh: TRẦN DŨNG"
        );
    }
}
