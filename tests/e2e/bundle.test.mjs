// Issue 9 in the real window: "Send to…" writes a bundle that another laptop (a second data
// folder, through the CLI) imports with the whole history; a bundle that crossed an edit
// made here opens as a conflict once, on opening the article, and the choice is kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { byId, cli, freshDataDir, launch, shot, waitSaved } from "./lib.mjs";

async function waitFor(browser, fn, msg, timeout = 15_000) {
  await browser.waitUntil(fn, { timeout, timeoutMsg: msg });
}

test("bundle: send to another laptop, and an incoming conflict offered once", async () => {
  const here = freshDataDir();
  const there = freshDataDir();
  cli(here, "profile", "add", "Hùng", "--role", "editor");
  cli(there, "profile", "add", "Lan", "--role", "reporter");
  const id = cli(here, "article", "new", "--headline", "Bão số 5", "--body", "Gió giật cấp 12.").trim();

  let browser = await launch(here);
  try {
    // Send to…: the bundle is written where asked.
    await (await browser.$(`[data-id="${id}"]`)).click();
    await (await byId(browser, "send-bundle")).click();
    const out = path.join(there, "from-editor.ndbundle");
    const input = await byId(browser, "bundle-path");
    await input.waitForDisplayed();
    await input.setValue(out);
    await (await byId(browser, "bundle-send")).click();
    await waitFor(browser, async () => (await (await byId(browser, "bundle-progress")).getAttribute("data-done")) === "true",
      "the bundle was not written");
    await shot(browser, "bundle-1-sent");
    await (await byId(browser, "bundle-close")).click();
  } finally {
    await browser.deleteSession();
  }

  // The other laptop receives it, edits, and sends back while this laptop edits too.
  const first = JSON.parse(cli(there, "bundle", "import", path.join(there, "from-editor.ndbundle"), "--json"));
  assert.equal(first.plan.articles[0].change, "new");
  const file = JSON.parse(cli(there, "article", "export-json", id));
  file.article.headline = "Bão số 5 đổ bộ Đà Nẵng";
  const edited = path.join(there, "edited.json");
  (await import("node:fs")).writeFileSync(edited, JSON.stringify(file));
  cli(there, "article", "import", edited);
  const mine = JSON.parse(cli(here, "article", "export-json", id));
  mine.article.lead = "Sapo sửa ở toà soạn.";
  const mineFile = path.join(here, "mine.json");
  (await import("node:fs")).writeFileSync(mineFile, JSON.stringify(mine));
  cli(here, "article", "import", mineFile);
  const back = path.join(there, "back.ndbundle");
  cli(there, "bundle", "export", id, "--out", back);
  const report = JSON.parse(cli(here, "bundle", "import", back, "--json"));
  assert.equal(report.plan.articles[0].change, "conflict");

  browser = await launch(here);
  try {
    await (await browser.$(`[data-id="${id}"]`)).click();
    const dialog = await byId(browser, "conflict-dialog");
    await dialog.waitForDisplayed({ timeout: 15_000 });
    assert.match(await (await byId(browser, "conflict-mine")).getText(), /đổ bộ Đà Nẵng/);
    await shot(browser, "bundle-2-conflict");
    await (await byId(browser, "keep-mine")).click();
    await waitSaved(browser);
    assert.equal(await (await byId(browser, "headline")).getValue(), "Bão số 5 đổ bộ Đà Nẵng");
  } finally {
    await browser.deleteSession();
  }
  // Resolved: the head is the chosen text and the conflict is not offered again.
  const head = JSON.parse(cli(here, "article", "show", id, "--json"));
  assert.equal(head.article.headline, "Bão số 5 đổ bộ Đà Nẵng");
  const again = JSON.parse(cli(here, "bundle", "import", back, "--json"));
  assert.equal(again.imported, false);
});
