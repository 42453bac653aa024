// The export dialog's choices (issue 6): which ninjs version and whether originals go with
// the formats chosen, and how a progress step reads.
import { describe, expect, it } from "vitest";
import { setLang } from "../i18n";
import { progressText, renderOptions } from "./export";

describe("render options", () => {
  it("keeps the ninjs version only with ninjs or a package, the originals only with a package", () => {
    expect(renderOptions(["ninjs"], "3.1", true)).toEqual({ ninjs: "3.1", originals: false });
    expect(renderOptions(["package"], "3.1", true)).toEqual({ ninjs: "3.1", originals: true });
    expect(renderOptions(["html", "md"], "3.1", true)).toEqual({ ninjs: "2.2", originals: false });
    expect(renderOptions(["package", "html"], "2.2", false)).toEqual({ ninjs: "2.2", originals: false });
  });
});

describe("progress", () => {
  it("names the renditions being made in the user's language and files as they are", () => {
    setLang("vi");
    expect(progressText("rendition IMG_0042.JPG")).toBe("Đang tạo ảnh web từ IMG_0042.JPG…");
    setLang("en");
    expect(progressText("rendition IMG_0042.JPG")).toBe("Making the web picture of IMG_0042.JPG…");
    expect(progressText("package · images/photo-01-original.jpg")).toBe("package · images/photo-01-original.jpg");
  });
});
