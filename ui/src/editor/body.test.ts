// Issue 3: pasting from Word or a web page keeps only what the schema allows, strips
// styles and scripts, refuses javascript: links and stores NFC; find; headline search.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Document } from "../bindings/Document";
import type { ArticleSummary } from "../bindings/ArticleSummary";
import { fold, searchHeadlines } from "../search";
import { createBodyEditor, type BodyEditor } from "./body";
import { findMatches } from "./find";

const empty: Document = { schema_version: 1, blocks: [] };
let open: BodyEditor | null = null;
// jsdom has no ClipboardEvent; ProseMirror only needs an event object to hand to handlers.
const pasteEvent = () => new Event("paste") as ClipboardEvent;

function editor(doc: Document = empty): BodyEditor {
  open = createBodyEditor(doc, () => {});
  document.body.append(open.element);
  return open;
}

afterEach(() => {
  open?.destroy();
  open?.element.remove();
  open = null;
});

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Times New Roman"}</style>
<script>window.pwned = 1</script></head><body>
<h1 style="color:red">Tít lớn</h1>
<h2 class="MsoHeading2"><span style="font-size:14pt">Tít phụ</span></h2>
<p class="MsoNormal" style="margin:0"><span style="font-family:Arial;color:#ff0000">Đoạn <b>đậm</b> và <i>nghiêng</i> và <span style="font-weight:bold">đậm kiểu Word</span></span><o:p></o:p></p>
<p><a href="javascript:alert(1)">liên kết xấu</a> <a href="https://baoquangtri.vn/x" onclick="evil()">liên kết tốt</a></p>
<table><tr><td>ô bảng</td></tr></table>
<blockquote><p>Trích dẫn</p></blockquote>
<ul><li>Một<ul><li>Một a</li></ul></li><li>Hai</li></ul>
<img src="x.png" onerror="evil()">
<iframe src="https://evil.example"></iframe>
</body></html>`;

describe("paste", () => {
  it("keeps only what the schema allows from Word HTML", () => {
    const b = editor();
    b.editor.view.pasteHTML(WORD_HTML, pasteEvent());
    const doc = b.document();
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/style|script|pwned|color|javascript|onclick|evil|iframe|Mso/i);
    const types = doc.blocks.map((x) => x.type);
    expect(types).toContain("heading");
    expect(types).toContain("quote");
    expect(types).toContain("list");
    const para = doc.blocks.find((x) => x.type === "paragraph" && JSON.stringify(x).includes("Đoạn"));
    expect(para).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Đoạn " },
        { type: "text", text: "đậm", marks: [{ type: "bold" }] },
        { type: "text", text: " và " },
        { type: "text", text: "nghiêng", marks: [{ type: "italic" }] },
        { type: "text", text: " và " },
        { type: "text", text: "đậm kiểu Word", marks: [{ type: "bold" }] },
      ],
    });
    expect(json).toContain("liên kết xấu");
    expect(json).toContain('"href":"https://baoquangtri.vn/x"');
    expect(json).toContain("ô bảng");
    // Only the levels the core allows.
    for (const b2 of doc.blocks) if (b2.type === "heading") expect([2, 3, 4]).toContain(b2.level);
  });

  it("normalises pasted text and HTML to NFC", () => {
    const b = editor();
    b.editor.view.pasteText("Đà Nẵng".normalize("NFD"), pasteEvent());
    b.editor.view.pasteHTML(`<p>${"Quảng Trị".normalize("NFD")}</p>`, pasteEvent());
    const json = JSON.stringify(b.document());
    expect(json).toBe(json.normalize("NFC"));
    expect(json).toContain("Đà Nẵng");
    expect(json).toContain("Quảng Trị");
  });

  it("takes 1 MB of pasted text whole, in chunks, keeping what is typed meanwhile", async () => {
    const b = editor({ schema_version: 1, blocks: [{ type: "paragraph", content: [{ type: "text", text: "Mở đầu." }] }] });
    b.editor.commands.setTextSelection(b.editor.state.doc.content.size - 1);
    const line = "Người dân Quảng Trị đón Tết trong niềm vui.\n";
    const text = line.repeat(Math.ceil(1_000_000 / line.length));
    b.editor.view.pasteText(text, pasteEvent());
    expect(b.element.dataset.pasting).toBe("true");
    // Typed while the rest is still going in: stays where it was typed.
    b.editor.commands.insertContent("GÕ THÊM");
    await vi.waitUntil(() => b.element.dataset.pasting === undefined, { timeout: 100_000, interval: 20 });
    const all = b.document();
    expect(all.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "Mở đầu.Người dân Quảng Trị đón Tết trong niềm vui." }] });
    expect(JSON.stringify(all.blocks.slice(0, 300))).toContain("GÕ THÊM");
    const doc = { blocks: all.blocks.filter((x) => !JSON.stringify(x).includes("Mở đầu") && !JSON.stringify(x).includes("GÕ THÊM")) };
    expect(doc.blocks.length).toBe(text.split("\n").filter(Boolean).length - 2);
    expect(doc.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: line.trim() }] });
    // jsdom renders slowly; this is a harness limit, not a speed check (the e2e measures it).
  }, 120_000);

  it("refuses a javascript: link typed in the link bar", () => {
    const b = editor({ schema_version: 1, blocks: [{ type: "paragraph", content: [{ type: "text", text: "bấm vào đây" }] }] });
    b.editor.commands.selectAll();
    b.openLink();
    const input = b.element.querySelector<HTMLInputElement>("[data-testid=link-input]")!;
    input.value = "javascript:alert(1)";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(b.element.querySelector("[data-testid=link-error]")!.textContent).not.toBe("");
    expect(JSON.stringify(b.document())).not.toContain("link");
    input.value = "https://baoquangtri.vn";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(JSON.stringify(b.document())).toContain('"href":"https://baoquangtri.vn"');
  });
});

describe("find", () => {
  it("finds every match, ignoring case and diacritics", () => {
    const b = editor({
      schema_version: 1,
      blocks: [
        { type: "paragraph", content: [{ type: "text", text: "Đà Nẵng và " }, { type: "text", text: "đà nẵng", marks: [{ type: "bold" }] }] },
        { type: "heading", level: 2, content: [{ type: "text", text: "DA NANG" }] },
      ],
    });
    const doc = b.editor.state.doc;
    const hits = findMatches(doc, "da nang");
    expect(hits.map((m) => doc.textBetween(m.from, m.to))).toEqual(["Đà Nẵng", "đà nẵng", "DA NANG"]);
    expect(findMatches(doc, "")).toEqual([]);
  });
});

describe("headline search", () => {
  const a = (id: string, headline: string) => ({ id, headline }) as ArticleSummary;
  const list = [a("1", "Đà Nẵng đón khách"), a("2", "Quảng Trị mùa lũ"), a("3", "Đường Hồ Chí Minh")];
  it.each([
    ["da nang", ["1"]],
    ["DUONG ho", ["3"]],
    ["quảng trị", ["2"]],
    ["d", ["1", "3"]],
    ["", []],
    ["không có", []],
  ])("%j finds %j", (q, ids) => {
    expect(searchHeadlines(list, q).map((x) => x.id)).toEqual(ids);
  });
  it("leaves out the article itself and those already picked", () => {
    expect(searchHeadlines(list, "d", ["1"]).map((x) => x.id)).toEqual(["3"]);
  });
  it("folds đ to d", () => {
    expect(fold("Đường")).toBe("duong");
  });
});
