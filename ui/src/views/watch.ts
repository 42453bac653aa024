// The watch folder (issue 9): bundles that `Send to desk` dropped into the shared folder for
// the current profile. The window asks the backend what is waiting (on start, every little
// while, on focus, after a profile switch); each new one is announced once with a note that
// opens the same preview as a dropped bundle. Imported bundles are remembered by the store,
// so they are not offered again, and so are those whose preview found nothing new; one put
// off with "Later" comes back on the next start.
import { api } from "../api";
import type { WaitingBundle } from "../bindings/WaitingBundle";
import { h } from "../dom";
import { t } from "../i18n";
import { showBundlePreview } from "./bundle";

const POLL_MS = 15_000;
const announced = new Set<string>();
let onImported: () => void = () => {};
let timer: ReturnType<typeof setInterval> | undefined;

function notes(): HTMLElement {
  let box = document.querySelector<HTMLElement>(".watch-notes");
  if (!box) {
    box = h("div", { class: "watch-notes", role: "status", "aria-live": "polite" });
    document.body.append(box);
  }
  return box;
}

/** The note for one waiting bundle. */
export function waitingNote(w: WaitingBundle, open: (path: string) => void): HTMLElement {
  const who = w.manifest.sender.profile ?? t("bundle.unknownSender");
  const headlines = w.manifest.articles.map((a) => a.headline || t("list.untitled")).join(", ");
  const note: HTMLElement = h(
    "div",
    { class: "watch-note", "data-testid": "bundle-waiting", "data-key": w.key },
    h("span", {}, t("watch.arrived", { who, headlines })),
    h("button", {
      class: "primary",
      "data-testid": "bundle-waiting-open",
      onclick: () => {
        note.remove();
        open(w.path);
      },
    }, t("watch.open")),
    h("button", { "data-testid": "bundle-waiting-later", onclick: () => note.remove() }, t("watch.dismiss")),
  );
  return note;
}

/** Announces the bundles waiting in `list` that were not announced yet; returns how many. */
export function announce(list: WaitingBundle[], open: (path: string) => void): number {
  let n = 0;
  for (const w of list) {
    if (announced.has(w.key)) continue;
    announced.add(w.key);
    notes().append(waitingNote(w, open));
    n += 1;
  }
  return n;
}

/** Looks in the watch folder now. A folder out of reach (the share is not mounted) is
 * simply looked at again later. */
export async function checkWatchFolder(): Promise<void> {
  let list: WaitingBundle[];
  try {
    list = await api.watchWaiting();
  } catch {
    return;
  }
  announce(list, (path) => void showBundlePreview(path, onImported));
}

/** Starts watching: now, every little while, and when the window gets focus. */
export function startWatching(imported: () => void): void {
  onImported = imported;
  void checkWatchFolder();
  if (timer === undefined) {
    timer = setInterval(() => void checkWatchFolder(), POLL_MS);
    window.addEventListener("focus", () => void checkWatchFolder());
  }
}
