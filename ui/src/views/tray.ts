// The photo tray beside the editor: the library's newest photos (or those matching a search)
// as small thumbnails. Drag one onto the body to place it where it is dropped, or click it
// to place it after the block holding the cursor.
import { api } from "../api";
import type { Photo } from "../bindings/Photo";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { renditionUrl } from "../photos/files";

/** The drag data type a library thumbnail carries: the photo's id. */
export const PHOTO_DRAG_TYPE = "application/x-newsdesk-photo";
/** How many thumbnails the tray shows; the Photos view has the whole library. */
const TRAY_SIZE = 48;

export interface PhotoTray {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function createPhotoTray(place: (photoId: string) => Promise<void>): PhotoTray {
  const search = h("input", {
    type: "search",
    "data-testid": "tray-search",
    placeholder: t("tray.search"),
    oninput: () => schedule(),
  });
  const list = h("div", { class: "tray-list", "data-testid": "photo-tray" });
  let timer: ReturnType<typeof setTimeout> | null = null;
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  }

  function cell(p: Photo): HTMLElement {
    return h(
      "button",
      {
        class: "tray-cell",
        "data-testid": "tray-photo",
        "data-id": p.id,
        draggable: "true",
        title: `${p.meta.description ?? p.original_name}\n${t("tray.hint")}`,
        onclick: () => void place(p.id),
        ondragstart: (e: Event) => {
          const dt = (e as DragEvent).dataTransfer;
          dt?.setData(PHOTO_DRAG_TYPE, p.id);
          dt?.setData("text/plain", p.original_name);
          if (dt) dt.effectAllowed = "copy";
        },
      },
      h("img", { src: renditionUrl(p.sha256, "320"), alt: p.meta.alt_text ?? p.meta.description ?? "", loading: "lazy", draggable: "false" }),
    );
  }

  async function refresh() {
    const text = search.value.trim();
    try {
      const photos = await api.listPhotos({ limit: TRAY_SIZE, offset: 0, ...(text ? { text } : {}) });
      replace(list, photos.length ? photos.map(cell) : h("p", { class: "muted" }, t(text ? "search.none" : "tray.empty")));
    } catch (e) {
      replace(list, h("p", { class: "error" }, t("tray.error", { message: (e as Error).message })));
    }
  }

  const element = h("div", { class: "tray" }, search, list);
  return { element, refresh };
}

/** The body block index a photo dropped at `y` lands before: after the block under the
 * pointer when the drop is in its lower half. `index` is the block under the pointer and
 * `rect` its box; pure, for tests. */
export function dropIndex(index: number, rect: { top: number; height: number } | null, y: number): number {
  if (!rect) return index;
  return y > rect.top + rect.height / 2 ? index + 1 : index;
}
