// The Photos view: filter bar, the virtualised thumbnail grid, and a detail panel to edit a
// photo's description, creator and copyright (they travel with the photo) or place it in
// the open article.
import { api } from "../api";
import type { Photo } from "../bindings/Photo";
import type { PhotoFilter } from "../bindings/PhotoFilter";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { renditionUrl } from "../photos/files";
import { createGrid } from "../photos/grid";
import { startImport } from "../photos/importer";
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { state } from "../store";

export interface PhotosView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

/** `onPlace` puts the photo into the article open in the editor (absent when none is). */
export function createPhotosView(onPlace: (photo: Photo) => Promise<void>): PhotosView {
  let selected: Photo | null = null;
  const grid = createGrid({
    onSelect: (p) => {
      selected = p;
      grid.redraw();
      renderDetail();
    },
    selected: () => selected?.id ?? null,
    draggable: true,
  });

  const text = h("input", { type: "search", "data-testid": "photo-search", placeholder: t("photos.search"), oninput: () => schedule() });
  const creator = h("input", { "data-testid": "photo-creator", placeholder: t("photos.creator"), oninput: () => schedule() });
  const from = h("input", { type: "date", "data-testid": "photo-from", title: t("photos.from"), onchange: () => schedule() });
  const to = h("input", { type: "date", "data-testid": "photo-to", title: t("photos.to"), onchange: () => schedule() });
  const count = h("span", { class: "muted", "data-testid": "photo-count" });
  const importButton = h("button", {
    class: "primary",
    "data-testid": "photo-import",
    onclick: async () => {
      const picked = await openDialog({
        multiple: true,
        directory: false,
        title: t("photos.importTitle"),
        filters: [{ name: t("photos.importFilter"), extensions: ["jpg", "jpeg", "png", "webp", "JPG", "JPEG", "PNG", "WEBP"] }],
      });
      if (picked) await startImport(Array.isArray(picked) ? picked : [picked]);
    },
  }, t("photos.importButton"));
  const detail = h("aside", { class: "side photo-detail", "data-testid": "photo-detail" });

  let timer: ReturnType<typeof setTimeout> | null = null;
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  }

  function filter(): PhotoFilter {
    const f: PhotoFilter = { limit: 0, offset: 0 };
    if (text.value.trim()) f.text = text.value.trim();
    if (creator.value.trim()) f.creator = creator.value.trim();
    if (from.value) f.taken_from = from.value;
    if (to.value) f.taken_to = to.value;
    return f;
  }

  async function refresh() {
    const photos = await api.listPhotos(filter());
    grid.setPhotos(photos);
    count.textContent = t("photos.count", { n: photos.length });
    if (selected) selected = photos.find((p) => p.id === selected!.id) ?? null;
    renderDetail();
  }

  function renderDetail() {
    if (!selected) {
      replace(detail, h("p", { class: "empty" }, t("photos.pick")));
      return;
    }
    const p = selected;
    const description = h("textarea", { rows: 4, "data-testid": "photo-description" });
    description.value = p.meta.description ?? "";
    const creatorIn = h("input", { "data-testid": "photo-creator-edit", value: p.meta.creator ?? "" });
    const copyright = h("input", { "data-testid": "photo-copyright", value: p.meta.copyright ?? "" });
    const saved = h("span", { class: "muted", "data-testid": "photo-saved" });
    const facts: [string, string | undefined][] = [
      [t("photos.file"), p.original_name],
      [t("photos.size"), `${p.width} × ${p.height}`],
      [t("photos.taken"), p.meta.taken_at],
      [t("photos.camera"), p.meta.camera],
      [t("photos.where"), [p.meta.city, p.meta.state, p.meta.country].filter(Boolean).join(", ") || undefined],
    ];
    replace(
      detail,
      h("img", { class: "photo-preview", src: renditionUrl(p.sha256, "1600"), alt: p.meta.alt_text ?? "" }),
      h("dl", {}, facts.filter(([, v]) => v).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v!)])),
      h("label", {}, t("photos.description"), description),
      h("label", {}, t("photos.creator"), creatorIn),
      h("label", {}, t("photos.copyright"), copyright),
      h(
        "div",
        { class: "row" },
        h("button", {
          class: "primary",
          "data-testid": "photo-save",
          onclick: async () => {
            const meta = { ...p.meta, description: description.value, creator: creatorIn.value, copyright: copyright.value };
            try {
              selected = await api.updatePhotoMeta(p.id, meta);
              await refresh();
              // The panel was drawn anew from the stored photo: confirm on the new one.
              const now = detail.querySelector<HTMLElement>("[data-testid=photo-saved]");
              if (now) {
                now.textContent = t("status.saved");
                now.dataset.state = "saved";
              }
            } catch (e) {
              saved.textContent = t("status.error", { message: (e as Error).message });
            }
          },
        }, t("photos.save")),
        saved,
      ),
      state.selected
        ? h("button", { "data-testid": "photo-place", onclick: () => void onPlace(p) }, t("photos.placeIn"))
        : h("p", { class: "muted" }, t("photos.openArticle")),
    );
  }

  const element = h(
    "div",
    { class: "photos-layout", "data-testid": "photos-view" },
    h(
      "main",
      { class: "photos-main" },
      h("div", { class: "photo-filters" }, importButton, text, creator, from, to, count),
      h("p", { class: "drop-hint", "data-testid": "drop-hint" }, t("photos.dropHint")),
      grid.element,
    ),
    detail,
  );
  renderDetail();
  return { element, refresh };
}
