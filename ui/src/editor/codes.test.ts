// Issue 5: a `\code` typed in the body expands to the person once a space closes it.
import { describe, expect, it, vi } from "vitest";
import { TextSelection } from "@tiptap/pm/state";
import { createBodyEditor } from "./body";

vi.mock("../api", () => ({
  api: {
    expandCodes: vi.fn(async (text: string) => ({
      text: text.replace("\\nvh", "Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế"),
      people: [],
    })),
  },
}));

function typeText(view: import("@tiptap/pm/view").EditorView, text: string) {
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp("handleTextInput", (f) => f(view, from, to, ch, () => view.state.tr));
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
  }
}

describe("code expansion in the body", () => {
  it("expands a known code and leaves an unknown one", async () => {
    const body = createBodyEditor({ schema_version: 1, blocks: [{ type: "paragraph", content: [{ type: "text", text: "Theo " }] }] }, () => {});
    document.body.append(body.element);
    const view = body.editor.view;
    view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)));
    typeText(view, "\\nvh cho biết \\xyz ");
    await vi.waitFor(() => expect(view.state.doc.textContent).toContain("Nguyễn Văn Hùng"));
    expect(view.state.doc.textContent).toBe("Theo Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế cho biết \\xyz ");
    body.destroy();
    body.element.remove();
  });
});
