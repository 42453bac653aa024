// Shared pieces of the real-window tests: start the app through tauri-driver (which must
// already listen on 127.0.0.1:4444, see scripts/e2e.sh), find elements by test id,
// take screenshots into artifacts/screenshots (not committed).
import { remote } from "webdriverio";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
const TARGET = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, "target");
export const APP = process.env.NEWSDESK_APP ?? path.join(TARGET, "debug/newsdesk-app");
export const CLI = process.env.NEWSDESK_CLI ?? path.join(TARGET, "debug/newsdesk");
export const SHOTS = process.env.NEWSDESK_SCREENSHOTS ?? path.join(ROOT, "artifacts/screenshots");

export function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "newsdesk-e2e-"));
}

/** Starts the app on `dataDir` (with `args` after `--data-dir DIR`, as a file manager passes a
 * double-clicked file) and waits until the desk is shown. */
export async function launch(dataDir, args = []) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    logLevel: "error",
    connectionRetryTimeout: 60_000,
    capabilities: {
      "tauri:options": { application: APP, args: ["--data-dir", dataDir, ...args] },
    },
  });
  try {
    await (await byId(browser, "new-draft")).waitForDisplayed({ timeout: 20_000 });
  } catch (e) {
    await shot(browser, "launch-failed").catch(() => {});
    await browser.deleteSession().catch(() => {});
    throw e;
  }
  return browser;
}

export async function byId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

export async function shot(browser, name) {
  mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}

/** Waits until the save status says everything typed is stored. */
export async function waitSaved(browser, timeout = 30_000) {
  const status = await byId(browser, "save-status");
  await browser.waitUntil(async () => (await status.getAttribute("data-state")) === "saved", {
    timeout,
    timeoutMsg: "autosave did not finish",
  });
}

/** Runs the newsdesk CLI against a data folder. */
export function cli(dataDir, ...args) {
  return execFileSync(CLI, ["--data-dir", dataDir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** Types text into a field like a person would (key events, not a value assignment). */
export async function typeInto(el, text) {
  await el.click();
  await el.addValue(text);
}
