// Issue 8 in the real window: the search box. Articles made through the CLI are found
// from Ctrl+K typing without diacritics; the keyboard picks a hit and opens it in the
// editor with the match selected in the body; Ctrl+F in the body stays the body's find bar;
// recent searches come back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Key } from "webdriverio";
import { byId, cli, freshDataDir, launch, shot, waitSaved } from "./lib.mjs";

const FILLER = Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: tin tức trong tỉnh, không có tên thành phố nào.`);
const PLACE = "Mưa lớn kéo dài khiến nhiều tuyến phố ở Đà Nẵng ngập sâu.";

function makeNewsroom() {
  const dir = freshDataDir();
  const article = (headline, body) => cli(dir, "article", "new", "--headline", headline, "--body", body).trim();
  article("Lũ ở Quảng Trị", "Nước sông Thạch Hãn lên nhanh.");
  const id = article("Miền Trung ngập sau bão", [...FILLER, PLACE].join("\n\n"));
  article("Khuyến nông", "Nghề nông nghiệp vất vả.");
  return { dir, id };
}

async function hitTitles(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="search-hit"] .search-hit-title')].map((e) => e.textContent),
  );
}

test("Ctrl+K, da nang without diacritics, arrow down and Enter opens Đà Nẵng at the match", async () => {
  const { dir, id } = makeNewsroom();
  const browser = await launch(dir);
  try {
    await browser.keys([Key.Ctrl, "k"]);
    const input = await byId(browser, "search-input");
    await input.waitForDisplayed({ timeout: 5_000 });
    assert.ok(await input.isFocused(), "the search box takes the focus");
    await browser.keys("da nang");
    await browser.waitUntil(async () => (await hitTitles(browser)).length > 0, {
      timeout: 10_000,
      timeoutMsg: "no hits for da nang",
    });
    const hits = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="search-hit"]')].map((e) => ({
        id: e.dataset.id,
        kind: e.dataset.kind,
        marks: [...e.querySelectorAll("mark")].map((m) => m.textContent),
        snippet: e.querySelector(".search-hit-snippet")?.textContent ?? "",
      })),
    );
    assert.equal(hits.length, 1, JSON.stringify(hits));
    assert.equal(hits[0].id, id);
    assert.equal(hits[0].kind, "article");
    assert.ok(hits[0].snippet.includes("Đà Nẵng"), hits[0].snippet);
    assert.deepEqual(hits[0].marks, ["Đà", "Nẵng"]);
    await shot(browser, "search-da-nang");

    await browser.keys(Key.ArrowDown);
    assert.equal(
      await browser.execute(() => document.querySelector('[data-testid="search-hit"].active')?.dataset.id),
      id,
    );
    await browser.keys(Key.Enter);
    await (await byId(browser, "search")).waitForExist({ reverse: true, timeout: 5_000 });
    const headline = await byId(browser, "headline");
    await browser.waitUntil(async () => (await headline.getValue()) === "Miền Trung ngập sau bão", {
      timeout: 10_000,
      timeoutMsg: "the hit did not open in the editor",
    });
    // The cursor is on the match, far down the body, and the body has the focus.
    await browser.waitUntil(async () => (await browser.execute(() => window.getSelection().toString())) === "Đà", {
      timeout: 5_000,
      timeoutMsg: "the match is not selected",
    });
    const where = await browser.execute(() => {
      const sel = window.getSelection();
      const p = sel.anchorNode.parentElement.closest("p");
      const box = p.getBoundingClientRect();
      return { text: p.textContent, inBody: !!p.closest('[data-testid="body"]'), top: box.top, bottom: box.bottom, h: window.innerHeight };
    });
    assert.equal(where.text, PLACE);
    assert.ok(where.inBody);
    assert.ok(where.top >= 0 && where.bottom <= where.h, `the match is scrolled into view: ${JSON.stringify(where)}`);
    await shot(browser, "search-opened-at-match");

    // In the body Ctrl+F is the body's find bar, not the search box.
    await browser.keys([Key.Ctrl, "f"]);
    await (await byId(browser, "find-input")).waitForDisplayed({ timeout: 5_000 });
    assert.equal(await (await byId(browser, "search")).isExisting(), false, "Ctrl+F in the body opened the search box");
    await browser.keys(Key.Escape);

    // Outside the body Ctrl+F opens the search box; empty, it offers the recent searches.
    await (await byId(browser, "headline")).click();
    await browser.keys([Key.Ctrl, "f"]);
    await (await byId(browser, "search-input")).waitForDisplayed({ timeout: 5_000 });
    await browser.waitUntil(
      async () =>
        (await browser.execute(() => [...document.querySelectorAll('[data-testid="search-recent"]')].map((e) => e.textContent))).includes("da nang"),
      { timeout: 5_000, timeoutMsg: "da nang is not among the recent searches" },
    );
    await shot(browser, "search-recent");
    await browser.keys(Key.Escape);
    await (await byId(browser, "search")).waitForExist({ reverse: true, timeout: 5_000 });
  } catch (e) {
    await shot(browser, "search-failed").catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
});

/** How many merge steps `newsdesk db tidy` needed ("tidied in N steps"). */
function tidySteps(dir) {
  const out = cli(dir, "db", "tidy").trim();
  const m = /^tidied in (\d+) steps$/.exec(out);
  assert.ok(m, `unexpected db tidy output: ${out}`);
  return Number(m[1]);
}

test("saves leave merging the index to the app, which does it once the desk is quiet", async () => {
  // Two newsrooms made the same way: one opened in the app, one left as the CLI wrote it.
  const { dir } = makeNewsroom();
  const control = makeNewsroom().dir;
  for (const d of [dir, control]) {
    cli(d, "article", "new", "--headline", "Giá lúa tăng", "--body", "Nông dân phấn khởi.");
    cli(d, "article", "new", "--headline", "Cầu Rồng phun lửa", "--body", "Tối thứ bảy ở Đà Nẵng.");
  }
  const browser = await launch(dir);
  try {
    // A reporter writes a headline in bursts; each pause is an autosave.
    await (await byId(browser, "new-draft")).click();
    const headline = await byId(browser, "headline");
    await headline.waitForDisplayed({ timeout: 10_000 });
    for (const part of ["Bão số 3 ", "đổ bộ ", "Quảng Ngãi"]) {
      await headline.addValue(part);
      await waitSaved(browser);
      await browser.pause(1_200);
    }
    // Quiet for longer than IndexUpkeep::QUIET (5 s) plus a tick and a few merge steps.
    await browser.pause(12_000);
  } catch (e) {
    await shot(browser, "search-upkeep-failed").catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
  assert.ok(tidySteps(control) >= 1, "the CLI's saves left segments to merge");
  assert.equal(tidySteps(dir), 0, "the app merged them while the desk was quiet");
  const hits = JSON.parse(cli(dir, "search", "bao so 3 quang ngai", "--json"));
  assert.equal(hits.length, 1, JSON.stringify(hits));
});

/** Imports an article with the given section, byline and status through the CLI's article
 * file (the format `article export-json` writes). */
function importArticle(dir, { headline, body, byline, section, status }) {
  const at = "2026-11-20T08:00:00.000Z";
  const file = path.join(dir, `${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify({
    format: "newsdesk-article",
    format_version: 1,
    article: {
      id: randomUUID(), version: 1, headline, lead: "",
      body: { schema_version: 1, blocks: [{ type: "paragraph", content: [{ type: "text", text: body }] }] },
      bylines: [{ name: byline, role: "writer" }], section, tags: [], related: [], status,
      created_at: at, updated_at: at,
    },
  }));
  return cli(dir, "article", "import", file).trim();
}

test("the search box's filters narrow the hits: status, section and person together", async () => {
  const dir = freshDataDir();
  const a = importArticle(dir, { headline: "Mưa lũ ở Quảng Trị", body: "Nước lên nhanh.", byline: "Thanh Hải", section: "Thời sự", status: "draft" });
  const b = importArticle(dir, { headline: "Mưa lũ ở Huế", body: "Nước lên nhanh.", byline: "Minh Châu", section: "Thời sự", status: "draft" });
  const c = importArticle(dir, { headline: "Mưa lũ và giá rau", body: "Giá tăng.", byline: "Thanh Hải", section: "Kinh tế", status: "draft" });
  const d = importArticle(dir, { headline: "Mưa lũ ở Đà Nẵng", body: "Nước rút.", byline: "Thanh Hải", section: "Thời sự", status: "submitted" });
  const browser = await launch(dir);
  const ids = () => browser.execute(() => [...document.querySelectorAll('[data-testid="search-hit"]')].map((e) => e.dataset.id).sort());
  const expect = async (want, what) => {
    const sorted = [...want].sort();
    await browser.waitUntil(async () => JSON.stringify(await ids()) === JSON.stringify(sorted), {
      timeout: 10_000,
      timeoutMsg: `${what}: expected ${JSON.stringify(sorted)}, got ${JSON.stringify(await ids())}`,
    });
  };
  try {
    await browser.keys([Key.Ctrl, "k"]);
    await (await byId(browser, "search-input")).waitForDisplayed({ timeout: 5_000 });
    await browser.keys("mua lu");
    await expect([a, b, c, d], "no filter: all four");
    // Draft, in "thoi su" typed without diacritics, by Thanh Hải: only the first.
    await (await byId(browser, "search-status")).selectByAttribute("value", "draft");
    await (await byId(browser, "search-section")).setValue("thoi su");
    await (await byId(browser, "search-person")).setValue("Thanh Hải");
    await expect([a], "draft, Thời sự, Thanh Hải");
    await shot(browser, "search-filters");
    // Without the person: both drafts in the section.
    await (await byId(browser, "search-person")).clearValue();
    await (await byId(browser, "search-person")).setValue(" ");
    await expect([a, b], "draft, Thời sự");
    // Any status: the submitted one too.
    await (await byId(browser, "search-status")).selectByAttribute("value", "");
    await expect([a, b, d], "Thời sự");
  } catch (e) {
    await shot(browser, "search-filters-failed").catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
});
