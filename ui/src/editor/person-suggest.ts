// Autocomplete from the people directory for a name field (a voice's person, an
// interviewee): suggestions as the writer types (a `\code` finds its owner first), a pick
// fills the person in, and "add to the directory" creates the person from what was typed.
import { api } from "../api";
import type { Person } from "../bindings/Person";
import { h, replace } from "../dom";
import { t } from "../i18n";

/** Wraps `input` with a suggestion list; returns the wrapper to put in the form. */
export function personSuggest(
  input: HTMLInputElement,
  pick: (p: Person) => void,
  create: (name: string) => void,
): HTMLElement {
  const box = h("div", { class: "suggest", "data-testid": "person-suggestions", hidden: true });
  const wrap = h("span", { class: "suggest-wrap" }, input, box);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  const hide = () => {
    box.hidden = true;
    replace(box);
  };
  const option = (label: string, detail: string, testid: string, run: () => void) =>
    h(
      "button",
      {
        class: "suggestion",
        "data-testid": testid,
        // Keep the focus in the field until the click lands.
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: () => {
          hide();
          run();
        },
      },
      h("strong", {}, label),
      detail ? h("span", { class: "muted" }, ` ${detail}`) : null,
    );
  async function lookUp() {
    // The form may be gone by the time the timer fires (the editor closed): nothing to show.
    if (!input.isConnected) return;
    const query = input.value.trim();
    const mine = ++asked;
    if (query.length < 2) return hide();
    let found: Person[] = [];
    try {
      found = await api.findPeople(query, 8);
    } catch {
      found = [];
    }
    if (mine !== asked || !input.isConnected || input.ownerDocument.activeElement !== input) return;
    const exact = found.some((p) => p.full_name.toLowerCase() === query.toLowerCase());
    replace(
      box,
      found.map((p) =>
        option([p.honorific, p.full_name].filter(Boolean).join(" "), [p.organisation, ...p.codes.map((c) => `\\${c}`)].filter(Boolean).join(" · "), "person-suggestion", () => pick(p)),
      ),
      !exact && !query.startsWith("\\") ? option(t("people.createNamed", { name: query }), "", "person-create", () => create(query)) : null,
    );
    box.hidden = box.childElementCount === 0;
  }
  input.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void lookUp(), 150);
  });
  input.addEventListener("blur", () =>
    setTimeout(() => {
      if (input.isConnected) hide();
    }, 150),
  );
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hide();
    if (e.key === "Enter" && !box.hidden) {
      const first = box.querySelector("button");
      if (first) {
        e.preventDefault();
        (first as HTMLButtonElement).click();
      }
    }
  });
  return wrap;
}
