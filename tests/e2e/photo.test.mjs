// Issue 4 in the real window: photos imported through the CLI into the app's data folder
// show in the library grid (thumbnails through the asset protocol); a description is edited;
// a photo is placed in an article and its caption, credit and alt text set; after a restart
// everything is still there (checked in the window and in the store through the CLI).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { byId, cli, freshDataDir, launch, shot, typeInto } from "./lib.mjs";

const DESCRIPTION = "Nông dân Hải Lăng gặt lúa trên cánh đồng mẫu lớn";
const CREATOR = "Trần Dũng";

function makePhoto(dir, name, colours, description, creator) {
  const file = path.join(dir, name);
  execFileSync("convert", ["-size", "800x600", `gradient:${colours}`, file]);
  execFileSync("exiftool", ["-q", "-overwrite_original", "-charset", "utf8",
    `-XMP-dc:Description=${description}`, `-XMP-dc:Creator=${creator}`, file]);
  return file;
}

/** The text of a test id's element, or null while it is not in the page (never throws). */
function textOf(browser, id) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, id);
}

async function waitFor(browser, fn, msg, timeout = 15_000) {
  await browser.waitUntil(fn, { timeout, timeoutMsg: msg });
}

/** True once every thumbnail in the grid has loaded with real pixels. */
async function thumbnailsLoaded(browser, n) {
  return browser.execute((n) => {
    const imgs = [...document.querySelectorAll('[data-testid="photo-cell"] img')];
    return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, n);
}

test("photos: import, library grid, edit, place, caption, restart", async () => {
  const dir = freshDataDir();
  const src = freshDataDir();
  const a = makePhoto(src, "dong-lua.jpg", "gold-green", DESCRIPTION, CREATOR);
  const b = makePhoto(src, "cau-hien-luong.jpg", "skyblue-navy", "Cầu Hiền Lương lúc bình minh", "Lê Hoa");
  const report = JSON.parse(cli(dir, "photo", "import", a, b, "--json"));
  assert.deepEqual(report.map((o) => o.result.status), ["imported", "imported"]);
  const articleId = cli(dir, "article", "new", "--headline", "Mùa gặt ở Hải Lăng", "--body", "Vụ mùa năm nay được mùa.").trim();

  let browser = await launch(dir);
  try {
    // The library shows both thumbnails.
    await (await byId(browser, "view-switch")).click();
    await (await byId(browser, "photos-view")).waitForDisplayed();
    await waitFor(browser, () => thumbnailsLoaded(browser, 2), "the thumbnails never loaded");
    await shot(browser, "photo-1-library");

    // Search narrows the grid.
    await typeInto(await byId(browser, "photo-search"), "Hiền Lương");
    await waitFor(browser, async () => (await browser.$$('[data-testid="photo-cell"]')).length === 1, "search did not narrow");
    await browser.execute(() => {
      const el = document.querySelector('[data-testid="photo-search"]');
      el.value = "";
      el.dispatchEvent(new Event("input"));
    });
    await waitFor(browser, async () => (await browser.$$('[data-testid="photo-cell"]')).length === 2, "search was not cleared");

    // Edit the description of the Trần Dũng photo.
    const cell = await browser.$(`[data-testid="photo-cell"][title="${DESCRIPTION}"]`);
    await cell.click();
    const desc = await byId(browser, "photo-description");
    await desc.waitForDisplayed();
    assert.equal(await desc.getValue(), DESCRIPTION);
    await desc.clearValue();
    await typeInto(desc, "Mùa gặt ở Hải Lăng, Quảng Trị");
    await (await byId(browser, "photo-save")).click();
    await waitFor(browser, async () => (await textOf(browser, "photo-saved")) !== "", "save not confirmed");
    await shot(browser, "photo-2-detail-edited");

    // Open the article, come back, place the photo.
    await (await byId(browser, "view-switch")).click();
    const item = await byId(browser, "list-item");
    await item.waitForDisplayed();
    await item.click();
    await (await byId(browser, "body")).waitForDisplayed();
    await (await byId(browser, "view-switch")).click();
    await (await browser.$(`[data-testid="photo-cell"][title="Mùa gặt ở Hải Lăng, Quảng Trị"]`)).click();
    await (await byId(browser, "photo-place")).click();
    const figure = await byId(browser, "figure-block");
    await figure.waitForDisplayed({ timeout: 10_000 });
    await waitFor(browser, async () => (await textOf(browser, "figure-credit")) === "Ảnh: TRẦN DŨNG", "credit not printed");
    assert.equal(await (await byId(browser, "figure-caption")).getText(), "Mùa gặt ở Hải Lăng, Quảng Trị");
    await shot(browser, "photo-3-placed");

    // Caption, credit and alt text of this placement.
    await figure.click();
    const caption = await byId(browser, "placement-caption");
    await caption.waitForDisplayed();
    await caption.clearValue();
    await typeInto(caption, "Gặt lúa vụ mùa ở xã Hải Lăng");
    const credit = await byId(browser, "placement-credit");
    await credit.clearValue();
    await typeInto(credit, "Trần Văn Dũng");
    await typeInto(await byId(browser, "placement-alt"), "Người nông dân gặt lúa chín vàng");
    await (await byId(browser, "placement-save")).click();
    await waitFor(browser, async () => (await textOf(browser, "figure-credit")) === "Ảnh: TRẦN VĂN DŨNG", "credit not updated");
    await shot(browser, "photo-4-placement-edited");
  } finally {
    await browser.deleteSession();
  }

  // After a restart everything is there.
  browser = await launch(dir);
  try {
    const item = await byId(browser, "list-item");
    await item.waitForDisplayed();
    await item.click();
    await (await byId(browser, "figure-block")).waitForDisplayed({ timeout: 10_000 });
    await waitFor(browser, async () => (await textOf(browser, "figure-caption")) === "Gặt lúa vụ mùa ở xã Hải Lăng", "caption lost");
    assert.equal(await (await byId(browser, "figure-credit")).getText(), "Ảnh: TRẦN VĂN DŨNG");
    await waitFor(browser, () => browser.execute(() => {
      const img = document.querySelector('[data-testid="figure-block"] img');
      return !!img && img.complete && img.naturalWidth > 0;
    }), "the figure's thumbnail did not load");
    await shot(browser, "photo-5-after-restart");
    await (await byId(browser, "view-switch")).click();
    await waitFor(browser, () => thumbnailsLoaded(browser, 2), "the thumbnails never loaded after restart");
    await shot(browser, "photo-6-library-after-restart");
  } finally {
    await browser.deleteSession();
  }

  const photos = JSON.parse(cli(dir, "photo", "list", "--json"));
  assert.ok(photos.some((p) => p.meta.description === "Mùa gặt ở Hải Lăng, Quảng Trị"), "description stored");
  const shown = JSON.parse(cli(dir, "article", "show", articleId, "--json"));
  const stored = shown.article ?? shown;
  assert.equal(stored.body.blocks.filter((b) => b.type === "figure").length, 1);
});

test("photos: the tray beside the editor places a photo after the cursor's paragraph (issue 4)", async () => {
  const dir = freshDataDir();
  const src = freshDataDir();
  const a = makePhoto(src, "dong-lua.jpg", "gold-green", DESCRIPTION, CREATOR);
  cli(dir, "photo", "import", a, "--json");
  const articleId = cli(dir, "article", "new", "--headline", "Khay ảnh", "--body", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.").trim();

  const browser = await launch(dir);
  try {
    await (await byId(browser, "list-item")).click();
    const trayPhoto = await byId(browser, "tray-photo");
    await trayPhoto.waitForDisplayed({ timeout: 10_000 });
    // The cursor in the first paragraph, then a click on the thumbnail.
    const first = await browser.$('[data-testid="body"] p');
    await first.click();
    await trayPhoto.click();
    await (await byId(browser, "figure-block")).waitForDisplayed({ timeout: 10_000 });
    await waitFor(browser, async () => (await textOf(browser, "figure-credit")) === "Ảnh: TRẦN DŨNG", "the placed figure's credit was not printed");
    await shot(browser, "photo-7-tray-placed");
  } finally {
    await browser.deleteSession();
  }
  const shown = JSON.parse(cli(dir, "article", "show", articleId, "--json"));
  const stored = shown.article ?? shown;
  assert.deepEqual(stored.body.blocks.map((b) => b.type), ["paragraph", "figure", "paragraph", "paragraph"]);
});
