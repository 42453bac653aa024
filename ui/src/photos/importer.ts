// Importing photos from the app: files dropped on the window (or picked) go to the backend,
// which works in the background; a bar shows the progress and a report lists every file.
import { listen } from "@tauri-apps/api/event";
import { api } from "../api";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { ImportProgress } from "../bindings/ImportProgress";
import { h, replace } from "../dom";
import { t } from "../i18n";

const bar = h("progress", { max: 1, value: 0, "data-testid": "import-progress" });
const label = h("span", { class: "import-label" });
const box = h("div", { class: "import-status", "data-testid": "import-status", hidden: true }, label, bar);
let running = false;
const doneHandlers: ((outcomes: ImportOutcome[]) => void)[] = [];

/** The progress strip; put it in the page once. */
export function importStatusElement(): HTMLElement {
  return box;
}

/** Called after each batch, e.g. to refresh the library or the open article. */
export function onImported(f: (outcomes: ImportOutcome[]) => void): void {
  doneHandlers.push(f);
}

/** Listens to the backend's import events; call once at start. */
export async function listenImports(): Promise<void> {
  await listen<ImportProgress>("photo-import-progress", (e) => {
    bar.max = e.payload.total;
    bar.value = e.payload.done;
    label.textContent = t("photos.importing", { done: e.payload.done, total: e.payload.total });
  });
  await listen<ImportOutcome[]>("photo-import-done", (e) => {
    running = false;
    box.hidden = true;
    showReport(e.payload);
    for (const f of doneHandlers) f(e.payload);
  });
}

/** Starts importing `paths`; with `article`, every photo is also placed in it. */
export async function startImport(paths: string[], article: string | null = null): Promise<void> {
  if (!paths.length) return;
  if (running) {
    label.textContent = t("photos.importBusy");
    return;
  }
  running = true;
  bar.max = paths.length;
  bar.value = 0;
  label.textContent = t("photos.importing", { done: 0, total: paths.length });
  box.hidden = false;
  try {
    await api.importPhotos(paths, article);
  } catch (e) {
    running = false;
    box.hidden = true;
    showReport(paths.map((file) => ({ file, result: { status: "failed", code: "ipc", message: String((e as Error).message ?? e) } })));
  }
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The report: one line per file; failures say why in the user's language. */
export function reportLines(outcomes: ImportOutcome[]): { file: string; ok: boolean; text: string }[] {
  return outcomes.map((o) => {
    const file = fileName(o.file);
    switch (o.result.status) {
      case "imported":
        return { file, ok: true, text: t("photos.result.imported") };
      case "duplicate":
        return { file, ok: true, text: t("photos.result.duplicate") };
      default:
        return { file, ok: false, text: failureText(o.result.code, o.result.message) };
    }
  });
}

const KNOWN_CODES = new Set(["empty_file", "not_an_image", "unsupported_format", "wrong_extension", "too_many_pixels", "file_too_large", "metadata_too_large", "damaged", "rendition", "io"]);

function failureText(code: string, message: string): string {
  // Codes we can explain are said in the user's language; the backend's message (English,
  // naming the file) follows for the details.
  const key = KNOWN_CODES.has(code) ? (`photos.error.${code}` as const) : "photos.error.other";
  return `${t(key as Parameters<typeof t>[0])} (${message})`;
}

function showReport(outcomes: ImportOutcome[]) {
  document.querySelector(".modal")?.remove();
  const lines = reportLines(outcomes);
  const failed = lines.filter((l) => !l.ok).length;
  const close = () => dialog.remove();
  const list = h("ul", { class: "import-report" });
  replace(
    list,
    lines.map((l) =>
      h("li", { class: l.ok ? "ok" : "failed", "data-testid": "import-line", "data-ok": String(l.ok) }, h("strong", {}, l.file), " — ", l.text),
    ),
  );
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "import-report" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("photos.reportTitle", { ok: lines.length - failed, total: lines.length })),
      list,
      h("button", { class: "primary", "data-testid": "import-report-close", onclick: close }, t("action.close")),
    ),
  );
  document.body.append(dialog);
}
