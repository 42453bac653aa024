//! IPTC-IIM records (the "IPTC" block Photoshop and agency tools write). Text is UTF-8
//! when record 1:90 declares it (`ESC % G`); otherwise it is a legacy encoding, read as
//! UTF-8 if it is valid UTF-8 and as Windows-1252/Latin-1 if not.

use newsdesk_core::PhotoMeta;

use super::legacy_text;

/// The escape sequence in dataset 1:90 that declares UTF-8.
const UTF8_DECLARED: &[u8] = b"\x1b%G";

/// The fields of an IPTC-IIM block; malformed records end the reading, keeping what came before.
pub fn read(iim: &[u8]) -> PhotoMeta {
    let records = records(iim);
    let utf8 = records
        .iter()
        .any(|(r, d, v)| *r == 1 && *d == 90 && v.starts_with(UTF8_DECLARED));
    let decode = |v: &[u8]| {
        if utf8 {
            String::from_utf8_lossy(v).into_owned()
        } else {
            legacy_text(v)
        }
    };
    let all = |dataset: u8| -> Vec<String> {
        records
            .iter()
            .filter(|(r, d, _)| *r == 2 && *d == dataset)
            .map(|(_, _, v)| decode(v).trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let one = |dataset: u8| all(dataset).into_iter().next();
    let joined = |dataset: u8| Some(all(dataset).join(", ")).filter(|s| !s.is_empty());
    let taken_at = one(55).and_then(|d| {
        let d = d.as_bytes();
        (d.len() == 8 && d.iter().all(u8::is_ascii_digit)).then(|| {
            let d = std::str::from_utf8(d).unwrap_or_default();
            let date = format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8]);
            match one(60) {
                Some(t) if t.len() >= 6 && t.as_bytes()[..6].iter().all(u8::is_ascii_digit) => {
                    format!("{date}T{}:{}:{}", &t[0..2], &t[2..4], &t[4..6])
                }
                _ => date,
            }
        })
    });
    PhotoMeta {
        description: one(120),
        creator: joined(80),
        credit: one(110),
        copyright: one(116),
        headline: one(105),
        city: one(90),
        state: one(95),
        country: one(101),
        taken_at,
        ..PhotoMeta::default()
    }
}

/// `(record, dataset, value)` for each well-formed IIM dataset.
fn records(mut b: &[u8]) -> Vec<(u8, u8, &[u8])> {
    let mut out = Vec::new();
    while b.len() >= 5 && b[0] == 0x1C {
        let (record, dataset) = (b[1], b[2]);
        let len = u16::from_be_bytes([b[3], b[4]]);
        let (len, header) = if len & 0x8000 != 0 {
            // Extended length: the next (len & 0x7FFF) bytes hold the length.
            let n = usize::from(len & 0x7FFF);
            if n == 0 || n > 4 || b.len() < 5 + n {
                break;
            }
            let len = b[5..5 + n]
                .iter()
                .fold(0usize, |acc, &x| (acc << 8) | usize::from(x));
            (len, 5 + n)
        } else {
            (usize::from(len), 5)
        };
        let Some(value) = b.get(header..header.saturating_add(len)) else {
            break;
        };
        out.push((record, dataset, value));
        b = &b[header + len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(r: u8, d: u8, v: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1C, r, d];
        out.extend((v.len() as u16).to_be_bytes());
        out.extend(v);
        out
    }

    #[test]
    fn declared_utf8_and_legacy() {
        let utf8 = [
            rec(1, 90, UTF8_DECLARED),
            rec(2, 120, "Lũ về Hải Lăng".as_bytes()),
            rec(2, 80, "Trần Dũng".as_bytes()),
            rec(2, 80, "Lê Hoa".as_bytes()),
            rec(2, 55, b"20261002"),
            rec(2, 60, b"071500+0700"),
        ]
        .concat();
        let m = read(&utf8);
        assert_eq!(m.description.as_deref(), Some("Lũ về Hải Lăng"));
        assert_eq!(m.creator.as_deref(), Some("Trần Dũng, Lê Hoa"));
        assert_eq!(m.taken_at.as_deref(), Some("2026-10-02T07:15:00"));

        let latin1 = rec(2, 120, b"T\xe2y Ninh v\xe0 C\xe0 Mau");
        assert_eq!(
            read(&latin1).description.as_deref(),
            Some("Tây Ninh và Cà Mau")
        );
    }

    #[test]
    fn malformed_records_keep_what_came_before() {
        let mut b = rec(2, 120, b"ok");
        b.extend([0x1C, 2, 80, 0xFF, 0xFF]);
        assert_eq!(read(&b).description.as_deref(), Some("ok"));
        assert_eq!(read(&[0x1C, 2, 120, 0x80, 0x09]), PhotoMeta::default());
    }
}
