//! The people CSV the directory imports (`newsdesk people import FILE.csv`), as
//! documented in `docs/people-csv.md`: a header row naming the columns, then one person
//! per row. A row that cannot be read is reported by its line number and the others
//! are kept; only a header that cannot be used refuses the whole file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::person::{clean_code, NewPerson, Person, Post, PostKind};

/// The columns a people CSV may have, in the documented order. Only `full_name` is
/// required; the others may be left out or empty.
pub const COLUMNS: [&str; 12] = [
    "honorific",
    "full_name",
    "short_name",
    "titles",
    "position",
    "since",
    "organisation",
    "phone",
    "email",
    "notes",
    "codes",
    "photographer",
];

/// A person read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvPerson {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    pub person: NewPerson,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowProblem {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    pub message: String,
}

/// What a people CSV held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeopleCsv {
    pub people: Vec<CsvPerson>,
    pub problems: Vec<RowProblem>,
}

/// Reads a people CSV. Fails only when the header is missing or names a column that
/// is not in [`COLUMNS`]; every other problem is a [`RowProblem`].
pub fn read(bytes: &[u8]) -> Result<PeopleCsv> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header_err = |message: String| Error::Json {
        path: "header".into(),
        message,
    };
    let headers = reader
        .headers()
        .map_err(|e| header_err(format!("the header row cannot be read: {e}")))?
        .clone();
    let mut index = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if index.iter().any(|(k, _)| *k == c) => {
                return Err(header_err(format!("the column '{h}' appears twice")))
            }
            Some(c) => index.push((c, i)),
            None => {
                return Err(header_err(format!(
                    "unknown column '{h}' (the columns are: {})",
                    COLUMNS.join(", ")
                )))
            }
        }
    }
    if !index.iter().any(|(c, _)| COLUMNS[*c] == "full_name") {
        return Err(header_err(
            "the header has no full_name column (the first row must name the columns)".into(),
        ));
    }
    let mut out = PeopleCsv::default();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                if record.iter().all(|f| f.is_empty()) {
                    continue;
                }
                match row(&record, &index) {
                    Ok(person) => out.people.push(CsvPerson { line, person }),
                    Err(message) => out.problems.push(RowProblem { line, message }),
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("the row has {len} fields; the header has {expected_len}"),
                    _ => e.to_string(),
                };
                out.problems.push(RowProblem { line, message });
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    Ok(out)
}

fn row(
    record: &csv::ByteRecord,
    index: &[(usize, usize)],
) -> std::result::Result<NewPerson, String> {
    let mut p = NewPerson::default();
    let (mut titles, mut position, mut since) = (String::new(), String::new(), None);
    for &(c, i) in index {
        let raw = record.get(i).unwrap_or_default();
        let column = COLUMNS[c];
        let v = std::str::from_utf8(raw)
            .map_err(|_| format!("the {column} field is not UTF-8 text (save the file as UTF-8)"))?
            .to_owned();
        match column {
            "honorific" => p.honorific = v,
            "full_name" => p.full_name = v,
            "short_name" => p.short_name = v,
            "titles" => titles = v,
            "position" => position = v,
            "since" => since = parse_date(&v)?,
            "organisation" => p.organisation = v,
            "phone" => p.phone = v,
            "email" => p.email = v,
            "notes" => p.notes = v,
            "codes" => {
                p.codes = v
                    .split([';', ',', ' '])
                    .map(clean_code)
                    .filter(|c| !c.is_empty())
                    .collect()
            }
            "photographer" => p.photographer = parse_bool(&v)?,
            _ => unreachable!("every column is matched"),
        }
    }
    let post = |kind, name: &str| Post {
        kind,
        name: name.trim().to_owned(),
        from: since,
        until: None,
    };
    p.posts = titles
        .split(';')
        .filter(|t| !t.trim().is_empty())
        .map(|t| post(PostKind::Title, t))
        .collect();
    if !position.is_empty() {
        p.posts.push(post(PostKind::Position, &position));
    }
    Person::create(p.clone(), crate::time::now())
        .normalized()
        .validate()
        .map_err(|e| e.to_string())?;
    Ok(p)
}

/// A date as `2022-03-01` or `01/03/2022` (day first, as Vietnamese writes it); empty is none.
pub fn parse_date(s: &str) -> std::result::Result<Option<NaiveDate>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .map(Some)
        .map_err(|_| format!("'{s}' is not a date (write 2022-03-01 or 01/03/2022)"))
}

fn parse_bool(s: &str) -> std::result::Result<bool, String> {
    match s.trim().to_lowercase().as_str() {
        "" | "0" | "no" | "false" | "không" => Ok(false),
        "1" | "yes" | "true" | "x" | "có" => Ok(true),
        other => Err(format!(
            "photographer is '{other}'; write yes or no (or có / không)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_rows_are_kept_and_broken_rows_named_by_line() {
        let text = "\u{feff}honorific,full_name,titles,position,since,codes,photographer\n\
            Ông,Nguyễn Văn Hùng,Tỉnh ủy viên,Giám đốc Sở Y tế,2016-01-01,nvh,\n\
            Bà,Trần Thị Lan,,\"Chủ tịch Hội Phụ nữ, tỉnh\",01/03/2020,ttl;lan,no\n\
            Ông,Lê Văn A,,,\n\
            ,,,,,,\n\
            Ông,,,Trưởng phòng,,,\n\
            Bà,Phạm Thu,,,hôm qua,,\n\
            ,Hoàng Dũng,,,,td,yes\n";
        let got = read(text.as_bytes()).unwrap();
        let names: Vec<_> = got
            .people
            .iter()
            .map(|p| (p.line, p.person.full_name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (2, "Nguyễn Văn Hùng"),
                (3, "Trần Thị Lan"),
                (8, "Hoàng Dũng")
            ]
        );
        let lines: Vec<_> = got.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 6, 7], "{:?}", got.problems);
        assert!(got.problems[0].message.contains("5 fields"));
        assert!(got.problems[1].message.contains("full name"));
        assert!(got.problems[2].message.contains("hôm qua"));
        let lan = &got.people[1].person;
        assert_eq!(lan.codes, ["ttl", "lan"]);
        assert_eq!(lan.posts[0].name, "Chủ tịch Hội Phụ nữ, tỉnh");
        assert_eq!(lan.posts[0].from, Some("2020-03-01".parse().unwrap()));
        assert!(got.people[2].person.photographer);
    }

    #[test]
    fn an_unknown_column_refuses_the_file() {
        for text in ["ho_ten,chuc_vu\nA,B\n", "honorific\nÔng\n", ""] {
            assert!(
                matches!(read(text.as_bytes()), Err(Error::Json { ref path, .. }) if path == "header"),
                "{text:?}"
            );
        }
    }
}
