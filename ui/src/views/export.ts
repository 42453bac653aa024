// The export dialog: formats, folder or zip, the ninjs version (2.2 or 3.1), whether a
// package carries the photos' originals, the destination folder (typed or picked), then the
// export runs in the background with a progress bar (the missing renditions first, then each
// file) and ends with the files written or a clear error. The checklist runs first and blocks it.
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { api, CommandError } from "../api";
import type { ApiError } from "../bindings/ApiError";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportReport } from "../bindings/ExportReport";
import type { NinjsVersion } from "../bindings/NinjsVersion";
import type { Progress } from "../bindings/Progress";
import { Job } from "../job";
import type { RenderOptions } from "../bindings/RenderOptions";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";

export const EXPORT_FORMATS: ExportFormat[] = ["html", "md", "docx", "ninjs", "package"];
export const NINJS_VERSIONS: NinjsVersion[] = ["2.2", "3.1"];

/** What the chosen formats render: the ninjs version counts only with ninjs or a package,
 * the originals only with a package. */
export function renderOptions(formats: ExportFormat[], ninjs: NinjsVersion, originals: boolean): RenderOptions {
  const hasNinjs = formats.includes("ninjs") || formats.includes("package");
  return { ninjs: hasNinjs ? ninjs : "2.2", originals: originals && formats.includes("package") };
}

/** A progress step in the user's language: `rendition NAME` while the missing web
 * renditions are made, otherwise the file being written (`html · article.html`). */
export function progressText(step: string): string {
  return step.startsWith("rendition ") ? t("export.rendition", { name: step.slice("rendition ".length) }) : step;
}

/** The last folder exported into, offered again. */
let lastFolder = "";

/** The files an export wrote: the file itself, or each file of a package folder. */
export function writtenFiles(r: ExportReport): string[] {
  const sep = r.path.includes("\\") && !r.path.includes("/") ? "\\" : "/";
  const isFolder = r.files.length > 1 && !r.path.toLowerCase().endsWith(".zip");
  return isFolder ? r.files.map((f) => `${r.path}${sep}${f.path}`) : [r.path];
}

const KNOWN_ERRORS = new Set(["exists", "outside_folder", "io", "checklist", "invalid"]);

/** An export error in the user's language, with the backend's details. */
export function exportErrorText(e: ApiError): string {
  const key = KNOWN_ERRORS.has(e.code) ? `export.error.${e.code}` : "export.error.other";
  return `${t(key as Key)} (${e.message})`;
}

export function showExport(articleId: string, gate: () => Promise<boolean>): void {
  document.querySelector(".modal")?.remove();
  const boxes = EXPORT_FORMATS.map((f) =>
    h("input", { type: "checkbox", value: f, checked: f === "html", "data-testid": `export-format-${f}` }),
  );
  const zip = h("input", { type: "checkbox", "data-testid": "export-zip" });
  const ninjsVersion = h(
    "select",
    { "data-testid": "export-ninjs-version" },
    NINJS_VERSIONS.map((v) => h("option", { value: v }, t("export.ninjsVersion.option", { version: v }))),
  );
  const originals = h("input", { type: "checkbox", "data-testid": "export-originals" });
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value as ExportFormat);
  // The choices that apply only to some formats are enabled with them.
  const syncChoices = () => {
    const f = chosen();
    ninjsVersion.disabled = !(f.includes("ninjs") || f.includes("package"));
    originals.disabled = !f.includes("package");
  };
  for (const b of boxes) b.addEventListener("change", syncChoices);
  const out = h("input", { "data-testid": "export-out", value: lastFolder, placeholder: t("export.folderHint") });
  const bar = h("progress", { max: 1, value: 0, "data-testid": "export-progress", hidden: true });
  const step = h("span", { class: "muted", "data-testid": "export-step" });
  const error = h("p", { class: "error", "data-testid": "export-error", hidden: true });
  const result = h("ul", { class: "export-result", "data-testid": "export-result" });
  const start = h("button", { class: "primary", "data-testid": "export-start", onclick: () => void run(false) }, t("export.start"));
  const overwrite = h("button", { class: "danger", "data-testid": "export-overwrite", hidden: true, onclick: () => void run(true) }, t("export.overwrite"));
  const job = new Job<Progress, ExportReport[]>();
  const stopListening = () => job.stop();
  const close = () => {
    stopListening();
    dialog.remove();
  };

  function finish(ok: boolean) {
    stopListening();
    start.disabled = false;
    if (!ok) bar.hidden = true;
  }

  function fail(e: ApiError) {
    error.textContent = exportErrorText(e);
    error.hidden = false;
    overwrite.hidden = e.code !== "exists";
    finish(false);
  }

  async function run(force: boolean) {
    const formats = chosen();
    error.hidden = true;
    overwrite.hidden = true;
    replace(result);
    if (!formats.length) return fail({ code: "invalid", message: t("export.noFormat") });
    if (!out.value.trim()) return fail({ code: "invalid", message: t("export.noFolder") });
    start.disabled = true;
    if (!(await gate())) return fail({ code: "checklist", message: t("export.seeChecklist") });
    lastFolder = out.value.trim();
    bar.hidden = false;
    bar.value = 0;
    step.textContent = t("export.running");
    await job.follow("export", {
      progress: (p) => {
        bar.max = p.total;
        bar.value = p.done;
        step.textContent = progressText(p.step);
      },
      done: (reports) => {
        step.textContent = t("export.done", { count: reports.length });
        bar.value = bar.max;
        replace(
          result,
          reports.flatMap(writtenFiles).map((f) => h("li", { "data-testid": "export-file" }, f)),
        );
        finish(true);
      },
      failed: (e) => {
        step.textContent = "";
        fail(e);
      },
    });
    try {
      const render = renderOptions(formats, ninjsVersion.value as NinjsVersion, originals.checked);
      await api.startExport(articleId, formats, lastFolder, zip.checked, force, render);
    } catch (e) {
      step.textContent = "";
      fail(e instanceof CommandError ? { code: e.code, message: e.message } : { code: "ipc", message: String(e) });
    }
  }

  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "export-dialog" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("export.title")),
      h("fieldset", { class: "export-formats" },
        h("legend", {}, t("export.formats")),
        boxes.map((b) => h("label", { class: "check" }, b, t(`export.format.${b.value}` as Key)))),
      h("label", { class: "check" }, zip, t("export.zip")),
      h("label", { class: "check" }, originals, t("export.originals")),
      h("label", {}, t("export.ninjsVersion"), ninjsVersion),
      h("label", {}, t("export.folder"), h("div", { class: "row path-row" }, out, h("button", {
        "data-testid": "export-browse",
        onclick: async () => {
          const picked = await openDialog({ directory: true, multiple: false, title: t("export.folder"), defaultPath: out.value || undefined });
          if (typeof picked === "string") out.value = picked;
        },
      }, t("action.browse")))),
      bar,
      step,
      error,
      result,
      h("div", { class: "actions" }, start, overwrite, h("button", { "data-testid": "export-close", onclick: close }, t("action.close"))),
    ),
  );
  syncChoices();
  document.body.append(dialog);
  out.focus();
}
