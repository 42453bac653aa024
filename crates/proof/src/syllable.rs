//! The shape of a Vietnamese syllable: splitting a written syllable into onset, vowel
//! cluster (glide, nucleus, off-glide), final consonant and tone, and deciding whether the
//! parts can go together and where the tone mark belongs. No dictionary: rules only.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

/// The six tones, in the order of the vowel table below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// ngang (no mark)
    Level,
    /// huyền (`à`)
    Grave,
    /// sắc (`á`)
    Acute,
    /// hỏi (`ả`)
    Hook,
    /// ngã (`ã`)
    Tilde,
    /// nặng (`ạ`)
    Dot,
}

const TONES: [Tone; 6] = [
    Tone::Level,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

/// Each base vowel followed by its five toned forms (huyền, sắc, hỏi, ngã, nặng).
const VOWEL_TABLE: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

struct Tables {
    /// toned or plain vowel (either case) → (lower-case base, tone)
    decompose: HashMap<char, (char, Tone)>,
    /// (lower-case base, tone index) → lower-case toned vowel
    compose: HashMap<(char, usize), char>,
    rhymes: HashSet<&'static str>,
    qu_rhymes: HashSet<&'static str>,
}

/// Rhymes (vần) of Vietnamese, tone stripped: vowel cluster plus final.
const RHYMES: &str = "a ac ach ai am an ang anh ao ap at au ay \
ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
e ec em en eng ep et eo ê êch êm ên ênh êp êt êu \
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
o oc om on ong op ot oi oa oac oach oai oam oan oang oanh oap oat oay oao \
oăc oăm oăn oăng oăp oăt oe oen oeo oet oem oong ooc \
ô ôc ôm ôn ông ôp ôt ôi ơ ơm ơn ơp ơt ơi \
u uc um un ung up ut ui ua uân uâng uât uây uê uêch uênh uên uêt uôc uôi uôm uôn uông uôt \
uơ uy uych uyn uynh uyp uyt uyu uya uyên uyêt \
ư ưc ưm ưn ưng ưt ưi ưu ưa ươc ươi ươm ươn ương ươp ươt ươu \
y yêm yên yêng yêt yêu";

/// Rhymes after the onset `qu` (whose u is the glide).
const QU_RHYMES: &str = "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt \
ân âng âp ât âu ây e em en eo ep et ê êch ên ênh êt êu i in inh it y ych yn ynh yt yêt yên yêu \
ôc ơ ơi ơn";

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut decompose = HashMap::new();
    let mut compose = HashMap::new();
    for row in VOWEL_TABLE {
        let chars: Vec<char> = row.chars().collect();
        let base = chars[0];
        for (i, &c) in chars.iter().enumerate() {
            decompose.insert(c, (base, TONES[i]));
            for u in c.to_uppercase() {
                decompose.insert(u, (base, TONES[i]));
            }
            compose.insert((base, i), c);
        }
    }
    Tables {
        decompose,
        compose,
        rhymes: RHYMES.split_whitespace().collect(),
        qu_rhymes: QU_RHYMES.split_whitespace().collect(),
    }
});

fn tone_index(t: Tone) -> usize {
    TONES.iter().position(|&x| x == t).unwrap_or(0)
}

/// The lower-case toned vowel for a base vowel and a tone, or the base itself.
pub fn compose(base: char, tone: Tone) -> char {
    TABLES
        .compose
        .get(&(base, tone_index(tone)))
        .copied()
        .unwrap_or(base)
}

/// Is `c` (lower-case, untoned) a vowel letter?
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn is_consonant(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'q'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

const ONSETS: [&str; 11] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// A written word split into letters: lower-case base letters, which were upper-case,
/// its tone and which letter carries the mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letters {
    /// Lower-case letters with the tone mark removed (shape marks kept: ă â ê ô ơ ư đ).
    pub bases: Vec<char>,
    /// Whether each letter was upper-case.
    pub upper: Vec<bool>,
    /// The tone.
    pub tone: Tone,
    /// Index of the letter that carries the tone mark.
    pub tone_at: Option<usize>,
}

/// Why a word is not checked as a Vietnamese syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChecked {
    /// Letters outside the Vietnamese alphabet (f, j, w, z, digits, other scripts), or too long.
    Foreign,
    /// More than one tone mark.
    TwoTones,
}

/// Splits a word (NFC) into [`Letters`].
pub fn letters(word: &str) -> Result<Letters, NotChecked> {
    let t = &*TABLES;
    let mut bases = Vec::with_capacity(8);
    let mut upper = Vec::with_capacity(8);
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for c in word.chars() {
        if bases.len() >= 8 {
            return Err(NotChecked::Foreign);
        }
        let is_upper = c.is_uppercase();
        if let Some(&(base, tn)) = t.decompose.get(&c) {
            if tn != Tone::Level {
                if tone_at.is_some() {
                    return Err(NotChecked::TwoTones);
                }
                tone = tn;
                tone_at = Some(bases.len());
            }
            bases.push(base);
        } else {
            let lower = match c {
                'Đ' | 'đ' => 'đ',
                'A'..='Z' | 'a'..='z' => c.to_ascii_lowercase(),
                _ => return Err(NotChecked::Foreign),
            };
            if !is_consonant(lower) {
                return Err(NotChecked::Foreign);
            }
            bases.push(lower);
        }
        upper.push(is_upper);
    }
    Ok(Letters {
        bases,
        upper,
        tone,
        tone_at,
    })
}

/// The verdict on a syllable's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// No vowel at all (`km`, `kg`): a unit or abbreviation, not checked.
    NoVowel,
    /// Looks like a foreign word (consonant clusters, several vowel groups): not checked.
    ForeignShape,
    /// A possible syllable.
    Valid(Parts),
    /// Onset, vowels and final are each plausible but do not form a rhyme (`nguoi`).
    Invalid,
}

/// A syllable split into its parts (indices into [`Letters::bases`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The onset as written (`ngh`, `qu`, `gi`, `` for none).
    pub onset: String,
    /// Index of the first vowel of the rhyme.
    pub vowels_start: usize,
    /// Index one past the last vowel of the rhyme.
    pub vowels_end: usize,
    /// The final consonant(s) (`ch`, `ng`, `` for none).
    pub coda: String,
}

impl Parts {
    /// The vowel cluster of the rhyme.
    pub fn vowels<'a>(&self, l: &'a Letters) -> &'a [char] {
        &l.bases[self.vowels_start..self.vowels_end]
    }

    /// Whether the final is a stop (p, t, c, ch).
    pub fn stop_final(&self) -> bool {
        matches!(self.coda.as_str(), "p" | "t" | "c" | "ch")
    }
}

/// Splits a word into onset, vowel cluster and final; says whether the rhyme exists.
/// Onset spelling (k/c, gh/g, ngh/ng, q) is judged separately by [`spelling_fix`].
pub fn shape(l: &Letters) -> Shape {
    let b = &l.bases;
    let Some(first_vowel) = b.iter().position(|&c| is_vowel(c)) else {
        return Shape::NoVowel;
    };
    let head: String = b[..first_vowel].iter().collect();
    let mut onset_len = first_vowel;
    // gi and qu take their vowel letter into the onset when another vowel follows.
    let vowel_run_end = b[first_vowel..]
        .iter()
        .position(|&c| !is_vowel(c))
        .map_or(b.len(), |p| first_vowel + p);
    if (head == "g" && b[first_vowel] == 'i' || head == "q" && b[first_vowel] == 'u')
        && vowel_run_end > first_vowel + 1
    {
        onset_len += 1;
    }
    if head.chars().count() > 1 && !ONSETS.contains(&head.as_str()) {
        return Shape::ForeignShape;
    }
    let coda: String = b[vowel_run_end..].iter().collect();
    if coda.chars().any(is_vowel) || !FINALS.contains(&coda.as_str()) {
        return Shape::ForeignShape;
    }
    if vowel_run_end - onset_len > 3 {
        return Shape::Invalid;
    }
    let onset: String = b[..onset_len].iter().collect();
    let parts = Parts {
        onset,
        vowels_start: onset_len,
        vowels_end: vowel_run_end,
        coda,
    };
    // The rhyme spelt into a stack buffer: no allocation on the per-word path.
    let mut buf = [0u8; 40];
    let mut n = 1;
    buf[0] = b'i';
    for c in &b[onset_len..] {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let with_i = std::str::from_utf8(&buf[..n]).unwrap_or("");
    let rhyme = &with_i[1..];
    let t = &*TABLES;
    let ok = match parts.onset.as_str() {
        "qu" => t.qu_rhymes.contains(rhyme),
        "gi" => t.rhymes.contains(rhyme) || t.rhymes.contains(with_i),
        "q" => true, // spelling rule reports it
        _ => t.rhymes.contains(rhyme),
    };
    if ok {
        Shape::Valid(parts)
    } else {
        Shape::Invalid
    }
}

/// Where the tone mark may go, as indices into the letters: one place, or two for the open
/// diphthongs oa, oe, uy (old style first, new style second).
pub fn tone_places(l: &Letters, p: &Parts) -> Vec<usize> {
    let v = p.vowels(l);
    let s = p.vowels_start;
    if v.len() == 1 {
        return vec![s];
    }
    if let Some(i) = v
        .iter()
        .rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'))
    {
        return vec![s + i];
    }
    if !p.coda.is_empty() {
        return vec![s + v.len() - 1];
    }
    match v {
        ['o', 'a'] | ['o', 'e'] | ['u', 'y'] => vec![s, s + 1],
        [_, _, _] => vec![s + 1],
        _ => vec![s],
    }
}

/// Writes the letters back with the tone on letter `at`, keeping the original case.
pub fn spell(l: &Letters, at: Option<usize>) -> String {
    let mut out = String::with_capacity(l.bases.len() * 3);
    for (i, &c) in l.bases.iter().enumerate() {
        let c = if Some(i) == at { compose(c, l.tone) } else { c };
        if l.upper[i] {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes the letters back with another tone at the right place.
pub fn with_tone(l: &Letters, p: &Parts, tone: Tone, old_style: bool) -> String {
    let places = tone_places(l, p);
    let at = if places.len() == 2 && !old_style {
        places[1]
    } else {
        places[0]
    };
    let l2 = Letters {
        tone,
        tone_at: Some(at),
        ..l.clone()
    };
    spell(&l2, Some(at))
}

/// When the onset is misspelt (k/c, gh/g, ngh/ng before the wrong vowel, q without u),
/// the corrected word, or `None` for the q case whose fix is not certain.
pub fn spelling_fix(l: &Letters, p: &Parts) -> Option<Option<String>> {
    let front = l
        .bases
        .get(p.vowels_start)
        .is_some_and(|c| matches!(c, 'e' | 'ê' | 'i' | 'y'));
    let replace = |from: usize, to: &str| -> String {
        let mut l2 = l.clone();
        let upper0 = l.upper.first().copied().unwrap_or(false);
        let new: Vec<char> = to.chars().collect();
        l2.bases.splice(0..from, new.iter().copied());
        l2.upper.splice(
            0..from,
            new.iter().enumerate().map(|(i, _)| i == 0 && upper0),
        );
        let shift = new.len() as isize - from as isize;
        l2.tone_at = l.tone_at.map(|a| (a as isize + shift) as usize);
        spell(&l2, l2.tone_at)
    };
    match p.onset.as_str() {
        "c" if front => Some(Some(replace(1, "k"))),
        "k" if !front => Some(Some(replace(1, "c"))),
        "gh" if !front => Some(Some(replace(2, "g"))),
        "g" if matches!(l.bases.get(p.vowels_start), Some('e' | 'ê')) => {
            Some(Some(replace(1, "gh")))
        }
        "ngh" if !front => Some(Some(replace(3, "ng"))),
        "ng" if front => Some(Some(replace(2, "ngh"))),
        "q" => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(w: &str) -> &'static str {
        match letters(w) {
            Err(NotChecked::Foreign) => "foreign",
            Err(NotChecked::TwoTones) => "two-tones",
            Ok(l) => match shape(&l) {
                Shape::NoVowel => "no-vowel",
                Shape::ForeignShape => "foreign-shape",
                Shape::Invalid => "invalid",
                Shape::Valid(_) => "valid",
            },
        }
    }

    #[test]
    fn shapes() {
        for (w, want) in [
            ("nghiệp", "valid"),
            ("người", "valid"),
            ("Nguyễn", "valid"),
            ("quốc", "valid"),
            ("quyết", "valid"),
            ("giữa", "valid"),
            ("gìn", "valid"),
            ("giết", "valid"),
            ("khuya", "valid"),
            ("khuỷu", "valid"),
            ("hoà", "valid"),
            ("hòa", "valid"),
            ("thuở", "valid"),
            ("xoong", "valid"),
            ("yêu", "valid"),
            ("uyên", "valid"),
            ("ươm", "valid"),
            ("nguoi", "invalid"),
            ("truong", "invalid"),
            ("km", "no-vowel"),
            ("rock", "foreign-shape"),
            ("blog", "foreign-shape"),
            ("video", "foreign-shape"),
            ("facebook", "foreign"),
            ("hóà", "two-tones"),
            ("COVID19", "foreign"),
        ] {
            assert_eq!(verdict(w), want, "{w}");
        }
    }

    #[test]
    fn tone_positions() {
        for (w, places) in [
            ("toàn", vec![2]),
            ("hòa", vec![1, 2]),
            ("người", vec![3]),
            ("khuya", vec![3]),
            ("quý", vec![2]),
            ("mùa", vec![1]),
        ] {
            let l = letters(w).unwrap();
            let Shape::Valid(p) = shape(&l) else {
                panic!("{w} should be valid")
            };
            assert_eq!(tone_places(&l, &p), places, "{w}");
        }
    }

    #[test]
    fn spelling() {
        for (w, fix) in [
            ("kô", Some(Some("cô"))),
            ("ngiêm", Some(Some("nghiêm"))),
            ("nghành", Some(Some("ngành"))),
            ("ghà", Some(Some("gà"))),
            ("ghế", None),
            ("kể", None),
            ("cá", None),
            ("Cế", Some(Some("Kế"))),
        ] {
            let l = letters(w).unwrap();
            let Shape::Valid(p) = shape(&l) else {
                panic!("{w} should be valid")
            };
            assert_eq!(
                spelling_fix(&l, &p),
                fix.map(|f| f.map(str::to_owned)),
                "{w}"
            );
        }
    }
}
