//! Newsroom settings: the paper's name and tag, its time zone and language, house limits.
//! Kept in the database; this module holds their shape, defaults and rules.

use std::str::FromStr;

use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// A language the interface and date lines come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Lang> {
        match s {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            other => Err(Error::invalid(
                "language",
                format!("unknown language '{other}' (vi or en)"),
            )),
        }
    }
}

/// The newsroom's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    /// The paper's name, e.g. `Báo Quảng Trị`.
    pub paper_name: String,
    /// The tag put before the lead on export, without brackets: `QT` gives `(QT) - `.
    pub paper_tag: String,
    /// IANA time zone the newsroom shows times in.
    pub time_zone: String,
    /// Interface and date-line language.
    pub language: Lang,
    /// A lead longer than this many words gets a warning.
    pub lead_word_limit: u32,
    /// The label before an interviewer's question in a Q&A interview (`PV`).
    pub interviewer_label: String,
    /// Later photo credits of a photographer already credited in the same article are
    /// printed as initials (`Ảnh: T.D`). Missing in settings saved by older versions: on.
    pub credit_initials_on_repeat: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paper_name: "Báo Quảng Trị".into(),
            paper_tag: "QT".into(),
            time_zone: "Asia/Ho_Chi_Minh".into(),
            language: Lang::Vi,
            lead_word_limit: 50,
            interviewer_label: crate::interview::DEFAULT_INTERVIEWER_LABEL.into(),
            credit_initials_on_repeat: true,
        }
    }
}

impl Settings {
    /// The time zone, parsed.
    pub fn tz(&self) -> Result<Tz> {
        parse_tz(&self.time_zone)
    }

    /// Today's date in the newsroom's time zone: the day people are named as of when
    /// no article date applies (code replacement, a new article).
    pub fn today(&self) -> Result<chrono::NaiveDate> {
        Ok(crate::time::now().with_timezone(&self.tz()?).date_naive())
    }

    /// Checks every field; the error names the field.
    pub fn validate(&self) -> Result<()> {
        self.tz()?;
        if self.paper_tag.chars().count() > 12 {
            return Err(Error::invalid(
                "paper_tag",
                "the paper tag is at most 12 characters",
            ));
        }
        if self.lead_word_limit == 0 {
            return Err(Error::invalid(
                "lead_word_limit",
                "the lead limit must be at least 1 word",
            ));
        }
        let label = self.interviewer_label.trim();
        if label.is_empty() || label.chars().count() > 40 {
            return Err(Error::invalid(
                "interviewer_label",
                "the interviewer's label is 1 to 40 characters (e.g. PV)",
            ));
        }
        Ok(())
    }

    /// The prefix printed before the lead: `(QT) - `, or nothing when no tag is set.
    pub fn lead_prefix(&self) -> String {
        let tag = self.paper_tag.trim();
        if tag.is_empty() {
            String::new()
        } else {
            format!("({tag}) - ")
        }
    }
}

/// Parses an IANA time zone name.
pub fn parse_tz(name: &str) -> Result<Tz> {
    name.parse::<Tz>()
        .map_err(|_| Error::UnknownTimeZone(name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_prefix_the_lead() {
        let s = Settings::default();
        s.validate().unwrap();
        assert_eq!(s.lead_prefix(), "(QT) - ");
        let none = Settings {
            paper_tag: " ".into(),
            ..Settings::default()
        };
        assert_eq!(none.lead_prefix(), "");
    }

    #[test]
    fn settings_saved_before_photo_credits_still_load() {
        let old = r#"{"paper_name":"Báo X","paper_tag":"X","time_zone":"Asia/Ho_Chi_Minh","language":"vi","lead_word_limit":40}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert!(s.credit_initials_on_repeat);
        assert_eq!(s.lead_word_limit, 40);
    }

    #[test]
    fn bad_values_name_the_field() {
        let s = Settings {
            time_zone: "Mars/Olympus".into(),
            ..Settings::default()
        };
        assert_eq!(s.validate().unwrap_err().code(), "unknown_time_zone");
        let s = Settings {
            lead_word_limit: 0,
            ..Settings::default()
        };
        assert!(
            matches!(s.validate(), Err(Error::Invalid { path, .. }) if path == "lead_word_limit")
        );
    }
}
