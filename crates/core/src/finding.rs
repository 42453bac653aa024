//! Findings: something in an article that is not wrong enough to refuse a save but
//! must be looked at before publication (a voice with no name, a placeholder left).
//! The pre-publish checklist gathers them; the editor jumps to each by its path.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How much a finding matters to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// The article cannot be approved or exported until it is fixed.
    Blocking,
    /// Shown to the editor; publication may go ahead.
    Warning,
}

/// One thing to fix or look at, at a field path of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    /// The field it is about, e.g. `body.blocks[3].voices[1].name`.
    pub path: String,
    /// A stable code for the UI and scripts, e.g. `voice_unnamed`.
    pub code: String,
    pub severity: Severity,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl Finding {
    /// A blocking finding.
    pub fn blocking(path: String, code: &str, message: impl Into<String>) -> Finding {
        Finding {
            path,
            code: code.to_owned(),
            severity: Severity::Blocking,
            message: message.into(),
        }
    }

    /// A warning.
    pub fn warning(path: String, code: &str, message: impl Into<String>) -> Finding {
        Finding {
            path,
            code: code.to_owned(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}
