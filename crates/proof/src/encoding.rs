//! Text encodings Vietnamese arrives in: decomposed Unicode (NFD) and the legacy 8-bit
//! font encodings TCVN3 (ABC) and VNI-Windows, which reach us as Latin-1 look-alikes
//! (`Hµ Néi`, `Haø Noäi`). Detects them and converts to NFC Unicode; the app calls
//! [`to_unicode`] on paste and import, and the proofing rules flag what is left over.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The encoding a text was found to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SourceEncoding {
    /// Already composed Unicode (NFC): nothing to do.
    Unicode,
    /// Decomposed Unicode (NFD), e.g. typed on macOS or copied from some PDFs.
    Nfd,
    /// TCVN3 (ABC) font encoding.
    Tcvn3,
    /// VNI-Windows font encoding.
    Vni,
}

/// The result of [`to_unicode`]: the NFC text and what it was converted from, so the app
/// can tell the user ("converted from TCVN3").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Converted {
    /// The text in NFC Unicode.
    pub text: String,
    /// What the input was detected as.
    pub from: SourceEncoding,
}

/// The 134 Vietnamese letters with marks, in the order of the two legacy tables below.
const UNICODE: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

/// VNI-Windows spelling of each letter of [`UNICODE`].
const VNI: &str = "AØ AÙ AÂ AÕ EØ EÙ EÂ Ì Í OØ OÙ OÂ OÕ UØ UÙ YÙ aø aù aâ aõ eø eù eâ ì í oø où oâ oõ uø uù yù \
AÊ aê Ñ ñ Ó ó UÕ uõ Ô ô Ö ö AÏ aï AÛ aû AÁ aá AÀ aà AÅ aå AÃ aã AÄ aä AÉ aé AÈ aè AÚ aú AÜ aü AË aë \
EÏ eï EÛ eû EÕ eõ EÁ eá EÀ eà EÅ eå EÃ eã EÄ eä Æ æ Ò ò OÏ oï OÛ oû OÁ oá OÀ oà OÅ oå OÃ oã OÄ oä \
ÔÙ ôù ÔØ ôø ÔÛ ôû ÔÕ ôõ ÔÏ ôï UÏ uï UÛ uû ÖÙ öù ÖØ öø ÖÛ öû ÖÕ öõ ÖÏ öï YØ yø Î î YÛ yû YÕ yõ";

/// TCVN3 lower-case letters (and the few upper-case ones the font has): `unicode tcvn3` pairs.
/// TCVN3 writes ư as U+00AD (soft hyphen).
const TCVN3_PAIRS: &[(char, char)] = &[
    ('à', 'µ'),
    ('á', '¸'),
    ('â', '©'),
    ('ã', '·'),
    ('è', 'Ì'),
    ('é', 'Ð'),
    ('ê', 'ª'),
    ('ì', '×'),
    ('í', 'Ý'),
    ('ò', 'ß'),
    ('ó', 'ã'),
    ('ô', '«'),
    ('õ', 'â'),
    ('ù', 'ï'),
    ('ú', 'ó'),
    ('ý', 'ý'),
    ('ă', '¨'),
    ('đ', '®'),
    ('ĩ', 'Ü'),
    ('ũ', 'ò'),
    ('ơ', '¬'),
    ('ư', '\u{AD}'),
    ('ạ', '¹'),
    ('ả', '¶'),
    ('ấ', 'Ê'),
    ('ầ', 'Ç'),
    ('ẩ', 'È'),
    ('ẫ', 'É'),
    ('ậ', 'Ë'),
    ('ắ', '¾'),
    ('ằ', '»'),
    ('ẳ', '¼'),
    ('ẵ', '½'),
    ('ặ', 'Æ'),
    ('ẹ', 'Ñ'),
    ('ẻ', 'Î'),
    ('ẽ', 'Ï'),
    ('ế', 'Õ'),
    ('ề', 'Ò'),
    ('ể', 'Ó'),
    ('ễ', 'Ô'),
    ('ệ', 'Ö'),
    ('ỉ', 'Ø'),
    ('ị', 'Þ'),
    ('ọ', 'ä'),
    ('ỏ', 'á'),
    ('ố', 'è'),
    ('ồ', 'å'),
    ('ổ', 'æ'),
    ('ỗ', 'ç'),
    ('ộ', 'é'),
    ('ớ', 'í'),
    ('ờ', 'ê'),
    ('ở', 'ë'),
    ('ỡ', 'ì'),
    ('ợ', 'î'),
    ('ụ', 'ô'),
    ('ủ', 'ñ'),
    ('ứ', 'ø'),
    ('ừ', 'õ'),
    ('ử', 'ö'),
    ('ữ', '÷'),
    ('ự', 'ù'),
    ('ỳ', 'ú'),
    ('ỵ', 'þ'),
    ('ỷ', 'û'),
    ('ỹ', 'ü'),
    ('Ă', '¡'),
    ('Â', '¢'),
    ('Đ', '§'),
    ('Ê', '£'),
    ('Ô', '¤'),
    ('Ơ', '¥'),
    ('Ư', '¦'),
];

/// Characters that only TCVN3 text puts next to letters.
const TCVN3_SIGNS: &str = "µ¸¶·¹¨»¾¼½©®ª«¬\u{AD}¢£¤¡§¥¦";

struct Legacy {
    tcvn3: HashMap<char, char>,
    vni1: HashMap<char, char>,
    vni2: HashMap<(char, char), char>,
}

static LEGACY: LazyLock<Legacy> = LazyLock::new(|| {
    let mut vni1 = HashMap::new();
    let mut vni2 = HashMap::new();
    for (u, v) in UNICODE.chars().zip(VNI.split(' ')) {
        let v: Vec<char> = v.chars().collect();
        match v[..] {
            [a] => {
                vni1.insert(a, u);
            }
            [a, b] => {
                vni2.insert((a, b), u);
            }
            _ => {}
        }
    }
    Legacy {
        tcvn3: TCVN3_PAIRS.iter().map(|&(u, t)| (t, u)).collect(),
        vni1,
        vni2,
    }
});

/// Whether `c` is a combining mark of the kind NFD Vietnamese uses.
pub fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Which legacy encoding a whitespace-free piece of text shows signs of, if any.
pub fn legacy_signs(chunk: &str) -> Option<SourceEncoding> {
    let letterish = |c: char| c.is_alphabetic() || TCVN3_SIGNS.contains(c);
    let mut prev: Option<char> = None;
    let mut it = chunk.chars().take(64).peekable();
    let mut first = true;
    while let Some(c) = it.next() {
        if ('\u{a1}'..='\u{bf}').contains(&c) && TCVN3_SIGNS.contains(c) {
            let before = prev.is_some_and(letterish);
            let after = it.peek().is_some_and(|&n| letterish(n));
            if before || after {
                return Some(SourceEncoding::Tcvn3);
            }
        }
        if let Some(p) = prev {
            // A VNI letter pair, except the three that new-style Unicode spells too
            // (hoà, hoá, hoãn).
            let unicode_too =
                matches!(p, 'o' | 'O') && matches!(c, 'à' | 'á' | 'ã' | 'À' | 'Á' | 'Ã');
            if ('\u{c0}'..='\u{ff}').contains(&c)
                && !unicode_too
                && LEGACY.vni2.contains_key(&(p, c))
            {
                return Some(SourceEncoding::Vni);
            }
        }
        if first && matches!(c, 'ñ' | 'Ñ') {
            let next = it.peek().copied();
            if next.is_some_and(|n| {
                matches!(n, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ö' | 'ô' | 'Ö' | 'Ô')
            }) {
                return Some(SourceEncoding::Vni);
            }
        }
        first = false;
        prev = Some(c);
    }
    None
}

/// Converts text from a legacy encoding to NFC Unicode (characters outside the table are kept).
pub fn decode(text: &str, from: SourceEncoding) -> String {
    let l = &*LEGACY;
    let mut out = String::with_capacity(text.len());
    match from {
        SourceEncoding::Tcvn3 => {
            for c in text.chars() {
                out.push(l.tcvn3.get(&c).copied().unwrap_or(c));
            }
        }
        SourceEncoding::Vni => {
            let mut it = text.chars().peekable();
            while let Some(c) = it.next() {
                if let Some(&n) = it.peek() {
                    if let Some(&u) = l.vni2.get(&(c, n)) {
                        out.push(u);
                        it.next();
                        continue;
                    }
                }
                out.push(l.vni1.get(&c).copied().unwrap_or(c));
            }
        }
        SourceEncoding::Unicode | SourceEncoding::Nfd => out.push_str(text),
    }
    nfc(&out)
}

/// The text in NFC, without copying when it already is.
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// Detects what encoding a pasted or imported text is in. A legacy encoding is reported
/// only when it dominates the text's non-ASCII words, so a stray `©` or German `ü` in a
/// Unicode article is not mistaken for one.
pub fn detect(text: &str) -> SourceEncoding {
    let (mut tcvn, mut vni, mut non_ascii) = (0usize, 0usize, 0usize);
    for chunk in text.split_whitespace() {
        if chunk.is_ascii() {
            continue;
        }
        non_ascii += 1;
        match legacy_signs(chunk) {
            Some(SourceEncoding::Tcvn3) => tcvn += 1,
            Some(SourceEncoding::Vni) => vni += 1,
            _ => {}
        }
    }
    if tcvn > 0 && tcvn >= vni && tcvn * 4 >= non_ascii {
        SourceEncoding::Tcvn3
    } else if vni > 0 && vni * 4 >= non_ascii {
        SourceEncoding::Vni
    } else if text.chars().any(is_combining) {
        SourceEncoding::Nfd
    } else {
        SourceEncoding::Unicode
    }
}

/// Converts pasted or imported text to NFC Unicode, from NFD, TCVN3 or VNI as detected.
pub fn to_unicode(text: &str) -> Converted {
    let from = detect(text);
    let text = match from {
        SourceEncoding::Unicode | SourceEncoding::Nfd => nfc(text),
        legacy => decode(text, legacy),
    };
    Converted { text, from }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        let nfd: String = "Đà Nẵng".nfd().collect();
        for (input, want, from) in [
            ("Hà Nội", "Hà Nội", SourceEncoding::Unicode),
            (nfd.as_str(), "Đà Nẵng", SourceEncoding::Nfd),
            ("Hµ Néi", "Hà Nội", SourceEncoding::Tcvn3),
            (
                "B¶o Th¾ng, B¸t X¸t",
                "Bảo Thắng, Bát Xát",
                SourceEncoding::Tcvn3,
            ),
            (
                "M\u{AD}êng Kh\u{AD}¬ng",
                "Mường Khương",
                SourceEncoding::Tcvn3,
            ),
            (
                "Xin chaøo caùc baïn",
                "Xin chào các bạn",
                SourceEncoding::Vni,
            ),
            ("Vieät Nam, ñöôøng", "Việt Nam, đường", SourceEncoding::Vni),
            (
                "Herr Müller © 2017",
                "Herr Müller © 2017",
                SourceEncoding::Unicode,
            ),
            ("", "", SourceEncoding::Unicode),
        ] {
            let c = to_unicode(input);
            assert_eq!((c.text.as_str(), c.from), (want, from), "{input:?}");
        }
    }
}
