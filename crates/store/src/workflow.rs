//! The workflow on top of the `articles`, `revisions`, `profiles`, `status_changes`
//! and `publish_log` tables: profiles, status changes recorded with who and when in
//! the same transaction, the filtered draft list, the checklist's store-side facts
//! and the publish log.

use newsdesk_core::checklist::{check, Checklist, ChecklistInput};
use newsdesk_core::workflow::{check_transition, needs_checklist};
use newsdesk_core::{
    Article, ArticleSummary, Block, Document, FigureFacts, Finding, Lang, Profile, ProfileRole,
    Status, StatusChange,
};
use rusqlite::TransactionBehavior;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::publish_log::PublishEntry;
use crate::revisions::{RevisionKind, RevisionMeta};
use crate::{articles, profiles, publish_log, revisions, settings, status_changes, Store};

/// Which articles the draft list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ListFilter {
    /// Only articles in this status.
    #[ts(optional)]
    pub status: Option<Status>,
    /// Only articles this profile moved, or whose byline carries its name.
    #[ts(optional)]
    pub person: Option<String>,
}

impl Store {
    /// Adds a local profile. The first profile becomes the current one.
    pub fn add_profile(&mut self, name: &str, role: ProfileRole) -> Result<Profile> {
        let name = newsdesk_core::text::nfc(name.trim());
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(newsdesk_core::Error::invalid(
                "name",
                "a profile name must not be empty or hold control characters",
            )
            .into());
        }
        let p = Profile {
            id: Uuid::now_v7(),
            name,
            role,
            created_at: newsdesk_core::time::now(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        profiles::insert(&tx, &p)?;
        if profiles::current(&tx)?.is_none() {
            profiles::set_current(&tx, &p.name)?;
        }
        tx.commit()?;
        Ok(p)
    }

    /// Every profile, by name.
    pub fn profiles(&self) -> Result<Vec<Profile>> {
        profiles::list(&self.conn)
    }

    /// Makes `name` the current profile.
    pub fn use_profile(&mut self, name: &str) -> Result<Profile> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let p = profiles::set_current(&tx, name)?;
        tx.commit()?;
        Ok(p)
    }

    /// The current profile, if one was chosen.
    pub fn current_profile(&self) -> Result<Option<Profile>> {
        profiles::current(&self.conn)
    }

    /// Who a save is credited to: the current profile's name when one is chosen,
    /// otherwise `os_user` (the operating-system user the front end runs as). Every
    /// save from the app and the CLI — autosave, restore, placements, imports —
    /// passes this as the revision's author.
    pub fn author(&self, os_user: &str) -> Result<String> {
        Ok(profiles::current(&self.conn)?
            .map(|p| p.name)
            .unwrap_or_else(|| os_user.to_owned()))
    }

    /// The profile named `name`, or the current one when `None`; an error says how to
    /// make one when there is none.
    pub fn acting_profile(&self, name: Option<&str>) -> Result<Profile> {
        match name {
            Some(n) => profiles::by_name(&self.conn, n)?.ok_or_else(|| Error::NotFound {
                what: "profile",
                id: n.to_owned(),
            }),
            None => profiles::current(&self.conn)?.ok_or(Error::NoProfile),
        }
    }

    /// Ids of `article`'s related articles that do not exist or are in the trash.
    pub fn missing_related(&self, article: &Article) -> Result<Vec<Uuid>> {
        let mut out = Vec::new();
        for id in &article.related {
            match articles::get(&self.conn, *id)? {
                Some(a) if a.trashed_at.is_none() => {}
                _ => out.push(*id),
            }
        }
        Ok(out)
    }

    /// Runs the pre-publish checklist with what the store knows (settings, related
    /// articles, the house proofing settings, whose findings become warnings) plus
    /// what the caller gathered (the figures' facts, see [`Store::figure_facts`], and
    /// the long side pictures are exported at; 0 skips the size check).
    pub fn checklist(
        &self,
        article: &Article,
        figures: &[FigureFacts],
        output_width: u32,
    ) -> Result<Checklist> {
        let s = settings::get(&self.conn)?;
        let missing = self.missing_related(article)?;
        let proofing = proofing_findings(article, &settings::proof_config(&self.conn)?, s.language);
        Ok(check(
            article,
            &s,
            &ChecklistInput {
                missing_related: &missing,
                figures,
                output_width,
                proofing: &proofing,
            },
        ))
    }

    /// Moves an article to `to` as `profile` (a name, or the current profile). The
    /// change must be allowed for the profile's role; approving or publishing first
    /// runs the checklist and refuses while anything blocks. The new status, a
    /// revision and the change record are written in one transaction.
    pub fn change_status(
        &mut self,
        id: Uuid,
        to: Status,
        profile: Option<&str>,
        figures: &[FigureFacts],
    ) -> Result<Article> {
        let who = self.acting_profile(profile)?;
        let head = articles::require(&self.conn, id)?;
        if head.trashed_at.is_some() {
            return Err(newsdesk_core::Error::invalid(
                "status",
                "an article in the trash cannot change status; restore it first",
            )
            .into());
        }
        check_transition(head.status, to, who.role)?;
        if needs_checklist(to) {
            let c = self.checklist(&head, figures, 0)?;
            if !c.passes() {
                return Err(Error::Checklist(c.blocking().cloned().collect()));
            }
        }
        let now = newsdesk_core::time::now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the transaction so a concurrent save is not lost.
        let current = articles::require(&tx, id)?;
        if current.version != head.version {
            return Err(Error::Busy);
        }
        let saved = Article {
            version: current.version + 1,
            status: to,
            updated_at: now,
            ..current
        };
        let doc = serde_json::to_string(&saved)?;
        articles::update_with_doc(&tx, &saved, &doc)?;
        let meta = RevisionMeta {
            id: Uuid::now_v7(),
            article_id: id,
            version: Some(saved.version),
            base_version: head.version,
            kind: RevisionKind::Named,
            label: Some(format!("{} → {}", head.status.as_str(), to.as_str())),
            author: who.name.clone(),
            created_at: now,
            headline: saved.headline.clone(),
        };
        revisions::insert_with_doc(&tx, &meta, &doc)?;
        status_changes::insert(
            &tx,
            &StatusChange {
                article_id: id,
                from: head.status,
                to,
                profile_id: who.id,
                profile_name: who.name.clone(),
                at: now,
            },
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// The status history of an article, oldest first.
    pub fn status_history(&self, id: Uuid) -> Result<Vec<StatusChange>> {
        status_changes::for_article(&self.conn, id)
    }

    /// The draft list (not trashed), newest first, filtered by status and person.
    pub fn list_filtered(&self, filter: &ListFilter) -> Result<Vec<ArticleSummary>> {
        let all = articles::list(&self.conn, false)?;
        let touched = match &filter.person {
            None => None,
            Some(name) => {
                let ids = match profiles::by_name(&self.conn, name)? {
                    Some(p) => status_changes::articles_touched_by(&self.conn, p.id)?,
                    None => Vec::new(),
                };
                Some((name.as_str(), ids))
            }
        };
        Ok(all
            .into_iter()
            .filter(|a| filter.status.is_none_or(|s| a.status == s))
            .filter(|a| match &touched {
                None => true,
                Some((name, ids)) => {
                    ids.contains(&a.id) || a.bylines.iter().any(|b| b.name == *name)
                }
            })
            .collect())
    }

    /// Records an export. It is an update when the article was exported before at
    /// another version. Returns the entry written.
    pub fn log_export(
        &mut self,
        article: &Article,
        format: &str,
        destination: &str,
        checksum: &str,
        profile_name: &str,
    ) -> Result<PublishEntry> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let is_update = publish_log::for_article(&tx, article.id)?
            .iter()
            .any(|e| e.article_version != article.version);
        let e = PublishEntry {
            article_id: article.id,
            article_version: article.version,
            format: format.to_owned(),
            destination: destination.to_owned(),
            checksum: checksum.to_owned(),
            profile_name: profile_name.to_owned(),
            is_update,
            at: newsdesk_core::time::now(),
        };
        publish_log::insert(&tx, &e)?;
        tx.commit()?;
        Ok(e)
    }

    /// Whether exporting `article` now would be an update of an earlier export.
    pub fn export_is_update(&self, article: &Article) -> Result<bool> {
        Ok(publish_log::for_article(&self.conn, article.id)?
            .iter()
            .any(|e| e.article_version != article.version))
    }

    /// The publish log of an article, oldest first.
    pub fn publish_log(&self, id: Uuid) -> Result<Vec<PublishEntry>> {
        publish_log::for_article(&self.conn, id)
    }
}

/// Proofs the headline, the lead and the body's text blocks as one text (joined by
/// blank lines, as the editor does, so abbreviations and the tone style count across
/// paragraphs) with the house settings. Each finding becomes a warning at the field it
/// falls in (`headline`, `lead`, `body.blocks[N]`), its message saying what and where.
pub fn proofing_findings(
    article: &Article,
    config: &newsdesk_proof::Config,
    lang: Lang,
) -> Vec<Finding> {
    let mut segments: Vec<(String, String)> = vec![
        ("headline".into(), article.headline.clone()),
        ("lead".into(), article.lead.clone()),
    ];
    for (i, b) in article.body.blocks.iter().enumerate() {
        if matches!(b, Block::Figure { .. }) {
            continue;
        }
        let text = Document {
            blocks: vec![b.clone()],
            ..Document::default()
        }
        .plain_text();
        segments.push((format!("body.blocks[{i}]"), text));
    }
    segments.retain(|(_, t)| !t.trim().is_empty());
    let mut text = String::new();
    // (path, byte start, char start) of each segment in `text`.
    let mut starts = Vec::with_capacity(segments.len());
    let mut chars = 0;
    for (i, (path, t)) in segments.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
            chars += 2;
        }
        starts.push((path.as_str(), text.len(), chars));
        text.push_str(t);
        chars += t.chars().count();
    }
    newsdesk_proof::proof(&text, config)
        .into_iter()
        .filter_map(|f| {
            let &(path, _, char_start) = starts.iter().rev().find(|s| s.1 <= f.span.start)?;
            let at = f.span.start_char - char_start + 1;
            let what = match lang {
                Lang::Vi => &f.message_vi,
                Lang::En => &f.message_en,
            };
            let message = match lang {
                Lang::Vi => format!("“{}” (ký tự {at}): {what}", f.text),
                Lang::En => format!("“{}” (character {at}): {what}", f.text),
            };
            Some(Finding::warning(
                path.to_owned(),
                &format!("proof_{}", f.rule.id().replace('-', "_")),
                message,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_core::NewArticle;

    fn store_with_article(lead: &str) -> (Store, Article) {
        let mut s = Store::open_in_memory().unwrap();
        let a = s
            .create(
                NewArticle {
                    headline: "Tin".into(),
                    lead: lead.into(),
                    ..NewArticle::default()
                },
                "t",
            )
            .unwrap();
        (s, a)
    }

    /// Issue 6: autosaves were credited to `$USER` although a local profile was chosen.
    #[test]
    fn issue_6_saves_are_credited_to_the_current_profile_else_the_os_user() {
        let (mut s, a) = store_with_article("Sapo.");
        assert_eq!(
            s.author("lan-laptop").unwrap(),
            "lan-laptop",
            "no profile yet"
        );
        s.add_profile("Lan", ProfileRole::Reporter).unwrap();
        s.add_profile("Hùng", ProfileRole::Editor).unwrap();
        assert_eq!(s.author("lan-laptop").unwrap(), "Lan");
        s.use_profile("Hùng").unwrap();
        let who = s.author("lan-laptop").unwrap();
        let mut edited = a.clone();
        edited.lead = "Sapo mới.".into();
        s.save(&edited, a.version, crate::SaveKind::Auto, &who)
            .unwrap();
        let revs = s.revisions(a.id).unwrap();
        let newest = revs.iter().max_by_key(|r| r.version).unwrap();
        assert_eq!(newest.author, "Hùng", "{revs:?}");
    }

    #[test]
    fn status_change_records_who_and_when_with_a_revision() {
        let (mut s, a) = store_with_article("Sapo.");
        s.add_profile("Lan", ProfileRole::Reporter).unwrap();
        s.add_profile("Hùng", ProfileRole::Editor).unwrap();
        assert_eq!(s.current_profile().unwrap().unwrap().name, "Lan");
        let a2 = s.change_status(a.id, Status::Submitted, None, &[]).unwrap();
        assert_eq!(a2.status, Status::Submitted);
        assert_eq!(a2.version, 2);
        assert_eq!(s.article(a.id).unwrap().status, Status::Submitted);
        let err = s
            .change_status(a.id, Status::InEdit, None, &[])
            .unwrap_err();
        assert_eq!(
            err.code(),
            "invalid",
            "a reporter cannot take a piece into edit"
        );
        s.change_status(a.id, Status::InEdit, Some("Hùng"), &[])
            .unwrap();
        let h = s.status_history(a.id).unwrap();
        assert_eq!(
            h.iter()
                .map(|c| (c.from, c.to, c.profile_name.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (Status::Draft, Status::Submitted, "Lan"),
                (Status::Submitted, Status::InEdit, "Hùng"),
            ]
        );
        assert_eq!(s.revisions(a.id).unwrap().len(), 3);
    }

    #[test]
    fn approval_runs_the_checklist() {
        let (mut s, a) = store_with_article("");
        s.add_profile("Hùng", ProfileRole::Editor).unwrap();
        s.change_status(a.id, Status::Submitted, None, &[]).unwrap();
        s.change_status(a.id, Status::InEdit, None, &[]).unwrap();
        let err = s
            .change_status(a.id, Status::Approved, None, &[])
            .unwrap_err();
        assert_eq!(err.code(), "checklist");
        assert_eq!(s.article(a.id).unwrap().status, Status::InEdit);
        assert_eq!(s.status_history(a.id).unwrap().len(), 2);
    }

    #[test]
    fn list_filters_by_status_and_person() {
        let (mut s, a) = store_with_article("x");
        let b = s.create(NewArticle::default(), "t").unwrap();
        s.add_profile("Lan", ProfileRole::Reporter).unwrap();
        s.change_status(a.id, Status::Submitted, None, &[]).unwrap();
        let f = |status, person: Option<&str>| {
            s.list_filtered(&ListFilter {
                status,
                person: person.map(str::to_owned),
            })
            .unwrap()
            .into_iter()
            .map(|x| x.id)
            .collect::<Vec<_>>()
        };
        assert_eq!(f(Some(Status::Submitted), None), vec![a.id]);
        assert_eq!(f(Some(Status::Draft), None), vec![b.id]);
        assert_eq!(f(None, Some("Lan")), vec![a.id]);
        assert_eq!(f(None, Some("Nobody")), Vec::<Uuid>::new());
    }

    #[test]
    fn no_profile_is_a_clear_error() {
        let (mut s, a) = store_with_article("x");
        let err = s
            .change_status(a.id, Status::Submitted, None, &[])
            .unwrap_err();
        assert_eq!(err.code(), "no_profile");
        assert!(err.to_string().contains("newsdesk profile add"));
    }

    #[test]
    fn re_export_of_a_changed_article_is_an_update() {
        let (mut s, a) = store_with_article("x");
        let e1 = s.log_export(&a, "html", "/tmp/x", "ab", "Lan").unwrap();
        assert!(!e1.is_update);
        let e2 = s.log_export(&a, "html", "/tmp/x", "ab", "Lan").unwrap();
        assert!(!e2.is_update, "same version again is not an update");
        let changed = Article {
            version: a.version + 1,
            ..a.clone()
        };
        assert!(s.export_is_update(&changed).unwrap());
        assert!(
            s.log_export(&changed, "html", "/tmp/x", "cd", "Lan")
                .unwrap()
                .is_update
        );
        assert_eq!(s.publish_log(a.id).unwrap().len(), 3);
    }

    #[test]
    fn proofing_findings_are_warnings_at_their_field() {
        let (s, mut a) = store_with_article("Ông ấy nói  rằng mưa to.");
        a.headline = "Mưa lũ ở Quảng Trị".into();
        a.body = Document {
            blocks: vec![
                Block::paragraph("Đoạn đầu đúng chính tả."),
                Block::Figure {
                    placement_id: Uuid::now_v7(),
                    photo_id: Uuid::now_v7(),
                },
                Block::paragraph("Nước lên lên nhanh."),
            ],
            ..Document::default()
        };
        let c = s.checklist(&a, &[], 0).unwrap();
        let proof: Vec<(&str, &str)> = c
            .findings
            .iter()
            .filter(|f| f.code.starts_with("proof_"))
            .map(|f| (f.code.as_str(), f.path.as_str()))
            .collect();
        assert_eq!(
            proof,
            [
                ("proof_double_space", "lead"),
                ("proof_doubled_word", "body.blocks[2]"),
            ],
            "{:#?}",
            c.findings
        );
        assert!(c.passes(), "proofing only warns");
        let doubled = c
            .findings
            .iter()
            .find(|f| f.code == "proof_doubled_word")
            .unwrap();
        assert_eq!(doubled.severity, newsdesk_core::Severity::Warning);
        assert!(doubled.message.contains("(ký tự 6)"), "{}", doubled.message);
    }

    #[test]
    fn figure_facts_follow_the_body_and_small_renditions_warn() {
        let (mut s, a) = store_with_article("Sapo.");
        let photo = |sha: u8, w: u32, h: u32| newsdesk_core::Photo {
            id: Uuid::now_v7(),
            sha256: format!("{sha:02x}").repeat(32),
            original_name: "a.jpg".into(),
            format: newsdesk_core::PhotoFormat::Jpeg,
            width: w,
            height: h,
            byte_size: 1,
            imported_at: newsdesk_core::time::now(),
            meta: newsdesk_core::PhotoMeta {
                description: Some("Chú thích".into()),
                creator: Some("Trần Dũng".into()),
                alt_text: Some("Mô tả".into()),
                ..newsdesk_core::PhotoMeta::default()
            },
        };
        let big = s.add_photo(&photo(1, 6000, 4000)).unwrap().0;
        let small = s.add_photo(&photo(2, 800, 1200)).unwrap().0;
        s.place_photo(a.id, big.id, "t").unwrap();
        let (_, a) = s.place_photo(a.id, small.id, "t").unwrap();
        let facts = s.figure_facts(&a, 1600).unwrap();
        assert_eq!(
            facts
                .iter()
                .map(|f| (f.path.as_str(), f.credit.as_str(), f.rendition_width))
                .collect::<Vec<_>>(),
            [
                ("body.blocks[0]", "Ảnh: TRẦN DŨNG", 1600),
                ("body.blocks[1]", "Ảnh: T.D", 1200)
            ]
        );
        let c = s.checklist(&a, &facts, 1600).unwrap();
        let small: Vec<&str> = c
            .findings
            .iter()
            .filter(|f| f.code == "rendition_small")
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(small, ["body.blocks[1].photo"]);
        assert!(c.passes());
    }

    #[test]
    fn duplicate_profile_names_are_refused() {
        let mut s = Store::open_in_memory().unwrap();
        s.add_profile("Lan", ProfileRole::Reporter).unwrap();
        assert_eq!(
            s.add_profile("Lan", ProfileRole::Editor)
                .unwrap_err()
                .code(),
            "profile_taken"
        );
        assert_eq!(
            s.add_profile(" ", ProfileRole::Editor).unwrap_err().code(),
            "invalid"
        );
    }
}
