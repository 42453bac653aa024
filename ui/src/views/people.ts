// The people directory: list and search, edit a person with dated titles and positions
// and their codes, add, remove, import a CSV (broken rows reported by line number).
import { api } from "../api";
import type { Person } from "../bindings/Person";
import type { Post } from "../bindings/Post";
import type { PostKind } from "../bindings/PostKind";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { codesField, describedOn, filterPeople } from "../people";

const KINDS: PostKind[] = ["title", "position"];

const today = () => new Date().toISOString().slice(0, 10);

function blankPerson(): Person {
  const now = new Date().toISOString();
  return {
    id: "",
    honorific: "",
    full_name: "",
    short_name: "",
    posts: [],
    organisation: "",
    phone: "",
    email: "",
    notes: "",
    photographer: false,
    codes: [],
    created_at: now,
    updated_at: now,
  };
}

/** Opens the directory. */
export async function showPeople(): Promise<void> {
  let people: Person[] = [];
  const search = h("input", { "data-testid": "people-search", placeholder: t("people.search") });
  const list = h("div", { class: "people-list", "data-testid": "people-list" });
  const detail = h("div", { class: "people-detail", "data-testid": "people-detail" });
  const report = h("div", { class: "people-report", "data-testid": "people-report" });
  const error = h("p", { class: "error", "data-testid": "people-error" });
  const file = h("input", { type: "file", accept: ".csv,text/csv", "data-testid": "people-import", hidden: true });
  const close = () => {
    dialog.remove();
    document.removeEventListener("keydown", onKey);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !(e.target as HTMLElement).closest?.("input, textarea")) close();
  };

  async function reload(select?: string) {
    try {
      people = await api.listPeople();
      error.textContent = "";
    } catch (e) {
      error.textContent = (e as Error).message;
    }
    drawList();
    const p = people.find((x) => x.id === select);
    if (p) edit(p);
  }

  function drawList() {
    const shown = filterPeople(people, search.value);
    replace(
      list,
      shown.length
        ? shown.map((p) =>
          h(
            "button",
            { class: "item", "data-testid": "people-row", "data-id": p.id, onclick: () => edit(p) },
            h("span", { class: "headline" }, describedOn(p, today()) || p.full_name),
            h("span", { class: "meta" }, [p.organisation, ...p.codes.map((c) => `\\${c}`)].filter(Boolean).join(" · ")),
          ),
        )
        : h("p", { class: "empty" }, t(people.length ? "people.noMatch" : "people.empty")),
    );
  }

  function edit(original: Person) {
    const p = structuredClone(original);
    const input = (key: Key, testid: string, value: string, set: (v: string) => void, type = "text") => {
      const el = h("input", { type, "data-testid": testid, value, oninput: () => set(el.value) });
      return h("label", {}, t(key), el);
    };
    const posts = h("div", { class: "posts", "data-testid": "person-posts" });
    const drawPosts = () =>
      replace(
        posts,
        p.posts.map((post: Post, i) => {
          const kind = h(
            "select",
            { "data-testid": "post-kind", onchange: () => (post.kind = kind.value as PostKind) },
            KINDS.map((k) => h("option", { value: k, selected: k === post.kind }, t(`people.kind.${k}` as Key))),
          );
          const name = h("input", { "data-testid": "post-name", value: post.name, placeholder: t("people.postName"), oninput: () => (post.name = name.value) });
          const from = h("input", { type: "date", "data-testid": "post-from", value: post.from ?? "", title: t("people.from"), onchange: () => (from.value ? (post.from = from.value) : delete post.from) });
          const until = h("input", { type: "date", "data-testid": "post-until", value: post.until ?? "", title: t("people.until"), onchange: () => (until.value ? (post.until = until.value) : delete post.until) });
          return h(
            "div",
            { class: "iv-row post", "data-testid": "post" },
            kind,
            name,
            h("span", { class: "muted" }, t("people.from")),
            from,
            h("span", { class: "muted" }, t("people.until")),
            until,
            h("button", { class: "iv-tool", title: t("people.removePost"), onclick: () => { p.posts.splice(i, 1); drawPosts(); } }, "✕"),
          );
        }),
        h("button", { class: "link", "data-testid": "post-add", onclick: () => { p.posts.push({ kind: "position", name: "" }); drawPosts(); } }, `+ ${t("people.addPost")}`),
      );
    drawPosts();
    const photographer = h("input", { type: "checkbox", "data-testid": "person-photographer", checked: p.photographer, onchange: () => (p.photographer = photographer.checked) });
    let confirmRemove = false;
    const removeBtn = h("button", {
      class: "danger",
      "data-testid": "person-remove",
      disabled: !p.id,
      onclick: async () => {
        if (!confirmRemove) {
          confirmRemove = true;
          removeBtn.textContent = t("people.removeConfirm");
          return;
        }
        try {
          await api.removePerson(p.id);
          replace(detail);
          await reload();
        } catch (e) {
          error.textContent = (e as Error).message;
        }
      },
    }, t("people.remove"));
    replace(
      detail,
      h("h3", {}, p.id ? p.full_name : t("people.new")),
      input("people.honorific", "person-honorific", p.honorific, (v) => (p.honorific = v)),
      input("people.fullName", "person-name", p.full_name, (v) => (p.full_name = v)),
      input("people.shortName", "person-short", p.short_name, (v) => (p.short_name = v)),
      h("h4", {}, t("people.posts")),
      posts,
      input("people.organisation", "person-organisation", p.organisation, (v) => (p.organisation = v)),
      input("people.phone", "person-phone", p.phone, (v) => (p.phone = v), "tel"),
      input("people.email", "person-email", p.email, (v) => (p.email = v), "email"),
      input("people.notes", "person-notes", p.notes, (v) => (p.notes = v)),
      input("people.codes", "person-codes", p.codes.map((c) => `\\${c}`).join(", "), (v) => (p.codes = codesField(v))),
      h("label", { class: "check" }, photographer, t("people.photographer")),
      h(
        "div",
        { class: "actions" },
        h("button", {
          class: "primary",
          "data-testid": "person-save",
          onclick: async () => {
            try {
              p.posts = p.posts.filter((x) => x.name.trim());
              const saved = p.id ? await api.updatePerson(p) : await api.addPerson(p);
              await reload(saved.id);
            } catch (e) {
              error.textContent = (e as Error).message;
            }
          },
        }, t("people.save")),
        removeBtn,
      ),
    );
  }

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const r = await api.importPeopleCsv(await f.text());
      replace(
        report,
        h("p", {}, t("people.imported", { added: r.added.length, skipped: r.skipped.length, problems: r.problems.length })),
        h("ul", {}, [...r.problems, ...r.skipped].map((x) => h("li", { "data-testid": "people-import-problem" }, t("people.line", { line: String(x.line) }), x.message))),
      );
      await reload();
    } catch (e) {
      replace(report, h("p", { class: "error" }, (e as Error).message));
    }
    file.value = "";
  });
  search.addEventListener("input", drawList);

  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "data-testid": "people-dialog" },
    h(
      "div",
      { class: "modal-box wide people" },
      h("h2", {}, t("people.title")),
      h(
        "div",
        { class: "iv-row" },
        search,
        h("button", { "data-testid": "people-add", onclick: () => edit(blankPerson()) }, `+ ${t("people.add")}`),
        h("button", { "data-testid": "people-import-open", onclick: () => file.click() }, t("people.import")),
        file,
      ),
      report,
      error,
      h("div", { class: "people-panes" }, list, detail),
      h("div", { class: "actions" }, h("button", { "data-testid": "people-close", onclick: close }, t("action.close"))),
    ),
  );
  document.body.append(dialog);
  document.addEventListener("keydown", onKey);
  search.focus();
  await reload();
}
