// Where a checklist finding points: its field path (`headline`, `lead`,
// `body.blocks[4].credit`, `related[1]`, …) read into a place the editor can show.
import type { Editor } from "@tiptap/core";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";

export type Place =
  | { kind: "headline" }
  | { kind: "lead" }
  | { kind: "block"; index: number; field: string | null }
  | { kind: "related"; index: number }
  | { kind: "unknown" };

/** Reads a finding's path. Nested paths inside a block (`content[2]`, `voices[1].name`) keep the block. */
export function placeOf(path: string): Place {
  if (path === "headline") return { kind: "headline" };
  if (path === "lead") return { kind: "lead" };
  const block = /^body\.blocks\[(\d+)\](?:\.([a-z_]+))?/.exec(path);
  if (block) return { kind: "block", index: Number(block[1]), field: block[2] ?? null };
  const related = /^related\[(\d+)\]/.exec(path);
  if (related) return { kind: "related", index: Number(related[1]) };
  return { kind: "unknown" };
}

/** The document position where top-level block `index` starts (the last one when out of range). */
export function blockStart(editor: Editor, index: number): { pos: number; atom: boolean } {
  const doc = editor.state.doc;
  let pos = 0;
  const last = Math.max(0, Math.min(index, doc.childCount - 1));
  for (let i = 0; i < last; i++) pos += doc.child(i).nodeSize;
  const node = doc.childCount ? doc.child(last) : null;
  return { pos, atom: !!node && (node.isAtom || !node.isTextblock) };
}

/** Selects top-level block `index` (a figure or interview as a whole; text at its start) and scrolls to it. */
export function revealBlock(editor: Editor, index: number): void {
  const { pos, atom } = blockStart(editor, index);
  const doc = editor.state.doc;
  const sel = atom && doc.nodeAt(pos) ? NodeSelection.create(doc, pos) : TextSelection.create(doc, Math.min(pos + 1, doc.content.size));
  editor.view.dispatch(editor.state.tr.setSelection(sel).scrollIntoView());
  editor.view.focus();
  requestAnimationFrame(() => {
    const dom = editor.view.nodeDOM(pos);
    (dom instanceof Element ? dom : dom?.parentElement)?.scrollIntoView({ block: "center" });
  });
}
