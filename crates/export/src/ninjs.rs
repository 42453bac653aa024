//! IPTC ninjs (News in JSON): the article as a news item for partners, with the HTML
//! body, the tagged lead as description, bylines and the people quoted, and each
//! placed photo as an association carrying its own caption, credit and copyright.
//!
//! Two versions: 2.2 (the default) and 3.1. They say the same things but 3.x renamed
//! properties to camelCase (`versionCreated`, `firstCreated`, `pubStatus`,
//! `contentType`, `copyrightNotice`), made associations an array of full ninjs
//! objects that each need a `name` and a `uri` (and may say their `rel`), let
//! renditions give `width`, `height` and `sizeInBytes`, and added `standard`,
//! `representationType`, `copyrightHolder`, `infoSources` and body word/character
//! counts. Both are built from one [`Item`] so the content cannot drift apart.

use newsdesk_core::byline::format_bylines;
use newsdesk_core::text::{char_count, word_count};
use newsdesk_core::{Block, Lang, Role, Status};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use ts_rs::TS;

use crate::html::{body, tagged_lead};
use crate::{ExportInput, FigureView, Result};

/// Which ninjs schema the JSON follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum NinjsVersion {
    /// ninjs 2.2 (lower-case property names), the default.
    #[default]
    #[serde(rename = "2.2")]
    V2_2,
    /// ninjs 3.1 (camelCase property names, associations as full objects).
    #[serde(rename = "3.1")]
    V3_1,
}

impl NinjsVersion {
    /// `2.2` or `3.1`, as on the command line and in the publish log.
    pub fn as_str(self) -> &'static str {
        match self {
            NinjsVersion::V2_2 => "2.2",
            NinjsVersion::V3_1 => "3.1",
        }
    }

    /// The file name of the official schema (`ninjs-schema_3.1.json`).
    pub fn schema_file(self) -> String {
        format!("ninjs-schema_{}.json", self.as_str())
    }
}

/// The `uri` of an article's news item.
pub fn uri(id: uuid::Uuid) -> String {
    format!("urn:uuid:{id}")
}

fn rel(role: Role) -> &'static str {
    match role {
        Role::Writer => "author",
        Role::Interviewer => "interviewer",
        Role::Photographer => "photographer",
        Role::Translator => "translator",
        Role::Compiler => "compiler",
    }
}

/// The IANA media type of a picture file, from its extension.
fn image_type(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        _ => "image/jpeg",
    }
}

fn rfc(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The people named in the article: bylines, then the voices and interviewees.
fn people(input: &ExportInput<'_>) -> Vec<Value> {
    let a = input.article;
    let mut people: Vec<Value> = a
        .bylines
        .iter()
        .filter(|b| !b.name.trim().is_empty())
        .map(|b| json!({"name": b.name.trim(), "rel": rel(b.role)}))
        .collect();
    for b in &a.body.blocks {
        match b {
            Block::Voices(v) => {
                for voice in &v.voices {
                    if !voice.name.trim().is_empty() {
                        people.push(json!({"name": voice.name.trim(), "rel": "quoted"}));
                    }
                }
            }
            Block::Interview(iv) => {
                for sp in &iv.speakers {
                    if !sp.name.trim().is_empty() {
                        people.push(json!({"name": sp.name.trim(), "rel": "interviewee"}));
                    }
                }
            }
            _ => {}
        }
    }
    people
}

fn pubstatus(status: Status) -> &'static str {
    match status {
        Status::Withdrawn | Status::Spiked => "canceled",
        Status::Published | Status::Approved => "usable",
        _ => "withheld",
    }
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// The ninjs object in `version` (keys sorted, so the same article gives the same bytes).
pub fn item(input: &ExportInput<'_>, version: NinjsVersion) -> Result<Value> {
    Ok(match version {
        NinjsVersion::V2_2 => item_2_2(input),
        NinjsVersion::V3_1 => item_3_1(input),
    })
}

/// [`item`] as pretty JSON text ending in a newline.
pub fn to_string(input: &ExportInput<'_>, version: NinjsVersion) -> Result<String> {
    Ok(serde_json::to_string_pretty(&item(input, version)?)? + "\n")
}

fn paper_copyright(input: &ExportInput<'_>) -> Option<String> {
    let name = input.settings.paper_name.trim();
    (!name.is_empty()).then(|| format!("© {name}"))
}

/// ninjs 2.2.
fn item_2_2(input: &ExportInput<'_>) -> Value {
    let a = input.article;
    let s = input.settings;
    let (prefix, lead) = tagged_lead(s, &a.lead);
    let people = people(input);
    let mut m = Map::new();
    m.insert("uri".into(), uri(a.id).into());
    m.insert("type".into(), "text".into());
    m.insert("version".into(), a.version.to_string().into());
    m.insert("versioncreated".into(), rfc(&a.updated_at).into());
    m.insert("firstcreated".into(), rfc(&a.created_at).into());
    m.insert("pubstatus".into(), pubstatus(a.status).into());
    m.insert("language".into(), language(s.language).into());
    m.insert(
        "headlines".into(),
        json!([{"role": "main", "value": a.headline}]),
    );
    m.insert(
        "descriptions".into(),
        json!([{"role": "summary", "contenttype": "text/plain", "value": format!("{prefix}{lead}")}]),
    );
    m.insert(
        "bodies".into(),
        json!([{"role": "main", "contenttype": "text/html", "value": body(&a.body.blocks, input.figures)}]),
    );
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        m.insert("by".into(), by.into());
    }
    if !people.is_empty() {
        m.insert("people".into(), people.into());
    }
    m.insert(
        "renditions".into(),
        json!([{"name": "html", "contenttype": "text/html"}]),
    );
    let associations: Vec<Value> = input
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut m = json!({
                "name": format!("photo{}", i + 1),
                "uri": uri(f.placement_id),
                "type": "picture",
                "descriptions": [{"role": "caption", "value": f.caption}],
                "by": f.credit,
                "copyrightnotice": f.copyright,
            });
            if !f.alt.is_empty() {
                m["descriptions"]
                    .as_array_mut()
                    .expect("an array")
                    .push(json!({"role": "alt", "value": f.alt}));
            }
            let mut renditions = Vec::new();
            if let Some(file) = &f.file {
                renditions.push(json!({"name": "web", "contenttype": "image/jpeg", "title": file}));
            }
            if let Some(file) = &f.original {
                renditions.push(
                    json!({"name": "original", "contenttype": image_type(file), "title": file}),
                );
            }
            if !renditions.is_empty() {
                m["renditions"] = renditions.into();
            }
            m
        })
        .collect();
    if !associations.is_empty() {
        m.insert("associations".into(), associations.into());
    }
    if !a.section.is_empty() {
        m.insert("subjects".into(), json!([{"name": a.section}]));
    }
    if let Some(c) = paper_copyright(input) {
        m.insert("copyrightnotice".into(), c.into());
    }
    Value::Object(m)
}

/// A picture's renditions in 3.1: the web copy and, when packaged, the original, each
/// with its size when known.
fn renditions_3_1(f: &FigureView) -> Vec<Value> {
    let mut out = Vec::new();
    for (name, file, size) in [
        ("web", &f.file, f.web_size),
        ("original", &f.original, f.original_size),
    ] {
        let Some(file) = file else { continue };
        let mut r = json!({"name": name, "contentType": image_type(file), "title": file});
        if let Some((w, h)) = size {
            r["width"] = w.into();
            r["height"] = h.into();
        }
        out.push(r);
    }
    out
}

/// ninjs 3.1.
fn item_3_1(input: &ExportInput<'_>) -> Value {
    let a = input.article;
    let s = input.settings;
    let (prefix, lead) = tagged_lead(s, &a.lead);
    let people = people(input);
    let paper = s.paper_name.trim();
    let copyright = paper_copyright(input);
    let mut m = Map::new();
    m.insert("uri".into(), uri(a.id).into());
    m.insert("type".into(), "text".into());
    m.insert("representationType".into(), "full".into());
    m.insert(
        "standard".into(),
        json!({
            "name": "ninjs",
            "version": "3.1",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
        }),
    );
    m.insert("version".into(), a.version.to_string().into());
    m.insert("versionCreated".into(), rfc(&a.updated_at).into());
    m.insert("firstCreated".into(), rfc(&a.created_at).into());
    m.insert("pubStatus".into(), pubstatus(a.status).into());
    m.insert("language".into(), language(s.language).into());
    m.insert(
        "headlines".into(),
        json!([{"role": "main", "contentType": "text/plain", "value": a.headline}]),
    );
    m.insert(
        "descriptions".into(),
        json!([{"role": "summary", "contentType": "text/plain", "value": format!("{prefix}{lead}")}]),
    );
    let text = a.body.plain_text();
    m.insert(
        "bodies".into(),
        json!([{
            "role": "main",
            "contentType": "text/html",
            "value": body(&a.body.blocks, input.figures),
            "wordCount": word_count(&text),
            "charCount": char_count(&text),
        }]),
    );
    let by = format_bylines(&a.bylines, s.language);
    if !by.is_empty() {
        m.insert("by".into(), by.into());
    }
    if !people.is_empty() {
        m.insert("people".into(), people.into());
    }
    if !a.section.is_empty() {
        m.insert("subjects".into(), json!([{"name": a.section}]));
    }
    if !paper.is_empty() {
        m.insert("copyrightHolder".into(), paper.into());
        m.insert(
            "infoSources".into(),
            json!([{"name": paper, "role": "publisher"}]),
        );
    }
    if let Some(c) = &copyright {
        m.insert("copyrightNotice".into(), c.clone().into());
    }
    m.insert(
        "renditions".into(),
        json!([{"name": "html", "contentType": "text/html"}]),
    );
    let mut associations: Vec<Value> = input
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut descriptions = vec![json!({"role": "caption", "value": f.caption})];
            if !f.alt.is_empty() {
                descriptions.push(json!({"role": "alt", "value": f.alt}));
            }
            let mut m = json!({
                "name": format!("photo{}", i + 1),
                "rel": "photo",
                "uri": uri(f.placement_id),
                "type": "picture",
                "descriptions": descriptions,
                "by": f.credit,
                "copyrightNotice": f.copyright,
            });
            let renditions = renditions_3_1(f);
            if !renditions.is_empty() {
                m["renditions"] = renditions.into();
            }
            m
        })
        .collect();
    // The related articles printed under `Xem thêm`, by their own news item uri.
    associations.extend(input.related.iter().enumerate().map(|(i, r)| {
        json!({
            "name": format!("related{}", i + 1),
            "rel": "seeAlso",
            "uri": uri(r.id),
            "type": "text",
            "headlines": [{"role": "main", "value": r.headline}],
        })
    }));
    if !associations.is_empty() {
        m.insert("associations".into(), associations.into());
    }
    Value::Object(m)
}
