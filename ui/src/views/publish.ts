// Publishing from the editor (issue 10): the side panel's Publish / Update / Withdraw /
// Retry buttons, the publish dialog (target, status, progress, the remote post's id and
// address) and the publish log of the open article (exports and publishes, and for each
// website how far the last publish got). The rules live in the core; this only draws.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { Job } from "../job";
import { api, CommandError } from "../api";
import type { ApiError } from "../bindings/ApiError";
import type { Article } from "../bindings/Article";
import type { PostState } from "../bindings/PostState";
import type { PublishAction } from "../bindings/PublishAction";
import type { PublishEntry } from "../bindings/PublishEntry";
import type { PublishProgress } from "../bindings/PublishProgress";
import type { PublishRecord } from "../bindings/PublishRecord";
import type { Published } from "../bindings/Published";
import type { StepState } from "../bindings/StepState";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { shortTime } from "../text";
import type { ChecklistPanel } from "./checklist";

/** One step of a publish in words: `Photo 2: uploaded (#45)`. */
export function stepText(s: StepState): string {
  const what = s.kind === "post" ? t("publish.step.post") : t("publish.step.photo", { n: s.number });
  const how = t(`publish.done.${s.done}` as Key);
  return s.remote_id !== null && s.done === "done" ? `${what}: ${how} (#${s.remote_id})` : `${what}: ${how}`;
}

/** What a log entry was: an export format or a publish/withdraw on a named website. */
export function entryWhat(e: PublishEntry): string {
  const [verb, target] = e.format.split(":", 2);
  if (target !== undefined && (verb === "publish" || verb === "withdraw")) {
    return t(`publish.log.${verb}` as Key, { target });
  }
  // An export: `package · ninjs 3.1 · originals` — the format, then what was chosen.
  const [format, ...chosen] = e.format.split(" · ");
  const key = `export.format.${format}`;
  const name = t(key as Key) === key ? format : t(key as Key);
  const rest = chosen.map((c) => (c === "originals" ? t("publish.log.originals") : c));
  return [name, ...rest].join(" · ");
}

/** A post's one-line state: `web: published · #12 · version 3`. */
export function postSummary(p: PostState): string {
  const parts = [p.target];
  if (p.incomplete) parts.push(t("publish.incomplete"));
  else if (p.status) parts.push(t(p.status === "publish" ? "publish.remote.publish" : "publish.remote.draft"));
  if (p.remote_id !== null) parts.push(`#${p.remote_id}`);
  if (p.article_version) parts.push(t("publish.version", { n: p.article_version }));
  if (p.outdated) parts.push(t("publish.outdated"));
  return parts.join(" · ");
}

/** The error words of a publish: the backend's message, already in the newsroom's language. */
export function publishErrorText(e: ApiError): string {
  if (e.code === "checklist") return t("publish.error.checklist");
  if (e.code === "no_vault_password" || e.code === "vault_password") return t("target.vaultNeeded");
  return e.message;
}

const needsVault = (code: string) => code === "no_vault_password" || code === "vault_password";

/** Opens the publish dialog; `target` preselects a website (a retry). */
export async function showPublish(opts: {
  article: () => Article;
  update: boolean;
  target?: string;
  gate: (action: string) => Promise<boolean>;
  onPublished: (p: Published) => Promise<void>;
  /** After a failure: what completed is in the store now, for the log panel. */
  onFailed?: () => void;
}): Promise<void> {
  document.querySelector(".modal")?.remove();
  const targets = await api.listTargets().catch(() => []);
  const title = opts.target ? t("publish.retryTitle") : opts.update ? t("publish.updateTitle") : t("publish.title");
  const pick = h("select", { "data-testid": "publish-target" },
    targets.map((x) => h("option", { value: x.name, selected: x.name === opts.target }, `${x.name} (${x.url})`)));
  const status = h("select", { "data-testid": "publish-status" },
    h("option", { value: "publish" }, t("publish.status.publish")),
    h("option", { value: "draft" }, t("publish.status.draft")));
  const bar = h("progress", { max: 1, value: 0, "data-testid": "publish-progress", hidden: true });
  const step = h("span", { class: "muted", "data-testid": "publish-step" });
  const error = h("p", { class: "error", "data-testid": "publish-error", hidden: true });
  const vault = h("input", { type: "password", "data-testid": "publish-vault-password", placeholder: t("target.vaultPassword") });
  // A wrapper carries `hidden`: the dialog's labels are flex boxes, which `hidden` alone does not hide.
  const vaultRow = h("div", { hidden: true }, h("label", {}, t("target.vaultPassword"), vault));
  const result = h("div", { class: "publish-result", "data-testid": "publish-result" });
  const start = h("button", { class: "primary", "data-testid": "publish-start", disabled: !targets.length, onclick: () => void run() }, title);
  const job = new Job<PublishProgress, Published>();
  const stopListening = () => job.stop();
  const close = () => {
    stopListening();
    dialog.remove();
  };

  function fail(e: ApiError) {
    stopListening();
    step.textContent = "";
    bar.hidden = true;
    start.disabled = false;
    error.textContent = publishErrorText(e);
    error.dataset.code = e.code;
    error.hidden = false;
    vaultRow.hidden = !needsVault(e.code);
    if (e.code === "checklist") void opts.gate(title);
    opts.onFailed?.();
  }

  async function run() {
    error.hidden = true;
    replace(result);
    start.disabled = true;
    if (!vaultRow.hidden && vault.value) {
      try {
        await api.unlockVault(vault.value);
      } catch (e) {
        return fail(e instanceof CommandError ? e : { code: "ipc", message: String(e) });
      }
    }
    if (!(await opts.gate(title))) return fail({ code: "checklist", message: "" });
    bar.hidden = false;
    bar.value = 0;
    step.textContent = t("publish.running");
    await job.follow("publish", {
      progress: (p) => {
        bar.max = p.total;
        bar.value = p.done;
        step.textContent = t("publish.progress", { done: p.done, total: p.total });
      },
      done: (p) => {
        stopListening();
        bar.value = bar.max;
        step.textContent = t(p.updated ? "publish.doneUpdated" : "publish.doneCreated", { uploaded: p.uploaded, reused: p.reused });
        replace(result,
          h("p", { "data-testid": "publish-remote-id" }, t("publish.remoteId", { id: p.remote_id, status: t(p.status === "publish" ? "publish.remote.publish" : "publish.remote.draft") })),
          h("p", {}, t("publish.url"), " ", h("code", { "data-testid": "publish-url" }, p.url)));
        start.disabled = false;
        void opts.onPublished(p);
      },
      failed: (e) => fail(e),
    });
    try {
      await api.startPublish(opts.article().id, pick.value, status.value === "publish");
    } catch (e) {
      fail(e instanceof CommandError ? e : { code: "ipc", message: String(e) });
    }
  }

  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "publish-dialog" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, title),
      targets.length ? null : h("p", { class: "muted", "data-testid": "publish-no-targets" }, t("publish.noTargets")),
      h("label", {}, t("publish.target"), pick),
      h("label", {}, t("publish.statusLabel"), status),
      vaultRow,
      bar,
      step,
      error,
      result,
      h("div", { class: "actions" }, start, h("button", { "data-testid": "publish-close", onclick: close }, t("action.close"))),
    ),
  );
  document.body.append(dialog);
}

export interface PublishPanel {
  element: HTMLElement;
  /** Redraws from the article and the store (after a save, status change or publish). */
  refresh(): Promise<void>;
}

/** The side panel's publishing part: the buttons, each website's post, the log. */
export function createPublishPanel(opts: {
  article: () => Article;
  checklist: ChecklistPanel;
  /** Reloads the article after the core changed its status. */
  reload: () => Promise<void>;
}): PublishPanel {
  const actions = h("div", { class: "workflow-moves", "data-testid": "publish-actions" });
  const error = h("p", { class: "error", "data-testid": "publish-panel-error", hidden: true });
  const posts = h("ul", { class: "publish-posts", "data-testid": "publish-posts" });
  const log = h("ol", { class: "workflow-history", "data-testid": "publish-log" });
  const element = h(
    "section",
    { class: "publish", "data-testid": "publish-panel" },
    h("h2", {}, t("publish.panel")),
    actions,
    error,
    posts,
    h("div", { class: "field-label" }, t("publish.logTitle")),
    log,
  );

  const open = (update: boolean, target?: string) =>
    void showPublish({
      article: opts.article,
      update,
      target,
      gate: (label) => opts.checklist.gate(label),
      onPublished: async () => {
        await opts.reload();
        await refresh();
      },
      onFailed: () => void refresh(),
    });

  async function withdraw(target: string, button: HTMLButtonElement) {
    if (button.dataset.confirm !== "1") {
      button.dataset.confirm = "1";
      button.textContent = t("publish.withdrawConfirm", { target });
      return;
    }
    error.hidden = true;
    button.disabled = true;
    try {
      await api.withdraw(opts.article().id, target);
      await opts.reload();
    } catch (e) {
      error.textContent = publishErrorText(e instanceof CommandError ? e : { code: "ipc", message: String(e) });
      error.hidden = false;
    }
    await refresh();
  }

  function button(a: PublishAction): HTMLButtonElement {
    switch (a.kind) {
      case "publish":
        return h("button", { class: "primary", "data-testid": "publish-open", onclick: () => open(false) }, t("publish.open"));
      case "update":
        return h("button", { class: "primary", "data-testid": "publish-update", onclick: () => open(true) }, t("publish.update"));
      case "retry":
        return h("button", { "data-testid": "publish-retry", "data-target": a.target, onclick: () => open(false, a.target) }, t("publish.retry", { target: a.target }));
      case "withdraw": {
        const b: HTMLButtonElement = h("button", { class: "danger", "data-testid": "publish-withdraw", "data-target": a.target, onclick: () => void withdraw(a.target, b) }, t("publish.withdraw", { target: a.target }));
        return b;
      }
    }
  }

  async function refresh() {
    const a = opts.article();
    let record: PublishRecord | null = null;
    let failed = "";
    try {
      record = await api.publishRecord(a.id);
    } catch (e) {
      failed = (e as ApiError).message ?? String(e);
    }
    if (opts.article().id !== a.id) return;
    // What may be done is the core's rule (`newsdesk_publish::publish_actions`).
    replace(actions, (record?.actions ?? []).map(button));
    const tz = state.settings.time_zone;
    const lang = state.settings.language;
    replace(posts, (record?.posts ?? []).map((p) =>
      h("li", { "data-testid": "publish-post", "data-target": p.target, "data-incomplete": String(p.incomplete) },
        h("div", {}, postSummary(p)),
        p.url ? h("code", { class: "muted", "data-testid": "publish-post-url" }, p.url) : null,
        p.at ? h("div", { class: "muted" }, shortTime(p.at, tz, lang)) : null,
        h("ul", { class: "publish-steps" }, p.steps.map((s) =>
          h("li", { "data-testid": "publish-step-state", "data-done": s.done }, stepText(s)))))));
    const entries = record?.entries ?? [];
    replace(
      log,
      entries.length
        ? entries.slice().reverse().map((e) =>
            h("li", { "data-testid": "publish-log-entry", "data-format": e.format },
              h("div", {}, entryWhat(e), e.is_update ? ` · ${t("publish.log.update")}` : "",
                h("span", { class: "muted" }, ` · ${shortTime(e.at, tz, lang)} · ${e.profile_name || "—"} · ${t("publish.version", { n: e.article_version })}`)),
              e.destination ? h("code", { class: "muted" }, e.destination) : null,
              e.checksum ? h("div", { class: "muted", title: e.checksum }, t("publish.log.checksum", { sum: e.checksum.slice(0, 16) })) : null))
        : h("li", { class: failed ? "error" : "muted" }, failed || t("publish.log.none")),
    );
  }

  // An export from the export dialog adds to the log: show it. The listener goes with the
  // panel (checked on the next event once the editor is closed).
  let stop: UnlistenFn | null = null;
  void listen("export-done", () => {
    if (element.isConnected) void refresh();
    else stop?.();
  }).then(
    (u) => {
      stop = u;
    },
    // Outside the app (unit tests) there are no events to listen to.
    () => {},
  );

  return { element, refresh };
}
