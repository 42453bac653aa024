// The editor: headline, lead with the paper tag as a fixed prefix, body, live counts,
// autosave status, the metadata panel and the history panel.
import { api } from "../api";
import { Autosave, type SaveState } from "../autosave";
import type { Article } from "../bindings/Article";
import type { Byline } from "../bindings/Byline";
import type { Conflict } from "../bindings/Conflict";
import type { Role } from "../bindings/Role";
import { textToDocument } from "../body";
import { createBodyEditor } from "../editor/body";
import { setInterviewContext, watchCodes } from "../editor/interview";
import { articleDay } from "../interview";
import { revealAt } from "../editor/reveal";
import { placeOf, revealBlock } from "../editor/locate";
import { plainText } from "../prose";
import { searchHeadlines } from "../search";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import { state } from "../store";
import { charCount, shortTime, wordCount } from "../text";
import { renderHistory } from "./history";
import { showConflict } from "./conflict";
import { showSend } from "./bundle";
import { showShortcuts } from "./shortcuts";
import { createFigurePanel } from "./figures";
import { createProofPanel } from "./proof";
import { createPhotoTray, dropIndex, PHOTO_DRAG_TYPE } from "./tray";

import { createChecklistPanel } from "./checklist";
import { showExport } from "./export";
import { createWorkflowPanel } from "./workflow";
import { createPublishPanel } from "./publish";

const ROLES: Role[] = ["writer", "interviewer", "photographer", "translator", "compiler"];

export interface EditorHandle {
  element: HTMLElement;
  /** Places a photo at the end of the article (saving what is pending first). */
  placePhoto(photoId: string): Promise<void>;
  /** Reloads the article from the store (after photos were imported into it). */
  reload(): Promise<void>;
  /** Shows newly imported photos in the photo tray. */
  photosChanged(): void;
  /** Saves anything pending; resolves when stored. */
  flush(): Promise<void>;
  /** Puts the cursor at a search hit: `offset` in the lead-and-body text (UTF-16), the matched word. */
  reveal(offset: number | null, word: string): void;
  dispose(): void;
}

export function leadPrefix(tag: string): string {
  const trimmed = tag.trim();
  return trimmed ? `(${trimmed}) - ` : "";
}

export function openEditor(initial: Article, onListChanged: (closeEditor?: boolean) => void): EditorHandle {
  let article: Article = structuredClone(initial);
  const statusEl = h("span", { class: "save-status", "data-testid": "save-status", "data-state": "saved" }, t("status.saved"));

  const autosave = new Autosave(Number(initial.version), {
    save: api.saveArticle,
    onState: (s) => showState(s),
    onSaved: (a) => {
      article = { ...article, version: a.version, updated_at: a.updated_at };
      onListChanged();
      refreshHistory();
    },
  });

  function showState(s: SaveState) {
    // Body edits wait a moment before they reach autosave: until then nothing is "saved".
    if (s.kind === "saved" && bodyDirty) s = { kind: "dirty" };
    statusEl.dataset.state = s.kind;
    statusEl.textContent =
      s.kind === "error"
        ? t("status.error", { message: s.message })
        : t(`status.${s.kind}` as Key);
    if (s.kind === "conflict") handleConflict(s.conflict);
  }

  // The body is converted to the core document shortly after typing pauses, not per
  // keystroke: a 10,000-word body must not slow typing down.
  let bodyDirty = false;
  let bodyTimer: ReturnType<typeof setTimeout> | null = null;
  function syncBody() {
    if (bodyTimer) clearTimeout(bodyTimer);
    bodyTimer = null;
    if (!bodyDirty) return;
    bodyDirty = false;
    article.body = body.document();
    updateCounts();
  }
  /** A copy of the article to save. The body is never changed in place (each sync makes a new
   * one, sharing unchanged blocks), so only the rest is copied: cloning 10,000 words every
   * two seconds of typing would hold up keystrokes (issue 3). */
  function snapshot(): Article {
    const { body, ...rest } = article;
    return { ...structuredClone(rest), body };
  }
  function changed() {
    proofing?.changed();
    syncBody();
    autosave.change(snapshot());
  }
  // Typing without a pause still reaches the store: at most every MAX_WAIT ms.
  const BODY_DEBOUNCE = 200;
  const MAX_WAIT = 2000;
  let dirtySince = 0;
  function bodyChanged() {
    proofing?.changed();
    if (!bodyDirty) dirtySince = performance.now();
    bodyDirty = true;
    if (autosave.current.kind === "saved") showState({ kind: "dirty" });
    if (bodyTimer) clearTimeout(bodyTimer);
    const wait = Math.max(0, Math.min(BODY_DEBOUNCE, dirtySince + MAX_WAIT - performance.now()));
    bodyTimer = setTimeout(changed, wait);
  }

  // Headline
  const headline = h("input", {
    class: "headline-input",
    "data-testid": "headline",
    placeholder: t("editor.headline"),
    value: article.headline,
    oninput: () => {
      article.headline = headline.value;
      changed();
    },
  });

  // Lead: the tag is shown, not typed.
  const leadCount = h("span", { class: "count", "data-testid": "lead-count" });
  const leadWarn = h("span", { class: "warn", "data-testid": "lead-warning" });
  const lead = h("textarea", {
    class: "lead-input",
    "data-testid": "lead",
    rows: 3,
    placeholder: t("editor.lead"),
    oninput: () => {
      article.lead = lead.value;
      updateCounts();
      changed();
    },
  });
  lead.value = article.lead;

  // Body: the rich editor.
  const bodyCount = h("span", { class: "count", "data-testid": "body-count" });
  const pasteNotice = h("div", { class: "notice", "data-testid": "paste-notice", hidden: true });
  setInterviewContext({ articleId: article.id, day: articleDay(article.created_at, state.settings.time_zone) });
  // A person's `\code` expands in the headline and the lead too, as in the body and the forms.
  watchCodes(headline, (v) => {
    article.headline = v;
    changed();
  });
  watchCodes(lead, (v) => {
    article.lead = v;
    updateCounts();
    changed();
  });
  const body = createBodyEditor(article.body, bodyChanged, {
    convert: api.convertText,
    converted: (from) => {
      pasteNotice.textContent = t("proof.pasteConverted", { from: t(`proof.encoding.${from}` as Key) });
      pasteNotice.hidden = false;
      setTimeout(() => (pasteNotice.hidden = true), 8000);
    },
  });
  // Proofing (set up below, once the headline and lead exist).
  let proofing: ReturnType<typeof createProofPanel> | null = null;

  proofing = createProofPanel(article.id, body, [
    { id: "headline", get: () => headline.value, set: (v) => { headline.value = v; article.headline = v; changed(); } },
    { id: "lead", get: () => lead.value, set: (v) => { lead.value = v; article.lead = v; updateCounts(); changed(); } },
  ]);
  proofing.run();

  function updateCounts() {
    const lw = wordCount(lead.value);
    leadCount.textContent = t("editor.words", { words: lw, chars: charCount(lead.value) });
    const limit = state.settings.lead_word_limit;
    leadWarn.textContent = lw > limit ? t("editor.leadTooLong", { words: lw, limit }) : "";
    const text = plainText(article.body);
    bodyCount.textContent = t("editor.words", { words: wordCount(text), chars: charCount(text) });
  }
  updateCounts();

  // Metadata panel
  const section = h("input", {
    "data-testid": "section",
    value: article.section,
    oninput: () => {
      article.section = section.value;
      changed();
    },
  });
  const tags = h("input", {
    "data-testid": "tags",
    value: article.tags.join(", "),
    oninput: () => {
      article.tags = tags.value.split(",").map((s) => s.trim()).filter(Boolean);
      changed();
    },
  });
  const bylineBox = h("div", { class: "bylines" });
  function renderBylines() {
    replace(
      bylineBox,
      article.bylines.map((b: Byline, i: number) => {
        const name = h("input", {
          value: b.name,
          placeholder: t("meta.bylineName"),
          "data-testid": "byline-name",
          oninput: () => {
            article.bylines[i] = { ...article.bylines[i], name: name.value };
            changed();
          },
        });
        const role = h(
          "select",
          {
            onchange: () => {
              article.bylines[i] = { ...article.bylines[i], role: role.value as Role };
              changed();
            },
          },
          ROLES.map((r) => h("option", { value: r, selected: r === b.role }, t(`role.${r}` as Key))),
        );
        const remove = h("button", {
          class: "link",
          onclick: () => {
            article.bylines.splice(i, 1);
            renderBylines();
            changed();
          },
        }, t("meta.remove"));
        return h("div", { class: "byline-row" }, name, role, remove);
      }),
      h("button", {
        class: "link",
        "data-testid": "add-byline",
        onclick: () => {
          article.bylines.push({ name: "", role: "writer" });
          renderBylines();
        },
      }, t("meta.addByline")),
    );
  }
  renderBylines();

  // Related articles: picked by searching the headlines of the article list.
  const relatedBox = h("div", { class: "related" });
  const relatedResults = h("ul", { class: "related-results", "data-testid": "related-results" });
  const relatedSearch = h("input", {
    "data-testid": "related-search",
    placeholder: t("meta.relatedSearch"),
    oninput: () => showRelatedResults(),
  });
  function showRelatedResults() {
    const hits = searchHeadlines(state.list, relatedSearch.value, [article.id, ...article.related]);
    replace(
      relatedResults,
      relatedSearch.value.trim() && !hits.length ? h("li", { class: "muted" }, t("meta.relatedNone")) : null,
      hits.map((a) =>
        h("li", {}, h("button", {
          class: "link",
          "data-testid": "related-hit",
          onclick: () => {
            article.related.push(a.id);
            relatedSearch.value = "";
            renderRelated();
            changed();
          },
        }, a.headline || t("list.untitled"))),
      ),
    );
  }
  function renderRelated() {
    const headlineOf = (id: string) => state.list.find((a) => a.id === id)?.headline || id;
    replace(
      relatedBox,
      h("ul", { class: "related-list" }, article.related.map((id, i) =>
        h("li", { "data-testid": "related-item" }, headlineOf(id), " ", h("button", {
          class: "link",
          onclick: () => {
            article.related.splice(i, 1);
            renderRelated();
            changed();
          },
        }, t("meta.remove"))),
      )),
      relatedSearch,
      relatedResults,
    );
    showRelatedResults();
  }
  renderRelated();

  function saveNamed() {
    syncBody();
    void autosave.saveNow(snapshot(), t("editor.namedLabel"));
  }

  const historyBox = h("div", { class: "history", "data-testid": "history" });
  function refreshHistory() {
    void renderHistory(historyBox, article.id, async (restored) => {
      await autosave.flush();
      article = structuredClone(restored);
      autosave.resolved(Number(restored.version), null);
      reloadFields();
      onListChanged();
      refreshHistory();
    });
  }
  refreshHistory();

  /** Runs a photo desk change that saves a new version in the store, then shows that version. */
  async function storeChange(op: () => Promise<Article>): Promise<void> {
    if (bodyDirty) changed();
    await autosave.flush();
    const a = await op();
    article = structuredClone(a);
    autosave.resolved(Number(a.version), null);
    reloadFields();
    onListChanged();
    refreshHistory();
    await figurePanel.refresh();
  }
  const figurePanel = createFigurePanel(() => article.id, storeChange);
  void figurePanel.refresh();

  /** Places a photo before body block `at` (null: at the end). */
  const placePhotoAt = (photoId: string, at: number | null) =>
    storeChange(async () => (await api.placePhoto(article.id, photoId, at))[1]);
  /** The block after the one holding the cursor; the end when the body has no focus. */
  function cursorIndex(): number | null {
    if (!body.editor.isFocused && !bodyHadFocus) return null;
    return body.editor.state.selection.$from.index(0) + 1;
  }
  let bodyHadFocus = false;
  body.editor.on("blur", () => (bodyHadFocus = true));
  const tray = createPhotoTray((photoId) => placePhotoAt(photoId, cursorIndex()));
  void tray.refresh();

  // A library thumbnail dropped on the body is placed where it lands. Handled before
  // ProseMirror sees the drop, which would otherwise insert the dragged text.
  body.element.addEventListener("dragover", (e) => {
    if (e.dataTransfer?.types.includes(PHOTO_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  }, true);
  body.element.addEventListener("drop", (e) => {
    const photoId = e.dataTransfer?.getData(PHOTO_DRAG_TYPE);
    if (!photoId) return;
    e.preventDefault();
    e.stopPropagation();
    const view = body.editor.view;
    const hit = view.posAtCoords({ left: e.clientX, top: e.clientY });
    if (!hit) {
      void placePhotoAt(photoId, null);
      return;
    }
    const index = view.state.doc.resolve(hit.pos).index(0);
    const child = view.state.doc.maybeChild(index);
    let start = 0;
    for (let i = 0; i < index; i++) start += view.state.doc.child(i).nodeSize;
    const dom = child ? (view.nodeDOM(start) as HTMLElement | null) : null;
    void placePhotoAt(photoId, dropIndex(index, dom?.getBoundingClientRect?.() ?? null, e.clientY));
  }, true);

  // The workflow and the pre-publish checklist; a finding's path leads to its place.
  function jump(path: string) {
    const place = placeOf(path);
    if (place.kind === "headline" || place.kind === "unknown") {
      headline.focus();
      headline.scrollIntoView({ block: "center" });
    } else if (place.kind === "lead") {
      lead.focus();
      lead.scrollIntoView({ block: "center" });
    } else if (place.kind === "related") {
      const items = relatedBox.querySelectorAll<HTMLElement>("[data-testid=related-item]");
      (items[place.index] ?? relatedSearch).scrollIntoView({ block: "center" });
      relatedSearch.focus();
    } else {
      syncBody();
      revealBlock(body.editor, place.index);
      const b = article.body.blocks[place.index];
      if (b?.type === "figure" && place.field && place.field !== "photo") {
        void figurePanel.focusField(b.placement_id, place.field);
      }
    }
  }
  async function flushAll() {
    if (bodyDirty) changed();
    await autosave.flush();
  }
  const checklist = createChecklistPanel(() => article.id, jump, flushAll);
  const workflow = createWorkflowPanel({
    article: () => article,
    storeChange,
    checklist,
    openExport: () => {
      showExport(article.id, () => checklist.gate(t("export.title")));
    },
  });
  void workflow.refresh();
  // Publishing changes the status in the core: the article is read again afterwards.
  const publishing = createPublishPanel({
    article: () => article,
    checklist,
    reload: () => storeChange(() => api.getArticle(article.id)),
  });
  void publishing.refresh();

  function reloadFields() {
    headline.value = article.headline;
    lead.value = article.lead;
    bodyDirty = false;
    body.setDocument(article.body);
    section.value = article.section;
    tags.value = article.tags.join(", ");
    void workflow.refresh();
    void publishing.refresh();
    renderBylines();
    renderRelated();
    updateCounts();
    proofing?.run();
  }

  function handleConflict(conflict: Conflict) {
    showConflict(conflict, async (choice) => {
      const head = conflict.current;
      let next: Article;
      if (choice.kind === "theirs") {
        next = structuredClone(head);
        autosave.resolved(Number(head.version), null);
      } else {
        const base = choice.kind === "mine" ? conflict.yours : { ...conflict.yours, body: textToDocument(choice.body) };
        next = { ...structuredClone(base), version: head.version };
        autosave.resolved(Number(head.version), null);
        await autosave.saveNow(next);
      }
      article = next;
      reloadFields();
      refreshHistory();
      onListChanged();
    });
  }

  /** A conflict a bundle brought in (both laptops edited) is offered once, on opening. */
  async function offerBundleConflict() {
    const open = await api.bundleConflicts(article.id);
    const c = open[0];
    if (!c) return;
    const who = c.kept.author;
    showConflict(c, async (choice) => {
      if (choice.kind !== "theirs") {
        const base = choice.kind === "mine" ? c.yours : { ...c.yours, body: textToDocument(choice.body) };
        const next = { ...structuredClone(base), version: article.version };
        // Set first: the save callback then moves `article` to the saved version.
        article = next;
        await autosave.saveNow(next);
      }
      await api.resolveBundleConflict(c.kept.id);
      reloadFields();
      refreshHistory();
      onListChanged();
      void offerBundleConflict();
    }, {
      title: t("bundle.conflictTitle"),
      explain: t("bundle.conflictExplain"),
      mine: t("bundle.conflictIncoming", { who }),
      theirs: t("bundle.conflictHere"),
    });
  }
  void offerBundleConflict();

  const saveButton = h("button", {
    "data-testid": "save-named",
    title: "Ctrl+S",
    onclick: () => saveNamed(),
  }, t("action.save"));
  const trashButton = h("button", {
    class: "danger",
    "data-testid": "trash",
    onclick: async () => {
      await autosave.flush();
      await api.trashArticle(article.id);
      state.selected = null;
      onListChanged(true);
    },
  }, t("action.trash"));

  const element = h(
    "div",
    { class: "editor-layout" },
    h(
      "main",
      { class: "editor" },
      h("div", { class: "toolbar" }, statusEl, h("span", { class: "spacer" }),
        h("span", { class: "updated" }, shortTime(article.updated_at, state.settings.time_zone, state.settings.language)),
        h("button", { "data-testid": "shortcuts", title: "Ctrl+/", onclick: () => showShortcuts() }, t("shortcuts.button")),
        h("button", { "data-testid": "send-bundle", onclick: async () => { await autosave.flush(); showSend(article.id); } }, t("bundle.sendButton")),
        saveButton, trashButton),
      headline,
      h("label", { class: "field-label" }, t("editor.lead"), leadCount, leadWarn),
      h("div", { class: "lead-row" }, h("span", { class: "lead-prefix", "data-testid": "lead-prefix" }, leadPrefix(state.settings.paper_tag)), lead),
      h("label", { class: "field-label" }, t("editor.body"), bodyCount),
      pasteNotice,
      body.element,
    ),
    h(
      "aside",
      { class: "side" },
      workflow.element,
      publishing.element,
      checklist.element,
      proofing.element,
      h("h2", {}, t("meta.title")),
      h("label", {}, t("meta.section"), section),
      h("label", {}, t("meta.tags"), tags),
      h("div", { class: "field-label" }, t("meta.bylines")),
      bylineBox,
      h("div", { class: "field-label" }, t("meta.related")),
      relatedBox,
      h("h2", {}, t("figure.title")),
      figurePanel.element,
      h("h2", {}, t("tray.title")),
      tray.element,
      h("h2", {}, t("history.title")),
      historyBox,
    ),
  );

  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    const k = e.key.toLowerCase();
    if (k === "s") {
      e.preventDefault();
      saveNamed();
    } else if (k === "f" && body.element.contains(document.activeElement)) {
      // Find in the body from its own find bar; elsewhere Ctrl+F is the app-wide search.
      e.preventDefault();
      body.openFind();
    } else if (k === "/") {
      e.preventDefault();
      showShortcuts();
    }
  };
  window.addEventListener("keydown", onKey);

  return {
    element,
    placePhoto: (photoId) => placePhotoAt(photoId, null),
    reload: () => storeChange(() => api.getArticle(article.id)),
    photosChanged: () => void tray.refresh(),
    flush: () => {
      if (bodyDirty) changed();
      return autosave.flush();
    },
    reveal: (offset, word) => {
      // The search text is the lead, a blank line, then the body (the lead alone when the body is empty).
      const leadLen = article.lead.length;
      if (offset === null) {
        headline.focus();
      } else if (article.lead && offset < leadLen) {
        lead.focus();
        lead.setSelectionRange(offset, Math.min(leadLen, offset + word.length));
      } else {
        revealAt(body.editor, article.lead ? Math.max(0, offset - leadLen - 2) : offset, word);
      }
    },
    dispose: () => {
      window.removeEventListener("keydown", onKey);
      if (bodyTimer) clearTimeout(bodyTimer);
      autosave.dispose();
      proofing?.dispose();
      body.destroy();
    },
  };
}
