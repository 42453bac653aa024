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
  const result = await browser.executeAsync((done) => {
    const grid = document.querySelector('[data-testid="photo-grid"]');
    const frames = [];
    let maxCells = 0;
    let last = performance.now();
    const step = grid.clientHeight / 2; // half a screen per frame: a fast fling
    function tick(now) {
      frames.push(now - last);
      last = now;
      maxCells = Math.max(maxCells, grid.querySelectorAll('[data-testid="photo-cell"]').length);
      if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) {
        done({ frames: frames.slice(1), maxCells, count: Number(grid.dataset.count), height: grid.scrollHeight });
        return;
      }
      grid.scrollTop += step;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
  const f = result.frames;
  console.log(`photos in grid: ${result.count}; scroll height ${result.height} px; frames: ${f.length}`);
  console.log(`frame interval ms: p50 ${pct(f, 50).toFixed(1)}, p95 ${pct(f, 95).toFixed(1)}, max ${Math.max(...f).toFixed(1)}`);
  console.log(`most cells in the DOM at once: ${result.maxCells}`);
} finally {
  await browser.deleteSession();
}
