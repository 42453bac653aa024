// Issue 7: findings from the backend (character offsets per text block) land on the right
// document positions, also after an atom or a non-BMP character, and move with edits.
import { afterEach, describe, expect, it } from "vitest";
import type { Document } from "../bindings/Document";
import type { ProofFinding } from "../bindings/ProofFinding";
import { createBodyEditor, type BodyEditor } from "./body";
import { currentFindings, joinTexts, placeFindings, setFindings, splitFindings, textBlocks } from "./proof";
import { spliceChars } from "../views/proof";

let open: BodyEditor | null = null;
afterEach(() => {
  open?.destroy();
  open = null;
});

function editor(paragraphs: string[]): BodyEditor {
  const doc: Document = {
    schema_version: 1,
    blocks: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
  open = createBodyEditor(doc, () => {});
  return open;
}

function finding(text: string, start: number, fix: string | null = null): ProofFinding {
  const n = [...text].length;
  return {
    rule: "doubled-word",
    severity: "error",
    span: { start: 0, end: 0, start_char: start, end_char: start + n, line: 1, column: start + 1 },
    text,
    message_vi: "",
    message_en: "",
    suggestions: [],
    fix,
  };
}

describe("proofing positions", () => {
  const cases: { paras: string[]; block: number; text: string; start: number }[] = [
    { paras: ["các các chỉ tiêu"], block: 0, text: "các các", start: 0 },
    { paras: ["Một.", "Công ty đã đat được"], block: 1, text: "đat", start: 11 },
    { paras: ["😀 x , y"], block: 0, text: " ,", start: 3 },
  ];
  for (const c of cases) {
    it(`maps '${c.text}' in block ${c.block}`, () => {
      const ed = editor(c.paras);
      const blocks = textBlocks(ed.editor.state.doc);
      expect(blocks.map((b) => b.text)).toEqual(c.paras);
      const findings = c.paras.map((_, i) => (i === c.block ? [finding(c.text, c.start)] : []));
      const [placed] = placeFindings(blocks, findings);
      expect(ed.editor.state.doc.textBetween(placed.from, placed.to)).toBe(c.text);
    });
  }

  it("moves underlines with an edit before them and drops those an edit touched", () => {
    const ed = editor(["ab các các cd"]);
    const blocks = textBlocks(ed.editor.state.doc);
    const placed = placeFindings(blocks, [[finding("các các", 3), finding("cd", 11)]]);
    ed.editor.view.dispatch(setFindings(ed.editor.state.tr, placed));
    ed.editor.view.dispatch(ed.editor.state.tr.insertText("XY", 1));
    ed.editor.view.dispatch(ed.editor.state.tr.insertText("Z", placed[1].from + 2 + 1));
    const now = currentFindings(ed.editor.state);
    expect(now).toHaveLength(1);
    expect(ed.editor.state.doc.textBetween(now[0].from, now[0].to)).toBe("các các");
  });

  it("splits the findings of the joined article back per text", () => {
    const texts = ["Tít", "", "😀 các các", "x"];
    const joined = joinTexts(texts);
    const at = [...joined].indexOf("c");
    const [a, b, c, d] = splitFindings(texts, [finding("các các", at), finding("x", [...joined].length - 1)]);
    expect([a, b, d.length]).toEqual([[], [], 1]);
    expect(c[0].span.start_char).toBe(2);
    expect([...texts[2]].slice(c[0].span.start_char, c[0].span.end_char).join("")).toBe("các các");
    expect(d[0].span.start_char).toBe(0);
  });

  it("splices by characters, not UTF-16 units", () => {
    expect(spliceChars("😀 các các", 2, 9, "các")).toBe("😀 các");
  });
});
