//! The background thread that keeps the search index tidy: it asks
//! [`newsdesk_store::IndexUpkeep`] what to do, taking the store only when no command holds
//! it, so a save never waits behind more than one short merge step.

use std::time::{Duration, Instant};

use newsdesk_store::IndexUpkeep;
use tauri::Manager;

use crate::state::AppState;

/// How long to leave the index alone after a merge step failed (a full or read-only
/// disk): the step rolled back, nothing is lost, and trying every second would only
/// fill the log.
const AFTER_FAILURE: Duration = Duration::from_secs(60);

/// Starts the thread; it runs as long as the app.
pub fn start(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("index-upkeep".into())
        .spawn(move || {
            let state = app.state::<AppState>();
            let mut upkeep: Option<IndexUpkeep> = None;
            loop {
                let wait = match state.try_with(|s| {
                    let u = upkeep.get_or_insert_with(|| IndexUpkeep::new(s, Instant::now()));
                    u.tick(s, Instant::now())
                }) {
                    Some(Ok(wait)) => wait,
                    Some(Err(e)) => {
                        eprintln!("warning: tidying the search index failed: {e}");
                        AFTER_FAILURE
                    }
                    // The store is busy with a command, or did not open.
                    None => IndexUpkeep::CHECK,
                };
                std::thread::sleep(wait);
            }
        });
    if let Err(e) = spawned {
        eprintln!("warning: the search index upkeep could not start: {e}");
    }
}
