// Issue 5: the interview forms. The form fields map to the core blocks without loss
// (unchanged fields give back exactly what they were made from), template prompts stay
// prompts until replaced, the person line reads as the exports print it, and editing a
// voice in a real editor changes only that voice and survives the conversion both ways.
import { NodeSelection } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import type { Block } from "./bindings/Block";
import type { Document } from "./bindings/Document";
import type { Interview } from "./bindings/Interview";
import type { Person } from "./bindings/Person";
import type { VoiceSection } from "./bindings/VoiceSection";
import { createBodyEditor, type BodyEditor } from "./editor/body";
import {
  articleDay,
  blocksField,
  fieldBlocks,
  fieldInlines,
  fieldTitles,
  inlineField,
  lineText,
  moved,
  movedTo,
  personLine,
  removed,
  turnLabels,
} from "./interview";
import { codesField, describedOn, designationOn, filterPeople } from "./people";
import { documentToPm, pmToDocument } from "./prose";

const p = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });
const prompt = (text: string): Block => ({ type: "paragraph", content: [{ type: "placeholder", prompt: text }] });

const voices: VoiceSection = {
  heading: [{ type: "placeholder", prompt: "Tiêu đề phụ" }],
  voices: [
    {
      honorific: "Đồng chí",
      name: "Lê Văn Tám",
      titles: ["Ủy viên BTV Tỉnh ủy"],
      position: "Bí thư Huyện ủy Gio Linh",
      pull_quote: [{ type: "text", text: "Phải lắng nghe dân" }],
      statement: [p("Tôi cho rằng…"), { type: "paragraph", content: [{ type: "text", text: "Đậm", marks: [{ type: "bold" }] }] }],
    },
    { honorific: "", name: "", titles: [], position: "", pull_quote: [{ type: "placeholder", prompt: "Câu nói" }], statement: [prompt("Ý kiến")] },
  ],
};

describe("form fields", () => {
  it("an unchanged field gives back exactly what it was made from", () => {
    const v = voices.voices[0];
    expect(fieldInlines(inlineField(v.pull_quote).text, v.pull_quote)).toBe(v.pull_quote);
    expect(fieldBlocks(blocksField(v.statement).text, v.statement)).toBe(v.statement);
    expect(fieldInlines(inlineField(voices.heading).text, voices.heading)).toBe(voices.heading);
  });

  it("a prompt shows as the field's prompt, never as its text, and comes back when the field is emptied", () => {
    const v = voices.voices[1];
    expect(inlineField(v.pull_quote)).toEqual({ text: "", prompt: "Câu nói" });
    expect(blocksField(v.statement)).toEqual({ text: "", prompt: "Ý kiến" });
    const typed = fieldInlines("Nói thẳng", v.pull_quote);
    expect(typed).toEqual([{ type: "text", text: "Nói thẳng" }]);
    expect(fieldInlines("  ", typed)).toEqual([]);
    expect(fieldInlines("", v.pull_quote)).toBe(v.pull_quote);
    expect(fieldBlocks(" ", [prompt("Ý kiến"), p("")])).toEqual([prompt("Ý kiến")]);
  });

  it("paragraphs are separated by blank lines; single new lines are line breaks; text is NFC", () => {
    const decomposed = "Tie\u0302\u0301ng";
    expect(fieldBlocks(`Một.\n\nHai\ndòng.\n\n\n${decomposed}`, [])).toEqual([
      p("Một."),
      { type: "paragraph", content: [{ type: "text", text: "Hai" }, { type: "hard_break" }, { type: "text", text: "dòng." }] },
      p("Tiếng"),
    ]);
    expect(fieldTitles(" Tỉnh ủy viên ;; Đại biểu HĐND tỉnh ")).toEqual(["Tỉnh ủy viên", "Đại biểu HĐND tỉnh"]);
  });

  it("the article's day is taken in the newsroom's time zone", () => {
    expect(articleDay("2026-11-30T18:30:00Z", "Asia/Ho_Chi_Minh")).toBe("2026-12-01");
    expect(articleDay("2026-11-30T18:30:00Z", "UTC")).toBe("2026-11-30");
    expect(articleDay("2026-11-30T18:30:00Z", "Not/AZone")).toBe("2026-11-30");
  });

  it("moving and removing", () => {
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 2, -2)).toEqual([3, 1, 2]);
    const same = [1, 2];
    expect(moved(same, 1, 1)).toBe(same);
    // A drag and drop: the item lands where the one it was dropped on was.
    expect(movedTo([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4]);
    expect(movedTo([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3]);
    expect(movedTo(same, 1, 1)).toBe(same);
    expect(movedTo(same, 0, 9)).toBe(same);
    expect(removed([1, 2, 3], 1)).toEqual([1, 3]);
  });
});

describe("printed lines", () => {
  const cases: [string, string, string[], string, string, string][] = [
    ["Đồng chí", "Lê Văn Tám", ["Ủy viên BTV Tỉnh ủy"], "Bí thư Huyện ủy Gio Linh", "Phải lắng nghe dân",
      "Đồng chí Lê Văn Tám, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy Gio Linh: “Phải lắng nghe dân”"],
    ["Bà", "Trần Thị Lan", [], "nông dân xã Hải Lăng", "“Đã có quotes”", "Bà Trần Thị Lan, nông dân xã Hải Lăng: “Đã có quotes”"],
    ["", " Hoàng Dũng ", ["", "Tỉnh ủy viên"], "", '"thẳng"', "Hoàng Dũng, Tỉnh ủy viên: “thẳng”"],
    ["Ông", "Phan Văn B", [], "", "  ", "Ông Phan Văn B"],
    ["", "", [], " ", "Chưa có tên", "“Chưa có tên”"],
  ];
  it.each(cases)("%s %s", (honorific, name, titles, position, quote, want) => {
    const line = personLine({ honorific, name, titles, position, pull_quote: [{ type: "text", text: quote }], statement: [] });
    expect(lineText(line)).toBe(want);
  });

  it("turn labels follow the house style", () => {
    const iv: Interview = {
      interviewer: "PV",
      labels: "full_then_short",
      speakers: [
        { key: "hung", honorific: "Ông", name: "Nguyễn Văn Hùng", short_label: "" },
        { key: "lan", honorific: "Bà", name: "Trần Thị Lan", short_label: "Bà Lan" },
      ],
      turns: [
        { type: "question", blocks: [] },
        { type: "answer", speaker: "hung", blocks: [] },
        { type: "answer", speaker: "lan", blocks: [] },
        { type: "question", blocks: [] },
        { type: "answer", speaker: "hung", blocks: [] },
      ],
    };
    expect(turnLabels(iv)).toEqual(["PV", "Ông Nguyễn Văn Hùng", "Bà Trần Thị Lan", "PV", "Ông Hùng"]);
    expect(turnLabels({ ...iv, labels: "short" })).toEqual(["PV", "Ông Hùng", "Bà Lan", "PV", "Ông Hùng"]);
    expect(turnLabels({ ...iv, labels: "full" })[4]).toBe("Ông Nguyễn Văn Hùng");
  });
});

describe("people", () => {
  const hung: Person = {
    id: "p1",
    honorific: "Ông",
    full_name: "Nguyễn Văn Hùng",
    short_name: "",
    posts: [
      { kind: "title", name: "Tỉnh ủy viên" },
      { kind: "position", name: "Giám đốc Sở Y tế", until: "2022-06-30" },
      { kind: "position", name: "Phó Chủ tịch UBND tỉnh", from: "2022-07-01" },
    ],
    organisation: "UBND tỉnh Quảng Trị",
    phone: "",
    email: "",
    notes: "",
    photographer: false,
    codes: ["nvh"],
    created_at: "",
    updated_at: "",
  };
  it("an article dated before a promotion shows the old position", () => {
    expect(designationOn(hung, "2021-12-01")).toEqual({ titles: ["Tỉnh ủy viên"], position: "Giám đốc Sở Y tế" });
    expect(describedOn(hung, "2023-01-01")).toBe("Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh");
  });
  it("the list filter ignores case and diacritics and finds codes", () => {
    expect(filterPeople([hung], "hung quang tri")).toHaveLength(1);
    expect(filterPeople([hung], "\\nvh")).toHaveLength(1);
    expect(filterPeople([hung], "lan")).toHaveLength(0);
    expect(codesField("\\NVH, hung  x")).toEqual(["nvh", "hung", "x"]);
  });
});

describe("the voices form in a real editor", () => {
  let open: BodyEditor | null = null;
  afterEach(() => {
    open?.destroy();
    open?.element.remove();
    open = null;
  });
  const doc: Document = { schema_version: 1, blocks: [p("Lời dẫn."), { type: "voices", ...voices }] };

  function type(el: Element, value: string) {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  it("typing with the whole block selected does not replace it", () => {
    open = createBodyEditor(doc, () => {});
    document.body.append(open.element);
    const view = open.editor.view;
    let at = -1;
    view.state.doc.forEach((n, offset) => {
      if (n.type.name === "voices") at = offset;
    });
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, at)));
    const refused = view.someProp("handleTextInput", (f) => f(view, at, at + 1, "B", () => view.state.tr.insertText("B")));
    expect(refused).toBe(true);
    expect(open.document()).toEqual(doc);
  });

  it("shows the person line, edits one field, reorders, and converts back without loss", () => {
    let changes = 0;
    open = createBodyEditor(doc, () => changes++);
    document.body.append(open.element);
    expect(open.document()).toEqual(doc);
    const lines = [...open.element.querySelectorAll("[data-testid=voice-line]")].map((e) => e.textContent);
    expect(lines[0]).toBe("Đồng chí Lê Văn Tám, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy Gio Linh: “Phải lắng nghe dân”");
    const quotes = open.element.querySelectorAll<HTMLInputElement>("[data-testid=voice-quote]");
    expect(quotes[1].value).toBe("");
    expect(quotes[1].placeholder).toBe("Câu nói");

    const names = open.element.querySelectorAll("[data-testid=voice-name]");
    type(names[1], "Trần Thị Lan");
    type(open.element.querySelectorAll("[data-testid=voice-statement]")[1], "Tôi đồng ý.\n\nĐoạn hai.");
    expect(changes).toBeGreaterThan(0);
    // The form is kept while typing (the writer's focus stays in the field).
    expect(open.element.querySelectorAll("[data-testid=voice-name]")[1]).toBe(names[1]);
    let got = open.document().blocks[1] as Extract<Block, { type: "voices" }>;
    expect(got.voices[1].name).toBe("Trần Thị Lan");
    expect(got.voices[1].statement).toEqual([p("Tôi đồng ý."), p("Đoạn hai.")]);
    expect(got.voices[1].pull_quote).toEqual([{ type: "placeholder", prompt: "Câu nói" }]);
    // The first voice, untouched, keeps its marks.
    expect(got.voices[0]).toEqual(voices.voices[0]);
    expect(open.element.querySelectorAll("[data-testid=voice-line]")[1].textContent).toBe("Trần Thị Lan");

    (open.element.querySelectorAll("[data-testid=voice-up]")[1] as HTMLButtonElement).click();
    got = open.document().blocks[1] as Extract<Block, { type: "voices" }>;
    expect(got.voices.map((v) => v.name)).toEqual(["Trần Thị Lan", "Lê Văn Tám"]);
    // Alt+↓ in a field moves its voice down and keeps the cursor in that field.
    const st = open.element.querySelectorAll<HTMLElement>("[data-testid=voice-statement]")[0];
    st.focus();
    st.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", altKey: true, bubbles: true }));
    got = open.document().blocks[1] as Extract<Block, { type: "voices" }>;
    expect(got.voices.map((v) => v.name)).toEqual(["Lê Văn Tám", "Trần Thị Lan"]);
    expect(document.activeElement).toBe(open.element.querySelectorAll("[data-testid=voice-statement]")[1]);
    (open.element.querySelectorAll("[data-testid=voice-up]")[1] as HTMLButtonElement).click();
    (open.element.querySelector("[data-testid=voice-add]") as HTMLButtonElement).click();
    expect(open.element.querySelectorAll("[data-testid=voice]")).toHaveLength(3);

    // Undo walks the edits back (jsdom has no layout: give the scroll an empty one).
    (document.activeElement as HTMLElement).blur();
    const rects = { getClientRects: () => [], getBoundingClientRect: () => new DOMRect() };
    Object.assign(Range.prototype, rects);
    open.editor.commands.undo();
    expect(open.element.querySelectorAll("[data-testid=voice]")).toHaveLength(2);

    // The edited document goes through the conversion both ways unchanged.
    const now = open.document();
    expect(pmToDocument(documentToPm(now))).toEqual(now);
  });
});

describe("the Q&A form in a real editor", () => {
  let open: BodyEditor | null = null;
  afterEach(() => {
    open?.destroy();
    open?.element.remove();
    open = null;
  });
  const iv: Interview = {
    interviewer: "PV",
    labels: "full_then_short",
    speakers: [{ key: "s1", honorific: "Ông", name: "Nguyễn Văn Hùng", short_label: "" }],
    turns: [
      { type: "question", blocks: [prompt("Câu hỏi")] },
      { type: "answer", speaker: "s1", blocks: [p("Chúng tôi tập trung vào y tế cơ sở. Đó là ưu tiên.")] },
      { type: "question", blocks: [p("Còn khó khăn?")] },
      { type: "answer", speaker: "s1", blocks: [p("Còn nhiều.")] },
    ],
  };
  const doc: Document = { schema_version: 1, blocks: [{ type: "interview", ...iv }] };

  it("labels turns as printed, lifts a pull-quote, reorders and adds turns", () => {
    open = createBodyEditor(doc, () => {});
    document.body.append(open.element);
    const labels = () => [...open!.element.querySelectorAll("[data-testid=turn-label]")].map((e) => e.textContent);
    expect(labels()).toEqual(["PV: ", "Ông Nguyễn Văn Hùng: ", "PV: ", "Ông Hùng: "]);
    expect(open.element.querySelectorAll<HTMLTextAreaElement>("[data-testid=turn-text]")[0].placeholder).toBe("Câu hỏi");

    (open.element.querySelector("[data-testid=turn-lift]") as HTMLButtonElement).click();
    let got = open.document().blocks[0] as Extract<Block, { type: "interview" }>;
    expect(got.turns[1]).toMatchObject({ pull_quote: [{ type: "text", text: "Chúng tôi tập trung vào y tế cơ sở." }] });
    expect(open.element.querySelector<HTMLInputElement>("[data-testid=turn-quote]")?.value).toBe("Chúng tôi tập trung vào y tế cơ sở.");

    (open.element.querySelectorAll("[data-testid=turn-down]")[0] as HTMLButtonElement).click();
    expect(labels()).toEqual(["Ông Nguyễn Văn Hùng: ", "PV: ", "PV: ", "Ông Hùng: "]);
    (open.element.querySelector("[data-testid=turn-add-answer]") as HTMLButtonElement).click();
    got = open.document().blocks[0] as Extract<Block, { type: "interview" }>;
    expect(got.turns).toHaveLength(5);
    expect(got.turns[4]).toEqual({ type: "answer", speaker: "s1", blocks: [] });
    const interviewer = open.element.querySelector("[data-testid=interview-interviewer]")!;
    (interviewer as HTMLInputElement).value = "Phóng viên";
    interviewer.dispatchEvent(new Event("input"));
    expect(labels()[1]).toBe("Phóng viên: ");
    expect(pmToDocument(documentToPm(open.document()))).toEqual(open.document());
  });
});
