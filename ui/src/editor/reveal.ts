// Opening a search hit at its place: from an offset in the body's plain text (as the
// core counts it: text blocks joined by a blank line, UTF-16 units) to a document position.
import type { Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { findMatches } from "./find";

/** The document position of UTF-16 offset `offset` in the body's plain text. */
export function positionAt(doc: PmNode, offset: number): number {
  let seen = 0;
  let found: number | null = null;
  let last = 1;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.isTextblock) return true;
    if (seen > 0) seen += 2; // "\n\n" between blocks
    let len = 0;
    node.forEach((child, at) => {
      if (found !== null) return;
      const piece = child.isText ? child.text! : child.type.name === "hardBreak" ? "\n" : "";
      if (offset <= seen + len + piece.length && offset >= seen + len) found = pos + 1 + at + (offset - seen - len);
      len += piece.length;
    });
    if (found === null && offset <= seen + len) found = pos + 1 + node.content.size;
    last = pos + 1 + node.content.size;
    seen += len;
    return false;
  });
  return found ?? last;
}

/** Selects the match of `word` nearest to `offset` (or puts the cursor there) and scrolls to it. */
export function revealAt(editor: Editor, offset: number, word: string): void {
  const doc = editor.state.doc;
  const pos = Math.min(positionAt(doc, offset), doc.content.size);
  const near = findMatches(doc, word).sort((a, b) => Math.abs(a.from - pos) - Math.abs(b.from - pos))[0];
  const sel = near ? TextSelection.create(doc, near.from, near.to) : TextSelection.create(doc, pos);
  editor.view.dispatch(editor.state.tr.setSelection(sel).scrollIntoView());
  editor.view.focus();
  // The editor was just attached: scroll its text block into view once laid out too.
  requestAnimationFrame(() => {
    const at = editor.view.domAtPos(sel.from).node;
    const el = at instanceof Element ? at : at.parentElement;
    el?.scrollIntoView({ block: "center" });
  });
}
