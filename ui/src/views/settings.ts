// The newsroom settings dialog.
import { api } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { state } from "../store";

export function showSettings(onSaved: () => void): void {
  const s = state.settings;
  const name = h("input", { value: s.paper_name, "data-testid": "set-paper-name" });
  const tag = h("input", { value: s.paper_tag, "data-testid": "set-paper-tag" });
  const tz = h("input", { value: s.time_zone, "data-testid": "set-time-zone" });
  const limit = h("input", { type: "number", min: 1, value: s.lead_word_limit, "data-testid": "set-lead-limit" });
  const error = h("p", { class: "error" });
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "data-testid": "settings-dialog" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("settings.title")),
      h("label", {}, t("settings.paperName"), name),
      h("label", {}, t("settings.paperTag"), tag),
      h("label", {}, t("settings.timeZone"), tz),
      h("label", {}, t("settings.leadLimit"), limit),
      error,
      h(
        "div",
        { class: "actions" },
        h("button", {
          "data-testid": "settings-save",
          onclick: async () => {
            try {
              state.settings = await api.setSettings({
                ...s,
                paper_name: name.value,
                paper_tag: tag.value,
                time_zone: tz.value,
                lead_word_limit: Math.max(1, Number(limit.value) || 1),
              });
              dialog.remove();
              onSaved();
            } catch (e) {
              error.textContent = (e as Error).message;
            }
          },
        }, t("settings.save")),
        h("button", { onclick: () => dialog.remove() }, t("action.close")),
      ),
    ),
  );
  document.body.append(dialog);
}
