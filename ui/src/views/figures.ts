// The placement panel beside the editor: the article's figures in body order; the chosen
// one (click a figure in the body) gets its caption, credit and alt text edited, moved up or
// down, or removed. Drops of library thumbnails onto the body place the photo.
import { api } from "../api";
import type { Article } from "../bindings/Article";
import type { Placement } from "../bindings/Placement";
import { h, replace } from "../dom";
import { setFigures, type FigureInfo } from "../editor/figures";
import { watchCodes } from "../editor/interview";
import { t } from "../i18n";
import { renditionUrl } from "../photos/files";

export interface FigurePanel {
  element: HTMLElement;
  /** Reloads the placements and printed credits and redraws the figures. */
  refresh(): Promise<void>;
  /** Opens a figure's editing and puts the cursor in `field` (caption, credit, alt). */
  focusField(placementId: string, field: string): Promise<void>;
}

export function createFigurePanel(
  articleId: () => string,
  storeChange: (op: () => Promise<Article>) => Promise<void>,
): FigurePanel {
  const element = h("div", { class: "figure-panel", "data-testid": "figure-panel" });
  let list: FigureInfo[] = [];
  let open: string | null = null;

  async function refresh() {
    const id = articleId();
    const [placements, credits] = await Promise.all([api.listPlacements(id), api.printedCredits(id)]);
    const photos = await Promise.all(placements.map((p) => api.getPhoto(p.photo_id).catch(() => null)));
    const byId = new Map(placements.map((p, i) => [p.id, { placement: p, photo: photos[i] }]));
    // In body order (the printed credits come in that order), then any not in the body.
    list = credits
      .filter((c) => byId.has(c.placement_id))
      .map((c) => ({ ...byId.get(c.placement_id)!, printed: c.credit }));
    setFigures(list, (pid) => {
      open = pid;
      render();
      element.scrollIntoView({ block: "nearest" });
    });
    if (open && !list.some((f) => f.placement.id === open)) open = null;
    render();
  }

  function editor(f: FigureInfo): HTMLElement {
    const caption = h("textarea", { rows: 3, "data-testid": "placement-caption" });
    caption.value = f.placement.caption;
    const credit = h("input", { "data-testid": "placement-credit", value: f.placement.credit });
    const alt = h("input", { "data-testid": "placement-alt", value: f.placement.alt_text });
    const status = h("span", { class: "muted", "data-testid": "placement-status" });
    const save = async () => {
      const next: Placement = { ...f.placement, caption: caption.value, credit: credit.value, alt_text: alt.value };
      try {
        await api.updatePlacement(next);
        await refresh();
        status.textContent = t("status.saved");
      } catch (e) {
        status.textContent = t("status.error", { message: (e as Error).message });
      }
    };
    const id = f.placement.id;
    // A person's `\code` expands here as in the body (kept until Save, like any typing).
    watchCodes(caption, () => undefined);
    // Photographers are people too: the credit field offers the directory's photographers.
    const listId = `photographers-${id}`;
    credit.setAttribute("list", listId);
    const names = h("datalist", { id: listId });
    void (async () => {
      try {
        const people = await api.listPeople();
        replace(names, people.filter((p) => p.photographer).map((p) => h("option", { value: p.full_name })));
      } catch {
        // Without the directory the field is typed by hand, as before.
      }
    })();
    return h(
      "div",
      { class: "placement-edit", "data-testid": "placement-edit" },
      h("label", {}, t("figure.caption"), caption),
      h("label", {}, t("figure.credit"), credit, names),
      h("label", {}, t("figure.alt"), alt),
      h(
        "div",
        { class: "row" },
        h("button", { class: "primary", "data-testid": "placement-save", onclick: () => void save() }, t("figure.save")),
        h("button", { "data-testid": "placement-up", title: t("figure.up"), onclick: () => void storeChange(() => api.movePlacement(id, true)) }, "↑"),
        h("button", { "data-testid": "placement-down", title: t("figure.down"), onclick: () => void storeChange(() => api.movePlacement(id, false)) }, "↓"),
        h("button", { class: "danger", "data-testid": "placement-remove", onclick: () => void storeChange(() => api.removePlacement(id)) }, t("figure.remove")),
      ),
      status,
    );
  }

  function render() {
    if (!list.length) {
      replace(element, h("p", { class: "muted" }, t("figure.none")));
      return;
    }
    replace(
      element,
      list.map((f) =>
        h(
          "div",
          { class: f.placement.id === open ? "figure-item open" : "figure-item", "data-testid": "figure-item", "data-placement": f.placement.id },
          h(
            "button",
            { class: "link figure-row", onclick: () => { open = open === f.placement.id ? null : f.placement.id; render(); } },
            f.photo ? h("img", { src: renditionUrl(f.photo.sha256, "320"), alt: "" }) : null,
            h("span", {}, f.placement.caption || t("figure.noCaption")),
          ),
          f.placement.id === open ? editor(f) : null,
        ),
      ),
    );
  }

  async function focusField(placementId: string, field: string) {
    if (!list.some((f) => f.placement.id === placementId)) await refresh();
    open = placementId;
    render();
    const input = element.querySelector<HTMLElement>(`[data-testid="placement-${field}"]`);
    input?.scrollIntoView({ block: "center" });
    input?.focus();
  }

  return { element, refresh, focusField };
}
