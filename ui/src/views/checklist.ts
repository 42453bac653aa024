// The pre-publish checklist panel: blocking findings first, then warnings; clicking one
// jumps to its place in the editor. It runs before approve and before export, and says
// why either was refused.
import { api } from "../api";
import type { Checklist } from "../bindings/Checklist";
import type { Finding } from "../bindings/Finding";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";

/** Codes the interface explains in the user's language; others show the backend's words. */
const KNOWN = new Set([
  "headline_empty",
  "lead_empty",
  "figure_no_caption",
  "figure_no_credit",
  "figure_no_alt",
  "rendition_small",
  "placeholder_left",
  "related_missing",
  "lead_too_long",
]);

/** What a finding says, in the user's language when its code is known. */
export function findingText(f: Finding): string {
  if (!KNOWN.has(f.code)) return f.message;
  const text = t(`checklist.code.${f.code}` as Key);
  // The backend's message carries the details (the placeholder's prompt, the word count).
  return f.code === "placeholder_left" || f.code === "lead_too_long" || f.code === "rendition_small"
    ? `${text} (${f.message})`
    : text;
}

export interface ChecklistPanel {
  element: HTMLElement;
  /** Saves what is pending, runs the checklist over the stored article and shows it. */
  run(): Promise<Checklist>;
  /** Runs it before `action` (approve, export): resolves true when nothing blocks, else shows why not. */
  gate(action: string): Promise<boolean>;
}

export function createChecklistPanel(
  articleId: () => string,
  jump: (path: string) => void,
  flush: () => Promise<void>,
): ChecklistPanel {
  const summary = h("p", { class: "muted", "data-testid": "checklist-status" }, t("checklist.notRun"));
  const refusal = h("p", { class: "error", "data-testid": "checklist-refusal", hidden: true });
  const list = h("ul", { class: "checklist", "data-testid": "checklist-findings" });
  const element = h(
    "section",
    { class: "checklist-panel", "data-testid": "checklist" },
    h("h2", {}, t("checklist.title")),
    h("button", { class: "link", "data-testid": "checklist-run", onclick: () => void run() }, t("checklist.run")),
    summary,
    refusal,
    list,
  );

  function show(c: Checklist) {
    const blocking = c.findings.filter((f) => f.severity === "blocking").length;
    const warnings = c.findings.length - blocking;
    summary.dataset.state = blocking ? "blocked" : "ok";
    summary.textContent = blocking
      ? t("checklist.blocked", { blocking, warnings })
      : warnings
        ? t("checklist.okWarnings", { warnings })
        : t("checklist.ok");
    replace(
      list,
      c.findings.map((f) =>
        h(
          "li",
          { class: f.severity },
          h(
            "button",
            {
              class: "link finding",
              "data-testid": "checklist-finding",
              "data-code": f.code,
              "data-path": f.path,
              "data-severity": f.severity,
              title: f.path,
              onclick: () => jump(f.path),
            },
            h("span", { class: "severity" }, t(`checklist.severity.${f.severity}` as Key)),
            " ",
            findingText(f),
          ),
        ),
      ),
    );
  }

  async function run(): Promise<Checklist> {
    refusal.hidden = true;
    // The checklist reads the stored article: what was just typed is saved first.
    await flush();
    const c = await api.runChecklist(articleId());
    show(c);
    return c;
  }

  return {
    element,
    run,
    gate: async (action) => {
      const c = await run();
      const blocking = c.findings.filter((f) => f.severity === "blocking").length;
      if (!blocking) return true;
      refusal.textContent = t("checklist.refused", { action, blocking });
      refusal.hidden = false;
      element.scrollIntoView({ block: "nearest" });
      return false;
    },
  };
}
