// The workflow part of the editor's side panel: the article's status, the moves allowed
// from it as buttons (made as the current profile), the export button and the status
// history (who moved it, when). Approving and publishing run the checklist first.
import { api, CommandError } from "../api";
import type { Article } from "../bindings/Article";
import type { Status } from "../bindings/Status";
import type { StatusChange } from "../bindings/StatusChange";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { shortTime } from "../text";
import type { ChecklistPanel } from "./checklist";
import { currentProfile, profileLabel } from "./profiles";

/** The moves that need the checklist to pass (as the core's `needs_checklist`). */
const GATED: Status[] = ["approved", "published"];

/** The button's words for a move: the same target reads differently from some statuses. */
export function moveLabel(from: Status, to: Status): string {
  if (to === "draft") return t(from === "spiked" ? "workflow.to.restore" : "workflow.to.draft");
  if (to === "submitted" && from !== "draft") return t("workflow.to.resubmit");
  return t(`workflow.to.${to}` as Key);
}

export function changeText(c: StatusChange): string {
  return t("workflow.change", {
    from: t(`status.${c.from}` as Key),
    to: t(`status.${c.to}` as Key),
  });
}

export interface WorkflowPanel {
  element: HTMLElement;
  /** Redraws from the article as it is now (after a save, restore or status change). */
  refresh(): Promise<void>;
}

export function createWorkflowPanel(opts: {
  article: () => Article;
  storeChange: (op: () => Promise<Article>) => Promise<void>;
  checklist: ChecklistPanel;
  openExport: () => void;
}): WorkflowPanel {
  const badge = h("span", { class: "status-badge", "data-testid": "workflow-status" });
  const who = h("p", { class: "muted", "data-testid": "workflow-profile" });
  const moves = h("div", { class: "workflow-moves", "data-testid": "workflow-moves" });
  const error = h("p", { class: "error", "data-testid": "workflow-error", hidden: true });
  const history = h("ol", { class: "workflow-history", "data-testid": "workflow-history" });
  const exportButton = h("button", { "data-testid": "export-open", onclick: () => opts.openExport() }, t("export.open"));
  const element = h(
    "section",
    { class: "workflow", "data-testid": "workflow" },
    h("h2", {}, t("workflow.title")),
    h("div", { class: "row" }, badge, exportButton),
    who,
    moves,
    error,
    h("div", { class: "field-label" }, t("workflow.history")),
    history,
  );

  function fail(message: string) {
    error.textContent = message;
    error.hidden = false;
  }

  async function move(from: Status, to: Status) {
    error.hidden = true;
    const label = moveLabel(from, to);
    if (!currentProfile()) {
      fail(t("workflow.noProfile"));
      return;
    }
    try {
      if (GATED.includes(to) && !(await opts.checklist.gate(label))) {
        fail(t("workflow.refused", { action: label }));
        return;
      }
      await opts.storeChange(() => api.changeStatus(opts.article().id, to));
      await refresh();
    } catch (e) {
      if (e instanceof CommandError && e.code === "checklist") {
        await opts.checklist.gate(label);
        fail(t("workflow.refused", { action: label }));
      } else if (e instanceof CommandError && e.code === "no_profile") {
        fail(t("workflow.noProfile"));
      } else {
        fail(t("workflow.failed", { message: (e as Error).message }));
      }
    }
  }

  async function refresh() {
    const a = opts.article();
    badge.dataset.status = a.status;
    badge.textContent = t(`status.${a.status}` as Key);
    const p = currentProfile();
    who.textContent = p ? t("workflow.as", { who: profileLabel(p) }) : t("workflow.noProfile");
    const [next, changes] = await Promise.all([api.nextStatuses(a.status), api.statusHistory(a.id)]);
    // The article may have moved on while this was asked.
    if (opts.article().status !== a.status) return;
    replace(
      moves,
      next.map((to) =>
        h("button", {
          class: to === "spiked" || to === "withdrawn" ? "danger" : GATED.includes(to) ? "primary" : undefined,
          "data-testid": `workflow-to-${to}`,
          onclick: () => void move(a.status, to),
        }, moveLabel(a.status, to)),
      ),
    );
    replace(
      history,
      changes.length
        ? changes
            .slice()
            .reverse()
            .map((c) =>
              h(
                "li",
                { "data-testid": "workflow-change", "data-to": c.to },
                changeText(c),
                h("span", { class: "muted" }, ` · ${c.profile_name} · ${shortTime(c.at, state.settings.time_zone, state.settings.language)}`),
              ),
            )
        : h("li", { class: "muted" }, t("workflow.noHistory")),
    );
  }

  return { element, refresh };
}
