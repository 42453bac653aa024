// The virtualised grid draws only the rows in view: 10,000 photos give a few dozen cells.
import { describe, expect, it } from "vitest";
import { CELL, visibleRows } from "./grid";

describe("visibleRows", () => {
  const cases: [number, number, number, [number, number]][] = [
    // scrollTop, height, rows, expected [first, last)
    [0, 600, 2000, [0, Math.ceil(600 / CELL) + 2]],
    [CELL * 1000, 600, 2000, [998, 1000 + Math.ceil(600 / CELL) + 2]],
    [CELL * 1999, 600, 2000, [1997, 2000]],
    [0, 600, 0, [0, 0]],
  ];
  it.each(cases)("scrollTop %d, height %d, %d rows", (top, height, rows, expected) => {
    expect(visibleRows(top, height, rows)).toEqual(expected);
  });
});
