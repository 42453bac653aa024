//! Collects raw findings from the rules (byte spans only), caps their number, and turns
//! them into [`Finding`]s with character offsets and line:column in one pass over the text.

use crate::config::Config;
use crate::finding::{Finding, Rule, Span};

pub(crate) struct Raw {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
    pub message_vi: String,
    pub message_en: String,
    pub suggestions: Vec<String>,
    pub fix: Option<String>,
}

pub(crate) struct Sink<'c> {
    config: &'c Config,
    raw: Vec<Raw>,
}

impl<'c> Sink<'c> {
    pub fn new(config: &'c Config) -> Self {
        Sink {
            config,
            raw: Vec::new(),
        }
    }

    /// Whether a rule should run and there is room for more findings.
    pub fn wants(&self, rule: Rule) -> bool {
        self.config.enabled(rule) && !self.full()
    }

    pub fn full(&self) -> bool {
        self.raw.len() >= self.config.max_findings as usize
    }

    pub fn push(&mut self, raw: Raw) {
        if self.wants(raw.rule) {
            self.raw.push(raw);
        }
    }

    pub fn finish(mut self, text: &str) -> Vec<Finding> {
        self.raw.sort_by_key(|r| (r.start, r.end, r.rule));
        self.raw
            .dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
        let mut out = Vec::with_capacity(self.raw.len());
        let (mut pos, mut chars, mut line, mut col) = (0usize, 0usize, 1usize, 1usize);
        for r in self.raw {
            for c in text[pos..r.start].chars() {
                chars += 1;
                if c == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
            }
            pos = r.start;
            let flagged = &text[r.start..r.end];
            let len = flagged.chars().count();
            out.push(Finding {
                rule: r.rule,
                severity: r.rule.severity(),
                span: Span {
                    start: r.start,
                    end: r.end,
                    start_char: chars,
                    end_char: chars + len,
                    line,
                    column: col,
                },
                text: flagged.to_owned(),
                message_vi: r.message_vi,
                message_en: r.message_en,
                suggestions: r.suggestions,
                fix: r.fix,
            });
        }
        out
    }
}
