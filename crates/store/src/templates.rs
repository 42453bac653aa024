//! The template catalogue "New article" offers: the built-in templates and the
//! newsroom's own files in the data folder's `templates/` (format: docs/templates.md).
//! A file that cannot be used is reported by name with the reason; it never stops the
//! others from loading.

use std::path::Path;

use newsdesk_core::Template;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The folder inside the data folder that holds the newsroom's templates.
pub const TEMPLATES_DIR: &str = "templates";

/// A template file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateProblem {
    /// The file's name inside `templates/`.
    pub file: String,
    pub message: String,
}

/// Every usable template, built-ins first, and the files that were not usable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateCatalog {
    pub templates: Vec<Template>,
    pub problems: Vec<TemplateProblem>,
}

impl TemplateCatalog {
    /// The template with `key`.
    pub fn get(&self, key: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.key == key)
    }
}

/// The built-in templates and those in `data_dir/templates/*.json` (files in name
/// order; other files are ignored). Without a data folder, only the built-ins.
pub fn load(data_dir: Option<&Path>) -> TemplateCatalog {
    let mut catalog = TemplateCatalog {
        templates: Template::built_ins(),
        problems: Vec::new(),
    };
    let Some(dir) = data_dir.map(|d| d.join(TEMPLATES_DIR)) else {
        return catalog;
    };
    if !dir.exists() {
        return catalog;
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            catalog.problems.push(TemplateProblem {
                file: TEMPLATES_DIR.into(),
                message: format!("the folder cannot be read: {e}"),
            });
            return catalog;
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        })
        .collect();
    files.sort();
    for path in files {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let result = std::fs::read(&path)
            .map_err(|e| format!("cannot be read: {e}"))
            .and_then(|bytes| Template::parse(&file, &bytes).map_err(|e| e.to_string()));
        match result {
            Ok(t) => match catalog.get(&t.key) {
                Some(other) => catalog.problems.push(TemplateProblem {
                    message: format!(
                        "the key '{}' is already used by {}; give this template another key",
                        t.key,
                        match &other.source {
                            newsdesk_core::TemplateSource::BuiltIn =>
                                "a built-in template".to_owned(),
                            newsdesk_core::TemplateSource::File { file } => format!("'{file}'"),
                        }
                    ),
                    file,
                }),
                None => catalog.templates.push(t),
            },
            Err(message) => catalog.problems.push(TemplateProblem { file, message }),
        }
    }
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_reported_and_good_ones_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join(TEMPLATES_DIR);
        std::fs::create_dir(&t).unwrap();
        let mut legal = Template::built_ins()[1].clone();
        legal.key = "hoi-dap-phap-luat".into();
        legal.name = "Hỏi – đáp pháp luật".into();
        std::fs::write(t.join("a-legal.json"), legal.to_file()).unwrap();
        std::fs::write(
            t.join("b-unknown-kind.json"),
            legal
                .to_file()
                .replace("hoi-dap-phap-luat", "other")
                .replacen("\"paragraph\"", "\"figurine\"", 1),
        )
        .unwrap();
        std::fs::write(t.join("c-broken.json"), "{ not json").unwrap();
        std::fs::write(t.join("d-dup.json"), Template::built_ins()[0].to_file()).unwrap();
        std::fs::write(t.join("notes.txt"), "ignored").unwrap();
        let c = load(Some(dir.path()));
        assert_eq!(c.templates.len(), 5);
        assert_eq!(
            c.get("hoi-dap-phap-luat").unwrap().name,
            "Hỏi – đáp pháp luật"
        );
        let files: Vec<_> = c.problems.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            files,
            ["b-unknown-kind.json", "c-broken.json", "d-dup.json"]
        );
        assert!(
            c.problems[0].message.contains("figurine"),
            "{:?}",
            c.problems[0]
        );
        assert!(
            c.problems[2].message.contains("built-in"),
            "{:?}",
            c.problems[2]
        );
    }
}
