// The rich body editor: TipTap on the schema of schema.ts, with a find bar (Ctrl+F) and a
// link bar (Ctrl+K). The core document is produced on demand (`document()`), not on every
// keystroke, so typing never waits on conversion or saving.
import { Editor } from "@tiptap/core";
import { Fragment, Slice, type Node as PmNode } from "@tiptap/pm/model";
import { TextSelection, type Transaction } from "@tiptap/pm/state";
import type { Document } from "../bindings/Document";
import { h } from "../dom";
import { t, type Key } from "../i18n";
import { documentToPm, isAllowedHref, pmNodesToDocument, type TopNode } from "../prose";
import type { Block } from "../bindings/Block";
import { Find, findKey, findMatches } from "./find";
import { installLatencyProbe } from "./latency";
import { Proofing } from "./proof";
import { bodyExtensions } from "./schema";
import { CodeExpansion } from "./codes";
import { FormGuard } from "./guard";
import type { Converted } from "../bindings/Converted";
import type { SourceEncoding } from "../bindings/SourceEncoding";

/** Paragraphs inserted per task when a large paste goes in. */
const PASTE_CHUNK = 250;

export interface BodyEditor {
  element: HTMLElement;
  editor: Editor;
  /** The body as the core document (NFC). */
  document(): Document;
  setDocument(doc: Document): void;
  openFind(): void;
  openLink(): void;
  destroy(): void;
}

/** Converts pasted plain text to NFC Unicode (the backend's `to_unicode`). */
export interface PasteConversion {
  convert(text: string): Promise<Converted>;
  /** Told when pasted text was converted from a legacy or decomposed encoding. */
  converted(from: SourceEncoding): void;
}

/** Pasted plain text up to this size is checked for legacy encodings before it goes in. */
const CONVERT_LIMIT = 256 * 1024;

/** Text that might be NFD, TCVN3 or VNI: combining marks or Latin-1 letters and signs. */
function mightBeLegacy(text: string): boolean {
  return /[\u0300-\u036f\u0080-\u00ff]/.test(text);
}

export function createBodyEditor(initial: Document, onChange: () => void, paste?: PasteConversion): BodyEditor {
  const mount = h("div", { class: "body-editor" });
  const editor = new Editor({
    element: mount,
    extensions: [...bodyExtensions(), Find, Proofing, CodeExpansion, FormGuard],
    content: documentToPm(initial),
    editorProps: {
      attributes: { class: "body-input", "data-testid": "body", spellcheck: "false" },
    },
    onUpdate: ({ transaction }) => {
      if (transaction.docChanged) onChange();
    },
  });

  // Find bar
  const findInput = h("input", { "data-testid": "find-input", placeholder: t("find.placeholder") });
  const findCount = h("span", { class: "count", "data-testid": "find-count" });
  let current = -1;
  function runFind(step: number) {
    const q = findInput.value;
    editor.view.dispatch(editor.state.tr.setMeta(findKey, q));
    const matches = findMatches(editor.state.doc, q);
    findCount.textContent = q ? t("find.count", { n: matches.length }) : "";
    if (!matches.length || step === 0) {
      current = -1;
      return;
    }
    current = (current + step + matches.length) % matches.length;
    const m = matches[current];
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(editor.state.doc, m.from, m.to)).scrollIntoView(),
    );
  }
  findInput.addEventListener("input", () => runFind(0));
  findInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      runFind(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      closeFind();
    }
  });
  const findBar = h(
    "div",
    { class: "bar find-bar", "data-testid": "find-bar", hidden: true },
    h("span", {}, t("find.title")),
    findInput,
    findCount,
    h("button", { class: "link", onclick: () => runFind(1) }, t("find.next")),
    h("button", { class: "link", onclick: () => closeFind() }, t("action.close")),
  );
  function closeFind() {
    findBar.hidden = true;
    findInput.value = "";
    editor.view.dispatch(editor.state.tr.setMeta(findKey, ""));
    editor.commands.focus();
  }

  // Link bar
  const linkInput = h("input", { "data-testid": "link-input", placeholder: "https://" });
  const linkError = h("span", { class: "warn", "data-testid": "link-error" });
  function applyLink() {
    const href = linkInput.value.trim();
    if (!href) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else if (!isAllowedHref(href)) {
      linkError.textContent = t("link.refused");
      return;
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    linkBar.hidden = true;
  }
  linkInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      applyLink();
    } else if (e.key === "Escape") {
      linkBar.hidden = true;
      editor.commands.focus();
    }
  });
  const linkBar = h(
    "div",
    { class: "bar link-bar", "data-testid": "link-bar", hidden: true },
    h("span", {}, t("link.title")),
    linkInput,
    h("button", { class: "link", "data-testid": "link-apply", onclick: () => applyLink() }, t("link.apply")),
    linkError,
  );

  // Formatting buttons (the same commands as the shortcuts); mousedown keeps the focus in the text.
  const button = (id: string, label: Key, title: Key, run: () => void) =>
    h("button", {
      class: `fmt fmt-${id}`,
      "data-testid": `fmt-${id}`,
      title: t(title),
      onmousedown: (e: Event) => e.preventDefault(),
      onclick: run,
    }, t(label));
  const chain = () => editor.chain().focus();
  const toolbar = h(
    "div",
    { class: "bar format-bar", role: "toolbar" },
    button("bold", "fmt.bold", "shortcuts.bold", () => chain().toggleBold().run()),
    button("italic", "fmt.italic", "shortcuts.italic", () => chain().toggleItalic().run()),
    button("h2", "fmt.h2", "shortcuts.h2", () => chain().toggleHeading({ level: 2 }).run()),
    button("h3", "fmt.h3", "shortcuts.h3", () => chain().toggleHeading({ level: 3 }).run()),
    button("h4", "fmt.h4", "shortcuts.h4", () => chain().toggleHeading({ level: 4 }).run()),
    button("quote", "fmt.quote", "shortcuts.quote", () => chain().toggleBlockquote().run()),
    button("bullets", "fmt.bullets", "shortcuts.bullets", () => chain().toggleBulletList().run()),
    button("numbers", "fmt.numbers", "shortcuts.numbers", () => chain().toggleOrderedList().run()),
    button("link", "fmt.link", "shortcuts.link", () => api.openLink()),
    button("find", "fmt.find", "shortcuts.find", () => api.openFind()),
  );

  const element = h("div", { class: "body-wrap" }, toolbar, findBar, linkBar, mount);

  const stopProbe = installLatencyProbe(editor.view.dom);

  // A very large paste (1 MB of text is ~18,000 paragraphs) is put in PASTE_CHUNK paragraphs
  // at a time, one chunk per task, so the window keeps answering while it goes in. The rest
  // is inserted after what went in before, mapped through whatever the writer types meanwhile.
  let pasting = 0;
  function pasteInChunks(nodes: PmNode[], openStart: number): void {
    pasting++;
    element.dataset.pasting = "true";
    const first = nodes.slice(0, PASTE_CHUNK);
    const tr = editor.state.tr.replaceSelection(new Slice(Fragment.fromArray(first), openStart, 0));
    // The boundary after the last pasted paragraph (the cursor ends inside it).
    const $end = tr.doc.resolve(tr.selection.head);
    let at = $end.depth >= 1 ? $end.after(1) : $end.pos;
    editor.view.dispatch(tr.scrollIntoView());
    let next = PASTE_CHUNK;
    const track = ({ transaction }: { transaction: Transaction }) => {
      at = transaction.mapping.map(at);
    };
    editor.on("transaction", track);
    const step = () => {
      if (editor.isDestroyed) return;
      const chunk = nodes.slice(next, next + PASTE_CHUNK);
      next += PASTE_CHUNK;
      editor.off("transaction", track);
      const fragment = Fragment.fromArray(chunk);
      editor.view.dispatch(editor.state.tr.insert(at, fragment));
      at += fragment.size;
      editor.on("transaction", track);
      if (next < nodes.length) setTimeout(step, 0);
      else {
        editor.off("transaction", track);
        if (--pasting === 0) delete element.dataset.pasting;
      }
    };
    if (next < nodes.length) setTimeout(step, 0);
    else {
      editor.off("transaction", track);
      if (--pasting === 0) delete element.dataset.pasting;
    }
  }

  // Blocks already converted, by the (immutable) top-level node they came from.
  const converted = new WeakMap<TopNode, Block[]>();
  const api: BodyEditor = {
    element,
    editor,
    document: () => {
      const nodes: PmNode[] = [];
      editor.state.doc.forEach((n) => nodes.push(n));
      return pmNodesToDocument(nodes, converted);
    },
    setDocument: (doc) => {
      editor.commands.setContent(documentToPm(doc), { emitUpdate: false });
    },
    openFind: () => {
      findBar.hidden = false;
      const { from, to } = editor.state.selection;
      if (to > from && to - from < 200) findInput.value = editor.state.doc.textBetween(from, to);
      findInput.focus();
      findInput.select();
      runFind(0);
    },
    openLink: () => {
      linkBar.hidden = false;
      linkError.textContent = "";
      linkInput.value = String(editor.getAttributes("link").href ?? "");
      linkInput.focus();
    },
    destroy: () => {
      stopProbe();
      editor.destroy();
    },
  };
  editor.setOptions({
    editorProps: {
      ...editor.options.editorProps,
      handlePaste: (view, event, slice) => {
        const plain = event.clipboardData?.getData("text/plain") ?? "";
        const html = event.clipboardData?.getData("text/html") ?? "";
        if (paste && !html && plain && plain.length <= CONVERT_LIMIT && mightBeLegacy(plain)) {
          // Legacy text must be converted before it goes in; the paste waits for the answer.
          void paste.convert(plain).then(
            (c) => {
              if (editor.isDestroyed) return;
              view.pasteText(c.text);
              if (c.from !== "unicode") paste.converted(c.from);
            },
            () => {
              if (!editor.isDestroyed) view.pasteText(plain);
            },
          );
          return true;
        }
        if (slice.content.childCount <= PASTE_CHUNK) return false;
        const nodes: PmNode[] = [];
        slice.content.forEach((n) => nodes.push(n));
        pasteInChunks(nodes, slice.openStart);
        return true;
      },
      handleKeyDown: (_view, e) => {
        if (!(e.ctrlKey || e.metaKey)) return false;
        const k = e.key.toLowerCase();
        if (k === "f") {
          e.preventDefault();
          api.openFind();
          return true;
        }
        // Ctrl+K makes a link from a selection (or edits the link at the cursor); with
        // nothing to link it is left to the app-wide search box.
        if (k === "k" && (!editor.state.selection.empty || editor.isActive("link"))) {
          e.preventDefault();
          api.openLink();
          return true;
        }
        return false;
      },
    },
  });
  return api;
}
