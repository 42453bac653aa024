import { describe, expect, it } from "vitest";
import { dropIndex } from "./tray";

describe("dropIndex", () => {
  const rect = { top: 100, height: 40 };
  it.each([
    ["upper half of block 2 goes before it", 2, rect, 110, 2],
    ["lower half of block 2 goes after it", 2, rect, 130, 3],
    ["exactly the middle stays before", 2, rect, 120, 2],
    ["no box (an empty body) keeps the index", 0, null, 500, 0],
  ])("%s", (_name, index, r, y, want) => {
    expect(dropIndex(index as number, r as typeof rect | null, y as number)).toBe(want);
  });
});
