//! IPTC ninjs 2.2 (News in JSON): the article as a news item for partners, with the
//! HTML body, the tagged lead as description, bylines and the people quoted.

use newsdesk_core::byline::format_bylines;
use newsdesk_core::{Block, Lang, Role, Status};
use serde_json::{json, Map, Value};

use crate::html::{body, tagged_lead};
use crate::{ExportInput, Result};

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

/// The ninjs 2.2 object (keys sorted, so the same article gives the same bytes).
pub fn item(input: &ExportInput<'_>) -> Result<Value> {
    let a = input.article;
    let s = input.settings;
    let rfc =
        |t: &chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let pubstatus = match a.status {
        Status::Withdrawn | Status::Spiked => "canceled",
        Status::Published | Status::Approved => "usable",
        _ => "withheld",
    };
    let (prefix, lead) = tagged_lead(s, &a.lead);
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
    let mut m = Map::new();
    m.insert("uri".into(), uri(a.id).into());
    m.insert("type".into(), "text".into());
    m.insert("version".into(), a.version.to_string().into());
    m.insert("versioncreated".into(), rfc(&a.updated_at).into());
    m.insert("firstcreated".into(), rfc(&a.created_at).into());
    m.insert("pubstatus".into(), pubstatus.into());
    m.insert(
        "language".into(),
        match s.language {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
        .into(),
    );
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
            if let Some(file) = &f.file {
                m["renditions"] =
                    json!([{"name": "web", "contenttype": "image/jpeg", "title": file}]);
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
    if !s.paper_name.trim().is_empty() {
        m.insert(
            "copyrightnotice".into(),
            format!("© {}", s.paper_name.trim()).into(),
        );
    }
    Ok(Value::Object(m))
}

/// [`item`] as pretty JSON text ending in a newline.
pub fn to_string(input: &ExportInput<'_>) -> Result<String> {
    Ok(serde_json::to_string_pretty(&item(input)?)? + "\n")
}
