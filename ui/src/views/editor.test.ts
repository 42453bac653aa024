// Issue 3: the editor view saves what is typed in the rich body as the core document,
// after a pause and at once on flush, and shows a restored revision.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Article } from "../bindings/Article";
import type { SaveOutcome } from "../bindings/SaveOutcome";

const saved: Article[] = [];
vi.mock("../api", () => ({
  api: {
    saveArticle: vi.fn(async (a: Article): Promise<SaveOutcome> => {
      const stored = { ...a, version: a.version + 1 };
      saved.push(structuredClone(stored));
      return { outcome: "saved", article: stored };
    }),
    listRevisions: vi.fn(async () => []),
    listPlacements: vi.fn(async () => []),
    listPhotos: vi.fn(async () => []),
    printedCredits: vi.fn(async () => []),
    proofTexts: vi.fn(async (texts: string[]) => texts.map(() => [])),
    nextStatuses: vi.fn(async () => []),
    statusHistory: vi.fn(async () => []),
    bundleConflicts: vi.fn(async (id: string) => (id === "c1" ? [bundleConflict()] : [])),
    resolveBundleConflict: vi.fn(async () => null),
  },
}));

// Issue 9: a conflict a bundle brought in (edited on two laptops).
function bundleConflict() {
  const here = { ...article(), id: "c1", version: 3, headline: "Bản ở máy này" };
  return {
    current: here,
    yours: { ...here, headline: "Bản trong gói" },
    kept: {
      id: "rev-in", article_id: "c1", version: null, base_version: 2, kind: "conflict",
      label: null, author: "Lan", created_at: "2026-11-27T00:00:00Z", headline: "Bản trong gói",
    },
  };
}

const { openEditor } = await import("./editor");
const { api } = await import("../api");

const article = (): Article => ({
  id: "a1",
  version: 1,
  headline: "Tít",
  lead: "",
  body: { schema_version: 1, blocks: [{ type: "paragraph", content: [{ type: "text", text: "Đoạn một." }] }] },
  bylines: [],
  section: "",
  tags: [],
  related: [],
  status: "draft",
  created_at: "2026-11-27T00:00:00Z",
  updated_at: "2026-11-27T00:00:00Z",
});

describe("editor view", () => {
  beforeEach(() => {
    saved.length = 0;
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("saves typed rich text as the core document on flush", async () => {
    const ed = openEditor(article(), () => {});
    document.body.append(ed.element);
    const pm = document.querySelector<HTMLElement>("[data-testid=body]")!;
    expect(pm.textContent).toBe("Đoạn một.");
    document.querySelector<HTMLButtonElement>("[data-testid=fmt-h2]")!.click();
    await ed.flush();
    expect(saved[saved.length - 1].body.blocks).toEqual([{ type: "heading", level: 2, content: [{ type: "text", text: "Đoạn một." }] }]);
    ed.dispose();
  });

  it("issue 9: offers a conflict a bundle brought in once, and keeping the incoming text saves it", async () => {
    const ed = openEditor({ ...article(), id: "c1", version: 3, headline: "Bản ở máy này" }, () => {});
    document.body.append(ed.element);
    await vi.waitFor(() => expect(document.querySelector("[data-testid=conflict-dialog]")).not.toBeNull());
    expect(document.querySelector("[data-testid=conflict-mine]")!.textContent).toContain("Bản trong gói");
    document.querySelector<HTMLButtonElement>("[data-testid=keep-mine]")!.click();
    await vi.waitFor(() => expect(api.resolveBundleConflict).toHaveBeenCalledWith("rev-in"));
    expect(saved[saved.length - 1].headline).toBe("Bản trong gói");
    expect(saved[saved.length - 1].version).toBe(4);
    ed.dispose();
  });

  it("counts the body's words", () => {
    const ed = openEditor(article(), () => {});
    expect(ed.element.querySelector("[data-testid=body-count]")!.textContent).toMatch(/^2 /);
    ed.dispose();
  });
});
