// The draft list's filter bar: by status and by person (a profile: the articles it moved
// or whose byline carries its name). The filter is kept while the app runs.
import type { ListFilter } from "../bindings/ListFilter";
import type { Status } from "../bindings/Status";
import { h } from "../dom";
import { t, type Key } from "../i18n";
import { profiles } from "./profiles";

const STATUSES: Status[] = ["draft", "submitted", "in_edit", "approved", "published", "spiked", "withdrawn"];

export const listFilter: ListFilter = {};

/** Whether any filter is set (the plain list is used otherwise). */
export function filtering(): boolean {
  return listFilter.status !== undefined || listFilter.person !== undefined;
}

export function filterBar(onChange: () => void): HTMLElement {
  const status = h(
    "select",
    {
      "data-testid": "filter-status",
      title: t("filter.status"),
      onchange: () => {
        listFilter.status = status.value ? (status.value as Status) : undefined;
        onChange();
      },
    },
    h("option", { value: "" }, t("filter.allStatuses")),
    STATUSES.map((s) => h("option", { value: s, selected: s === listFilter.status }, t(`status.${s}` as Key))),
  );
  const person = h(
    "select",
    {
      "data-testid": "filter-person",
      title: t("filter.person"),
      onchange: () => {
        listFilter.person = person.value || undefined;
        onChange();
      },
    },
    h("option", { value: "" }, t("filter.allPeople")),
    profiles().map((p) => h("option", { value: p.name, selected: p.name === listFilter.person }, p.name)),
  );
  return h("div", { class: "list-filter" }, status, person);
}
