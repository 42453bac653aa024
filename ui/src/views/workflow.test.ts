// Issue 6: the pieces of the workflow UI that are pure — where a finding's path leads,
// how a move is named, which files an export report lists, what a finding says.
import { describe, expect, it } from "vitest";
import { placeOf } from "../editor/locate";
import { setLang } from "../i18n";
import { findingText } from "./checklist";
import { exportErrorText, writtenFiles } from "./export";
import { moveLabel } from "./workflow";

describe("placeOf", () => {
  it.each([
    ["headline", { kind: "headline" }],
    ["lead", { kind: "lead" }],
    ["body.blocks[4]", { kind: "block", index: 4, field: null }],
    ["body.blocks[4].credit", { kind: "block", index: 4, field: "credit" }],
    ["body.blocks[12].content[0]", { kind: "block", index: 12, field: "content" }],
    ["body.blocks[3].voices[1].name", { kind: "block", index: 3, field: "voices" }],
    ["related[1]", { kind: "related", index: 1 }],
    ["something.else", { kind: "unknown" }],
  ])("%s", (path, place) => {
    expect(placeOf(path)).toEqual(place);
  });
});

describe("moveLabel", () => {
  it("names a move by where it goes, restore for a spiked piece", () => {
    setLang("en");
    expect(moveLabel("draft", "submitted")).toBe("Submit");
    expect(moveLabel("submitted", "in_edit")).toBe("Take for edit");
    expect(moveLabel("in_edit", "approved")).toBe("Approve");
    expect(moveLabel("spiked", "draft")).toBe("Restore");
    expect(moveLabel("submitted", "draft")).toBe("Back to draft");
    expect(moveLabel("in_edit", "submitted")).toBe("Back to submitted");
    setLang("vi");
    expect(moveLabel("approved", "published")).toBe("Đánh dấu đã đăng");
  });
});

describe("writtenFiles", () => {
  const entry = (path: string) => ({ path, sha256: "00", bytes: 1 });
  it("lists one file, a zip, or each file of a package folder", () => {
    expect(writtenFiles({ path: "/tmp/x/tin.html", checksum: "", files: [entry("article.html")] })).toEqual(["/tmp/x/tin.html"]);
    expect(writtenFiles({ path: "/tmp/x/tin.zip", checksum: "", files: [entry("a"), entry("b")] })).toEqual(["/tmp/x/tin.zip"]);
    expect(writtenFiles({ path: "/tmp/x/tin", checksum: "", files: [entry("article.html"), entry("manifest.json")] })).toEqual([
      "/tmp/x/tin/article.html",
      "/tmp/x/tin/manifest.json",
    ]);
  });
});

describe("messages", () => {
  it("says known findings and errors in the user's language, others in the backend's words", () => {
    setLang("vi");
    expect(findingText({ path: "lead", code: "lead_empty", severity: "blocking", message: "the lead (sapo) is empty" })).toBe("Sapo đang trống");
    expect(findingText({ path: "body.blocks[1]", code: "voice_unnamed", severity: "blocking", message: "a voice has no name" })).toBe("a voice has no name");
    expect(exportErrorText({ code: "io", message: "writing '/ro/x.html': Permission denied" })).toContain("chỉ đọc");
    expect(exportErrorText({ code: "weird", message: "boom" })).toBe("Xuất bài không thành công. (boom)");
  });
});
