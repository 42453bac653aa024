//! The editorial workflow: which status changes are allowed, who may make them
//! (local profiles and their roles) and the record of a change. Pure rules; the
//! store applies them and records each change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::article::Status;
use crate::error::{Error, Result};

/// What a local profile does in the newsroom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileRole {
    /// Writes and submits pieces.
    Reporter,
    /// Places and captions photos; may submit.
    PhotoEditor,
    /// Edits, approves, publishes, spikes and withdraws.
    Editor,
}

impl ProfileRole {
    /// Every role.
    pub const ALL: [ProfileRole; 3] = [
        ProfileRole::Reporter,
        ProfileRole::PhotoEditor,
        ProfileRole::Editor,
    ];

    /// The name used in the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileRole::Reporter => "reporter",
            ProfileRole::PhotoEditor => "photo_editor",
            ProfileRole::Editor => "editor",
        }
    }

    /// Parses [`ProfileRole::as_str`].
    pub fn parse(s: &str) -> Result<ProfileRole> {
        ProfileRole::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(
                    "role",
                    format!("unknown role '{s}' (reporter, photo_editor or editor)"),
                )
            })
    }
}

/// Someone working on this laptop: state changes and exports are recorded under a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Profile {
    pub id: Uuid,
    /// The name shown in history and logs; unique.
    pub name: String,
    pub role: ProfileRole,
    pub created_at: DateTime<Utc>,
}

/// One recorded change of an article's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusChange {
    pub article_id: Uuid,
    pub from: Status,
    pub to: Status,
    /// The profile that made the change.
    pub profile_id: Uuid,
    /// Its name at the time (kept so the history reads the same after a rename).
    pub profile_name: String,
    pub at: DateTime<Utc>,
}

/// The statuses an article in `from` may move to, in the order the UI offers them.
pub fn next_statuses(from: Status) -> &'static [Status] {
    use Status::*;
    match from {
        Draft => &[Submitted, Spiked],
        Submitted => &[InEdit, Draft, Spiked],
        InEdit => &[Approved, Submitted, Draft, Spiked],
        Approved => &[Published, InEdit, Spiked],
        Published => &[Withdrawn],
        // A spiked piece is restored to draft; a withdrawn one can be edited and republished.
        Spiked => &[Draft],
        Withdrawn => &[InEdit],
    }
}

/// Whether a profile with `role` may move an article from `from` to `to`: the change
/// must be in [`next_statuses`], and only editors edit, approve, publish, spike,
/// restore and withdraw; reporters and photo editors submit and take back to draft.
pub fn check_transition(from: Status, to: Status, role: ProfileRole) -> Result<()> {
    if !next_statuses(from).contains(&to) {
        return Err(Error::invalid(
            "status",
            format!(
                "an article in '{}' cannot move to '{}' (allowed: {})",
                from.as_str(),
                to.as_str(),
                next_statuses(from)
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let editor_only = !matches!(
        (from, to),
        (Status::Draft, Status::Submitted) | (Status::Submitted, Status::Draft)
    );
    if editor_only && role != ProfileRole::Editor {
        return Err(Error::invalid(
            "status",
            format!(
                "only an editor can move an article from '{}' to '{}' (this profile is a {})",
                from.as_str(),
                to.as_str(),
                role.as_str()
            ),
        ));
    }
    Ok(())
}

/// Whether the pre-publish checklist must pass before moving to `to`.
pub fn needs_checklist(to: Status) -> bool {
    matches!(to, Status::Approved | Status::Published)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProfileRole::*;
    use Status::*;

    #[test]
    fn transitions() {
        let cases = [
            (Draft, Submitted, Reporter, true),
            (Draft, Submitted, PhotoEditor, true),
            (Submitted, Draft, Reporter, true),
            (Submitted, InEdit, Reporter, false),
            (Submitted, InEdit, Editor, true),
            (InEdit, Approved, Editor, true),
            (Approved, Published, Editor, true),
            (Approved, Published, Reporter, false),
            (Draft, Published, Editor, false),
            (Draft, Approved, Editor, false),
            (Published, Withdrawn, Editor, true),
            (Published, Draft, Editor, false),
            (Draft, Withdrawn, Editor, false),
            (Draft, Spiked, Editor, true),
            (Draft, Spiked, Reporter, false),
            (Spiked, Draft, Editor, true),
            (Spiked, Published, Editor, false),
            (Withdrawn, InEdit, Editor, true),
            (Draft, Draft, Editor, false),
        ];
        for (from, to, role, ok) in cases {
            assert_eq!(
                check_transition(from, to, role).is_ok(),
                ok,
                "{from:?} -> {to:?} as {role:?}"
            );
        }
    }

    #[test]
    fn every_status_has_a_way_out() {
        for s in Status::ALL {
            assert!(!next_statuses(s).is_empty(), "{s:?}");
            assert!(!next_statuses(s).contains(&s));
        }
    }

    #[test]
    fn role_names_round_trip() {
        for r in ProfileRole::ALL {
            assert_eq!(ProfileRole::parse(r.as_str()).unwrap(), r);
        }
        assert!(ProfileRole::parse("boss").is_err());
    }
}
