// The newsroom settings dialog.
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { api } from "../api";
import { h } from "../dom";
import { t, type Key } from "../i18n";
import type { ProofConfig } from "../bindings/ProofConfig";
import type { QuoteStyle } from "../bindings/QuoteStyle";
import type { ToneStyle } from "../bindings/ToneStyle";
import { state } from "../store";
import { createTargetsSection } from "./targets";
import { currentProfile } from "./profiles";

const TONES: ToneStyle[] = ["old", "new", "consistent"];
const QUOTES: QuoteStyle[] = ["curly", "straight", "any"];

const lines = (v: string) => v.split("\n").map((l) => l.trim()).filter(Boolean);

export async function showSettings(onSaved: () => void): Promise<void> {
  const s = state.settings;
  let proof: ProofConfig | null = null;
  try {
    proof = await api.getProofConfig();
  } catch {
    proof = null; // the proofing part is left out; the rest still works
  }
  const tone = h("select", { "data-testid": "set-tone-style" },
    TONES.map((v) => h("option", { value: v, selected: v === proof?.tone_style }, t(`settings.tone.${v}` as Key))));
  const quote = h("select", { "data-testid": "set-quote-style" },
    QUOTES.map((v) => h("option", { value: v, selected: v === proof?.quote_style }, t(`settings.quote.${v}` as Key))));
  const abbrevs = h("textarea", { rows: 4, "data-testid": "set-abbreviations" });
  abbrevs.value = (proof?.known_abbreviations ?? []).join("\n");
  const words = h("textarea", { rows: 6, "data-testid": "set-newsroom-words" });
  words.value = (proof?.newsroom_words ?? []).join("\n");
  const proofPart = proof
    ? h("fieldset", { class: "proof-settings" },
      h("legend", {}, t("settings.proofTitle")),
      h("label", {}, t("settings.toneStyle"), tone),
      h("label", {}, t("settings.quoteStyle"), quote),
      h("label", {}, t("settings.abbreviations"), abbrevs),
      h("label", {}, t("settings.newsroomWords"), words))
    : null;
  // The current profile's watch folder (bundles sent to its desk arrive there).
  const profile = currentProfile();
  const watch = h("input", { type: "text", "data-testid": "set-watch-folder", spellcheck: "false" });
  const watchBefore = profile ? ((await api.watchFolder().catch(() => null)) ?? "") : "";
  watch.value = watchBefore;
  const watchPart = h("fieldset", { class: "watch-settings" },
    h("legend", {}, t("watch.title")),
    profile
      ? [
        h("p", { class: "muted" }, t("watch.explain", { profile: profile.name })),
        h("label", {}, t("watch.folder"), h("div", { class: "row path-row" }, watch, h("button", {
          "data-testid": "set-watch-browse",
          onclick: async () => {
            const picked = await openDialog({ directory: true, title: t("watch.title") });
            if (typeof picked === "string") watch.value = picked;
          },
        }, t("action.browse")))),
      ]
      : h("p", { class: "muted" }, t("watch.noProfile")));
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
      proofPart,
      createTargetsSection(),
      watchPart,
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
              if (proof) {
                await api.setProofConfig({
                  ...proof,
                  tone_style: tone.value as ToneStyle,
                  quote_style: quote.value as QuoteStyle,
                  known_abbreviations: lines(abbrevs.value),
                  newsroom_words: lines(words.value),
                });
              }
              if (profile && watch.value.trim() !== watchBefore) {
                await api.setWatchFolder(watch.value.trim() || null);
              }
              dialog.remove();
              onSaved();
            } catch (e) {
              error.textContent = (e as Error).message;
            }
          },
        }, t("settings.save")),
        h("button", { "data-testid": "settings-close", onclick: () => dialog.remove() }, t("action.close")),
      ),
    ),
  );
  document.body.append(dialog);
}
