//! People in the newsroom's directory: the people quoted and interviewed, and the
//! photographers credited. A person holds titles and positions over date ranges, so an
//! article names them as they were on its date. Short codes typed in a text field
//! (`\nvh`) expand to a person's name with their title and position.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::byline::{Byline, Role};
use crate::error::{Error, Result};
use crate::text::nfc;

/// Longest person code, in characters.
pub const MAX_CODE_CHARS: usize = 16;
/// The character that starts a code in typed text.
pub const CODE_SIGIL: char = '\\';

/// Whether a post is a title (a party-committee or honorary rank, e.g. `Tỉnh ủy viên`)
/// or a position (the job, e.g. `Giám đốc Sở Y tế`). The person line prints titles first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PostKind {
    Title,
    Position,
}

impl PostKind {
    /// The name used in the database, files and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Title => "title",
            PostKind::Position => "position",
        }
    }

    /// Parses [`PostKind::as_str`].
    pub fn parse(s: &str) -> Result<PostKind> {
        match s {
            "title" => Ok(PostKind::Title),
            "position" => Ok(PostKind::Position),
            other => Err(Error::invalid(
                "kind",
                format!("unknown post kind '{other}' (title or position)"),
            )),
        }
    }
}

/// A title or position a person held from one date to another (both inclusive; an
/// open end means "since ever" or "still").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Post {
    pub kind: PostKind,
    /// As printed: `Phó Chủ tịch UBND tỉnh`.
    pub name: String,
    /// First day held; `None` when not known (held since before any article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    /// Last day held; `None` while still held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub until: Option<NaiveDate>,
}

impl Post {
    /// Whether the post was held on `day`.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }
}

/// A person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    /// UUID v7, assigned at creation.
    pub id: Uuid,
    /// `Đồng chí`, `Ông`, `Bà`, … printed before the name.
    pub honorific: String,
    pub full_name: String,
    /// The label used after the first mention (`Ông Hùng`); empty: the honorific and
    /// the given name (the last word of the full name).
    pub short_name: String,
    /// Titles and positions, in the order they are printed.
    pub posts: Vec<Post>,
    pub organisation: String,
    /// For the desk only; never printed.
    pub phone: String,
    /// For the desk only; never printed.
    pub email: String,
    pub notes: String,
    /// Whether the person is offered in the photo-credit picker.
    pub photographer: bool,
    /// Codes that expand to this person (lower case, without the `\`).
    pub codes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields a new person starts with (the directory form, the CSV import).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct NewPerson {
    pub honorific: String,
    pub full_name: String,
    pub short_name: String,
    pub posts: Vec<Post>,
    pub organisation: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
    pub photographer: bool,
    pub codes: Vec<String>,
}

/// What a person was on a given day: titles in order and the position(s) held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Designation {
    pub titles: Vec<String>,
    /// The positions held that day, joined with `, ` (usually one).
    pub position: String,
}

/// One code of the directory, as the code list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonCode {
    /// Lower case, without the `\`.
    pub code: String,
    pub person_id: Uuid,
    /// The person's full name, for the list.
    pub full_name: String,
}

/// The label after the first mention when none was set: the honorific and the given
/// name (`Ông` + `Nguyễn Văn Hùng` gives `Ông Hùng`); the full name without an honorific.
pub fn default_short_label(honorific: &str, full_name: &str) -> String {
    let honorific = honorific.trim();
    let full_name = full_name.trim();
    match (honorific.is_empty(), full_name.split_whitespace().last()) {
        (false, Some(given)) => format!("{honorific} {given}"),
        _ => full_name.to_owned(),
    }
}

/// `Ông Nguyễn Văn Hùng`: the honorific and the name, either of which may be empty.
pub fn honorific_name(honorific: &str, name: &str) -> String {
    join_nonempty(&[honorific.trim(), name.trim()], " ")
}

pub(crate) fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

impl Person {
    /// A new person with a fresh id (not yet stored).
    pub fn create(new: NewPerson, now: DateTime<Utc>) -> Person {
        Person {
            id: Uuid::now_v7(),
            honorific: new.honorific,
            full_name: new.full_name,
            short_name: new.short_name,
            posts: new.posts,
            organisation: new.organisation,
            phone: new.phone,
            email: new.email,
            notes: new.notes,
            photographer: new.photographer,
            codes: new.codes,
            created_at: now,
            updated_at: now,
        }
    }

    /// The same person with text in NFC and trimmed, codes in lower case without a
    /// leading `\`, empty posts and repeated codes dropped.
    pub fn normalized(&self) -> Person {
        let t = |s: &str| nfc(s.trim());
        let mut codes: Vec<String> = Vec::new();
        for c in &self.codes {
            let c = clean_code(c);
            if !c.is_empty() && !codes.contains(&c) {
                codes.push(c);
            }
        }
        Person {
            honorific: t(&self.honorific),
            full_name: t(&self.full_name),
            short_name: t(&self.short_name),
            posts: self
                .posts
                .iter()
                .map(|p| Post {
                    name: t(&p.name),
                    ..p.clone()
                })
                .filter(|p| !p.name.is_empty())
                .collect(),
            organisation: t(&self.organisation),
            phone: t(&self.phone),
            email: t(&self.email),
            notes: nfc(&self.notes),
            codes,
            ..self.clone()
        }
    }

    /// Checks the rules the types cannot express; the error names the field.
    pub fn validate(&self) -> Result<()> {
        if self.full_name.trim().is_empty() {
            return Err(Error::invalid("full_name", "a person needs a full name"));
        }
        for (field, value) in [
            ("honorific", &self.honorific),
            ("full_name", &self.full_name),
            ("short_name", &self.short_name),
            ("organisation", &self.organisation),
        ] {
            if value.chars().count() > 300 || value.contains(['\0', '\n']) {
                return Err(Error::invalid(
                    field,
                    "must be one line of at most 300 characters",
                ));
            }
        }
        if !self.email.is_empty() && !self.email.contains('@') {
            return Err(Error::invalid(
                "email",
                format!("'{}' is not an email address", self.email),
            ));
        }
        for (i, p) in self.posts.iter().enumerate() {
            if p.name.trim().is_empty() {
                return Err(Error::invalid(
                    format!("posts[{i}].name"),
                    "a title or position needs a name",
                ));
            }
            if let (Some(f), Some(u)) = (p.from, p.until) {
                if u < f {
                    return Err(Error::invalid(
                        format!("posts[{i}].until"),
                        format!("'{}' ends ({u}) before it starts ({f})", p.name),
                    ));
                }
            }
        }
        for (i, c) in self.codes.iter().enumerate() {
            check_code(c).map_err(|m| Error::invalid(format!("codes[{i}]"), m))?;
            if self.codes[..i].contains(c) {
                return Err(Error::invalid(
                    format!("codes[{i}]"),
                    format!("the code '{c}' is listed twice"),
                ));
            }
        }
        Ok(())
    }

    /// `Ông Nguyễn Văn Hùng`.
    pub fn display_name(&self) -> String {
        honorific_name(&self.honorific, &self.full_name)
    }

    /// The label after the first mention: [`Person::short_name`] or the default.
    pub fn short_label(&self) -> String {
        if self.short_name.trim().is_empty() {
            default_short_label(&self.honorific, &self.full_name)
        } else {
            self.short_name.trim().to_owned()
        }
    }

    /// The titles and position held on `day`.
    pub fn designation_on(&self, day: NaiveDate) -> Designation {
        let held = |kind| {
            self.posts
                .iter()
                .filter(move |p| p.kind == kind && p.held_on(day))
                .map(|p| p.name.clone())
        };
        Designation {
            titles: held(PostKind::Title).collect(),
            position: held(PostKind::Position).collect::<Vec<_>>().join(", "),
        }
    }

    /// What a code expands to on `day`:
    /// `Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Giám đốc Sở Y tế`.
    pub fn described_on(&self, day: NaiveDate) -> String {
        let d = self.designation_on(day);
        let mut parts = vec![self.display_name()];
        parts.extend(d.titles);
        parts.push(d.position);
        join_nonempty(&parts.iter().map(String::as_str).collect::<Vec<_>>(), ", ")
    }

    /// A byline crediting this person (e.g. as photographer), linked to the directory.
    pub fn byline(&self, role: Role) -> Byline {
        Byline {
            name: self.full_name.clone(),
            role,
            person_id: Some(self.id),
        }
    }

    /// Records a new title or position from `from` on. Open posts of the same kind that
    /// started before `from` end the day before, as a promotion replaces the old post.
    pub fn promote(&mut self, kind: PostKind, name: &str, from: NaiveDate) {
        let day_before = from.checked_sub_days(Days::new(1)).unwrap_or(from);
        for p in &mut self.posts {
            if p.kind == kind && p.until.is_none() && p.from.is_none_or(|f| f < from) {
                p.until = Some(day_before);
            }
        }
        self.posts.push(Post {
            kind,
            name: name.to_owned(),
            from: Some(from),
            until: None,
        });
    }
}

/// A code as stored: trimmed, without a leading `\`, lower case.
pub fn clean_code(code: &str) -> String {
    code.trim()
        .trim_start_matches(CODE_SIGIL)
        .to_ascii_lowercase()
}

/// Why `code` (already cleaned) cannot be a person code, if it cannot.
pub fn check_code(code: &str) -> std::result::Result<(), String> {
    if code.is_empty() || code.chars().count() > MAX_CODE_CHARS {
        return Err(format!("a code is 1 to {MAX_CODE_CHARS} letters or digits"));
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        return Err(format!(
            "the code '{code}' may hold only the letters a-z and digits (no accents, spaces or signs)"
        ));
    }
    Ok(())
}

/// Text after code replacement, and who was named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Expansion {
    pub text: String,
    /// The people whose codes were expanded, in order of first appearance.
    pub people: Vec<Uuid>,
}

/// Replaces every known code in `text` (a `\` followed by letters and digits, e.g.
/// `\nvh`, matched whole and without regard to case) by the person's name with the
/// titles and position held on `day`. Unknown codes are left as typed.
pub fn expand_codes(text: &str, people: &[Person], day: NaiveDate) -> Expansion {
    let mut out = String::with_capacity(text.len());
    let mut named: Vec<Uuid> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(CODE_SIGIL) {
        out.push_str(&rest[..at]);
        let after = &rest[at + CODE_SIGIL.len_utf8()..];
        let len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let token = after[..len].to_ascii_lowercase();
        let person = (!token.is_empty())
            .then(|| people.iter().find(|p| p.codes.contains(&token)))
            .flatten();
        match person {
            Some(p) => {
                out.push_str(&p.described_on(day));
                if !named.contains(&p.id) {
                    named.push(p.id);
                }
            }
            None => {
                out.push(CODE_SIGIL);
                out.push_str(&after[..len]);
            }
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    Expansion {
        text: out,
        people: named,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Nguyễn Văn Hùng: a director until March 2022, then vice-chair of the province.
    pub(crate) fn hung() -> Person {
        let mut p = Person::create(
            NewPerson {
                honorific: "Ông".into(),
                full_name: "Nguyễn Văn Hùng".into(),
                posts: vec![
                    Post {
                        kind: PostKind::Title,
                        name: "Tỉnh ủy viên".into(),
                        from: Some(day("2015-10-01")),
                        until: None,
                    },
                    Post {
                        kind: PostKind::Position,
                        name: "Giám đốc Sở Y tế".into(),
                        from: Some(day("2016-01-01")),
                        until: None,
                    },
                ],
                codes: vec!["nvh".into()],
                ..NewPerson::default()
            },
            crate::time::now(),
        );
        p.promote(
            PostKind::Position,
            "Phó Chủ tịch UBND tỉnh",
            day("2022-03-01"),
        );
        p
    }

    #[test]
    fn an_older_date_gives_the_old_position() {
        let p = hung();
        p.validate().unwrap();
        let cases = [
            ("2014-01-01", vec![], ""),
            ("2015-12-31", vec!["Tỉnh ủy viên"], ""),
            ("2022-02-28", vec!["Tỉnh ủy viên"], "Giám đốc Sở Y tế"),
            ("2022-03-01", vec!["Tỉnh ủy viên"], "Phó Chủ tịch UBND tỉnh"),
        ];
        for (d, titles, position) in cases {
            let got = p.designation_on(day(d));
            assert_eq!(got.titles, titles, "{d}");
            assert_eq!(got.position, position, "{d}");
        }
    }

    #[test]
    fn codes_expand_to_the_post_held_that_day() {
        let people = vec![hung()];
        let cases = [
            (
                "\\nvh phát biểu.",
                "2021-06-01",
                "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Giám đốc Sở Y tế phát biểu.",
            ),
            (
                "Ảnh: \\NVH, 2023",
                "2023-01-01",
                "Ảnh: Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, 2023",
            ),
            ("\\nvh2 và \\xyz", "2023-01-01", "\\nvh2 và \\xyz"),
            ("cuối \\", "2023-01-01", "cuối \\"),
            ("không mã", "2023-01-01", "không mã"),
        ];
        for (text, d, want) in cases {
            let e = expand_codes(text, &people, day(d));
            assert_eq!(e.text, want, "{text}");
            assert_eq!(e.people.len(), usize::from(want != text), "{text}");
        }
    }

    #[test]
    fn labels_and_bylines() {
        let p = hung();
        assert_eq!(p.display_name(), "Ông Nguyễn Văn Hùng");
        assert_eq!(p.short_label(), "Ông Hùng");
        assert_eq!(default_short_label("", "Trần Thị Lan"), "Trần Thị Lan");
        let b = p.byline(Role::Photographer);
        assert_eq!(
            (b.name.as_str(), b.person_id),
            ("Nguyễn Văn Hùng", Some(p.id))
        );
    }

    #[test]
    fn bad_people_name_the_field() {
        let mut backwards = hung();
        backwards.posts[0].until = Some(day("2000-01-01"));
        let cases: Vec<(Person, &str)> = vec![
            (
                Person {
                    full_name: "  ".into(),
                    ..hung()
                },
                "full_name",
            ),
            (backwards, "posts[0].until"),
            (
                Person {
                    codes: vec!["n v h".into()],
                    ..hung()
                },
                "codes[0]",
            ),
            (
                Person {
                    email: "không-có-a-còng".into(),
                    ..hung()
                },
                "email",
            ),
        ];
        for (p, path) in cases {
            match p.validate() {
                Err(Error::Invalid { path: got, .. }) => assert_eq!(got, path),
                other => panic!("expected an error at {path}, got {other:?}"),
            }
        }
        let n = Person {
            codes: vec!["\\NVH".into(), "nvh".into()],
            ..hung()
        }
        .normalized();
        assert_eq!(n.codes, vec!["nvh"]);
    }
}
