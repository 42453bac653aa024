// The conflict dialog: both texts side by side; keep one, or merge by hand.
// Whatever is chosen, the other text stays in the history.
import type { Article } from "../bindings/Article";
import type { Conflict } from "../bindings/Conflict";
import { documentToText } from "../body";
import { h } from "../dom";
import { t } from "../i18n";

export type ConflictChoice = { kind: "mine" } | { kind: "theirs" } | { kind: "merged"; body: string };

function articleText(a: Article): string {
  return `${a.headline}\n\n${a.lead}\n\n${documentToText(a.body)}`;
}

/** Headings of the dialog; a conflict a bundle brought in names its sides differently. */
export interface ConflictLabels {
  title: string;
  explain: string;
  mine: string;
  theirs: string;
}

export function showConflict(conflict: Conflict, onChoice: (c: ConflictChoice) => void, labels?: ConflictLabels): void {
  document.querySelector(".modal")?.remove();
  const merged = h("textarea", { class: "merge", "data-testid": "conflict-merged" });
  merged.value = documentToText(conflict.yours.body);
  const close = (c: ConflictChoice) => {
    dialog.remove();
    onChoice(c);
  };
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "conflict-dialog" },
    h(
      "div",
      { class: "modal-box wide" },
      h("h2", {}, labels?.title ?? t("conflict.title")),
      h("p", {}, labels?.explain ?? t("conflict.explain")),
      h(
        "div",
        { class: "side-by-side" },
        h("div", {}, h("h3", {}, labels?.mine ?? t("conflict.mine")), h("pre", { "data-testid": "conflict-mine" }, articleText(conflict.yours))),
        h(
          "div",
          {},
          h("h3", {}, labels?.theirs ?? t("conflict.theirs", { version: Number(conflict.current.version) })),
          h("pre", { "data-testid": "conflict-theirs" }, articleText(conflict.current)),
        ),
      ),
      h("h3", {}, t("conflict.merged")),
      merged,
      h(
        "div",
        { class: "actions" },
        h("button", { "data-testid": "keep-mine", onclick: () => close({ kind: "mine" }) }, t("action.keepMine")),
        h("button", { "data-testid": "keep-theirs", onclick: () => close({ kind: "theirs" }) }, t("action.keepTheirs")),
        h("button", { "data-testid": "keep-merged", onclick: () => close({ kind: "merged", body: merged.value }) }, t("action.keepMerged")),
      ),
    ),
  );
  document.body.append(dialog);
}
