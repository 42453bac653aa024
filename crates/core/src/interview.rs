//! The two interview shapes a Vietnamese paper runs, as typed blocks of the document:
//! the question-and-answer interview (hỏi–đáp) and the multi-voice section (ghi nhận
//! ý kiến). This module owns their shape, their rules, and the one renderer of the
//! person line and the turn labels that every export uses, so that the editor, HTML,
//! Markdown, DOCX and ninjs print them identically.
//!
//! What is an error and what is a finding: a save is refused only for what cannot be
//! made sense of (an answer naming a speaker the interview does not have, an interview
//! nested in a quote). What is merely unfinished (a voice with no name, an empty
//! pull-quote, a turn with no text) is a [`Finding`]: the draft saves, so nothing typed
//! is lost, and the pre-publish checklist blocks publication until it is fixed.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::document::{
    inline_text, normalize_inlines, validate_inlines, validate_nested, visit_blocks, Block, Inline,
};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::person::{default_short_label, honorific_name, join_nonempty, Person};
use crate::text::nfc;

/// The interviewer's label when the settings name none.
pub const DEFAULT_INTERVIEWER_LABEL: &str = "PV";

/// What sits between a turn label and its text, and between the person line and
/// the pull-quote: `PV: `.
pub const LABEL_SEPARATOR: &str = ": ";

/// A question-and-answer interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Interview {
    /// The label printed before each question (`PV`), taken from the settings when
    /// the block is made and editable per article (empty in a template: filled from
    /// the settings when an article is made from it).
    #[serde(default)]
    pub interviewer: String,
    /// How answers are labelled.
    #[serde(default)]
    pub labels: LabelStyle,
    /// The people answering; answers name them by key.
    pub speakers: Vec<Speaker>,
    /// The questions and answers, in order.
    pub turns: Vec<Turn>,
}

/// How answer turns are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LabelStyle {
    /// The full name on a speaker's first answer, the short label after (the house style).
    #[default]
    FullThenShort,
    /// The full name on every answer.
    Full,
    /// The short label on every answer.
    Short,
}

/// A person answering in an interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Speaker {
    /// Unique within the interview; answers refer to it (`s1`).
    pub key: String,
    /// The person in the directory, when picked from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person_id: Option<Uuid>,
    /// `Ông`, `Bà`, `Đồng chí`, … or empty.
    #[serde(default)]
    pub honorific: String,
    /// The full name.
    #[serde(default)]
    pub name: String,
    /// The label after the first answer (`Ông Hùng`); empty: the honorific and the
    /// given name.
    #[serde(default)]
    pub short_label: String,
}

/// One turn of an interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Turn {
    /// A question by the interviewer.
    Question { blocks: Vec<Block> },
    /// An answer by the speaker with key `speaker`; `pull_quote`, when not empty, is
    /// lifted from it and set large beside the text.
    Answer {
        speaker: String,
        blocks: Vec<Block>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[ts(optional, as = "Option<Vec<Inline>>")]
        pull_quote: Vec<Inline>,
    },
}

/// A multi-voice section: a subheading, then one voice per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct VoiceSection {
    /// The section's subheading.
    pub heading: Vec<Inline>,
    /// The voices, in printed order.
    pub voices: Vec<Voice>,
}

/// One person's statement in a multi-voice section. Printed as the person line
/// `Đồng chí NAME, TITLES, POSITION: “pull-quote”`, then the statement in the first person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Voice {
    /// The person in the directory, when picked from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person_id: Option<Uuid>,
    /// `Đồng chí`, `Ông`, `Bà`, …
    #[serde(default)]
    pub honorific: String,
    /// The full name.
    #[serde(default)]
    pub name: String,
    /// Titles, printed in order after the name (party-committee ranks and the like).
    #[serde(default)]
    pub titles: Vec<String>,
    /// The position held on the article's date.
    #[serde(default)]
    pub position: String,
    /// The sentence printed inside “ ” after the colon.
    #[serde(default)]
    pub pull_quote: Vec<Inline>,
    /// What the person said, in the first person: paragraphs.
    #[serde(default)]
    pub statement: Vec<Block>,
}

/// The person line of a voice, in parts so that an export can set the name in bold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonLine {
    /// `Đồng chí`, or empty.
    pub honorific: String,
    pub name: String,
    /// Titles then the position, without empties.
    pub details: Vec<String>,
    /// The pull-quote without surrounding quotation marks; empty when there is none.
    pub quote: String,
}

impl PersonLine {
    /// The line for a voice.
    pub fn of(voice: &Voice) -> PersonLine {
        person_line(
            &voice.honorific,
            &voice.name,
            &voice.titles,
            &voice.position,
            &inline_text(&voice.pull_quote),
        )
    }

    /// `Đồng chí NAME, TITLES, POSITION` (what comes before the colon).
    pub fn who(&self) -> String {
        let mut parts = vec![honorific_name(&self.honorific, &self.name)];
        parts.extend(self.details.iter().cloned());
        join_nonempty(&parts.iter().map(String::as_str).collect::<Vec<_>>(), ", ")
    }

    /// The whole line: `Đồng chí NAME, TITLES, POSITION: “pull-quote”`; only the part
    /// before the colon when there is no pull-quote, only the quote when there is no one.
    pub fn text(&self) -> String {
        let who = self.who();
        match (who.is_empty(), self.quote.is_empty()) {
            (_, true) => who,
            (true, false) => format!("“{}”", self.quote),
            (false, false) => format!("{who}{LABEL_SEPARATOR}“{}”", self.quote),
        }
    }
}

/// Builds a person line from its fields: text trimmed, empty titles dropped, and
/// quotation marks the writer typed around the pull-quote removed (the line adds its own).
pub fn person_line(
    honorific: &str,
    name: &str,
    titles: &[String],
    position: &str,
    pull_quote: &str,
) -> PersonLine {
    let details = titles
        .iter()
        .map(String::as_str)
        .chain([position])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    PersonLine {
        honorific: honorific.trim().to_owned(),
        name: name.trim().to_owned(),
        details,
        quote: strip_quotes(pull_quote.trim()).to_owned(),
    }
}

fn strip_quotes(s: &str) -> &str {
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

impl Speaker {
    /// A speaker filled from the directory.
    pub fn from_person(key: &str, person: &Person) -> Speaker {
        Speaker {
            key: key.to_owned(),
            person_id: Some(person.id),
            honorific: person.honorific.clone(),
            name: person.full_name.clone(),
            short_label: person.short_name.clone(),
        }
    }

    /// The label on the first answer: `Ông Nguyễn Văn Hùng`.
    pub fn full_label(&self) -> String {
        honorific_name(&self.honorific, &self.name)
    }

    /// The label on later answers: the short label, or `Ông Hùng` made from the name.
    pub fn later_label(&self) -> String {
        if self.short_label.trim().is_empty() {
            default_short_label(&self.honorific, &self.name)
        } else {
            self.short_label.trim().to_owned()
        }
    }
}

impl Interview {
    /// An empty interview with the interviewer's label.
    pub fn new(interviewer: &str) -> Interview {
        Interview {
            interviewer: interviewer.to_owned(),
            labels: LabelStyle::default(),
            speakers: Vec::new(),
            turns: Vec::new(),
        }
    }

    /// The speaker with `key`.
    pub fn speaker(&self, key: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.key == key)
    }

    /// The label printed before each turn, in order: the interviewer's label for a
    /// question; for an answer the speaker's full label on their first answer and the
    /// short label after (as [`Interview::labels`] says). Exports print
    /// `label` + [`LABEL_SEPARATOR`] before the turn's first paragraph.
    pub fn turn_labels(&self) -> Vec<String> {
        let mut answered: Vec<&str> = Vec::new();
        self.turns
            .iter()
            .map(|t| match t {
                Turn::Question { .. } => self.interviewer.trim().to_owned(),
                Turn::Answer { speaker, .. } => {
                    let first = !answered.contains(&speaker.as_str());
                    if first {
                        answered.push(speaker);
                    }
                    match self.speaker(speaker) {
                        None => speaker.clone(),
                        Some(s) => match (self.labels, first) {
                            (LabelStyle::Full, _) | (LabelStyle::FullThenShort, true) => {
                                s.full_label()
                            }
                            _ => s.later_label(),
                        },
                    }
                }
            })
            .collect()
    }

    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        for (i, s) in self.speakers.iter().enumerate() {
            if s.key.trim().is_empty() {
                return Err(Error::invalid(
                    format!("{path}.speakers[{i}].key"),
                    "a speaker needs a key that answers can name",
                ));
            }
            if self.speakers[..i].iter().any(|o| o.key == s.key) {
                return Err(Error::invalid(
                    format!("{path}.speakers[{i}].key"),
                    format!("two speakers share the key '{}'", s.key),
                ));
            }
        }
        for (i, t) in self.turns.iter().enumerate() {
            let at = format!("{path}.turns[{i}]");
            match t {
                Turn::Question { blocks } => validate_nested(blocks, &format!("{at}.blocks"))?,
                Turn::Answer {
                    speaker,
                    blocks,
                    pull_quote,
                } => {
                    if self.speaker(speaker).is_none() {
                        return Err(Error::invalid(
                            format!("{at}.speaker"),
                            format!("the answer names speaker '{speaker}', who is not among this interview's speakers"),
                        ));
                    }
                    validate_nested(blocks, &format!("{at}.blocks"))?;
                    validate_inlines(pull_quote, &format!("{at}.pull_quote"))?;
                }
            }
        }
        Ok(())
    }

    /// What must be finished before publication.
    pub fn findings(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.interviewer.trim().is_empty() {
            out.push(Finding::blocking(
                format!("{path}.interviewer"),
                "interviewer_label_empty",
                "the interviewer's label (e.g. PV) is empty",
            ));
        }
        if self.turns.is_empty() {
            out.push(Finding::blocking(
                format!("{path}.turns"),
                "interview_no_turns",
                "the interview has no questions or answers",
            ));
        }
        for (i, s) in self.speakers.iter().enumerate() {
            if s.name.trim().is_empty() {
                out.push(Finding::blocking(
                    format!("{path}.speakers[{i}].name"),
                    "speaker_unnamed",
                    "a person answering has no name: type it or pick them from the directory",
                ));
            }
        }
        for (i, t) in self.turns.iter().enumerate() {
            let at = format!("{path}.turns[{i}]");
            let (blocks, what) = match t {
                Turn::Question { blocks } => (blocks, "question"),
                Turn::Answer { blocks, .. } => (blocks, "answer"),
            };
            if blocks_blank(blocks) {
                out.push(Finding::blocking(
                    format!("{at}.blocks"),
                    "turn_empty",
                    format!("the {what} has no text"),
                ));
            }
            if let Turn::Answer { pull_quote, .. } = t {
                if !pull_quote.is_empty() && inlines_blank(pull_quote) {
                    out.push(Finding::blocking(
                        format!("{at}.pull_quote"),
                        "pull_quote_empty",
                        "the pull-quote is empty: write it or remove it",
                    ));
                }
            }
        }
        out
    }

    pub(crate) fn collect_text(&self, out: &mut Vec<String>) {
        for (t, label) in self.turns.iter().zip(self.turn_labels()) {
            let (blocks, quote) = match t {
                Turn::Question { blocks } => (blocks, None),
                Turn::Answer {
                    blocks, pull_quote, ..
                } => (blocks, Some(pull_quote)),
            };
            let mut texts = Vec::new();
            blocks.iter().for_each(|b| b.collect_text(&mut texts));
            match texts.first_mut() {
                Some(first) => *first = format!("{label}{LABEL_SEPARATOR}{first}"),
                None => texts.push(format!("{label}{LABEL_SEPARATOR}")),
            }
            out.extend(texts);
            if let Some(q) = quote.filter(|q| !q.is_empty()) {
                out.push(format!("“{}”", strip_quotes(inline_text(q).trim())));
            }
        }
    }

    pub(crate) fn normalized(&self) -> Interview {
        Interview {
            interviewer: nfc(self.interviewer.trim()),
            labels: self.labels,
            speakers: self
                .speakers
                .iter()
                .map(|s| Speaker {
                    key: s.key.trim().to_owned(),
                    person_id: s.person_id,
                    honorific: nfc(s.honorific.trim()),
                    name: nfc(s.name.trim()),
                    short_label: nfc(s.short_label.trim()),
                })
                .collect(),
            turns: self
                .turns
                .iter()
                .map(|t| match t {
                    Turn::Question { blocks } => Turn::Question {
                        blocks: blocks.iter().map(Block::normalized).collect(),
                    },
                    Turn::Answer {
                        speaker,
                        blocks,
                        pull_quote,
                    } => Turn::Answer {
                        speaker: speaker.trim().to_owned(),
                        blocks: blocks.iter().map(Block::normalized).collect(),
                        pull_quote: normalize_inlines(pull_quote),
                    },
                })
                .collect(),
        }
    }

    pub(crate) fn visit_inlines<'a>(&'a self, path: &str, f: &mut dyn FnMut(&str, &'a [Inline])) {
        for (i, t) in self.turns.iter().enumerate() {
            let at = format!("{path}.turns[{i}]");
            match t {
                Turn::Question { blocks } => visit_blocks(blocks, &format!("{at}.blocks"), f),
                Turn::Answer {
                    blocks, pull_quote, ..
                } => {
                    visit_blocks(blocks, &format!("{at}.blocks"), f);
                    f(&format!("{at}.pull_quote"), pull_quote);
                }
            }
        }
    }

    /// Fills the empty fields of speakers linked to the directory from it.
    pub(crate) fn fill_from(&mut self, people: &[Person]) {
        for s in &mut self.speakers {
            if let Some(p) = s
                .person_id
                .and_then(|id| people.iter().find(|p| p.id == id))
            {
                fill(&mut s.honorific, &p.honorific);
                fill(&mut s.name, &p.full_name);
                fill(&mut s.short_label, &p.short_name);
            }
        }
    }
}

impl Voice {
    /// A voice for `person` as they were on `day` (the article's date), with an empty
    /// pull-quote and statement.
    pub fn from_person(person: &Person, day: NaiveDate) -> Voice {
        let mut v = Voice {
            person_id: Some(person.id),
            ..Voice::default()
        };
        v.fill_from(person, day);
        v
    }

    fn fill_from(&mut self, p: &Person, day: NaiveDate) {
        let d = p.designation_on(day);
        fill(&mut self.honorific, &p.honorific);
        fill(&mut self.name, &p.full_name);
        if self.titles.is_empty() {
            self.titles = d.titles;
        }
        fill(&mut self.position, &d.position);
    }

    /// The person line of this voice.
    pub fn person_line(&self) -> PersonLine {
        PersonLine::of(self)
    }
}

impl VoiceSection {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        validate_inlines(&self.heading, &format!("{path}.heading"))?;
        for (i, v) in self.voices.iter().enumerate() {
            let at = format!("{path}.voices[{i}]");
            validate_inlines(&v.pull_quote, &format!("{at}.pull_quote"))?;
            validate_nested(&v.statement, &format!("{at}.statement"))?;
        }
        Ok(())
    }

    /// What must be finished before publication: a voice with no name, an empty
    /// pull-quote or statement block publication; a missing honorific or subheading warns.
    pub fn findings(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if inlines_blank(&self.heading) {
            out.push(Finding::warning(
                format!("{path}.heading"),
                "voices_heading_empty",
                "the voices section has no subheading",
            ));
        }
        if self.voices.is_empty() {
            out.push(Finding::blocking(
                format!("{path}.voices"),
                "voices_none",
                "the voices section has no voices",
            ));
        }
        for (i, v) in self.voices.iter().enumerate() {
            let at = format!("{path}.voices[{i}]");
            if v.name.trim().is_empty() {
                out.push(Finding::blocking(
                    format!("{at}.name"),
                    "voice_unnamed",
                    format!(
                        "voice {} has no person: type a name or pick one from the directory",
                        i + 1
                    ),
                ));
            } else if v.honorific.trim().is_empty() {
                out.push(Finding::warning(
                    format!("{at}.honorific"),
                    "voice_no_honorific",
                    format!("{} has no honorific (Đồng chí, Ông, Bà…)", v.name.trim()),
                ));
            }
            if inlines_blank(&v.pull_quote) {
                out.push(Finding::blocking(
                    format!("{at}.pull_quote"),
                    "pull_quote_empty",
                    format!(
                        "voice {} has an empty pull-quote: the person line needs one",
                        i + 1
                    ),
                ));
            }
            if blocks_blank(&v.statement) {
                out.push(Finding::blocking(
                    format!("{at}.statement"),
                    "voice_statement_empty",
                    format!("voice {} has no statement", i + 1),
                ));
            }
        }
        out
    }

    pub(crate) fn collect_text(&self, out: &mut Vec<String>) {
        out.push(inline_text(&self.heading));
        for v in &self.voices {
            out.push(v.person_line().text());
            v.statement.iter().for_each(|b| b.collect_text(out));
        }
    }

    pub(crate) fn normalized(&self) -> VoiceSection {
        VoiceSection {
            heading: normalize_inlines(&self.heading),
            voices: self
                .voices
                .iter()
                .map(|v| Voice {
                    person_id: v.person_id,
                    honorific: nfc(v.honorific.trim()),
                    name: nfc(v.name.trim()),
                    titles: v
                        .titles
                        .iter()
                        .map(|t| nfc(t.trim()))
                        .filter(|t| !t.is_empty())
                        .collect(),
                    position: nfc(v.position.trim()),
                    pull_quote: normalize_inlines(&v.pull_quote),
                    statement: v.statement.iter().map(Block::normalized).collect(),
                })
                .collect(),
        }
    }

    pub(crate) fn visit_inlines<'a>(&'a self, path: &str, f: &mut dyn FnMut(&str, &'a [Inline])) {
        f(&format!("{path}.heading"), &self.heading);
        for (i, v) in self.voices.iter().enumerate() {
            let at = format!("{path}.voices[{i}]");
            f(&format!("{at}.pull_quote"), &v.pull_quote);
            visit_blocks(&v.statement, &format!("{at}.statement"), f);
        }
    }

    /// Fills the empty fields of voices linked to the directory, as of `day`.
    pub(crate) fn fill_from(&mut self, people: &[Person], day: NaiveDate) {
        for v in &mut self.voices {
            if let Some(p) = v
                .person_id
                .and_then(|id| people.iter().find(|p| p.id == id))
            {
                v.fill_from(p, day);
            }
        }
    }
}

fn fill(field: &mut String, from: &str) {
    if field.trim().is_empty() {
        *field = from.to_owned();
    }
}

/// Whether inline content has no text a reader would see (a placeholder counts as
/// text here: it is reported on its own).
fn inlines_blank(content: &[Inline]) -> bool {
    content.iter().all(|i| match i {
        Inline::Text { text, .. } => text.trim().is_empty(),
        Inline::HardBreak => true,
        Inline::Placeholder { .. } => false,
    })
}

fn blocks_blank(blocks: &[Block]) -> bool {
    let mut blank = true;
    visit_blocks(blocks, "", &mut |_, inlines| {
        blank &= inlines_blank(inlines)
    });
    blank
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::{Document, SCHEMA_VERSION};
    use crate::finding::Severity;

    fn text(t: &str) -> Vec<Inline> {
        Inline::plain_lines(t)
    }

    fn speaker(key: &str, honorific: &str, name: &str, short: &str) -> Speaker {
        Speaker {
            key: key.into(),
            person_id: None,
            honorific: honorific.into(),
            name: name.into(),
            short_label: short.into(),
        }
    }

    fn answer(key: &str, t: &str) -> Turn {
        Turn::Answer {
            speaker: key.into(),
            blocks: vec![Block::paragraph(t)],
            pull_quote: Vec::new(),
        }
    }

    fn question(t: &str) -> Turn {
        Turn::Question {
            blocks: vec![Block::paragraph(t)],
        }
    }

    /// A Q&A with two interviewees and a multi-voice section: every new field used.
    pub(crate) fn both_formats() -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            blocks: vec![
                Block::paragraph("Nhân dịp đầu năm, PV có cuộc trao đổi với lãnh đạo Sở Y tế."),
                Block::Interview(Interview {
                    interviewer: "PV".into(),
                    labels: LabelStyle::FullThenShort,
                    speakers: vec![
                        Speaker {
                            person_id: Some(Uuid::now_v7()),
                            ..speaker("hung", "Ông", "Nguyễn Văn Hùng", "")
                        },
                        speaker("lan", "Bà", "Trần Thị Lan", "Bà Lan"),
                    ],
                    turns: vec![
                        question("Thưa ông, năm nay ngành y tế có gì mới?"),
                        Turn::Answer {
                            speaker: "hung".into(),
                            blocks: vec![
                                Block::paragraph("Chúng tôi tập trung vào y tế cơ sở."),
                                Block::paragraph("Đoạn hai."),
                            ],
                            pull_quote: text("Tập trung vào y tế cơ sở"),
                        },
                        answer("lan", "Tôi đồng ý."),
                        question("Còn khó khăn?"),
                        answer("hung", "Còn nhiều."),
                    ],
                }),
                Block::Voices(VoiceSection {
                    heading: text("Ý kiến cử tri"),
                    voices: vec![Voice {
                        person_id: Some(Uuid::now_v7()),
                        honorific: "Đồng chí".into(),
                        name: "Lê Văn Tám".into(),
                        titles: vec!["Ủy viên BTV Tỉnh ủy".into()],
                        position: "Bí thư Huyện ủy Gio Linh".into(),
                        pull_quote: text("Phải lắng nghe dân"),
                        statement: vec![Block::paragraph("Tôi cho rằng…")],
                    }],
                }),
            ],
        }
    }

    #[test]
    fn both_formats_round_trip_through_json_and_keep_old_blocks_unchanged() {
        let doc = both_formats();
        doc.validate().unwrap();
        assert!(
            doc.findings_at("body").is_empty(),
            "{:?}",
            doc.findings_at("body")
        );
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert!(json.contains(r#""type":"interview""#), "{json}");
        assert!(json.contains(r#""type":"voices""#), "{json}");
        assert!(json.contains(r#""type":"answer""#), "{json}");
        // A paragraph is written exactly as before the interview blocks existed.
        assert_eq!(
            serde_json::to_string(&Block::paragraph("x")).unwrap(),
            r#"{"type":"paragraph","content":[{"type":"text","text":"x"}]}"#
        );
    }

    #[test]
    fn turn_labels_follow_the_house_style() {
        let Block::Interview(iv) = &both_formats().blocks[1] else {
            unreachable!()
        };
        let cases = [
            (
                LabelStyle::FullThenShort,
                [
                    "PV",
                    "Ông Nguyễn Văn Hùng",
                    "Bà Trần Thị Lan",
                    "PV",
                    "Ông Hùng",
                ],
            ),
            (
                LabelStyle::Full,
                [
                    "PV",
                    "Ông Nguyễn Văn Hùng",
                    "Bà Trần Thị Lan",
                    "PV",
                    "Ông Nguyễn Văn Hùng",
                ],
            ),
            (
                LabelStyle::Short,
                ["PV", "Ông Hùng", "Bà Lan", "PV", "Ông Hùng"],
            ),
        ];
        for (style, want) in cases {
            let iv = Interview {
                labels: style,
                ..iv.clone()
            };
            assert_eq!(iv.turn_labels(), want, "{style:?}");
        }
        let plain = both_formats().plain_text();
        assert!(plain.contains("PV: Thưa ông"), "{plain}");
        assert!(plain.contains("Ông Hùng: Còn nhiều."), "{plain}");
    }

    #[test]
    fn person_lines() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        /// honorific, name, titles, position, pull-quote, the line.
        type Case = (
            &'static str,
            &'static str,
            Vec<String>,
            &'static str,
            &'static str,
            &'static str,
        );
        let cases: Vec<Case> = vec![
            (
                "Đồng chí",
                "Lê Văn Tám",
                s(&["Ủy viên BTV Tỉnh ủy"]),
                "Bí thư Huyện ủy Gio Linh",
                "Phải lắng nghe dân",
                "Đồng chí Lê Văn Tám, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy Gio Linh: “Phải lắng nghe dân”",
            ),
            (
                "Bà",
                "Trần Thị Lan",
                s(&[]),
                "nông dân xã Hải Lăng",
                "“Đã có quotes”",
                "Bà Trần Thị Lan, nông dân xã Hải Lăng: “Đã có quotes”",
            ),
            (
                "",
                " Hoàng Dũng ",
                s(&["", "Tỉnh ủy viên", "Đại biểu HĐND tỉnh"]),
                "",
                "\"thẳng\"",
                "Hoàng Dũng, Tỉnh ủy viên, Đại biểu HĐND tỉnh: “thẳng”",
            ),
            ("Ông", "Phan Văn B", s(&[]), "", "  ", "Ông Phan Văn B"),
            ("", "", s(&[]), " ", "Chưa có tên", "“Chưa có tên”"),
        ];
        for (hon, name, titles, position, quote, want) in cases {
            assert_eq!(
                person_line(hon, name, &titles, position, quote).text(),
                want
            );
        }
        let line = person_line("Ông", "A", &[], "Giám đốc", "x");
        assert_eq!(line.who(), "Ông A, Giám đốc");
    }

    #[test]
    fn broken_structure_is_refused_with_the_field_path() {
        let mut wrong_speaker = both_formats();
        let mut twice = both_formats();
        let mut nested = both_formats();
        let mut empty_prompt = both_formats();
        if let Block::Interview(iv) = &mut wrong_speaker.blocks[1] {
            iv.turns[2] = answer("nobody", "x");
        }
        if let Block::Interview(iv) = &mut twice.blocks[1] {
            iv.speakers[1].key = "hung".into();
        }
        if let Block::Voices(v) = &mut nested.blocks[2] {
            v.voices[0].statement.push(Block::Voices(VoiceSection {
                heading: vec![],
                voices: vec![],
            }));
        }
        if let Block::Voices(v) = &mut empty_prompt.blocks[2] {
            v.voices[0].pull_quote = vec![Inline::Placeholder { prompt: " ".into() }];
        }
        let cases = [
            (wrong_speaker, "body.blocks[1].turns[2].speaker"),
            (twice, "body.blocks[1].speakers[1].key"),
            (nested, "body.blocks[2].voices[0].statement[1]"),
            (
                empty_prompt,
                "body.blocks[2].voices[0].pull_quote[0].prompt",
            ),
        ];
        for (doc, path) in cases {
            match doc.validate() {
                Err(Error::Invalid { path: p, .. }) => assert_eq!(p, path),
                other => panic!("expected an error at {path}, got {other:?}"),
            }
        }
    }

    #[test]
    fn unfinished_voices_and_turns_are_findings_not_errors() {
        let mut doc = both_formats();
        if let Block::Voices(v) = &mut doc.blocks[2] {
            v.voices.push(Voice {
                pull_quote: text("  "),
                statement: vec![Block::paragraph("Tôi nói.")],
                ..Voice::default()
            });
        }
        if let Block::Interview(iv) = &mut doc.blocks[1] {
            iv.turns.push(Turn::Answer {
                speaker: "lan".into(),
                blocks: vec![],
                pull_quote: text(" "),
            });
        }
        doc.validate().expect("an unfinished draft still saves");
        let got: Vec<(String, String, Severity)> = doc
            .findings_at("body")
            .into_iter()
            .map(|f| (f.path, f.code, f.severity))
            .collect();
        let want = [
            ("body.blocks[1].turns[5].blocks", "turn_empty"),
            ("body.blocks[1].turns[5].pull_quote", "pull_quote_empty"),
            ("body.blocks[2].voices[1].name", "voice_unnamed"),
            ("body.blocks[2].voices[1].pull_quote", "pull_quote_empty"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((path, code, severity), (wpath, wcode)) in got.iter().zip(want) {
            assert_eq!((path.as_str(), code.as_str()), (wpath, wcode));
            assert_eq!(*severity, Severity::Blocking);
        }
    }

    #[test]
    fn placeholders_are_listed_with_their_paths() {
        let doc = Document {
            schema_version: SCHEMA_VERSION,
            blocks: vec![
                Block::paragraph("Đã viết."),
                Block::Voices(VoiceSection {
                    heading: vec![Inline::Placeholder {
                        prompt: "Tiêu đề".into(),
                    }],
                    voices: vec![Voice {
                        pull_quote: vec![Inline::Placeholder {
                            prompt: "Câu nói".into(),
                        }],
                        ..Voice::default()
                    }],
                }),
            ],
        };
        let got: Vec<_> = doc
            .placeholders_at("body")
            .into_iter()
            .map(|p| (p.path, p.prompt))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "body.blocks[1].heading[0]".to_string(),
                    "Tiêu đề".to_string()
                ),
                (
                    "body.blocks[1].voices[0].pull_quote[0]".to_string(),
                    "Câu nói".to_string()
                ),
            ]
        );
        assert!(both_formats().placeholders_at("body").is_empty());
    }

    #[test]
    fn voices_take_the_position_held_on_the_article_date() {
        let p = crate::person::tests::hung();
        let before = Voice::from_person(&p, "2021-12-01".parse().unwrap());
        let after = Voice::from_person(&p, "2023-01-01".parse().unwrap());
        assert_eq!(before.position, "Giám đốc Sở Y tế");
        assert_eq!(after.position, "Phó Chủ tịch UBND tỉnh");
        assert_eq!(
            before.person_line().who(),
            "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Giám đốc Sở Y tế"
        );
        // Filling from the directory never replaces what was typed.
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            blocks: vec![Block::Voices(VoiceSection {
                heading: vec![],
                voices: vec![
                    Voice {
                        person_id: Some(p.id),
                        ..Voice::default()
                    },
                    Voice {
                        person_id: Some(p.id),
                        position: "nguyên Giám đốc".into(),
                        ..Voice::default()
                    },
                ],
            })],
        };
        doc.fill_from_directory(std::slice::from_ref(&p), "2021-12-01".parse().unwrap());
        let Block::Voices(v) = &doc.blocks[0] else {
            unreachable!()
        };
        assert_eq!(v.voices[0].name, "Nguyễn Văn Hùng");
        assert_eq!(v.voices[0].position, "Giám đốc Sở Y tế");
        assert_eq!(v.voices[1].position, "nguyên Giám đốc");
    }
}
