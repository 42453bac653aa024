// Proofing in the body: each text block's text with a map from character offsets back to
// document positions (so findings from the backend, which proofs block by block, land on the
// right characters), and a plugin that underlines findings by severity.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { ProofFinding } from "../bindings/ProofFinding";

/** The text of one text block and, for each character (Unicode scalar value), its position. */
export interface TextBlock {
  text: string;
  /** `at[i]` is the document position of character i; `at[text length]` is the block's end. */
  at: number[];
}

/** Inline atoms (a figure, a placeholder) stand in the proofed text as this one character. */
export const OBJECT = "\uFFFC";

/** Every text block of `doc`, in order, with its position map. */
export function textBlocks(doc: PmNode): TextBlock[] {
  const out: TextBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = "";
    const at: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        let o = 0;
        for (const c of child.text!) {
          at.push(pos + 1 + offset + o);
          text += c;
          o += c.length;
        }
      } else {
        at.push(pos + 1 + offset);
        text += child.type.name === "hardBreak" ? "\n" : OBJECT;
      }
    });
    at.push(pos + node.nodeSize - 1);
    out.push({ text, at });
    return false;
  });
  return out;
}

/** Between texts when the article is proofed as one text (so that a spelled-out
 * abbreviation or the article's tone style counts across paragraphs). */
export const SEPARATOR = "\n\n";

/** The texts joined with `SEPARATOR`, to proof as one. */
export function joinTexts(texts: string[]): string {
  return texts.join(SEPARATOR);
}

/** Splits the findings of `joinTexts(texts)` back into one list per text, with offsets
 * relative to that text. A finding across a separator belongs to no text and is dropped. */
export function splitFindings(texts: string[], findings: ProofFinding[]): ProofFinding[][] {
  const out: ProofFinding[][] = texts.map(() => []);
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += [...t].length + [...SEPARATOR].length;
  }
  for (const f of findings) {
    // The last text starting at or before the finding.
    let i = starts.length - 1;
    while (i > 0 && starts[i] > f.span.start_char) i--;
    const start = f.span.start_char - starts[i];
    const end = f.span.end_char - starts[i];
    if (i < 0 || end > [...texts[i]].length) continue;
    out[i].push({ ...f, span: { ...f.span, start_char: start, end_char: end } });
  }
  return out;
}

/** A finding placed in the body: document positions and what the backend said. */
export interface BodyFinding {
  from: number;
  to: number;
  finding: ProofFinding;
}

/** Places the findings of each block (same order as `textBlocks`) at document positions. */
export function placeFindings(blocks: TextBlock[], findings: ProofFinding[][]): BodyFinding[] {
  const out: BodyFinding[] = [];
  blocks.forEach((b, i) => {
    for (const f of findings[i] ?? []) {
      const from = b.at[f.span.start_char];
      const to = b.at[Math.min(f.span.end_char, b.at.length - 1)];
      if (from === undefined || to === undefined) continue;
      out.push({ from, to: Math.max(to, from), finding: f });
    }
  });
  return out;
}

export const proofKey = new PluginKey<ProofState>("proof");

interface ProofState {
  findings: BodyFinding[];
  decorations: DecorationSet;
}

function decorate(doc: PmNode, findings: BodyFinding[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findings
      .filter((f) => f.to > f.from)
      .map((f, i) =>
        Decoration.inline(f.from, f.to, {
          class: `proof proof-${f.finding.severity}`,
          "data-proof": String(i),
          "data-rule": f.finding.rule,
        }),
      ),
  );
}

/** The findings shown now, mapped through any edits made since they came. */
export function currentFindings(state: import("@tiptap/pm/state").EditorState): BodyFinding[] {
  return proofKey.getState(state)?.findings ?? [];
}

/** Sets the findings to underline (positions in the current document). */
export function setFindings(tr: Transaction, findings: BodyFinding[]): Transaction {
  return tr.setMeta(proofKey, findings);
}

/** The underline plugin: findings come in by `setFindings` and move with edits until replaced. */
export const Proofing = Extension.create({
  name: "proofing",
  addProseMirrorPlugins() {
    return [
      new Plugin<ProofState>({
        key: proofKey,
        state: {
          init: () => ({ findings: [], decorations: DecorationSet.empty }),
          apply(tr, prev, _old, state) {
            const next = tr.getMeta(proofKey) as BodyFinding[] | undefined;
            if (next) return { findings: next, decorations: decorate(state.doc, next) };
            if (!tr.docChanged) return prev;
            // An edit: keep what is still there, mapped; drop findings the edit touched.
            const findings: BodyFinding[] = [];
            for (const f of prev.findings) {
              const from = tr.mapping.mapResult(f.from, 1);
              const to = tr.mapping.mapResult(f.to, -1);
              if (from.deleted || to.deleted || to.pos - from.pos !== f.to - f.from) continue;
              findings.push({ ...f, from: from.pos, to: to.pos });
            }
            return { findings, decorations: decorate(state.doc, findings) };
          },
        },
        props: {
          decorations: (state) => proofKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
