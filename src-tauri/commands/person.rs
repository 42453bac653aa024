//! Person commands: the people directory (list, find for autocomplete, add, edit,
//! remove, import a CSV), code replacement and voices filled from the directory.

use chrono::NaiveDate;
use newsdesk_core::{Expansion, NewPerson, Person, Voice};
use newsdesk_store::PeopleImport;
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn person_get(state: State<'_, AppState>, id: Uuid) -> CmdResult<Person> {
    state.with(|s| s.person(id))
}

/// Everyone in the directory, by given name.
#[tauri::command]
pub async fn person_list(state: State<'_, AppState>) -> CmdResult<Vec<Person>> {
    state.with(|s| s.people())
}

/// People matching what is typed (name, short name, organisation or code).
#[tauri::command]
pub async fn person_find(
    state: State<'_, AppState>,
    query: String,
    limit: usize,
) -> CmdResult<Vec<Person>> {
    state.with(|s| s.find_people(&query, limit))
}

#[tauri::command]
pub async fn person_add(state: State<'_, AppState>, new: NewPerson) -> CmdResult<Person> {
    state.with(|s| s.add_person(new))
}

#[tauri::command]
pub async fn person_update(state: State<'_, AppState>, person: Person) -> CmdResult<Person> {
    state.with(|s| s.update_person(&person))
}

#[tauri::command]
pub async fn person_remove(state: State<'_, AppState>, id: Uuid) -> CmdResult<()> {
    state.with(|s| s.remove_person(id))
}

/// Imports a people CSV given as text (the UI reads the file the writer picked).
#[tauri::command]
pub async fn person_import_csv(
    state: State<'_, AppState>,
    text: String,
) -> CmdResult<PeopleImport> {
    state.with(|s| s.import_people_csv(text.as_bytes()))
}

/// A voice for `person` as they were on the article's date.
#[tauri::command]
pub async fn person_voice(
    state: State<'_, AppState>,
    person: Uuid,
    article: Uuid,
) -> CmdResult<Voice> {
    state.with(|s| s.voice_for(person, article))
}

/// Expands `\code`s in `text` with the titles and positions held on `day`.
#[tauri::command]
pub async fn person_expand(
    state: State<'_, AppState>,
    text: String,
    day: NaiveDate,
) -> CmdResult<Expansion> {
    state.with(|s| s.expand_codes(&text, day))
}
