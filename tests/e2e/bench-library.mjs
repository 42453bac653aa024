// Photo library benchmark (issue 4), not part of the test run: 10,000 photos in the real
// webview's library grid. The photos are one small JPEG made distinct by a comment segment
// (the content-addressed store keeps 10,000 originals and 20,000 renditions), imported
// through the CLI. In the page, the grid is scrolled from top to bottom in steps, one step
// per animation frame, and the frame intervals are recorded; also the number of cells in the
// DOM (the grid is virtualised, so it stays a few screens' worth). Run with tauri-driver
// listening (see BENCHMARKS.md for the command).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { byId, cli, freshDataDir, launch } from "./lib.mjs";

const N = Number(process.env.BENCH_PHOTOS ?? 10_000);
const BATCH = 500;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const src = freshDataDir();
const base = path.join(src, "base.jpg");
execFileSync("convert", ["-size", "320x240", "gradient:gold-green", "-quality", "80", base]);
const jpeg = fs.readFileSync(base);
const files = [];
for (let i = 0; i < N; i++) {
  // SOI, then a COM segment naming the photo, then the rest: distinct bytes, same picture.
  const text = Buffer.from(`newsdesk bench photo ${i}`);
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(text.length + 2, 2);
  const file = path.join(src, `anh-${String(i).padStart(5, "0")}.jpg`);
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), com, text, jpeg.subarray(2)]));
  files.push(file);
}
const dir = freshDataDir();
const t0 = performance.now();
for (let i = 0; i < files.length; i += BATCH) cli(dir, "photo", "import", ...files.slice(i, i + BATCH), "--json");
console.log(`imported ${N} photos in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const browser = await launch(dir);
try {
  await (await byId(browser, "view-switch")).click();
  await browser.waitUntil(
    () => browser.execute(() => document.querySelector('[data-testid="photo-grid"]')?.dataset.count),
    { timeout: 60_000 },
  );
  // One pass: `frames` animation frames, scrolling `step` px per frame (0: idle, the
  // baseline of what a frame costs here at all; "half": half a screen, a fling).
  const pass = (step, frames) =>
    browser.executeAsync((step, frames, done) => {
      const grid = document.querySelector('[data-testid="photo-grid"]');
      const by = step === "half" ? grid.clientHeight / 2 : step;
      const gaps = [];
      let maxCells = 0;
      let last = performance.now();
      function tick(now) {
        gaps.push(now - last);
        last = now;
        maxCells = Math.max(maxCells, grid.querySelectorAll('[data-testid="photo-cell"]').length);
        const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1;
        if (gaps.length > frames || (by > 0 && atEnd)) {
          done({ gaps: gaps.slice(1), maxCells, count: Number(grid.dataset.count), height: grid.scrollHeight });
          return;
        }
        grid.scrollTop += by;
        requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    }, step, frames);
  const report = (name, r) =>
    console.log(
      `${name}: ${r.gaps.length} frames, interval ms p50 ${pct(r.gaps, 50).toFixed(1)}, p95 ${pct(r.gaps, 95).toFixed(1)}, ` +
        `max ${Math.max(...r.gaps).toFixed(1)}; most cells in the DOM ${r.maxCells}`,
    );
  await browser.execute(() => (document.querySelector('[data-testid="photo-grid"]').scrollTop = 0));
  const idle = await pass(0, 120);
  console.log(`photos in grid: ${idle.count}; scroll height ${idle.height} px`);
  report("idle (baseline)", idle);
  report("wheel, 40 px a frame", await pass(40, 600));
  await browser.execute(() => (document.querySelector('[data-testid="photo-grid"]').scrollTop = 0));
  report("fling, half a screen a frame, to the end", await pass("half", 100000));
} finally {
  await browser.deleteSession();
}
