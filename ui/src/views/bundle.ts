// Bundles between laptops: "Send to…" writes one article (with its history, people and
// photos) to a .ndbundle file; a bundle dropped on the window is checked and previewed —
// what it holds and what it will change — before Import writes anything.
import { listen } from "@tauri-apps/api/event";
import { save as saveDialog } from "@tauri-apps/plugin-dialog";
import { api, CommandError } from "../api";
import type { BundlePreview } from "../bindings/BundlePreview";
import type { BundleProgress } from "../bindings/BundleProgress";
import type { ArticleChange } from "../bindings/ArticleChange";
import { h } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { shortTime } from "../text";
import { profiles } from "./profiles";

/** Whether a dropped file is a bundle (by its extension). */
export function isBundle(path: string): boolean {
  return path.toLowerCase().endsWith(".ndbundle");
}

function message(e: unknown): string {
  return e instanceof CommandError ? e.message : String(e);
}

function modal(testid: string, ...children: (HTMLElement | string)[]): HTMLElement {
  document.querySelector(".modal")?.remove();
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": testid },
    h("div", { class: "modal-box" }, ...children),
  );
  document.body.append(dialog);
  return dialog;
}

const progressLine = (): HTMLElement => h("p", { class: "muted", "data-testid": "bundle-progress" });

/** Shows the progress of a running bundle operation in the open dialog. */
export async function listenBundleProgress(): Promise<void> {
  await listen<BundleProgress>("bundle-progress", (e) => {
    const el = document.querySelector("[data-testid=bundle-progress]");
    if (!el) return;
    const p = e.payload;
    const pct = p.total > 0 ? Math.floor((Number(p.done) * 100) / Number(p.total)) : 0;
    el.textContent = t(`bundle.step.${p.step}` as Key, { pct });
  });
}

/** "Send to…": asks where to write the bundle for one article and writes it. */
export function showSend(articleId: string): void {
  const dir = state.info?.data_dir ?? "";
  const sep = dir.includes("\\") ? "\\" : "/";
  const path = h("input", { type: "text", "data-testid": "bundle-path", spellcheck: "false" });
  path.value = `${dir}${sep}${articleId}.ndbundle`;
  const status = progressLine();
  const error = h("p", { class: "error", role: "alert", "data-testid": "bundle-error" });
  const send = h("button", {
    class: "primary",
    "data-testid": "bundle-send",
    onclick: async () => {
      error.textContent = "";
      send.disabled = true;
      try {
        const m = await api.exportBundle([articleId], path.value.trim());
        status.textContent = t("bundle.sent", { path: path.value.trim(), entries: m.entries.length });
        status.dataset.done = "true";
      } catch (e) {
        error.textContent = message(e);
      } finally {
        send.disabled = false;
      }
    },
  }, t("bundle.send"));
  // Send to desk: into the shared watch folder, addressed to a profile.
  const to = h("input", { type: "text", "data-testid": "bundle-to", list: "bundle-to-names", spellcheck: "false" });
  const names = h("datalist", { id: "bundle-to-names" }, profiles().map((p) => h("option", { value: p.name })));
  const deskSend = h("button", {
    "data-testid": "bundle-send-desk",
    onclick: async () => {
      error.textContent = "";
      deskSend.disabled = true;
      try {
        const written = await api.sendToDesk([articleId], to.value.trim());
        status.textContent = t("bundle.deskSent", { to: to.value.trim(), path: written });
        status.dataset.done = "true";
      } catch (e) {
        error.textContent = message(e);
      } finally {
        deskSend.disabled = false;
      }
    },
  }, t("bundle.deskSend"));
  const dialog = modal(
    "bundle-send-dialog",
    h("h2", {}, t("bundle.sendTitle")),
    h("p", {}, t("bundle.sendExplain")),
    h("label", {}, t("bundle.file"), h("div", { class: "row path-row" }, path, h("button", {
      "data-testid": "bundle-browse",
      onclick: async () => {
        const picked = await saveDialog({ title: t("bundle.sendTitle"), defaultPath: path.value, filters: [{ name: "Newsdesk", extensions: ["ndbundle"] }] });
        if (picked) path.value = picked.toLowerCase().endsWith(".ndbundle") ? picked : `${picked}.ndbundle`;
      },
    }, t("action.browse")))),
    h("div", { class: "actions" }, send),
    h("h3", {}, t("bundle.deskTitle")),
    h("p", { class: "muted" }, t("bundle.deskExplain")),
    h("label", {}, t("bundle.deskTo"), h("div", { class: "row path-row" }, to, names, deskSend)),
    status,
    error,
    h("div", { class: "actions" }, h("button", { "data-testid": "bundle-close", onclick: () => dialog.remove() }, t("action.close"))),
  );
  path.focus();
}

function changeLabel(c: ArticleChange): string {
  return t(`bundle.change.${c}` as Key);
}

function previewBody(p: BundlePreview): HTMLElement[] {
  const m = p.manifest;
  const who = m.sender.profile ?? t("bundle.unknownSender");
  const people = (key: Key, names: string[]) =>
    names.length ? [h("li", {}, t(key, { names: names.join(", ") }))] : [];
  return [
    h("p", {}, t("bundle.from", { who, when: shortTime(m.created_at, state.settings.time_zone, state.settings.language) })),
    h(
      "ul",
      { class: "bundle-plan" },
      p.plan.articles.map((a) =>
        h(
          "li",
          { "data-testid": "bundle-article", "data-change": a.change },
          h("strong", {}, changeLabel(a.change)),
          " ",
          a.headline || t("list.untitled"),
          " ",
          h("span", { class: "muted" }, t("bundle.revisions", { n: a.new_revisions })),
        ),
      ),
    ),
    h(
      "ul",
      {},
      h("li", { "data-testid": "bundle-photos" }, t("bundle.photos", { added: p.plan.new_photos, known: p.plan.known_photos })),
      ...people("bundle.peopleAdded", p.plan.people_added),
      ...people("bundle.peopleUpdated", p.plan.people_updated),
      ...people("bundle.peopleRecorded", p.plan.people_recorded),
    ),
  ];
}

/** Bundles the app is asked to open — double-clicked in the file manager, so given on the
 * command line at start or forwarded by a second start while it runs — get the same preview
 * as a dropped one. */
export async function listenBundleOpen(onImported: () => void): Promise<void> {
  await listen<string>("bundle-open", (e) => void showBundlePreview(e.payload, onImported));
  const pending = await api.pendingBundle();
  if (pending) void showBundlePreview(pending, onImported);
}

/** Checks a dropped bundle and shows what it will change; Import merges it. */
export async function showBundlePreview(path: string, onImported: () => void): Promise<void> {
  let preview: BundlePreview;
  try {
    preview = await api.planBundle(path);
  } catch (e) {
    const dialog = modal(
      "bundle-preview",
      h("h2", {}, t("bundle.previewTitle")),
      h("p", { class: "error", role: "alert", "data-testid": "bundle-error" }, message(e)),
      h("div", { class: "actions" }, h("button", { "data-testid": "bundle-cancel", onclick: () => dialog.remove() }, t("action.close"))),
    );
    return;
  }
  // The backend's own test, so the button and the "nothing new" line agree with what an
  // import would do (such a bundle is then remembered and the watch folder stops offering it).
  const nothing = preview.changes_nothing;
  const status = progressLine();
  const error = h("p", { class: "error", role: "alert", "data-testid": "bundle-error" });
  const importButton = h("button", {
    class: "primary",
    "data-testid": "bundle-import",
    onclick: async () => {
      importButton.disabled = true;
      error.textContent = "";
      try {
        await api.importBundle(path);
        dialog.remove();
        onImported();
      } catch (e) {
        error.textContent = message(e);
        importButton.disabled = false;
      }
    },
  }, t("bundle.import"));
  if (nothing) importButton.disabled = true;
  const dialog = modal(
    "bundle-preview",
    h("h2", {}, t("bundle.previewTitle")),
    ...previewBody(preview),
    nothing ? h("p", { "data-testid": "bundle-nothing" }, t("bundle.nothing")) : h("span", {}),
    status,
    error,
    h("div", { class: "actions" }, importButton, h("button", { "data-testid": "bundle-cancel", onclick: () => dialog.remove() }, t("bundle.cancel"))),
  );
}
