// Editor benchmark (issue 3), not part of the test run: in the real webview, open a
// 10,000-word draft (click in the list → body shown, measured in the page) and type
// 1,000 keystrokes into it through WebDriver with autosave on; the in-page probe
// (ui/src/editor/latency.ts, enabled by a test flag) records keydown → next frame after
// the DOM change. Run with tauri-driver listening (see BENCHMARKS.md for the command).
import { Key } from "webdriverio";
import { byId, cli, freshDataDir, launch, waitSaved } from "./lib.mjs";

const WORDS = 10_000;
const KEYS = Number(process.env.BENCH_KEYS ?? 1000);
const OPENS = Number(process.env.BENCH_OPENS ?? 5);

function body10k() {
  const sentence = "Người dân Quảng Trị đón Tết trong niềm vui và hy vọng về một năm mới nhiều thắng lợi.";
  const perSentence = sentence.split(" ").length; // 19
  const paras = [];
  let words = 0;
  while (words < WORDS) {
    const n = Math.min(5, Math.ceil((WORDS - words) / perSentence));
    paras.push(Array(n).fill(sentence).join(" "));
    words += n * perSentence;
  }
  return paras.join("\n\n");
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => x.toFixed(1);

const dir = freshDataDir();
cli(dir, "article", "new", "--headline", "Bài ngắn", "--body", "Một đoạn.");
const id = cli(dir, "article", "new", "--headline", "Bài 10.000 chữ", "--body", body10k()).trim();
const browser = await launch(dir);
try {
  await browser.execute(() => localStorage.setItem("newsdesk.latencyProbe", "1"));
  await browser.execute(() => location.reload());
  await (await byId(browser, "new-draft")).waitForDisplayed({ timeout: 20_000 });

  // Open time: alternate between the short article and the long one; measure the long one.
  const opens = [];
  for (let i = 0; i < OPENS; i++) {
    await (await browser.$(`[data-testid="list-item"]:not([data-id="${id}"])`)).click();
    await browser.pause(300);
    const ms = await browser.executeAsync((longId, done) => {
      const t0 = performance.now();
      document.querySelector(`[data-testid="list-item"][data-id="${longId}"]`).click();
      const check = () => {
        const body = document.querySelector('[data-testid="body"]');
        if (body && body.childElementCount > 100) requestAnimationFrame(() => done(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    }, id);
    opens.push(ms);
    const phases = await browser.execute(() => {
      const at = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN;
      return { fetch: at("open:fetched") - at("open:start"), build: at("open:built") - at("open:fetched") };
    });
    console.log(`  open ${ms.toFixed(0)} ms: fetch ${phases.fetch.toFixed(0)} ms, build editor ${phases.build.toFixed(0)} ms`);
  }

  /** Types `n` keys at the end of the open body, one WebDriver call each; returns the probe's samples. */
  async function typeKeys(n) {
    const body = await byId(browser, "body");
    await body.click();
    await browser.keys([Key.Ctrl, Key.End]);
    // Warm up (the first keys after opening pay for lazy work), then measure.
    for (const k of "Mở ") await browser.keys(k);
    await browser.pause(300);
    await browser.execute(() => {
      window.__newsdeskLatency = [];
      window.__newsdeskLatencyScript = [];
    });
    const text = "Tết đến xuân về, Đà Nẵng và Quảng Trị ";
    for (let i = 0; i < n; i++) await browser.keys(text[i % text.length]);
    await browser.pause(500);
    const [frame, script] = await browser.execute(() => [window.__newsdeskLatency, window.__newsdeskLatencyScript]);
    frame.script = script;
    return frame;
  }
  const samples = await typeKeys(KEYS);
  await waitSaved(browser, 30_000);
  const words = JSON.parse(cli(dir, "article", "show", id, "--json"));
  const saved = JSON.stringify(words).includes("Tết đến xuân về");

  // Baseline in the same run: the same typing into the one-paragraph article.
  await (await browser.$(`[data-testid="list-item"]:not([data-id="${id}"])`)).click();
  await browser.pause(500);
  const base = await typeKeys(Math.min(KEYS, 300));

  console.log(`open 10,000-word draft (${OPENS} runs): median ${fmt(pct(opens, 50))} ms, max ${fmt(Math.max(...opens))} ms`);
  console.log(
    `keystroke → paint (${samples.length} samples of ${KEYS} keys): median ${fmt(pct(samples, 50))} ms, ` +
      `p95 ${fmt(pct(samples, 95))} ms, max ${fmt(Math.max(...samples))} ms; typed text autosaved: ${saved}`,
  );
  console.log(
    `  of which script (key → DOM changed): median ${fmt(pct(samples.script, 50))} ms, ` +
      `p95 ${fmt(pct(samples.script, 95))} ms, max ${fmt(Math.max(...samples.script))} ms`,
  );
  console.log(
    `baseline, one-paragraph article (${base.length} samples): median ${fmt(pct(base, 50))} ms, ` +
      `p95 ${fmt(pct(base, 95))} ms, max ${fmt(Math.max(...base))} ms`,
  );
  console.log(
    `  of which script: median ${fmt(pct(base.script, 50))} ms, p95 ${fmt(pct(base.script, 95))} ms, ` +
      `max ${fmt(Math.max(...base.script))} ms`,
  );
} finally {
  await browser.deleteSession();
}
