// Issue 3: the editor's conversion is lossless over every block, inline and mark, and the
// editor stores NFC. Each case goes core → ProseMirror JSON → core, then through a real
// TipTap editor on the schema (which would drop anything the schema does not allow).
import { Editor } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { Block } from "./bindings/Block";
import type { Document } from "./bindings/Document";
import { bodyExtensions } from "./editor/schema";
import { documentToPm, isAllowedHref, pmNodesToDocument, pmToDocument, plainText, type TopNode } from "./prose";
import type { Node as PmNode } from "@tiptap/pm/model";

const doc = (...blocks: Block[]): Document => ({ schema_version: 1, blocks });
const p = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });

const interview: Block = {
  type: "interview",
  interviewer: "PV",
  labels: "full_then_short",
  speakers: [{ key: "s1", person_id: "p-1", honorific: "Ông", name: "Nguyễn Văn Hùng", short_label: "" }],
  turns: [
    { type: "question", blocks: [p("Thưa ông, mùa du lịch năm nay thế nào?")] },
    {
      type: "answer",
      speaker: "s1",
      blocks: [p("Rất khả quan."), { type: "paragraph", content: [{ type: "placeholder", prompt: "Câu trả lời" }] }],
      pull_quote: [{ type: "text", text: "Khách tăng mạnh" }],
    },
  ],
} as Block;

const voices: Block = {
  type: "voices",
  heading: [{ type: "text", text: "Ý kiến cử tri" }],
  voices: [
    {
      person_id: "p-2",
      honorific: "Đồng chí",
      name: "Lê Thị Mai",
      titles: ["Tỉnh ủy viên"],
      position: "Bí thư Huyện ủy Triệu Phong",
      pull_quote: [{ type: "placeholder", prompt: "Câu trích" }],
      statement: [p("Chúng tôi sẽ làm ngay.")],
    },
  ],
} as Block;

const CASES: [string, Document][] = [
  ["empty body", doc()],
  ["plain paragraph", doc(p("Đà Nẵng đón 1,2 triệu lượt khách."))],
  [
    "bold, italic, both, link, hard break",
    doc({
      type: "paragraph",
      content: [
        { type: "text", text: "Sở " },
        { type: "text", text: "Du lịch", marks: [{ type: "bold" }] },
        { type: "text", text: " cho biết", marks: [{ type: "italic" }] },
        { type: "text", text: " rất", marks: [{ type: "bold" }, { type: "italic" }] },
        { type: "hard_break" },
        { type: "text", text: "xem ", marks: [{ type: "bold" }, { type: "link", href: "https://baoquangtri.vn/a" }] },
        { type: "text", text: "thư", marks: [{ type: "link", href: "mailto:toasoan@baoquangtri.vn" }] },
        { type: "text", text: "gọi", marks: [{ type: "link", href: "tel:+842333852412" }] },
      ],
    }),
  ],
  ["headings 2, 3, 4", doc(...[2, 3, 4].map((level): Block => ({ type: "heading", level, content: [{ type: "text", text: `Tít cấp ${level}` }] })))],
  ["quote with two paragraphs", doc({ type: "quote", blocks: [p("Câu một."), p("Câu hai.")] })],
  [
    "nested lists",
    doc({
      type: "list",
      ordered: true,
      items: [
        { blocks: [p("Một"), { type: "list", ordered: false, items: [{ blocks: [p("Một a")] }, { blocks: [p("Một b")] }] }] },
        { blocks: [p("Hai")] },
      ],
    }),
  ],
  ["placeholder inline", doc({ type: "paragraph", content: [{ type: "text", text: "Ông " }, { type: "placeholder", prompt: "Họ tên" }] })],
  ["empty paragraph between paragraphs", doc(p("a"), { type: "paragraph", content: [] }, p("b"))],
  ["interview block", doc(p("Mở đầu."), interview)],
  ["voices block", doc(voices)],
  [
    "figure between paragraphs",
    doc(
      p("Trước ảnh."),
      { type: "figure", placement_id: "01a21e6d-a648-736a-b7b3-1004cfc7abf0", photo_id: "01a21e6d-a648-736a-b7b3-1004cfc7abf1" },
      p("Sau ảnh."),
    ),
  ],
];

function throughEditor(d: Document): Document {
  const editor = new Editor({ extensions: bodyExtensions(), content: documentToPm(d) });
  try {
    return pmToDocument(editor.getJSON());
  } finally {
    editor.destroy();
  }
}

describe("document ⇄ editor conversion", () => {
  it.each(CASES)("%s round-trips through the JSON", (_name, d) => {
    expect(pmToDocument(documentToPm(d))).toEqual(d);
  });

  it.each(CASES)("%s round-trips through a TipTap editor", (_name, d) => {
    expect(throughEditor(d)).toEqual(d);
  });

  it("stores NFC when the document arrives decomposed (NFD)", () => {
    const nfd = (s: string) => s.normalize("NFD");
    const input = doc(
      { type: "heading", level: 2, content: [{ type: "text", text: nfd("Tiếng Việt"), marks: [{ type: "bold" }] }] },
      { type: "paragraph", content: [{ type: "text", text: nfd("Đà Nẵng, Quảng Trị") }, { type: "placeholder", prompt: nfd("Câu hỏi") }] },
      { ...voices, voices: [{ ...(voices as Extract<Block, { type: "voices" }>).voices[0], name: nfd("Lê Thị Mai") }] } as Block,
    );
    expect("Đà Nẵng".normalize("NFD")).not.toBe("Đà Nẵng");
    const out = throughEditor(input);
    expect(JSON.stringify(out)).toBe(JSON.stringify(out).normalize("NFC"));
    expect(out.blocks[1]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Đà Nẵng, Quảng Trị" }, { type: "placeholder", prompt: "Câu hỏi" }],
    });
    expect(out).toEqual(JSON.parse(JSON.stringify(input).normalize("NFC")));
  });

  it("writes marks in one order and merges runs with the same marks", () => {
    const input = doc({
      type: "paragraph",
      content: [
        { type: "text", text: "a", marks: [{ type: "italic" }, { type: "bold" }] },
        { type: "text", text: "b", marks: [{ type: "bold" }, { type: "italic" }] },
        { type: "text", text: "" },
      ],
    });
    expect(throughEditor(input)).toEqual(
      doc({ type: "paragraph", content: [{ type: "text", text: "ab", marks: [{ type: "bold" }, { type: "italic" }] }] }),
    );
  });

  it("drops a link whose address is not allowed but keeps its text", () => {
    const pm = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "bấm", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    };
    expect(pmToDocument(pm)).toEqual(doc(p("bấm")));
  });

  it("counts the words an interview holds", () => {
    expect(plainText(doc(p("Một hai"), interview))).toContain("Khách tăng mạnh");
  });
});

/** The editor's top-level nodes, as `document()` hands them to `pmNodesToDocument`. */
function topNodes(editor: Editor): PmNode[] {
  const out: PmNode[] = [];
  editor.state.doc.forEach((n) => out.push(n));
  return out;
}

describe("converting only the blocks that changed (issue 3: typing in a long body)", () => {
  it.each(CASES)("%s converts to the same document as the whole-body conversion", (_name, d) => {
    const editor = new Editor({ extensions: bodyExtensions(), content: documentToPm(d) });
    try {
      const cache = new WeakMap<TopNode, Block[]>();
      expect(pmNodesToDocument(topNodes(editor), cache)).toEqual(pmToDocument(editor.getJSON()));
      // A second pass answers from the cache and still gives the same document.
      expect(pmNodesToDocument(topNodes(editor), cache)).toEqual(d);
    } finally {
      editor.destroy();
    }
  });

  it("after typing, converts the edited paragraph again and reuses the others", () => {
    const paras = Array.from({ length: 50 }, (_, i) => p(`Đoạn ${i} về Quảng Trị.`));
    const editor = new Editor({ extensions: bodyExtensions(), content: documentToPm(doc(...paras)) });
    try {
      const cache = new WeakMap<TopNode, Block[]>();
      pmNodesToDocument(topNodes(editor), cache);
      // Type at the end of paragraph 10.
      let end = 0;
      editor.state.doc.forEach((n, offset, i) => {
        if (i === 10) end = offset + n.nodeSize - 1;
      });
      editor.view.dispatch(editor.state.tr.insertText(" Tết", end));
      let conversions = 0;
      const counting = topNodes(editor).map((n) => {
        const wrapped: TopNode = cache.has(n) ? n : { toJSON: () => (conversions++, n.toJSON()) };
        return wrapped;
      });
      const out = pmNodesToDocument(counting, cache);
      expect(conversions).toBe(1);
      expect(out).toEqual(pmToDocument(editor.getJSON()));
      expect(out.blocks[10]).toEqual(p("Đoạn 10 về Quảng Trị. Tết"));
    } finally {
      editor.destroy();
    }
  });

  it("an editor holding one empty paragraph is an empty body", () => {
    const editor = new Editor({ extensions: bodyExtensions(), content: documentToPm(doc(p("x"))) });
    try {
      editor.commands.clearContent();
      expect(pmNodesToDocument(topNodes(editor), new WeakMap())).toEqual(doc());
    } finally {
      editor.destroy();
    }
  });
});

describe("link addresses", () => {
  it.each([
    ["https://baoquangtri.vn", true],
    ["HTTP://example.com", true],
    ["mailto:a@b.vn", true],
    ["tel:0233", true],
    ["javascript:alert(1)", false],
    [" JavaScript:alert(1)", false],
    ["data:text/html,x", false],
    ["file:///etc/passwd", false],
    ["https://a\u0000b", false],
    ["/relative", false],
  ])("%j allowed: %s", (href, ok) => {
    expect(isAllowedHref(href)).toBe(ok);
  });
});
