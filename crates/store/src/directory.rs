//! The people directory on top of the `people`, `person_posts` and `person_codes`
//! tables: add, edit and remove people, codes and their expansion, the CSV import,
//! and the directory's part in making an article from a template. Each change is one
//! `BEGIN IMMEDIATE` transaction.

use chrono::NaiveDate;
use newsdesk_core::person_csv::{PeopleCsv, RowProblem};
use newsdesk_core::text::fold;
use newsdesk_core::{
    expand_codes, Expansion, NewArticle, NewPerson, Person, PersonCode, SearchKind, Voice,
};
use rusqlite::{Connection, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::search::{self, IndexDoc};
use crate::templates::{self, TemplateCatalog};
use crate::{people, person_codes, person_posts, settings, Store};

/// One person a CSV import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportedPerson {
    /// The CSV line of the row.
    pub line: u64,
    pub id: Uuid,
    pub full_name: String,
}

/// What a CSV import did: rows added, rows skipped because the person is already in
/// the directory, and rows that could not be imported, each by line number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeopleImport {
    pub added: Vec<ImportedPerson>,
    pub skipped: Vec<RowProblem>,
    pub problems: Vec<RowProblem>,
}

/// Every person with posts and codes, ordered as a Vietnamese list is: by given name
/// (the last word), then by the whole name.
pub(crate) fn load_all(conn: &Connection) -> Result<Vec<Person>> {
    let mut all = people::list(conn)?;
    for (id, post) in person_posts::all(conn)? {
        if let Some(p) = all.iter_mut().find(|p| p.id == id) {
            p.posts.push(post);
        }
    }
    for (code, id) in person_codes::all(conn)? {
        if let Some(p) = all.iter_mut().find(|p| p.id == id) {
            p.codes.push(code);
        }
    }
    all.sort_by_cached_key(|p| {
        let name = fold(&p.full_name);
        let given = name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned();
        (given, name, p.id)
    });
    Ok(all)
}

pub(crate) fn load(conn: &Connection, id: Uuid) -> Result<Person> {
    let mut p = people::require(conn, id)?;
    p.posts = person_posts::all(conn)?
        .into_iter()
        .filter(|(pid, _)| *pid == id)
        .map(|(_, post)| post)
        .collect();
    p.codes = person_codes::all(conn)?
        .into_iter()
        .filter(|(_, pid)| *pid == id)
        .map(|(code, _)| code)
        .collect();
    Ok(p)
}

/// Writes a new person with posts and codes (inside the caller's transaction).
pub(crate) fn insert_person(conn: &Connection, p: &Person) -> Result<()> {
    people::insert(conn, p)?;
    person_posts::replace(conn, p.id, &p.posts)?;
    person_codes::replace(conn, p.id, &p.codes)?;
    search::upsert(conn, &IndexDoc::person(p))
}

impl Store {
    /// Adds a person to the directory.
    pub fn add_person(&mut self, new: NewPerson) -> Result<Person> {
        let person = Person::create(new, newsdesk_core::time::now()).normalized();
        person.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_person(&tx, &person)?;
        tx.commit()?;
        Ok(person)
    }

    /// Replaces a person's fields, posts and codes; returns the stored person.
    pub fn update_person(&mut self, person: &Person) -> Result<Person> {
        let mut p = person.normalized();
        p.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old = people::require(&tx, p.id)?;
        p.created_at = old.created_at;
        p.updated_at = newsdesk_core::time::now();
        people::update(&tx, &p)?;
        person_posts::replace(&tx, p.id, &p.posts)?;
        person_codes::replace(&tx, p.id, &p.codes)?;
        search::upsert(&tx, &IndexDoc::person(&p))?;
        tx.commit()?;
        Ok(p)
    }

    /// Removes a person with their posts and codes. Articles keep the names they print.
    pub fn remove_person(&mut self, id: Uuid) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        people::delete(&tx, id)?;
        search::remove(&tx, SearchKind::Person, &id.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// One person.
    pub fn person(&self, id: Uuid) -> Result<Person> {
        load(&self.conn, id)
    }

    /// The person a code (with or without its `\`) belongs to.
    pub fn person_by_code(&self, code: &str) -> Result<Person> {
        let code = newsdesk_core::person::clean_code(code);
        match person_codes::owner(&self.conn, &code)? {
            Some(id) => self.person(id),
            None => Err(Error::NotFound {
                what: "person code",
                id: code,
            }),
        }
    }

    /// Everyone in the directory, by given name.
    pub fn people(&self) -> Result<Vec<Person>> {
        load_all(&self.conn)
    }

    /// People whose name, short name, organisation or code matches `query` (without
    /// regard to case or diacritics: `hung` finds `Hùng`), for autocomplete. Names that
    /// start with the query come first.
    pub fn find_people(&self, query: &str, limit: usize) -> Result<Vec<Person>> {
        let q = fold(query.trim());
        let code = newsdesk_core::person::clean_code(query);
        let mut hits: Vec<(u8, Person)> = load_all(&self.conn)?
            .into_iter()
            .filter_map(|p| {
                let name = fold(&p.full_name);
                let rank = if p.codes.contains(&code) {
                    0
                } else if name.split_whitespace().any(|w| w.starts_with(&q)) {
                    1
                } else if name.contains(&q)
                    || fold(&p.short_name).contains(&q)
                    || fold(&p.organisation).contains(&q)
                {
                    2
                } else {
                    return None;
                };
                Some((rank, p))
            })
            .collect();
        hits.sort_by_key(|(rank, _)| *rank);
        Ok(hits.into_iter().take(limit).map(|(_, p)| p).collect())
    }

    /// The people who can be credited for photos.
    pub fn photographers(&self) -> Result<Vec<Person>> {
        Ok(load_all(&self.conn)?
            .into_iter()
            .filter(|p| p.photographer)
            .collect())
    }

    /// Every code, by code, with the person's name.
    pub fn person_codes(&self) -> Result<Vec<PersonCode>> {
        let all = load_all(&self.conn)?;
        Ok(person_codes::all(&self.conn)?
            .into_iter()
            .map(|(code, person_id)| PersonCode {
                full_name: all
                    .iter()
                    .find(|p| p.id == person_id)
                    .map(|p| p.full_name.clone())
                    .unwrap_or_default(),
                code,
                person_id,
            })
            .collect())
    }

    /// Gives `code` to a person. A code already theirs is fine; one held by someone
    /// else is refused (remove it there first).
    pub fn set_person_code(&mut self, code: &str, person: Uuid) -> Result<PersonCode> {
        let code = newsdesk_core::person::clean_code(code);
        newsdesk_core::person::check_code(&code)
            .map_err(|m| newsdesk_core::Error::invalid("code", m))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let p = people::require(&tx, person)?;
        match person_codes::owner(&tx, &code)? {
            Some(owner) if owner == person => {}
            Some(owner) => {
                return Err(Error::CodeTaken {
                    code,
                    person: owner.to_string(),
                })
            }
            None => person_codes::insert(&tx, &code, person)?,
        }
        tx.commit()?;
        Ok(PersonCode {
            code,
            person_id: person,
            full_name: p.full_name,
        })
    }

    /// Removes a code.
    pub fn remove_person_code(&mut self, code: &str) -> Result<()> {
        let code = newsdesk_core::person::clean_code(code);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !person_codes::delete(&tx, &code)? {
            return Err(Error::NotFound {
                what: "person code",
                id: code,
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Expands the directory's codes in `text` as of `day` (see [`expand_codes`]).
    pub fn expand_codes(&self, text: &str, day: NaiveDate) -> Result<Expansion> {
        Ok(expand_codes(text, &load_all(&self.conn)?, day))
    }

    /// A voice for a person as they were on the article's date, ready to insert.
    pub fn voice_for(&self, person: Uuid, article: Uuid) -> Result<Voice> {
        let p = self.person(person)?;
        let a = self.article(article)?;
        Ok(Voice::from_person(&p, a.date_in(self.settings()?.tz()?)))
    }

    /// Imports the people of a CSV in one transaction. A row naming someone already
    /// in the directory (same full name and organisation, ignoring case and
    /// diacritics) is skipped; a row whose code belongs to someone else is a problem;
    /// the other rows are added. Rows the CSV reader refused come back as problems.
    pub fn import_people(&mut self, csv: PeopleCsv) -> Result<PeopleImport> {
        let mut report = PeopleImport {
            problems: csv.problems,
            ..PeopleImport::default()
        };
        let now = newsdesk_core::time::now();
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for row in csv.people {
            let person = Person::create(row.person, now).normalized();
            if let Err(e) = person.validate() {
                report.problems.push(RowProblem {
                    line: row.line,
                    message: e.to_string(),
                });
                continue;
            }
            let org = fold(&person.organisation);
            let existing = people::ids_named(&tx, &person.full_name)?
                .into_iter()
                .map(|id| people::require(&tx, id))
                .collect::<Result<Vec<_>>>()?
                .into_iter()
                .find(|p| fold(&p.organisation) == org);
            if let Some(p) = existing {
                report.skipped.push(RowProblem {
                    line: row.line,
                    message: format!("{} is already in the directory ({})", p.full_name, p.id),
                });
                continue;
            }
            let sp = tx.savepoint()?;
            match insert_person(&sp, &person) {
                Ok(()) => {
                    sp.commit()?;
                    report.added.push(ImportedPerson {
                        line: row.line,
                        id: person.id,
                        full_name: person.full_name,
                    });
                }
                Err(e @ Error::CodeTaken { .. }) => {
                    drop(sp); // rolls the row back
                    report.problems.push(RowProblem {
                        line: row.line,
                        message: e.to_string(),
                    });
                }
                Err(e) => return Err(e),
            }
        }
        tx.commit()?;
        report.problems.sort_by_key(|p| p.line);
        Ok(report)
    }

    /// Imports a people CSV given as bytes (see [`Store::import_people`]); a file
    /// whose header cannot be read is an error, broken rows are reported by line.
    pub fn import_people_csv(&mut self, bytes: &[u8]) -> Result<PeopleImport> {
        let csv = newsdesk_core::person_csv::read(bytes)?;
        self.import_people(csv)
    }

    /// The templates "New article" offers: built-ins and the data folder's files,
    /// with the files that could not be used.
    pub fn templates(&self) -> TemplateCatalog {
        templates::load(self.path().and_then(|p| p.parent()))
    }

    /// The fields of a new article made from the template `key`: the skeleton with its
    /// placeholders, interviewer labels from the settings, the named people as bylines
    /// in the template's role, and voices or speakers that a newsroom template links to
    /// the directory filled in as those people are today. Pass it to [`Store::create`]
    /// (after setting a headline, if one is known).
    pub fn new_from_template(&self, key: &str, byline_names: &[String]) -> Result<NewArticle> {
        let catalog = self.templates();
        let template = catalog
            .get(key)
            .ok_or_else(|| Error::NoTemplate(key.to_owned()))?;
        let settings = settings::get(&self.conn)?;
        let mut new = template.new_article(&settings, byline_names);
        if let Some(body) = &mut new.body {
            body.fill_from_directory(&load_all(&self.conn)?, settings.today()?);
        }
        Ok(new)
    }

    /// Creates an article from the template `key` (see [`Store::new_from_template`]).
    pub fn create_from_template(
        &mut self,
        key: &str,
        byline_names: &[String],
        author: &str,
    ) -> Result<newsdesk_core::Article> {
        let new = self.new_from_template(key, byline_names)?;
        self.create(new, author)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SaveKind, SaveOutcome};
    use newsdesk_core::{Article, Block, Post, PostKind, Role};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn hung(store: &mut Store) -> Person {
        store
            .add_person(NewPerson {
                honorific: "Ông".into(),
                full_name: "Nguyễn Văn Hùng".into(),
                posts: vec![Post {
                    kind: PostKind::Position,
                    name: "Giám đốc Sở Y tế".into(),
                    from: Some(day("2016-01-01")),
                    until: None,
                }],
                codes: vec!["\\NVH".into()],
                ..NewPerson::default()
            })
            .unwrap()
    }

    #[test]
    fn people_round_trip_with_posts_and_codes() {
        let mut s = Store::open_in_memory().unwrap();
        let mut p = hung(&mut s);
        assert_eq!(p.codes, ["nvh"]);
        assert_eq!(s.person(p.id).unwrap(), p);
        p.promote(
            PostKind::Position,
            "Phó Chủ tịch UBND tỉnh",
            day("2022-03-01"),
        );
        p.photographer = true;
        let saved = s.update_person(&p).unwrap();
        let back = s.person(p.id).unwrap();
        assert_eq!(back, saved);
        assert_eq!(back.posts.len(), 2);
        assert_eq!(back.posts[0].until, Some(day("2022-02-28")));
        assert_eq!(s.photographers().unwrap().len(), 1);
        assert_eq!(s.person_by_code("\\nvh").unwrap().id, p.id);
        let found = s.find_people("hung", 10).unwrap();
        assert_eq!(found.len(), 1);
        assert!(s.find_people("lan", 10).unwrap().is_empty());
        s.remove_person(p.id).unwrap();
        assert!(s.people().unwrap().is_empty());
        assert!(s.person_codes().unwrap().is_empty());
    }

    #[test]
    fn codes_are_unique_and_expand() {
        let mut s = Store::open_in_memory().unwrap();
        let p = hung(&mut s);
        let lan = s
            .add_person(NewPerson {
                honorific: "Bà".into(),
                full_name: "Trần Thị Lan".into(),
                ..NewPerson::default()
            })
            .unwrap();
        let err = s.set_person_code("nvh", lan.id).unwrap_err();
        assert_eq!(err.code(), "code_taken");
        assert_eq!(
            s.set_person_code("NVH", p.id).unwrap().full_name,
            "Nguyễn Văn Hùng"
        );
        s.set_person_code("ttl", lan.id).unwrap();
        assert!(s.set_person_code("t t", lan.id).is_err());
        let codes: Vec<_> = s
            .person_codes()
            .unwrap()
            .into_iter()
            .map(|c| c.code)
            .collect();
        assert_eq!(codes, ["nvh", "ttl"]);
        let e = s.expand_codes("\\ttl và \\nvh", day("2020-01-01")).unwrap();
        assert_eq!(
            e.text,
            "Bà Trần Thị Lan và Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế"
        );
        s.remove_person_code("ttl").unwrap();
        assert_eq!(s.remove_person_code("ttl").unwrap_err().code(), "not_found");
        let dup = NewPerson {
            full_name: "Người khác".into(),
            codes: vec!["nvh".into()],
            ..NewPerson::default()
        };
        assert_eq!(s.add_person(dup).unwrap_err().code(), "code_taken");
        assert_eq!(
            s.people().unwrap().len(),
            2,
            "the refused person is not half-saved"
        );
    }

    /// Issue 5: an article dated before a promotion names the person by the old post.
    #[test]
    fn a_voice_takes_the_post_held_on_the_article_date() {
        let mut s = Store::open_in_memory().unwrap();
        let mut p = hung(&mut s);
        p.promote(
            PostKind::Position,
            "Phó Chủ tịch UBND tỉnh",
            day("2022-03-01"),
        );
        s.update_person(&p).unwrap();
        let mut old = Article::create(
            newsdesk_core::NewArticle {
                headline: "Bài cũ".into(),
                ..Default::default()
            },
            "2021-06-01T03:00:00Z".parse().unwrap(),
        );
        old.version = 1;
        let old = s.import(&old, "test").unwrap();
        assert_eq!(
            s.voice_for(p.id, old.id).unwrap().position,
            "Giám đốc Sở Y tế"
        );
        let new = s.create(Default::default(), "test").unwrap();
        assert_eq!(
            s.voice_for(p.id, new.id).unwrap().position,
            "Phó Chủ tịch UBND tỉnh"
        );
    }

    #[test]
    fn both_interview_formats_round_trip_through_the_store() {
        let mut s = Store::open_in_memory().unwrap();
        let p = hung(&mut s);
        for key in ["qa", "voices"] {
            let new = s.new_from_template(key, &["Đông Hà".into()]).unwrap();
            let a = s.create(new, "test").unwrap();
            assert_eq!(a.bylines[0].role, Role::Interviewer);
            assert!(!a.placeholders().is_empty());
            let mut edit = a.clone();
            for b in &mut edit.body.blocks {
                match b {
                    Block::Interview(iv) => {
                        iv.speakers[0] = newsdesk_core::Speaker::from_person("s1", &p);
                        iv.turns.truncate(2);
                    }
                    Block::Voices(v) => {
                        v.voices[0] = Voice::from_person(&p, day("2023-01-01"));
                        v.voices[0].pull_quote = newsdesk_core::Inline::plain_lines("Câu nói");
                    }
                    _ => {}
                }
            }
            let SaveOutcome::Saved { article } = s.save(&edit, 1, SaveKind::Auto, "test").unwrap()
            else {
                panic!("conflict")
            };
            let back = s.article(a.id).unwrap();
            assert_eq!(back, article);
            assert_eq!(back.body, edit.body.normalized());
        }
        let heads: Vec<Article> = s
            .list(false)
            .unwrap()
            .iter()
            .map(|a| s.article(a.id).unwrap())
            .collect();
        let Some(Block::Interview(iv)) = heads.iter().find_map(|a| {
            a.body
                .blocks
                .iter()
                .find(|b| matches!(b, Block::Interview(_)))
        }) else {
            panic!("the qa article lost its interview")
        };
        assert_eq!(iv.interviewer, "PV");
        assert_eq!(iv.turn_labels(), ["PV", "Ông Nguyễn Văn Hùng"]);
        assert_eq!(
            s.new_from_template("nope", &[]).unwrap_err().code(),
            "no_template"
        );
    }

    #[test]
    fn csv_import_keeps_good_rows_and_names_broken_ones() {
        let mut s = Store::open_in_memory().unwrap();
        hung(&mut s);
        let csv = "full_name,honorific,position,codes\n\
            Nguyễn Văn Hùng,Ông,,\n\
            Trần Thị Lan,Bà,Chủ tịch Hội Phụ nữ tỉnh,ttl\n\
            Lê Văn Tám,Ông\n\
            Phạm Văn C,Ông,,nvh\n\
            Hoàng Văn D,Ông,,ttl\n";
        let read = newsdesk_core::person_csv::read(csv.as_bytes()).unwrap();
        let report = s.import_people(read).unwrap();
        let added: Vec<_> = report
            .added
            .iter()
            .map(|a| (a.line, a.full_name.as_str()))
            .collect();
        assert_eq!(added, [(3, "Trần Thị Lan")]);
        assert_eq!(
            report.skipped.iter().map(|p| p.line).collect::<Vec<_>>(),
            [2]
        );
        let problems: Vec<_> = report.problems.iter().map(|p| p.line).collect();
        assert_eq!(problems, [4, 5, 6], "{:?}", report.problems);
        assert_eq!(s.people().unwrap().len(), 2);
        assert!(s.check().unwrap().ok);
    }

    #[test]
    fn an_article_from_a_template_and_a_csv_given_as_text() {
        let mut s = Store::open_in_memory().unwrap();
        let a = s
            .create_from_template("voices", &["Minh Anh".into()], "test")
            .unwrap();
        assert_eq!(a.bylines[0].role, Role::Interviewer);
        assert!(!a.placeholders().is_empty());
        assert!(matches!(
            s.create_from_template("nothing", &[], "test"),
            Err(Error::NoTemplate(_))
        ));
        let csv = "full_name,honorific\nTrần Thị Lan,Bà\n\"broken,Ông\n";
        let report = s.import_people_csv(csv.as_bytes()).unwrap();
        assert_eq!(report.added.len(), 1);
        assert!(s.import_people_csv(b"colour\nred\n").is_err());
    }
}
