// The UI's shared state: settings, app info and the list, with a tiny change signal.
import type { AppInfo } from "./bindings/AppInfo";
import type { ArticleSummary } from "./bindings/ArticleSummary";
import type { Settings } from "./bindings/Settings";

export interface UiState {
  info: AppInfo | null;
  settings: Settings;
  list: ArticleSummary[];
  showTrash: boolean;
  selected: string | null;
}

export const state: UiState = {
  info: null,
  settings: { paper_name: "", paper_tag: "", time_zone: "Asia/Ho_Chi_Minh", language: "vi", lead_word_limit: 50, interviewer_label: "PV", credit_initials_on_repeat: true },
  list: [],
  showTrash: false,
  selected: null,
};
