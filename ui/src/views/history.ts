// The history panel: revisions with time and author, a word diff between any two
// revisions (or one and the current version), and restore.
import { api } from "../api";
import type { Article } from "../bindings/Article";
import type { DiffChunk } from "../bindings/DiffChunk";
import type { RevisionMeta } from "../bindings/RevisionMeta";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { shortTime } from "../text";

export function renderDiff(chunks: DiffChunk[]): HTMLElement {
  return h(
    "div",
    { class: "diff", "data-testid": "diff" },
    chunks.map((c) =>
      c.op === "equal" ? h("span", {}, c.text) : h(c.op === "insert" ? "ins" : "del", {}, c.text),
    ),
  );
}

function label(r: RevisionMeta): string {
  const v = r.version === null ? "—" : `v${r.version}`;
  return `${v} · ${t(`history.kind.${r.kind}` as Key)}${r.label ? ` “${r.label}”` : ""}`;
}

export async function renderHistory(
  box: HTMLElement,
  articleId: string,
  onRestored: (a: Article) => void,
): Promise<void> {
  const revs = (await api.listRevisions(articleId)).reverse();
  const head = revs.find((r) => r.version !== null);
  const detail = h("div", { class: "history-detail" });
  async function compare(older: RevisionMeta, newer: RevisionMeta, newLabel: string) {
    const chunks = await api.diffRevisions(older.id, newer.id, state.settings.language);
    replace(detail, h("h4", {}, t("history.diffTitle", { old: label(older), new: newLabel })), renderDiff(chunks));
  }
  // Any two revisions: the list is newest first, so the default pair is the last change.
  const pick = (testid: string, selected: number) =>
    h(
      "select",
      { "data-testid": testid },
      revs.map((r, i) => h("option", { value: r.id, selected: i === selected }, label(r))),
    );
  const oldPick = pick("diff-old", Math.min(1, revs.length - 1));
  const newPick = pick("diff-new", 0);
  const pair =
    revs.length > 1
      ? h(
          "div",
          { class: "diff-pick" },
          h("label", {}, t("history.old"), oldPick),
          h("label", {}, t("history.new"), newPick),
          h("button", {
            class: "link",
            "data-testid": "compare-pair",
            onclick: () => {
              const older = revs.find((r) => r.id === oldPick.value)!;
              const newer = revs.find((r) => r.id === newPick.value)!;
              void compare(older, newer, label(newer));
            },
          }, t("history.compareWith")),
        )
      : null;
  replace(
    box,
    pair,
    h(
      "ol",
      { class: "revisions" },
      revs.map((r) =>
        h(
          "li",
          { class: r.kind === "conflict" ? "rev conflict" : "rev", "data-testid": "revision", "data-kind": r.kind },
          h("div", { class: "rev-title" }, label(r)),
          h("div", { class: "rev-meta" }, `${shortTime(r.created_at, state.settings.time_zone, state.settings.language)} · ${r.author}`),
          head && r.id !== head.id
            ? h(
                "div",
                { class: "rev-actions" },
                h("button", {
                  class: "link",
                  "data-testid": "compare",
                  onclick: () => void compare(r, head, t("history.current")),
                }, t("history.compare")),
                h("button", {
                  class: "link",
                  "data-testid": "restore",
                  onclick: async () => onRestored(await api.restoreRevision(articleId, r.id)),
                }, t("action.restore")),
              )
            : null,
        ),
      ),
    ),
    detail,
  );
}
