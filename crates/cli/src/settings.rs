//! `newsdesk settings …`: newsroom settings.

use std::path::Path;

use anyhow::Result;

use crate::{open, print_json, SettingsCmd};

pub fn run(dir: Option<&Path>, cmd: SettingsCmd) -> Result<()> {
    let mut store = open(dir)?;
    match cmd {
        SettingsCmd::Show => print_json(&store.settings()?)?,
        SettingsCmd::Set {
            paper_name,
            paper_tag,
            time_zone,
            language,
            lead_word_limit,
            interviewer_label,
            credit_initials_on_repeat,
        } => {
            let mut s = store.settings()?;
            if let Some(v) = paper_name {
                s.paper_name = v;
            }
            if let Some(v) = paper_tag {
                s.paper_tag = v;
            }
            if let Some(v) = time_zone {
                s.time_zone = v;
            }
            if let Some(v) = language {
                s.language = v.into();
            }
            if let Some(v) = lead_word_limit {
                s.lead_word_limit = v;
            }
            if let Some(v) = interviewer_label {
                s.interviewer_label = v;
            }
            if let Some(v) = credit_initials_on_repeat {
                s.credit_initials_on_repeat = v;
            }
            store.set_settings(&s)?;
            print_json(&s)?;
        }
    }
    Ok(())
}
