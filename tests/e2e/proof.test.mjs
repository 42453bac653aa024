// Issue 7 in the real window: proofing as you type. Typed errors are underlined by severity
// and listed in the panel; a one-click fix changes the text; "ignore here" hides a finding;
// "add to newsroom words" stores the word in the house settings; TCVN3 text pasted into the
// body is converted to Unicode with a notice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byId, cli, freshDataDir, launch, shot, waitSaved } from "./lib.mjs";

const TYPED = "Công ty đã đat được kết quả , các các chỉ tiêu";

const bodyText = (browser) => browser.execute(() => document.querySelector('[data-testid="body"]').textContent);
const rules = (browser) =>
  browser.execute(() => [...document.querySelectorAll('[data-testid="proof-item"]')].map((e) => e.dataset.rule));

async function waitRules(browser, check, msg) {
  await browser.waitUntil(async () => check(await rules(browser)), { timeout: 20_000, timeoutMsg: msg });
}

test("typed errors are underlined and listed; a one-click fix changes the text", async () => {
  const dir = freshDataDir();
  const id = cli(dir, "article", "new", "--headline", "Kết quả kinh doanh").trim();
  const browser = await launch(dir);
  try {
    await (await browser.$(`[data-testid="list-item"][data-id="${id}"]`)).click();
    const body = await byId(browser, "body");
    await body.waitForDisplayed();
    await body.click();
    await browser.keys(TYPED);
    await browser.waitUntil(async () => (await bodyText(browser)).includes(TYPED), { timeout: 20_000 });

    await waitRules(
      browser,
      (r) => r.includes("doubled-word") && r.includes("space-before-punctuation") && r.includes("syllable-stop-tone"),
      "the panel never listed the doubled word, the space before the comma and đat",
    );
    // Underlines in the body, by severity.
    const underlined = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="body"] .proof')].map((e) => [e.dataset.rule, e.className, e.textContent]),
    );
    const doubled = underlined.find(([r]) => r === "doubled-word");
    assert.ok(doubled, `an underline for the doubled word: ${JSON.stringify(underlined)}`);
    assert.match(doubled[1], /proof-error/);
    assert.equal(doubled[2], "các các");
    assert.ok(underlined.some(([r, , t]) => r === "syllable-stop-tone" && t === "đat"), JSON.stringify(underlined));
    // Messages in the interface language (Vietnamese by default).
    const messages = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="proof-item"] .proof-message')].map((e) => e.textContent),
    );
    assert.ok(messages.every((m) => m && m.length > 3), JSON.stringify(messages));
    await shot(browser, "proof-findings");

    // One click: the doubled word goes.
    const fix = await browser.$('[data-testid="proof-item"][data-rule="doubled-word"] [data-testid="proof-fix"]');
    await fix.click();
    await browser.waitUntil(async () => !(await bodyText(browser)).includes("các các"), {
      timeout: 10_000,
      timeoutMsg: "the fix did not change the text",
    });
    assert.ok((await bodyText(browser)).includes("kết quả , các chỉ tiêu"), await bodyText(browser));
    // The space before the comma too.
    await (await browser.$('[data-testid="proof-item"][data-rule="space-before-punctuation"] [data-testid="proof-fix"]')).click();
    await browser.waitUntil(async () => (await bodyText(browser)).includes("kết quả, các chỉ tiêu"), {
      timeout: 10_000,
      timeoutMsg: "the space before the comma was not removed",
    });
    await waitRules(browser, (r) => !r.includes("doubled-word") && !r.includes("space-before-punctuation"), "fixed findings stayed listed");

    // "Ignore here" hides đat for this article.
    await (await browser.$('[data-testid="proof-item"][data-rule="syllable-stop-tone"] [data-testid="proof-ignore"]')).click();
    await waitRules(browser, (r) => !r.includes("syllable-stop-tone"), "the ignored finding stayed");
    await shot(browser, "proof-fixed");

    await waitSaved(browser);
    const stored = JSON.parse(cli(dir, "article", "show", id, "--json"));
    const article = stored.article ?? stored;
    assert.match(JSON.stringify(article.body), /kết quả, các chỉ tiêu/);
  } finally {
    await browser.deleteSession();
  }
});

test("a word added to the newsroom words is no longer flagged; a TCVN3 paste is converted", async () => {
  const dir = freshDataDir();
  const id = cli(dir, "article", "new", "--headline", "Từ mới").trim();
  const browser = await launch(dir);
  try {
    await (await browser.$(`[data-testid="list-item"][data-id="${id}"]`)).click();
    const body = await byId(browser, "body");
    await body.waitForDisplayed();
    await body.click();
    await browser.keys("Làng nghiêp truyền thống.");
    await waitRules(browser, (r) => r.includes("syllable-stop-tone"), "nghiêp was not flagged");
    await (await browser.$('[data-testid="proof-item"][data-rule="syllable-stop-tone"] [data-testid="proof-add-word"]')).click();
    await waitRules(browser, (r) => !r.includes("syllable-stop-tone"), "the newsroom word is still flagged");

    // The word list is in the settings dialog, editable.
    await (await byId(browser, "settings")).click();
    const words = await byId(browser, "set-newsroom-words");
    await words.waitForDisplayed();
    assert.match(await words.getValue(), /nghiêp/);
    await (await byId(browser, "settings-save")).click();

    // Paste TCVN3: "Hµ Néi" is Hà Nội.
    await body.click();
    await browser.execute(() => {
      const dt = new DataTransfer();
      dt.setData("text/plain", " Hµ Néi");
      document.querySelector('[data-testid="body"]').dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    });
    await browser.waitUntil(async () => (await bodyText(browser)).includes("Hà Nội"), {
      timeout: 10_000,
      timeoutMsg: "the TCVN3 paste was not converted",
    });
    const notice = await byId(browser, "paste-notice");
    assert.match(await notice.getText(), /TCVN3/);
    await shot(browser, "proof-paste-tcvn3");
  } finally {
    await browser.deleteSession();
  }
});
