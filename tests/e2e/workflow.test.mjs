// Issue 6 in the real window: the workflow and the export step. A draft with an empty lead
// moves draft → submitted → in edit but cannot be approved: the checklist shows the
// finding and a click on it puts the cursor in the lead. Once the lead is filled it is
// approved, the list filters by status and person, and the HTML export written to a
// temporary folder holds the headline and the `Cập nhật:` date line; ninjs 3.1 chosen in the
// dialog gives a 3.1 document. A destination that is a file, not a folder, gives a clear
// error. Autosaves are credited to the current profile, not the OS user.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { byId, cli, freshDataDir, launch, shot, typeInto, waitSaved } from "./lib.mjs";

const HEADLINE = "Quảng Trị đón 1.000 khách <đầu mùa>";
const LEAD = "Sáng nay, đoàn khách đầu tiên đã đến Cửa Tùng.";

async function statusIs(browser, status) {
  const badge = await byId(browser, "workflow-status");
  await browser.waitUntil(async () => (await badge.getAttribute("data-status")) === status, {
    timeout: 10_000,
    timeoutMsg: `the article never reached ${status}`,
  });
}

async function move(browser, to) {
  const button = await byId(browser, `workflow-to-${to}`);
  await button.waitForClickable({ timeout: 10_000 });
  await button.click();
}

async function listCount(browser) {
  return browser.execute(() => document.querySelectorAll('[data-testid="list-item"]').length);
}

test("an empty lead blocks approval; once filled the piece is approved and exported as HTML", async () => {
  const dir = freshDataDir();
  cli(dir, "profile", "add", "Hùng", "--role", "editor");
  const browser = await launch(dir);
  try {
    assert.match(await (await byId(browser, "profile-switch")).getValue(), /^Hùng$/);

    await (await byId(browser, "new-draft")).click();
    await typeInto(await byId(browser, "headline"), HEADLINE);
    await browser.pause(300);
    await waitSaved(browser);
    await statusIs(browser, "draft");

    await move(browser, "submitted");
    await statusIs(browser, "submitted");
    await move(browser, "in_edit");
    await statusIs(browser, "in_edit");

    // Approve is refused: the finding is listed and leads to the lead.
    await move(browser, "approved");
    const refusal = await byId(browser, "checklist-refusal");
    await refusal.waitForDisplayed({ timeout: 10_000 });
    const finding = await browser.$('[data-testid="checklist-finding"][data-code="lead_empty"]');
    await finding.waitForDisplayed();
    assert.equal(await finding.getAttribute("data-severity"), "blocking");
    assert.ok(await (await byId(browser, "workflow-error")).isDisplayed());
    await statusIs(browser, "in_edit");
    await shot(browser, "60-checklist-blocks");
    await finding.click();
    await browser.waitUntil(
      async () => browser.execute(() => document.activeElement?.getAttribute("data-testid")),
      { timeout: 5_000 },
    );
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute("data-testid")), "lead");

    // Fill the lead where the cursor is, then approve.
    await browser.keys(LEAD);
    await browser.waitUntil(async () => (await (await byId(browser, "lead")).getValue()) === LEAD, { timeout: 10_000 });
    await browser.pause(300);
    await waitSaved(browser);
    await move(browser, "approved");
    await statusIs(browser, "approved");
    const changes = await browser.$$('[data-testid="workflow-change"]');
    assert.equal(changes.length, 3, "three status changes in the history");
    assert.match(await changes[0].getText(), /Hùng/);

    // The list filters by status and by person.
    await (await byId(browser, "filter-status")).selectByAttribute("value", "approved");
    await browser.waitUntil(async () => (await listCount(browser)) === 1, { timeout: 5_000 });
    await (await byId(browser, "filter-status")).selectByAttribute("value", "draft");
    await (await byId(browser, "list-empty")).waitForDisplayed({ timeout: 5_000 });
    await (await byId(browser, "filter-status")).selectByAttribute("value", "");
    await (await byId(browser, "filter-person")).selectByAttribute("value", "Hùng");
    await browser.waitUntil(async () => (await listCount(browser)) === 1, { timeout: 5_000 });

    // Export as HTML into a temporary folder (not there yet: it is created).
    const out = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-export-")), "xuat");
    await (await byId(browser, "export-open")).click();
    await (await byId(browser, "export-dialog")).waitForDisplayed();
    assert.ok(await (await byId(browser, "export-format-html")).isSelected());
    await (await byId(browser, "export-out")).setValue(out);
    await (await byId(browser, "export-start")).click();
    const file = await byId(browser, "export-file");
    await file.waitForDisplayed({ timeout: 20_000 });
    const written = await file.getText();
    assert.ok(written.startsWith(out), written);
    assert.ok(written.endsWith(".html"), written);
    assert.ok(existsSync(written));
    const html = readFileSync(written, "utf8");
    assert.ok(html.includes("Quảng Trị đón 1.000 khách &lt;đầu mùa&gt;"), "the headline, escaped");
    assert.match(html, /Cập nhật: /);
    assert.ok(html.includes(LEAD));
    await shot(browser, "61-export-done");

    // ninjs 3.1 chosen in the dialog: the file written is a 3.1 document, not 2.2.
    const out31 = path.join(path.dirname(out), "ninjs31");
    await (await byId(browser, "export-format-html")).click();
    await (await byId(browser, "export-format-ninjs")).click();
    const version = await byId(browser, "export-ninjs-version");
    assert.ok(await version.isEnabled(), "the ninjs version is offered with ninjs");
    assert.ok(!(await (await byId(browser, "export-originals")).isEnabled()), "originals only with a package");
    await version.selectByAttribute("value", "3.1");
    await (await byId(browser, "export-out")).setValue(out31);
    await (await byId(browser, "export-start")).click();
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="export-file"]')).length === 1 &&
        (await (await byId(browser, "export-file")).getText()).endsWith(".ninjs.json"),
      { timeout: 20_000, timeoutMsg: "the ninjs export was not listed" },
    );
    const ninjs = JSON.parse(readFileSync(await (await byId(browser, "export-file")).getText(), "utf8"));
    assert.equal(ninjs.standard.version, "3.1");
    assert.ok(ninjs.versionCreated && !ninjs.versioncreated, "3.1 property names");
    assert.equal(ninjs.headlines[0].value, HEADLINE);
    assert.equal(await (await byId(browser, "export-progress")).getAttribute("max"), await (await byId(browser, "export-progress")).getAttribute("value"));
    await (await byId(browser, "export-format-ninjs")).click();
    await (await byId(browser, "export-format-html")).click();

    // A destination that is a file cannot be written into: the error says so.
    const notAFolder = path.join(path.dirname(out), "a-file.txt");
    writeFileSync(notAFolder, "x");
    await (await byId(browser, "export-out")).setValue(notAFolder);
    await (await byId(browser, "export-start")).click();
    const error = await byId(browser, "export-error");
    await error.waitForDisplayed({ timeout: 20_000 });
    assert.match(await error.getText(), /a-file\.txt/);
    await (await byId(browser, "export-close")).click();

    // The status change reached the store.
    const id = await (await byId(browser, "list-item")).getAttribute("data-id");
    const stored = JSON.parse(cli(dir, "article", "show", id, "--json"));
    assert.equal((stored.article ?? stored).status, "approved");
  } finally {
    await browser.deleteSession();
  }
});

test("a profile added in the app is the one recorded with a status change", async () => {
  const dir = freshDataDir();
  const browser = await launch(dir);
  try {
    await (await byId(browser, "profile-switch")).selectByAttribute("data-new", "1");
    await (await byId(browser, "profile-dialog")).waitForDisplayed();
    await (await byId(browser, "profile-name")).setValue("Lan");
    await (await byId(browser, "profile-role")).selectByAttribute("value", "reporter");
    await (await byId(browser, "profile-save")).click();
    await browser.waitUntil(async () => (await (await byId(browser, "profile-switch")).getValue()) === "Lan", {
      timeout: 10_000,
      timeoutMsg: "the new profile was not made current",
    });
    assert.match(cli(dir, "profile", "list"), /\* Lan\treporter/);

    await (await byId(browser, "new-draft")).click();
    await typeInto(await byId(browser, "headline"), "Tin của Lan");
    await browser.pause(300);
    await waitSaved(browser);
    // A reporter submits; taking the piece for edit is an editor's move, refused with the reason.
    await move(browser, "submitted");
    await statusIs(browser, "submitted");
    const change = await byId(browser, "workflow-change");
    await change.waitForDisplayed();
    assert.match(await change.getText(), /Lan/);
    // Issue 6: the autosaved revisions are credited to the profile, not the OS user.
    const id = await (await byId(browser, "list-item")).getAttribute("data-id");
    const revisions = JSON.parse(cli(dir, "revisions", id, "--json"));
    assert.ok(revisions.length >= 2, "created and autosaved");
    for (const r of revisions) assert.equal(r.author, "Lan", `revision v${r.version} (${r.kind})`);
    await move(browser, "in_edit");
    const error = await byId(browser, "workflow-error");
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.match(await error.getText(), /editor/);
    await statusIs(browser, "submitted");
  } finally {
    await browser.deleteSession();
  }
});

/** Every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("a package with the photos' originals from the export dialog; the data folder's originals untouched", async () => {
  const dir = freshDataDir();
  cli(dir, "profile", "add", "Hùng", "--role", "editor");
  const src = freshDataDir();
  const photo = path.join(src, "dong-lua.jpg");
  execFileSync("convert", ["-size", "900x600", "gradient:gold-green", photo]);
  execFileSync("exiftool", ["-q", "-overwrite_original", "-charset", "utf8",
    "-XMP-dc:Description=Nông dân Hải Lăng gặt lúa", "-XMP-dc:Creator=Trần Dũng",
    "-XMP-iptcCore:AltTextAccessibility=Người nông dân giữa ruộng lúa chín", photo]);
  const id = cli(dir, "article", "new", "--headline", "Mùa gặt", "--lead", "Nông dân thu hoạch lúa.", "--body", "Đoạn một.").trim();
  cli(dir, "photo", "import", "--article", id, photo);
  // The web renditions are gone (a restored data folder): the export makes them again.
  const webs = walk(path.join(dir, "photos/renditions")).filter((f) => f.endsWith("-1600.jpg"));
  assert.equal(webs.length, 1);
  for (const f of webs) rmSync(f);
  const originals = () => walk(path.join(dir, "photos/originals")).map((f) => [f, sha256(f)]);
  const before = originals();
  assert.equal(before.length, 1);

  const browser = await launch(dir);
  try {
    await (await byId(browser, "list-item")).click();
    await (await byId(browser, "export-open")).waitForClickable({ timeout: 10_000 });
    await (await byId(browser, "export-open")).click();
    await (await byId(browser, "export-dialog")).waitForDisplayed();
    await (await byId(browser, "export-format-html")).click();
    await (await byId(browser, "export-format-package")).click();
    const originalsBox = await byId(browser, "export-originals");
    assert.ok(await originalsBox.isEnabled(), "originals are offered with a package");
    await originalsBox.click();
    const out = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-export-")), "goi");
    await (await byId(browser, "export-out")).setValue(out);
    await (await byId(browser, "export-start")).click();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="export-file"]')).length > 0, {
      timeout: 30_000,
      timeoutMsg: "the package was not listed",
    });
    const listed = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="export-file"]')].map((e) => e.textContent),
    );
    const copy = listed.find((f) => f.endsWith("images/photo-01-original.jpg"));
    assert.ok(copy, listed.join("\n"));
    await shot(browser, "62-export-originals");
    const meta = JSON.parse(execFileSync("exiftool", ["-j", "-XMP-dc:Description", "-XMP-photoshop:Credit", "-IPTC:Caption-Abstract", copy], { encoding: "utf8" }))[0];
    assert.equal(meta.Description, "Nông dân Hải Lăng gặt lúa");
    assert.equal(meta["Caption-Abstract"], "Nông dân Hải Lăng gặt lúa");
    assert.equal(meta.Credit, "Ảnh: TRẦN DŨNG");
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(path.dirname(copy)), "manifest.json"), "utf8"));
    const entry = manifest.files.find((f) => f.path === "images/photo-01-original.jpg");
    assert.equal(entry?.sha256, sha256(copy));
    assert.deepEqual(originals(), before, "the original in the data folder changed");
    assert.ok(walk(path.join(dir, "photos/renditions")).some((f) => f.endsWith("-1600.jpg")), "the web rendition was made again");
  } finally {
    await browser.deleteSession();
  }
});
