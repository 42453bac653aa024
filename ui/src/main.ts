// The app: top bar, draft list, editor. Loads settings and the list, then waits for the writer.
import "./style.css";
import { api } from "./api";
import { h, replace } from "./dom";
import { setLang, t } from "./i18n";
import { state } from "./store";
import { openEditor, type EditorHandle } from "./views/editor";
import { renderList } from "./views/list";
import { showSearch } from "./views/search";
import { showSettings } from "./views/settings";
import { createPhotosView, type PhotosView } from "./views/photos";
import { loadRenditionsDir } from "./photos/files";
import { importStatusElement, listenImports, onImported, startImport } from "./photos/importer";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { loadProfiles, profileSwitch } from "./views/profiles";
import { filterBar, filtering, listFilter } from "./views/listfilter";
import { isBundle, listenBundleOpen, listenBundleProgress, showBundlePreview } from "./views/bundle";
import { checkWatchFolder, startWatching } from "./views/watch";
import type { Article } from "./bindings/Article";
import { showTemplatePicker } from "./views/templates";
import { showPeople } from "./views/people";

const root = document.getElementById("app")!;
const listBox = h("nav", { class: "list-pane", "data-testid": "draft-list" });
const editorBox = h("div", { class: "editor-pane" });
let editor: EditorHandle | null = null;
let view: "articles" | "photos" = "articles";
let photos: PhotosView | null = null;

async function refreshList(closeEditor = false): Promise<void> {
  state.list = !state.showTrash && filtering() ? await api.listFiltered(listFilter) : await api.listArticles(state.showTrash);
  if (closeEditor) closeCurrent();
  renderShell();
}

function closeCurrent() {
  editor?.dispose();
  editor = null;
  state.selected = null;
}

async function open(id: string): Promise<void> {
  if (state.showTrash) return;
  if (editor) await editor.flush();
  closeCurrent();
  performance.mark("open:start");
  const article = await api.getArticle(id);
  performance.mark("open:fetched");
  state.selected = id;
  editor = openEditor(article, (close) => void refreshList(close));
  performance.mark("open:built");
  renderShell();
}

async function openHit(id: string, offset: number | null, word: string): Promise<void> {
  if (view === "photos") await switchView("articles");
  if (state.showTrash) {
    state.showTrash = false;
    await refreshList();
  }
  await open(id);
  editor?.reveal(offset, word);
}

function search(): void {
  showSearch((id, offset, word) => void openHit(id, offset, word));
}

async function newDraft(): Promise<void> {
  if (editor) await editor.flush();
  const a = await api.createArticle({ headline: "", lead: "", bylines: [], section: "", tags: [] });
  state.showTrash = false;
  await refreshList();
  await open(a.id);
  (document.querySelector("[data-testid=headline]") as HTMLInputElement | null)?.focus();
}

async function fromTemplate(): Promise<void> {
  if (editor) await editor.flush();
  await showTemplatePicker(
    () => void newDraft(),
    async (a: Article) => {
      state.showTrash = false;
      if (view !== "articles") await switchView("articles");
      await refreshList();
      await open(a.id);
      (document.querySelector("[data-testid=headline]") as HTMLInputElement | null)?.focus();
    },
  );
}

function trashList(): HTMLElement {
  return h(
    "div",
    { class: "list" },
    state.list.map((a) =>
      h(
        "div",
        { class: "item", "data-testid": "trash-item", "data-id": a.id },
        h("span", { class: "headline" }, a.headline || t("list.untitled")),
        h(
          "span",
          { class: "actions" },
          h("button", { class: "link", onclick: async () => { await api.untrashArticle(a.id); await refreshList(); } }, t("action.untrash")),
          h("button", { class: "link danger", onclick: async () => { await api.purgeArticle(a.id); await refreshList(); } }, t("action.purge")),
        ),
      ),
    ),
  );
}

function renderShell(): void {
  replace(
    listBox,
    h(
      "div",
      { class: "list-head" },
      h("h2", {}, state.showTrash ? t("list.trash") : t("list.title")),
      h("button", {
        class: "link",
        "data-testid": "toggle-trash",
        onclick: async () => {
          state.showTrash = !state.showTrash;
          closeCurrent();
          await refreshList();
        },
      }, state.showTrash ? t("list.back") : t("list.trash")),
    ),
    state.showTrash ? null : filterBar(() => void refreshList()),
    state.showTrash && state.list.length ? trashList() : renderList((id) => void open(id)),
  );
  // Re-attaching the editor would take the focus away from the writer after every autosave.
  if (editor) {
    if (editorBox.firstChild !== editor.element) replace(editorBox, editor.element);
  }
  else replace(editorBox, h("p", { class: "empty" }, t("editor.empty")));
}

function topBar(): HTMLElement {
  return h(
    "header",
    { class: "topbar" },
    h("strong", { class: "brand" }, state.settings.paper_name || t("app.title")),
    h("button", { class: "primary", "data-testid": "new-draft", title: "Ctrl+N", onclick: () => void newDraft() }, t("action.new")),
    h("button", { "data-testid": "new-from-template", title: "Ctrl+Shift+N", onclick: () => void fromTemplate() }, t("template.button")),
    h("button", { "data-testid": "search-open", title: "Ctrl+K", onclick: () => search() }, t("search.button")),
    h("button", {
      class: view === "photos" ? "active" : undefined,
      "data-testid": "view-switch",
      "data-view": view,
      onclick: () => void switchView(view === "photos" ? "articles" : "photos"),
    }, view === "photos" ? t("view.articles") : t("view.photos")),
    h("button", { "data-testid": "people-open", onclick: () => void showPeople() }, t("people.title")),
    h("span", { class: "spacer" }),
    profileSwitch(() => void loadProfiles().then(restart).then(checkWatchFolder)),
    h("button", { "data-testid": "settings", onclick: () => void showSettings(() => void restart()) }, t("settings.title")),
    h("button", {
      "data-testid": "lang-switch",
      onclick: async () => {
        if (editor) await editor.flush();
        state.settings = await api.setSettings({ ...state.settings, language: state.settings.language === "vi" ? "en" : "vi" });
        await restart();
      },
    }, t("lang.switch")),
  );
}

/** Shows the articles (list and editor) or the photo library; the open article stays open. */
async function switchView(next: "articles" | "photos"): Promise<void> {
  if (editor) await editor.flush();
  view = next;
  layout();
  if (view === "photos") await photos?.refresh();
}

function layout(): void {
  photos = createPhotosView(async (photo) => {
    if (!editor) return;
    await switchView("articles");
    await editor?.placePhoto(photo.id);
  });
  const content = view === "photos" ? photos.element : h("div", { class: "panes" }, listBox, editorBox);
  replace(root, topBar(), content, importStatusElement());
}

async function restart(): Promise<void> {
  const selected = state.selected;
  closeCurrent();
  setLang(state.settings.language);
  layout();
  if (view === "photos") await photos?.refresh();
  await refreshList();
  if (selected) await open(selected);
}

/** After a bundle was imported: the list and the open article may have changed. */
async function afterBundle(): Promise<void> {
  const selected = state.selected;
  await refreshList(true);
  if (selected) await open(selected);
}

/** Files dropped on the window are imported (bundles are previewed first); onto the articles
 * view with an article open, photos are also placed in it. */
async function listenDrops(): Promise<void> {
  await listenImports();
  onImported((outcomes) => {
    if (view === "photos") void photos?.refresh();
    editor?.photosChanged();
    const placed = outcomes.some((o) => o.result.status !== "failed" && o.result.placement);
    if (placed && editor) void editor.reload();
  });
  await listenBundleProgress();
  await getCurrentWebview().onDragDropEvent((e) => {
    if (e.payload.type !== "drop") return;
    // A bundle opens its preview; everything else is a photo to import.
    const bundles = e.payload.paths.filter(isBundle);
    const others = e.payload.paths.filter((p) => !isBundle(p));
    if (bundles.length) void showBundlePreview(bundles[0], () => void afterBundle());
    if (!others.length) return;
    const article = view === "articles" && editor ? state.selected : null;
    void startImport(others, article);
  });
}

async function boot(): Promise<void> {
  state.info = await api.appInfo();
  if (state.info.open_error) {
    replace(
      root,
      h(
        "div",
        { class: "fatal", "data-testid": "store-error" },
        h("h1", {}, t("app.storeError")),
        h("p", {}, state.info.open_error.message),
        h("p", { class: "muted" }, t("app.dataDir", { dir: state.info.data_dir })),
      ),
    );
    return;
  }
  state.settings = await api.getSettings();
  await loadRenditionsDir();
  await loadProfiles();
  await listenDrops();
  await restart();
  await listenBundleOpen(() => void afterBundle());
  startWatching(() => void afterBundle());
}

window.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "n") {
    e.preventDefault();
    void (e.shiftKey ? fromTemplate() : newDraft());
  }
  // Ctrl+K everywhere (the body keeps it for a link when text is selected); Ctrl+F too,
  // except in the body, where it is the body's own find bar.
  const k = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && !e.defaultPrevented && (k === "k" || k === "f")) {
    if (k === "f" && document.activeElement?.closest(".body-wrap")) return;
    if (state.info?.open_error) return;
    e.preventDefault();
    search();
  }
});

window.addEventListener("beforeunload", () => {
  void editor?.flush();
});

void boot();
