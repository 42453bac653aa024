// What a figure atom shows in the editor: the thumbnail, the caption and the credit line as
// printed. The editor view fills this from the article's placements; the node views read it.
import type { Photo } from "../bindings/Photo";
import type { Placement } from "../bindings/Placement";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { renditionUrl } from "../photos/files";

/** One placement as the editor shows it. */
export interface FigureInfo {
  placement: Placement;
  photo: Photo | null;
  /** The credit as printed (house style), e.g. `Ảnh: TRẦN DŨNG`. */
  printed: string;
}

const figures = new Map<string, FigureInfo>();
// The figure elements the editor has drawn, attached to the page or not (the editor may be
// hidden behind the Photos view when a photo is placed).
const drawn = new Set<HTMLElement>();
let openPanel: ((placementId: string) => void) | null = null;

/** Replaces what the figures show and what a click on one does, then redraws them. */
export function setFigures(list: FigureInfo[], onOpen: (placementId: string) => void): void {
  figures.clear();
  for (const f of list) figures.set(f.placement.id, f);
  openPanel = onOpen;
  for (const el of drawn) fillFigure(el);
}

/** Draws one figure element from its `data-placement`. */
export function fillFigure(el: HTMLElement): void {
  drawn.add(el);
  const info = figures.get(el.dataset.placement ?? "");
  if (!info) {
    replace(el, h("span", { class: "figure-mark" }, "▣"), h("span", { class: "muted" }, t("figure.loading")));
    return;
  }
  const { placement, photo, printed } = info;
  replace(
    el,
    photo ? h("img", { src: renditionUrl(photo.sha256, "320"), alt: placement.alt_text, draggable: "false" }) : null,
    h(
      "figcaption",
      {},
      h("span", { class: "figure-caption", "data-testid": "figure-caption" }, placement.caption || t("figure.noCaption")),
      h("span", { class: "figure-credit", "data-testid": "figure-credit" }, printed),
    ),
  );
}

/** Opens the placement panel for a figure (the node view calls this on click). */
export function openFigure(placementId: string): void {
  openPanel?.(placementId);
}

/** Forgets a figure element the editor no longer shows. */
export function forgetFigure(el: HTMLElement): void {
  drawn.delete(el);
}
