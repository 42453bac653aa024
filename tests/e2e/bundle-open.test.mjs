// Issue 9: a .ndbundle double-clicked in the file manager opens Newsdesk with the bundle's path
// on the command line (the desktop entry's %F); the window shows the same preview as a dropped
// bundle, and nothing is written until Import. While the app runs, a second start on the same
// data folder hands its bundle to the running window (single instance, over the session bus:
// that part runs only where a D-Bus session is available, e.g. under dbus-run-session).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { APP, byId, cli, freshDataDir, launch, shot } from "./lib.mjs";

async function waitFor(browser, fn, msg, timeout = 15_000) {
  await browser.waitUntil(fn, { timeout, timeoutMsg: msg });
}

function articleIds(dir) {
  return JSON.parse(cli(dir, "article", "list", "--json")).map((a) => a.id);
}

test("bundle: started with a bundle path, the app previews it before importing", async () => {
  const there = freshDataDir();
  const here = freshDataDir();
  cli(there, "profile", "add", "Lan", "--role", "reporter");
  cli(here, "profile", "add", "Hùng", "--role", "editor");
  const id = cli(there, "article", "new", "--headline", "Mưa lớn ở Huế", "--body", "Nước lên nhanh.").trim();
  const bundle = path.join(there, "Mưa lớn.ndbundle");
  cli(there, "bundle", "export", id, "--out", bundle);

  const browser = await launch(here, [bundle]);
  try {
    const preview = await byId(browser, "bundle-preview");
    await preview.waitForDisplayed({ timeout: 15_000 });
    assert.match(await preview.getText(), /Mưa lớn ở Huế/);
    await shot(browser, "bundle-open-1-preview");
    assert.deepEqual(articleIds(here), [], "the preview writes nothing");
    await (await byId(browser, "bundle-import")).click();
    await waitFor(browser, async () => !(await (await byId(browser, "bundle-preview")).isExisting()),
      "the preview did not close after import");
    await (await browser.$(`[data-id="${id}"]`)).waitForDisplayed({ timeout: 15_000 });
    assert.deepEqual(articleIds(here), [id]);
    await shot(browser, "bundle-open-2-imported");

    // Reloading the window does not offer the same bundle again.
    await browser.refresh();
    await (await byId(browser, "new-draft")).waitForDisplayed({ timeout: 20_000 });
    await browser.pause(500);
    assert.equal(await (await byId(browser, "bundle-preview")).isExisting(), false);
  } finally {
    await browser.deleteSession();
  }
});

test("bundle: a second start on the same data folder hands its bundle to the running window", {
  skip: process.env.DBUS_SESSION_BUS_ADDRESS ? false : "no D-Bus session bus (run under dbus-run-session)",
}, async () => {
  const there = freshDataDir();
  const here = freshDataDir();
  cli(there, "profile", "add", "Lan", "--role", "reporter");
  cli(here, "profile", "add", "Hùng", "--role", "editor");
  const id = cli(there, "article", "new", "--headline", "Đường sạt lở", "--body", "Xe không qua được.").trim();
  const bundle = path.join(there, "sat-lo.ndbundle");
  cli(there, "bundle", "export", id, "--out", bundle);

  const browser = await launch(here);
  try {
    assert.equal(await (await byId(browser, "bundle-preview")).isExisting(), false);
    // As the file manager would: start the app again, from another folder, with a relative path.
    const code = await new Promise((resolve) => {
      const child = execFile(APP, ["--data-dir", here, "sat-lo.ndbundle"], { cwd: there, timeout: 30_000 },
        (err) => resolve(err ? (err.code ?? "killed") : 0));
      child.stdin?.end();
    });
    assert.equal(code, 0, "the second start hands over and exits");
    const preview = await byId(browser, "bundle-preview");
    await preview.waitForDisplayed({ timeout: 15_000 });
    assert.match(await preview.getText(), /Đường sạt lở/);
    await shot(browser, "bundle-open-3-forwarded");
    await (await byId(browser, "bundle-cancel")).click();
    assert.deepEqual(articleIds(here), [], "cancel writes nothing");
  } finally {
    await browser.deleteSession();
  }
});

test("bundle: a watch folder offers a bundle sent to this desk once, and Send to desk drops one", async () => {
  const share = freshDataDir();
  const there = freshDataDir();
  const here = freshDataDir();
  cli(there, "profile", "add", "Hùng", "--role", "editor");
  cli(here, "profile", "add", "Lan", "--role", "reporter");
  cli(there, "bundle", "watch", share);
  cli(here, "bundle", "watch", share);
  const id = cli(there, "article", "new", "--headline", "Cầu Rồng phun lửa", "--body", "Tối thứ bảy.").trim();
  cli(there, "bundle", "export", id, "--to", "Lan");
  const other = cli(there, "article", "new", "--headline", "Cho người khác", "--body", "x").trim();
  cli(there, "bundle", "export", other, "--to", "Minh");

  let browser = await launch(here);
  try {
    const note = await byId(browser, "bundle-waiting");
    await note.waitForDisplayed({ timeout: 15_000 });
    assert.match(await note.getText(), /Hùng/);
    assert.match(await note.getText(), /Cầu Rồng phun lửa/);
    assert.equal((await browser.$$('[data-testid="bundle-waiting"]')).length, 1, "only the one for Lan");
    await shot(browser, "bundle-watch-1-note");
    await (await byId(browser, "bundle-waiting-open")).click();
    const preview = await byId(browser, "bundle-preview");
    await preview.waitForDisplayed({ timeout: 15_000 });
    await (await byId(browser, "bundle-import")).click();
    await (await browser.$(`[data-id="${id}"]`)).waitForDisplayed({ timeout: 15_000 });

    // Send to desk: this article, addressed to Hùng, into the shared folder.
    await (await browser.$(`[data-id="${id}"]`)).click();
    await (await byId(browser, "send-bundle")).click();
    const to = await byId(browser, "bundle-to");
    await to.waitForDisplayed();
    await to.setValue("Hùng");
    await (await byId(browser, "bundle-send-desk")).click();
    await waitFor(browser, async () => (await (await byId(browser, "bundle-progress")).getAttribute("data-done")) === "true",
      "the bundle was not sent to the desk");
    await shot(browser, "bundle-watch-2-sent");
    await (await byId(browser, "bundle-close")).click();
  } finally {
    await browser.deleteSession();
  }
  const forHung = JSON.parse(cli(there, "bundle", "waiting", "--json"));
  assert.equal(forHung.length, 1);
  assert.equal(forHung[0].manifest.sender.profile, "Lan");

  // The same article sent again, unchanged (issue 9): the preview says there is nothing new,
  // and that is remembered like an import.
  cli(there, "bundle", "export", id, "--to", "Lan");
  browser = await launch(here);
  try {
    const note = await byId(browser, "bundle-waiting");
    await note.waitForDisplayed({ timeout: 15_000 });
    await (await byId(browser, "bundle-waiting-open")).click();
    await (await byId(browser, "bundle-nothing")).waitForDisplayed({ timeout: 15_000 });
    assert.equal(await (await byId(browser, "bundle-import")).isEnabled(), false);
    await shot(browser, "bundle-watch-3-nothing-new");
    await (await byId(browser, "bundle-cancel")).click();
  } finally {
    await browser.deleteSession();
  }
  assert.deepEqual(JSON.parse(cli(here, "bundle", "waiting", "--json")), []);

  // Imported, or found to bring nothing new: not offered again on the next start.
  browser = await launch(here);
  try {
    await browser.pause(1500);
    assert.equal(await (await byId(browser, "bundle-waiting")).isExisting(), false);
  } finally {
    await browser.deleteSession();
  }
});
