//! Tauri commands, one file per noun. Each takes `State`, calls one core function and
//! maps the error; no rules live here.

pub mod app;
pub mod article;
pub mod proof;
pub mod revision;
pub mod settings;
