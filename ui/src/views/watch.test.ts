// Issue 9: bundles waiting in the watch folder are announced once each, with a note that
// names the sender and the headlines and opens the preview.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WaitingBundle } from "../bindings/WaitingBundle";

vi.mock("../api", () => ({ api: { watchWaiting: vi.fn(async () => []) } }));
vi.mock("./bundle", () => ({ showBundlePreview: vi.fn(async () => {}) }));

import { announce } from "./watch";

function waiting(key: string, headline: string): WaitingBundle {
  return {
    path: `/mnt/chung/${key}.ndbundle`,
    key,
    manifest: {
      format: "newsdesk-bundle",
      format_version: 1,
      created_at: "2026-12-01T08:30:00Z",
      sender: { profile: "Hùng", role: "editor", app_version: "0.1.0" },
      to: "Lan",
      articles: [{ id: "a1", headline, revisions: 2 }],
      entries: [],
    },
  };
}

describe("watch folder notes", () => {
  afterEach(() => document.body.replaceChildren());

  it("announces each waiting bundle once and opens it from its note", () => {
    const open = vi.fn();
    expect(announce([waiting("k1", "Cầu Rồng"), waiting("k2", "Mưa lớn")], open)).toBe(2);
    expect(announce([waiting("k1", "Cầu Rồng"), waiting("k3", "Bão")], open)).toBe(1);
    const notes = document.querySelectorAll<HTMLElement>("[data-testid=bundle-waiting]");
    expect(notes).toHaveLength(3);
    expect(notes[0]!.textContent).toContain("Hùng");
    expect(notes[0]!.textContent).toContain("Cầu Rồng");
    notes[1]!.querySelector<HTMLButtonElement>("[data-testid=bundle-waiting-open]")!.click();
    expect(open).toHaveBeenCalledWith("/mnt/chung/k2.ndbundle");
    expect(document.querySelectorAll("[data-testid=bundle-waiting]")).toHaveLength(2);
    notes[0]!.querySelector<HTMLButtonElement>("[data-testid=bundle-waiting-later]")!.click();
    expect(document.querySelectorAll("[data-testid=bundle-waiting]")).toHaveLength(1);
    expect(announce([waiting("k1", "Cầu Rồng")], open)).toBe(0);
  });
});
