// Issue 2 in the real window: write a draft in Vietnamese, autosave, restart, find every word;
// a save from a second process shows as a conflict that keeps both texts; language switch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { byId, cli, freshDataDir, launch, shot, typeInto, waitSaved } from "./lib.mjs";

const HEADLINE = "Đà Nẵng đón 1,2 triệu lượt khách dịp Tết";
const LEAD = "Sáng 8/3, hàng nghìn du khách đã đổ về các bãi biển.";
const PARA1 = "Theo Sở Du lịch, lượng khách tăng mạnh so với cùng kỳ.";
const PARA2 = "Ông Nguyễn Văn Hùng cho biết: “Chúng tôi đã chuẩn bị kỹ”.";

test("a Vietnamese draft survives autosave and a restart", async () => {
  const dir = freshDataDir();
  let browser = await launch(dir);
  try {
    await shot(browser, "01-empty-desk");
    await (await byId(browser, "new-draft")).click();
    await typeInto(await byId(browser, "headline"), HEADLINE);
    await typeInto(await byId(browser, "lead"), LEAD);
    const body = await byId(browser, "body");
    await typeInto(body, PARA1);
    await browser.keys("Enter");
    await browser.keys(PARA2);
    // Keys reach the webview after the call returns: wait for them before waiting for the save.
    await browser.waitUntil(
      async () => browser.execute((t) => document.querySelector('[data-testid="body"]').textContent.includes(t), PARA2),
      { timeout: 20_000 },
    );
    assert.equal((await (await byId(browser, "lead-prefix")).getText()).trim(), "(QT) -");
    await waitSaved(browser);
    await shot(browser, "02-editor-saved");
  } finally {
    await browser.deleteSession();
  }

  browser = await launch(dir);
  try {
    const item = await byId(browser, "list-item");
    await item.waitForDisplayed({ timeout: 10_000 });
    assert.match(await item.getText(), /Đà Nẵng đón 1,2 triệu lượt khách dịp Tết/);
    await item.click();
    const headline = await byId(browser, "headline");
    await headline.waitForDisplayed();
    assert.equal(await headline.getValue(), HEADLINE);
    assert.equal(await (await byId(browser, "lead")).getValue(), LEAD);
    const paras = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="body"] p')].map((p) => p.textContent),
    );
    assert.deepEqual(paras, [PARA1, PARA2]);
    await shot(browser, "03-reopened");
  } finally {
    await browser.deleteSession();
  }
  // The CLI reads the same store.
  const list = JSON.parse(cli(dir, "article", "list", "--json"));
  assert.equal(list[0].headline, HEADLINE);
});

test("a save from a second process becomes a conflict that keeps both texts", async () => {
  const dir = freshDataDir();
  const id = cli(dir, "article", "new", "--headline", "Bản gốc", "--lead", "Sapo gốc").trim();
  const browser = await launch(dir);
  try {
    await (await byId(browser, "list-item")).click();
    await (await byId(browser, "headline")).waitForDisplayed();
    // Another process saves a new version while the window holds version 1.
    const file = path.join(dir, "theirs.json");
    writeFileSync(file, cli(dir, "article", "export-json", id).replace("Sapo gốc", "Sapo của toà soạn"));
    cli(dir, "article", "import", file);
    await typeInto(await byId(browser, "lead"), " và bản của phóng viên");
    const dialog = await byId(browser, "conflict-dialog");
    await dialog.waitForDisplayed({ timeout: 10_000 });
    assert.match(await (await byId(browser, "conflict-mine")).getText(), /Sapo gốc và bản của phóng viên/);
    assert.match(await (await byId(browser, "conflict-theirs")).getText(), /Sapo của toà soạn/);
    await shot(browser, "04-conflict");
    await (await byId(browser, "keep-mine")).click();
    await waitSaved(browser);
    assert.equal(await (await byId(browser, "lead")).getValue(), "Sapo gốc và bản của phóng viên");
  } finally {
    await browser.deleteSession();
  }
  const revs = JSON.parse(cli(dir, "revisions", id, "--json"));
  const kinds = revs.map((r) => r.kind);
  assert.ok(kinds.includes("conflict"), `a conflict revision is kept: ${kinds}`);
  assert.match(cli(dir, "article", "show", id), /Sapo gốc và bản của phóng viên/);
  // Both texts stay in the history.
  const texts = revs.map((r) => cli(dir, "revisions", "show", r.id)).join("\n");
  assert.match(texts, /Sapo của toà soạn/);
  assert.match(texts, /Sapo gốc và bản của phóng viên/);
});

test("the interface switches between Vietnamese and English", async () => {
  const dir = freshDataDir();
  const browser = await launch(dir);
  try {
    const button = await byId(browser, "new-draft");
    assert.equal(await button.getText(), "Bài mới");
    await (await byId(browser, "lang-switch")).click();
    await browser.waitUntil(async () => (await (await byId(browser, "new-draft")).getText()) === "New article", {
      timeout: 5000,
    });
    await shot(browser, "05-english");
    await (await byId(browser, "lang-switch")).click();
    await browser.waitUntil(async () => (await (await byId(browser, "new-draft")).getText()) === "Bài mới", {
      timeout: 5000,
    });
  } finally {
    await browser.deleteSession();
  }
});
