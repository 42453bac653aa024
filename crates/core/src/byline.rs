//! Bylines: who wrote, interviewed or photographed a piece, in order, and how the
//! paper prints them (`A - B (thực hiện)`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::settings::Lang;

/// The part a person played in a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// Wrote the text; printed with no suffix.
    Writer,
    /// Conducted an interview; printed `(thực hiện)`.
    Interviewer,
    /// Took the photos; printed `(ảnh)`.
    Photographer,
    /// Translated; printed `(dịch)`.
    Translator,
    /// Compiled from other sources; printed `(tổng hợp)`.
    Compiler,
}

impl Role {
    /// Every role, in the order the UI offers them.
    pub const ALL: [Role; 5] = [
        Role::Writer,
        Role::Interviewer,
        Role::Photographer,
        Role::Translator,
        Role::Compiler,
    ];

    /// The suffix the paper prints after the names, if any.
    pub fn suffix(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Role::Writer, _) => None,
            (Role::Interviewer, Lang::Vi) => Some("thực hiện"),
            (Role::Interviewer, Lang::En) => Some("interview"),
            (Role::Photographer, Lang::Vi) => Some("ảnh"),
            (Role::Photographer, Lang::En) => Some("photos"),
            (Role::Translator, Lang::Vi) => Some("dịch"),
            (Role::Translator, Lang::En) => Some("translation"),
            (Role::Compiler, Lang::Vi) => Some("tổng hợp"),
            (Role::Compiler, Lang::En) => Some("compiled"),
        }
    }
}

/// One person in the byline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Byline {
    /// The name as printed.
    pub name: String,
    pub role: Role,
    /// The person in the directory, when the byline was picked from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person_id: Option<Uuid>,
}

impl Byline {
    /// A byline with no directory link.
    pub fn new(name: &str, role: Role) -> Byline {
        Byline {
            name: name.to_owned(),
            role,
            person_id: None,
        }
    }
}

/// The byline line as printed: names that share a role joined with ` - `, each group
/// followed by its role (`A - B (thực hiện)`), groups in order of first appearance
/// separated by `, `.
pub fn format_bylines(bylines: &[Byline], lang: Lang) -> String {
    let mut groups: Vec<(Role, Vec<&str>)> = Vec::new();
    for b in bylines {
        let name = b.name.trim();
        if name.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(r, _)| *r == b.role) {
            Some((_, names)) => names.push(name),
            None => groups.push((b.role, vec![name])),
        }
    }
    groups
        .into_iter()
        .map(|(role, names)| match role.suffix(lang) {
            Some(s) => format!("{} ({s})", names.join(" - ")),
            None => names.join(" - "),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_bylines() {
        let b = Byline::new;
        let cases: Vec<(Vec<Byline>, Lang, &str)> = vec![
            (vec![], Lang::Vi, ""),
            (vec![b("Thanh Hải", Role::Writer)], Lang::Vi, "Thanh Hải"),
            (
                vec![
                    b("Đông Hà", Role::Interviewer),
                    b("Minh Anh", Role::Interviewer),
                ],
                Lang::Vi,
                "Đông Hà - Minh Anh (thực hiện)",
            ),
            (
                vec![
                    b("A", Role::Writer),
                    b("T. Dũng", Role::Photographer),
                    b("B", Role::Writer),
                ],
                Lang::Vi,
                "A - B, T. Dũng (ảnh)",
            ),
            (
                vec![b("A", Role::Interviewer), b("  ", Role::Writer)],
                Lang::En,
                "A (interview)",
            ),
        ];
        for (bylines, lang, want) in cases {
            assert_eq!(format_bylines(&bylines, lang), want);
        }
    }
}
