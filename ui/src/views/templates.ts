// The template picker "New article" opens: a blank article, the built-in templates (news,
// Q&A interview, multi-voice, photo story) and the newsroom's own from the data folder's
// templates/. A template file that could not be read is listed with the reason; it never
// stops the others from being offered.
import { api } from "../api";
import type { Article } from "../bindings/Article";
import type { Template } from "../bindings/Template";
import { h } from "../dom";
import { t, type Key } from "../i18n";

const BUILT_IN = ["news", "qa", "voices", "photo"];

/** The picker's name for a template: built-ins in the interface language, others as written. */
export function templateName(tpl: Template): string {
  return tpl.source.kind === "built_in" && BUILT_IN.includes(tpl.key) ? t(`template.${tpl.key}.name` as Key) : tpl.name;
}

function templateDescription(tpl: Template): string {
  return tpl.source.kind === "built_in" && BUILT_IN.includes(tpl.key) ? t(`template.${tpl.key}.description` as Key) : tpl.description;
}

/** Byline names typed as `A - B` or `A, B`. */
export function bylineNames(text: string): string[] {
  return text
    .split(/\s+-\s+|,/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Shows the picker. `blank` makes an empty article; `created` gets the article made from
 * a template.
 */
export async function showTemplatePicker(blank: () => void, created: (a: Article) => void): Promise<void> {
  const error = h("p", { class: "error", "data-testid": "template-error" });
  const bylines = h("input", { "data-testid": "template-bylines", placeholder: t("template.bylinesHint") });
  const list = h("div", { class: "template-list" });
  const problems = h("div", { class: "template-problems", "data-testid": "template-problems" });
  const close = () => {
    dialog.remove();
    document.removeEventListener("keydown", onKey);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") close();
  };
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "data-testid": "template-picker" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("template.title")),
      h("label", {}, t("template.bylines"), bylines),
      list,
      problems,
      error,
      h("div", { class: "actions" }, h("button", { onclick: close }, t("action.close"))),
    ),
  );
  const choice = (key: string, name: string, description: string, onPick: () => void) =>
    h(
      "button",
      { class: "template-choice", "data-testid": "template-choice", "data-key": key, onclick: onPick },
      h("strong", {}, name),
      h("span", { class: "muted" }, description),
    );
  list.append(
    choice("", t("template.blank"), t("template.blankDescription"), () => {
      close();
      blank();
    }),
  );
  document.body.append(dialog);
  document.addEventListener("keydown", onKey);
  try {
    const catalog = await api.listTemplates();
    for (const tpl of catalog.templates) {
      list.append(
        choice(tpl.key, templateName(tpl), templateDescription(tpl), async () => {
          try {
            const a = await api.articleFromTemplate(tpl.key, bylineNames(bylines.value));
            close();
            created(a);
          } catch (e) {
            error.textContent = (e as Error).message;
          }
        }),
      );
    }
    if (catalog.problems.length) {
      problems.append(
        h("p", { class: "warn" }, t("template.problems")),
        h(
          "ul",
          {},
          catalog.problems.map((p) => h("li", { "data-testid": "template-problem" }, h("code", {}, `templates/${p.file}`), `: ${p.message}`)),
        ),
      );
    }
  } catch (e) {
    error.textContent = (e as Error).message;
  }
}
