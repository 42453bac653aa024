// The search box (Ctrl+K, or Ctrl+F outside the body): results as you type, filters,
// recent searches, keyboard navigation, and opening a hit at its matching place.
import { api } from "../api";
import type { Person } from "../bindings/Person";
import type { Photo } from "../bindings/Photo";
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchKind } from "../bindings/SearchKind";
import type { SearchQuery } from "../bindings/SearchQuery";
import type { Status } from "../bindings/Status";
import type { TextPart } from "../bindings/TextPart";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { shortDate } from "../text";

const KINDS: SearchKind[] = ["article", "photo", "person"];
const STATUSES: Status[] = ["draft", "submitted", "in_edit", "approved", "published", "spiked", "withdrawn"];

/** Renders marked runs as text nodes: matches in <mark>, never as HTML. */
export function runs(parts: TextPart[]): Node[] {
  return parts.map((p) => (p.hit ? h("mark", {}, p.text) : document.createTextNode(p.text)));
}

/** The text of the first matched run (the word to look for when opening a hit). */
export function firstHit(parts: TextPart[]): string {
  return parts.find((p) => p.hit)?.text ?? "";
}

/** What the search box calls when the writer opens an article hit. */
export type OpenArticle = (id: string, matchOffset: number | null, word: string) => void;

let openBox: HTMLElement | null = null;

/** Whether the search box is showing. */
export function searchOpen(): boolean {
  return openBox !== null;
}

/** Shows the search box (or focuses it when it is already showing). */
export function showSearch(onOpenArticle: OpenArticle): void {
  if (openBox) {
    openBox.querySelector<HTMLInputElement>("[data-testid=search-input]")?.focus();
    return;
  }
  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;

  const input = h("input", { class: "search-input", "data-testid": "search-input", placeholder: t("search.placeholder"), autocomplete: "off" });
  const kind = h("select", { "data-testid": "search-kind" }, h("option", { value: "" }, t("search.allKinds")), KINDS.map((k) => h("option", { value: k }, t(`search.kind.${k}` as Key))));
  const status = h("select", { "data-testid": "search-status" }, h("option", { value: "" }, t("search.anyStatus")), STATUSES.map((s) => h("option", { value: s }, t(`status.${s}` as Key))));
  const section = h("input", { "data-testid": "search-section", placeholder: t("search.section"), size: 10 });
  const person = h("input", { "data-testid": "search-person", placeholder: t("search.person"), size: 12 });
  const from = h("input", { type: "date", "data-testid": "search-from", title: t("search.from") });
  const to = h("input", { type: "date", "data-testid": "search-to", title: t("search.to") });
  const results = h("div", { class: "search-results", "data-testid": "search-results", role: "listbox" });
  const detail = h("div", { class: "search-detail", "data-testid": "search-detail" });

  function query(): SearchQuery {
    const q: SearchQuery = { text: input.value, kinds: kind.value ? [kind.value as SearchKind] : [], include_trashed: false, limit: 30 };
    if (status.value) q.status = status.value as Status;
    if (section.value.trim()) q.section = section.value.trim();
    if (person.value.trim()) q.person = person.value.trim();
    if (from.value) q.from = from.value;
    if (to.value) q.to = to.value;
    return q;
  }

  async function run() {
    const mine = ++seq;
    if (!input.value.trim()) {
      hits = [];
      await showRecent(mine);
      return;
    }
    try {
      const found = await api.search(query());
      if (mine !== seq) return; // a later key already asked again
      hits = found;
      active = -1; // the first hit is one arrow key away; Enter alone takes it
      render();
    } catch (e) {
      if (mine !== seq) return;
      replace(results, h("p", { class: "error" }, String((e as Error).message)));
    }
  }

  async function showRecent(mine: number) {
    const recent = await api.recentSearches().catch(() => []);
    if (mine !== seq) return;
    active = -1;
    replace(
      results,
      recent.length
        ? h(
            "div",
            {},
            h("div", { class: "field-label" }, t("search.recent"), " ", h("button", { class: "link", "data-testid": "search-clear-recent", onclick: async () => { await api.clearRecentSearches(); void run(); } }, t("search.clearRecent"))),
            recent.map((r) => h("div", { class: "search-recent", "data-testid": "search-recent", onclick: () => { input.value = r.text; input.focus(); void run(); } }, r.text)),
          )
        : h("p", { class: "muted" }, t("search.hint")),
    );
  }

  function render() {
    if (!hits.length) {
      replace(results, h("p", { class: "muted", "data-testid": "search-none" }, t("search.none")));
      return;
    }
    replace(
      results,
      hits.map((hit, i) =>
        h(
          "div",
          {
            class: i === active ? "search-hit active" : "search-hit",
            role: "option",
            "aria-selected": i === active ? "true" : "false",
            "data-testid": "search-hit",
            "data-kind": hit.kind,
            "data-id": hit.id,
            onmousemove: () => { if (active !== i) { active = i; mark(); } },
            onclick: () => { active = i; void choose(); },
          },
          h("div", { class: "search-hit-title" }, h("span", { class: "kind" }, t(`search.kind.${hit.kind}` as Key)), " ", runs(hit.title)),
          hit.snippet.length ? h("div", { class: "search-hit-snippet" }, runs(hit.snippet)) : null,
          h("div", { class: "muted small" }, [hit.section, hit.status ? t(`status.${hit.status}` as Key) : "", shortDate(hit.date, state.settings.time_zone, state.settings.language)].filter(Boolean).join(" · ")),
        ),
      ),
    );
  }

  function mark() {
    results.querySelectorAll<HTMLElement>("[data-testid=search-hit]").forEach((el, i) => {
      el.classList.toggle("active", i === active);
      el.setAttribute("aria-selected", i === active ? "true" : "false");
      if (i === active) el.scrollIntoView({ block: "nearest" });
    });
  }

  async function choose() {
    const hit = hits[active < 0 ? 0 : active];
    if (!hit) return;
    void api.rememberSearch(input.value).catch(() => undefined);
    if (hit.kind === "article") {
      close();
      onOpenArticle(hit.id, hit.match_offset ?? null, firstHit(hit.snippet) || firstHit(hit.title));
    } else if (hit.kind === "photo") {
      showPhoto(await api.getPhoto(hit.id));
    } else {
      showPerson(await api.getPerson(hit.id));
    }
  }

  function row(label: Key, value: string | null | undefined): Node | null {
    return value ? h("div", { class: "detail-row" }, h("span", { class: "field-label" }, t(label)), " ", value) : null;
  }

  function showPhoto(p: Photo) {
    const m = p.meta;
    replace(
      detail,
      h("h3", {}, m.headline || p.original_name),
      row("search.photo.description", m.description),
      row("search.photo.creator", m.creator),
      row("search.photo.credit", m.credit),
      row("search.photo.taken", m.taken_at),
      row("search.photo.file", `${p.original_name} · ${p.width}×${p.height}`),
    );
  }

  function showPerson(p: Person) {
    replace(
      detail,
      h("h3", {}, [p.honorific, p.full_name].filter(Boolean).join(" ")),
      row("search.person.short", p.short_name),
      p.posts.map((post) => row("search.person.post", post.name + (post.until ? ` (${post.from ?? ""}–${post.until})` : ""))),
      row("search.person.org", p.organisation),
      row("search.person.phone", p.phone),
      row("search.person.email", p.email),
    );
  }

  function close() {
    seq++;
    box.remove();
    openBox = null;
  }

  input.addEventListener("input", () => { replace(detail); void run(); });
  for (const f of [kind, status, section, person, from, to]) f.addEventListener("change", () => void run());
  for (const f of [section, person]) f.addEventListener("input", () => void run());

  const box = h(
    "div",
    { class: "modal search-modal", "data-testid": "search", onmousedown: (e: Event) => { if (e.target === box) close(); } },
    h(
      "div",
      { class: "modal-box wide search-box" },
      input,
      h("div", { class: "search-filters" }, kind, status, section, person, h("label", { class: "inline" }, t("search.from"), from), h("label", { class: "inline" }, t("search.to"), to)),
      h("div", { class: "search-body" }, results, detail),
    ),
  );
  box.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      active = e.key === "ArrowDown" ? Math.min(active + 1, hits.length - 1) : Math.max(active - 1, 0);
      mark();
    } else if (e.key === "Enter" && e.target === input) {
      e.preventDefault();
      void choose();
    }
  });
  document.body.append(box);
  openBox = box;
  input.focus();
  void run();
}
