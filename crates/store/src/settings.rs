//! The `settings` table: newsroom settings as key/value rows, defaults where a key is missing.
//! The house proofing settings (tone style, quotes, abbreviations, newsroom words) live in
//! the same table under the key `proof`, as JSON.

use newsdesk_core::{Lang, Settings};
use newsdesk_proof::Config as ProofConfig;
use rusqlite::{params, Connection};

use crate::error::Result;

/// The newsroom settings.
pub fn get(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    let mut stmt = conn.prepare("SELECT key, value FROM settings")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (k, v) = row?;
        match k.as_str() {
            "paper_name" => s.paper_name = v,
            "paper_tag" => s.paper_tag = v,
            "time_zone" => s.time_zone = v,
            "language" => s.language = v.parse().unwrap_or(Lang::Vi),
            "lead_word_limit" => s.lead_word_limit = v.parse().unwrap_or(s.lead_word_limit),
            "interviewer_label" => s.interviewer_label = v,
            "credit_initials_on_repeat" => s.credit_initials_on_repeat = v != "false",
            _ => {} // keys of newer versions are kept but not read
        }
    }
    Ok(s)
}

/// Stores every field of `s` (after validating it).
pub fn set(conn: &Connection, s: &Settings) -> Result<()> {
    s.validate()?;
    let lang = match s.language {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let limit = s.lead_word_limit.to_string();
    for (k, v) in [
        ("paper_name", s.paper_name.as_str()),
        ("paper_tag", s.paper_tag.trim()),
        ("time_zone", s.time_zone.as_str()),
        ("language", lang),
        ("lead_word_limit", limit.as_str()),
        ("interviewer_label", s.interviewer_label.trim()),
        (
            "credit_initials_on_repeat",
            if s.credit_initials_on_repeat {
                "true"
            } else {
                "false"
            },
        ),
    ] {
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![k, v],
        )?;
    }
    Ok(())
}

/// The key under which the house proofing settings are kept.
const PROOF_KEY: &str = "proof";

/// The house proofing settings; defaults when none were saved. Fields missing from the
/// stored JSON (saved by an older version) take their defaults.
pub fn proof_config(conn: &Connection) -> Result<ProofConfig> {
    let mut stmt = conn.prepare("SELECT value FROM settings WHERE key = ?1")?;
    let mut rows = stmt.query(params![PROOF_KEY])?;
    match rows.next()? {
        Some(row) => {
            let v: String = row.get(0)?;
            Ok(serde_json::from_str(&v)?)
        }
        None => Ok(ProofConfig::default()),
    }
}

/// Stores the house proofing settings.
pub fn set_proof_config(conn: &Connection, c: &ProofConfig) -> Result<()> {
    let v = serde_json::to_string(c)?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![PROOF_KEY, v],
    )?;
    Ok(())
}
