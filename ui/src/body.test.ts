import { describe, expect, it } from "vitest";
import { documentToText, textToDocument } from "./body";

describe("plain body conversion", () => {
  it.each([
    ["Đoạn một.\n\nĐoạn hai.", "Đoạn một.\n\nĐoạn hai."],
    ["dòng\ntiếp\n\n\n\nđoạn", "dòng\ntiếp\n\nđoạn"],
    ["## Tiêu đề phụ\n\nNội dung", "## Tiêu đề phụ\n\nNội dung"],
    ["  \n\n", ""],
  ])("%j round trips as %j", (input, want) => {
    expect(documentToText(textToDocument(input))).toBe(want);
  });

  it("stores NFC even when the input is decomposed", () => {
    const nfd = "Đà Nẵng".normalize("NFD");
    const doc = textToDocument(nfd);
    expect(doc.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "Đà Nẵng" }] });
  });
});
