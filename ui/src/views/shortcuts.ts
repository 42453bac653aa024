// The keyboard shortcuts sheet (Ctrl+/ or the toolbar button). Labels come from i18n.
import { h } from "../dom";
import { t, type Key } from "../i18n";

/** Every shortcut of the desk and the editor, in the order the sheet lists them. */
export const SHORTCUTS: [string, Key][] = [
  ["Ctrl+N", "shortcuts.new"],
  ["Ctrl+S", "shortcuts.save"],
  ["Ctrl+K", "shortcuts.search"],
  ["Ctrl+F", "shortcuts.find"],
  ["Ctrl+B", "shortcuts.bold"],
  ["Ctrl+I", "shortcuts.italic"],
  ["Ctrl+K", "shortcuts.linkSelected"],
  ["Ctrl+Alt+2", "shortcuts.h2"],
  ["Ctrl+Alt+3", "shortcuts.h3"],
  ["Ctrl+Alt+4", "shortcuts.h4"],
  ["Ctrl+Alt+0", "shortcuts.paragraph"],
  ["Ctrl+Shift+B", "shortcuts.quote"],
  ["Ctrl+Shift+8", "shortcuts.bullets"],
  ["Ctrl+Shift+7", "shortcuts.numbers"],
  ["Ctrl+Z", "shortcuts.undo"],
  ["Ctrl+/", "shortcuts.sheet"],
];

export function showShortcuts(): void {
  document.querySelector(".modal")?.remove();
  const close = () => {
    dialog.remove();
    window.removeEventListener("keydown", onKey);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") close();
  };
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "shortcuts-sheet", onclick: (e: Event) => e.target === dialog && close() },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("shortcuts.title")),
      h("table", { class: "shortcuts" }, SHORTCUTS.map(([keys, label]) => h("tr", {}, h("td", {}, h("kbd", {}, keys)), h("td", {}, t(label))))),
      h("div", { class: "actions" }, h("button", { "data-testid": "shortcuts-close", onclick: close }, t("action.close"))),
    ),
  );
  window.addEventListener("keydown", onKey);
  document.body.append(dialog);
}
