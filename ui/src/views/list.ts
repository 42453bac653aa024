// The draft list: by status, newest first, with headline, section, byline and updated time.
import type { ArticleSummary } from "../bindings/ArticleSummary";
import type { Status } from "../bindings/Status";
import { h } from "../dom";
import { t, type Key } from "../i18n";
import { shortTime } from "../text";
import { state } from "../store";

const ORDER: Status[] = ["draft", "submitted", "in_edit", "approved", "published", "spiked", "withdrawn"];

export function bylineText(a: ArticleSummary): string {
  return a.bylines.map((b) => b.name).join(" - ");
}

export function renderList(onOpen: (id: string) => void): HTMLElement {
  const items = state.list;
  if (items.length === 0) {
    return h("p", { class: "empty", "data-testid": "list-empty" }, t(state.showTrash ? "list.emptyTrash" : "list.empty"));
  }
  const groups = ORDER.map((st) => ({ st, rows: items.filter((a) => a.status === st) })).filter((g) => g.rows.length);
  return h(
    "div",
    { class: "list" },
    groups.map(({ st, rows }) =>
      h(
        "section",
        {},
        h("h3", { class: "group" }, `${t(`status.${st}` as Key)} (${rows.length})`),
        rows.map((a) =>
          h(
            "button",
            {
              class: a.id === state.selected ? "item selected" : "item",
              "data-testid": "list-item",
              "data-id": a.id,
              onclick: () => onOpen(a.id),
            },
            h("span", { class: "headline" }, a.headline || t("list.untitled")),
            h(
              "span",
              { class: "meta" },
              [a.section, bylineText(a), shortTime(a.updated_at, state.settings.time_zone, state.settings.language)]
                .filter(Boolean)
                .join(" · "),
            ),
          ),
        ),
      ),
    ),
  );
}
