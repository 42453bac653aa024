import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveState } from "./autosave";
import type { Article } from "./bindings/Article";
import type { SaveOutcome } from "./bindings/SaveOutcome";

function article(headline: string, version = 1): Article {
  return {
    id: "0190c0de-0000-7000-8000-000000000001",
    version,
    headline,
    lead: "",
    body: { schema_version: 1, blocks: [] },
    bylines: [],
    section: "",
    tags: [],
    related: [],
    status: "draft",
    created_at: "2017-03-07T23:53:00Z",
    updated_at: "2017-03-07T23:53:00Z",
  };
}

describe("Autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, within the delay after typing stops, with the version it started from", async () => {
    const calls: [string, number][] = [];
    const states: string[] = [];
    let version = 1;
    const a = new Autosave(1, {
      delay: 800,
      save: async (art, expected) => {
        calls.push([art.headline, expected]);
        version += 1;
        return { outcome: "saved", article: { ...art, version } } as SaveOutcome;
      },
      onState: (s: SaveState) => states.push(s.kind),
    });
    a.change(article("Đ"));
    await vi.advanceTimersByTimeAsync(500);
    a.change(article("Đà"));
    await vi.advanceTimersByTimeAsync(500);
    a.change(article("Đà Nẵng"));
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toEqual([["Đà Nẵng", 1]]);
    expect(a.current.kind).toBe("saved");
    expect(a.baseVersion).toBe(2);
    expect(states).toContain("saving");
  });

  it("never runs two saves at once and saves what was typed during a save", async () => {
    let release!: () => void;
    const calls: [string, number][] = [];
    const a = new Autosave(1, {
      delay: 100,
      save: (art, expected) => {
        calls.push([art.headline, expected]);
        return new Promise<SaveOutcome>((resolve) => {
          release = () => resolve({ outcome: "saved", article: { ...art, version: expected + 1 } });
        });
      },
      onState: () => {},
    });
    a.change(article("một"));
    await vi.advanceTimersByTimeAsync(100);
    a.change(article("một hai"));
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.length).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual([
      ["một", 1],
      ["một hai", 2],
    ]);
    release();
    await a.flush();
    expect(a.current.kind).toBe("saved");
  });

  it("keeps the text after an error and retries", async () => {
    let fail = true;
    const saved: string[] = [];
    const a = new Autosave(1, {
      delay: 10,
      retryDelay: 1000,
      save: async (art, expected) => {
        if (fail) throw { code: "disk_full", message: "not saved: the disk is full" };
        saved.push(art.headline);
        return { outcome: "saved", article: { ...art, version: expected + 1 } };
      },
      onState: () => {},
    });
    a.change(article("quan trọng"));
    await vi.advanceTimersByTimeAsync(20);
    expect(a.current).toMatchObject({ kind: "error", code: "disk_full" });
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(["quan trọng"]);
    expect(a.current.kind).toBe("saved");
  });

  it("stops at a conflict and holds later edits until resolved", async () => {
    const calls: string[] = [];
    const a = new Autosave(1, {
      delay: 10,
      save: async (art, expected) => {
        calls.push(art.headline);
        if (calls.length === 1)
          return {
            outcome: "conflict",
            conflict: { current: article("của họ", 2), yours: { ...art, version: expected }, kept: {} as never },
          };
        return { outcome: "saved", article: { ...art, version: expected + 1 } };
      },
      onState: () => {},
    });
    a.change(article("của tôi"));
    await vi.advanceTimersByTimeAsync(20);
    expect(a.current.kind).toBe("conflict");
    a.change(article("của tôi nữa"));
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual(["của tôi"]);
    a.resolved(2, article("gộp"));
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toEqual(["của tôi", "gộp"]);
    expect(a.baseVersion).toBe(3);
  });
});
