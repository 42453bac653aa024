// Issue 10: the pure parts of publishing in the app — which buttons an article gets, how
// a publish's steps and the log read, and which check a failed connection test names.
import { describe, expect, it } from "vitest";
import type { PostState } from "../bindings/PostState";
import type { PublishEntry } from "../bindings/PublishEntry";
import { setLang, t } from "../i18n";
import { entryWhat, postSummary, publishErrorText, stepText } from "./publish";
import { testLines, testStage } from "./targets";

function post(over: Partial<PostState> = {}): PostState {
  return {
    target: "web",
    remote_id: 12,
    url: "https://a.vn/?p=12",
    status: "publish",
    article_version: 3,
    at: "2026-12-01T10:00:00Z",
    incomplete: false,
    outdated: false,
    steps: [],
    ...over,
  };
}

describe("publish texts", () => {
  it("says how far each step got, in the interface language", () => {
    setLang("en");
    expect(stepText({ kind: "photo", number: 2, done: "done", remote_id: 45, url: "u" })).toBe("Photo 2: done (#45)");
    expect(stepText({ kind: "photo", number: 1, done: "pending", remote_id: null, url: "" })).toBe("Photo 1: sent, no answer");
    expect(stepText({ kind: "post", number: 0, done: "missing", remote_id: null, url: "" })).toBe("Post: not reached");
    setLang("vi");
    expect(stepText({ kind: "post", number: 0, done: "done", remote_id: 7, url: "" })).toBe("Bài: xong (#7)");
  });

  it("names log entries by what they were", () => {
    setLang("en");
    const e = (format: string): PublishEntry => ({
      article_id: "a", article_version: 1, format, destination: "", checksum: "", profile_name: "", is_update: false, at: "2026-12-01T10:00:00Z",
    });
    expect(entryWhat(e("publish:web"))).toBe("Published to web");
    expect(entryWhat(e("withdraw:site-en"))).toBe("Withdrawn from site-en");
    expect(entryWhat(e("html"))).toBe("HTML page");
    expect(entryWhat(e("something"))).toBe("something");
    // What was chosen for an export is named too (the ninjs version, originals).
    expect(entryWhat(e("ninjs · 3.1"))).toBe("ninjs JSON · 3.1");
    expect(entryWhat(e("package · ninjs 2.2 · originals"))).toBe(`${t("export.format.package")} · ninjs 2.2 · with originals`);
  });

  it("sums a post up, a half-way one as such", () => {
    setLang("en");
    expect(postSummary(post())).toBe("web · published · #12 · version 3");
    expect(postSummary(post({ incomplete: true, remote_id: null, status: "", outdated: false }))).toBe("web · stopped half-way · version 3");
    expect(postSummary(post({ outdated: true }))).toBe("web · published · #12 · version 3 · changed since");
  });

  it("chooses words by code, never by the message", () => {
    setLang("en");
    expect(publishErrorText({ code: "checklist", message: "x" })).toMatch(/checklist/);
    expect(publishErrorText({ code: "no_vault_password", message: "set NEWSDESK_VAULT_PASSWORD" })).toMatch(/protected file/);
    expect(publishErrorText({ code: "unreachable", message: "Không kết nối được" })).toBe("Không kết nối được");
  });
});

describe("connection test", () => {
  it.each([
    ["unreachable", "reach"],
    ["timeout", "reach"],
    ["tls", "reach"],
    ["unauthorized", "auth"],
    ["forbidden", "auth"],
    ["not_wordpress", "api"],
    ["malformed", "api"],
    ["no_vault_password", "secret"],
    ["internal", "other"],
  ])("%s fails the %s check", (code, stage) => {
    expect(testStage(code)).toBe(stage);
  });

  it("lists the checks passed, then the one that failed", () => {
    setLang("vi");
    const ok = testLines({ ok: { site: "Báo QT", api: "wp/v2", user: "Biên tập" } });
    expect(ok.map((l) => l.ok)).toEqual([true, true, true]);
    expect(ok.map((l) => l.text).join("\n")).toContain("wp/v2");
    const auth = testLines({ err: { code: "unauthorized", message: "401" } });
    expect(auth).toEqual([
      { ok: true, text: "Trang có trả lời" },
      { ok: false, text: "Người dùng hoặc mật khẩu ứng dụng bị từ chối. 401" },
    ]);
    const down = testLines({ err: { code: "unreachable", message: "m" } });
    expect(down).toHaveLength(1);
    expect(down[0].ok).toBe(false);
  });
});
