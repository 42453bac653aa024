// Find in the body: every match of the query is highlighted, the current one is selected.
// Matching ignores case and Vietnamese diacritics (with đ→d), like the headline search.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { fold } from "../search";

export const findKey = new PluginKey<FindState>("find");

interface FindState {
  query: string;
  decorations: DecorationSet;
}

/** Positions [from, to) of every match of `query` in the text blocks of `doc`. */
export function findMatches(doc: PmNode, query: string): { from: number; to: number }[] {
  const q = fold(query);
  if (!q) return [];
  const out: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Text with a map from folded offsets back to document positions (folding keeps one
    // character per NFC character, so offsets line up).
    let text = "";
    const at: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        const chars = [...child.text!];
        let o = 0;
        for (const c of chars) {
          at.push(pos + 1 + offset + o);
          text += fold(c) || c;
          o += c.length;
        }
      } else {
        at.push(pos + 1 + offset);
        text += "\u0000";
      }
    });
    at.push(pos + node.nodeSize - 1);
    let i = text.indexOf(q);
    while (i >= 0) {
      out.push({ from: at[i], to: at[i + q.length] });
      i = text.indexOf(q, i + q.length);
    }
    return false;
  });
  return out;
}

function build(state: EditorState, query: string): DecorationSet {
  return DecorationSet.create(
    state.doc,
    findMatches(state.doc, query).map((m) => Decoration.inline(m.from, m.to, { class: "find-match" })),
  );
}

/** The find highlight plugin; set the query with `setFindQuery`. */
export const Find = Extension.create({
  name: "find",
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => ({ query: "", decorations: DecorationSet.empty }),
          apply(tr: Transaction, prev: FindState, _old, state) {
            const q = tr.getMeta(findKey) as string | undefined;
            if (q !== undefined) return { query: q, decorations: build(state, q) };
            if (!prev.query) return prev;
            return { query: prev.query, decorations: tr.docChanged ? build(state, prev.query) : prev.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => findKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
