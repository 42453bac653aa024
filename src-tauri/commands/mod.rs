//! Tauri commands, one file per noun. Each takes `State`, calls one core function and
//! maps the error; no rules live here.

pub mod app;
pub mod article;
pub mod bundle;
pub mod checklist;
pub mod export;
pub mod person;
pub mod photo;
pub mod placement;
pub mod profile;
pub mod proof;
pub mod publish;
pub mod revision;
pub mod search;
pub mod settings;
pub mod target;
pub mod template;
pub mod watch;
pub mod workflow;
