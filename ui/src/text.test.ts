import { describe, expect, it } from "vitest";
import { charCount, shortDate, shortTime, wordCount } from "./text";
import { _tables } from "./i18n";

describe("counts mirror the core", () => {
  it.each([
    ["", 0, 0],
    ["Đà Nẵng", 2, 7],
    ["  Quảng   Trị - 2017 ", 3, 21],
    ["“Việc”, nói.", 2, 12],
  ])("%j has %i words and %i characters", (text, words, chars) => {
    expect(wordCount(text)).toBe(words);
    expect(charCount(text)).toBe(chars);
  });
});

describe("times in the newsroom's zone", () => {
  it("formats like the core's short_time", () => {
    expect(shortTime("2017-03-07T23:53:00Z", "Asia/Ho_Chi_Minh", "vi")).toBe("08/03/2017 06:53");
    expect(shortTime("2017-03-07T23:53:00Z", "Asia/Ho_Chi_Minh", "en")).toBe("Mar 8, 2017 06:53");
    expect(shortDate("2017-03-07T23:53:00Z", "Asia/Ho_Chi_Minh", "vi")).toBe("08/03/2017");
    expect(shortDate("2017-03-07T23:53:00Z", "Asia/Ho_Chi_Minh", "en")).toBe("Mar 8, 2017");
  });
});

describe("translations", () => {
  it("have the same keys in Vietnamese and English, none empty", () => {
    const vi = Object.keys(_tables.vi).sort();
    const en = Object.keys(_tables.en).sort();
    expect(en).toEqual(vi);
    for (const table of [_tables.vi, _tables.en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe("");
  });
});
