// A virtualised grid of photo thumbnails: only the rows in view (plus a margin) exist in
// the DOM, so 10,000 photos scroll as smoothly as 10.
import type { Photo } from "../bindings/Photo";
import { h } from "../dom";
import { renditionUrl } from "./files";

export const CELL = 168; // px, square cells including the gap
const OVERSCAN = 2; // rows drawn above and below the visible ones

export interface GridOptions {
  onSelect(photo: Photo): void;
  selected(): string | null;
  /** Lets the thumbnail be dragged onto the editor. */
  draggable?: boolean;
}

export interface Grid {
  element: HTMLElement;
  setPhotos(photos: Photo[]): void;
  /** Redraws the visible cells (after a selection or an edit). */
  redraw(): void;
}

/** Which rows to draw for a scroll position: pure, so it can be tested without a DOM. */
export function visibleRows(scrollTop: number, height: number, rows: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / CELL) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((scrollTop + height) / CELL) + OVERSCAN);
  return [first, Math.max(first, last)];
}

export function createGrid(opts: GridOptions): Grid {
  let photos: Photo[] = [];
  const spacer = h("div", { class: "grid-spacer" });
  const layer = h("div", { class: "grid-layer" });
  const element = h("div", { class: "photo-grid", "data-testid": "photo-grid", tabindex: 0 }, spacer, layer);
  let frame = 0;

  function columns(): number {
    return Math.max(1, Math.floor((element.clientWidth || 800) / CELL));
  }

  // Cells stay in the DOM while their photo is in view: scrolling moves them, and only
  // photos coming into view get new elements (and new images to decode).
  let cells = new Map<string, HTMLElement>();

  function makeCell(p: Photo): HTMLElement {
    return h(
      "div",
      {
        class: "photo-cell",
        "data-testid": "photo-cell",
        "data-id": p.id,
        draggable: opts.draggable ? "true" : undefined,
        title: p.meta.description ?? p.original_name,
        onclick: () => opts.onSelect(p),
        ondragstart: (e: Event) => {
          const dt = (e as DragEvent).dataTransfer;
          dt?.setData("application/x-newsdesk-photo", p.id);
          dt?.setData("text/plain", p.original_name);
        },
      },
      h("img", { src: renditionUrl(p.sha256, "320"), alt: p.meta.alt_text ?? p.meta.description ?? "", loading: "lazy", draggable: "false" }),
      h("span", { class: "photo-name" }, p.meta.creator ?? p.original_name),
    );
  }

  function draw() {
    frame = 0;
    const cols = columns();
    const rows = Math.ceil(photos.length / cols);
    spacer.style.height = `${rows * CELL}px`;
    const [first, last] = visibleRows(element.scrollTop, element.clientHeight || 600, rows);
    const sel = opts.selected();
    const next = new Map<string, HTMLElement>();
    const added: HTMLElement[] = [];
    for (let r = first; r < last; r++) {
      for (let c = 0; c < cols; c++) {
        const p = photos[r * cols + c];
        if (!p) break;
        let cell = cells.get(p.id);
        if (cell) cells.delete(p.id);
        else {
          cell = makeCell(p);
          added.push(cell);
        }
        cell.style.transform = `translate(${c * CELL}px, ${r * CELL}px)`;
        cell.classList.toggle("selected", p.id === sel);
        next.set(p.id, cell);
      }
    }
    for (const gone of cells.values()) gone.remove();
    layer.append(...added);
    cells = next;
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  element.addEventListener("scroll", schedule, { passive: true });
  new ResizeObserver(schedule).observe(element);

  return {
    element,
    setPhotos(list) {
      photos = list;
      // The photos' details may have changed (an edit): draw every cell anew.
      for (const cell of cells.values()) cell.remove();
      cells = new Map();
      element.dataset.count = String(list.length);
      draw();
    },
    redraw: draw,
  };
}
