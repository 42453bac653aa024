// Keystroke-to-paint probe for the editor benchmark (tests/e2e/bench-editor.mjs). Off unless
// the test flag `localStorage["newsdesk.latencyProbe"] = "1"` is set: then every keydown in
// the body records the time from the key to the first animation frame after the DOM changed,
// into `window.__newsdeskLatency` (milliseconds), and the part of it spent before the DOM
// changed (the editor's own script work: key handling, transaction, view update) into
// `window.__newsdeskLatencyScript`.

const FLAG = "newsdesk.latencyProbe";

declare global {
  interface Window {
    __newsdeskLatency?: number[];
    __newsdeskLatencyScript?: number[];
  }
}

/** Starts the probe on `el` when the test flag is set; returns the function that stops it. */
export function installLatencyProbe(el: HTMLElement): () => void {
  let enabled = false;
  try {
    enabled = localStorage.getItem(FLAG) === "1";
  } catch {
    enabled = false;
  }
  if (!enabled) return () => {};
  window.__newsdeskLatency ??= [];
  window.__newsdeskLatencyScript ??= [];
  let start: number | null = null;
  const onKey = (e: KeyboardEvent) => {
    const now = performance.now();
    // event.timeStamp is on the same clock when the engine gives a high-resolution one.
    start = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
  };
  const observer = new MutationObserver(() => {
    if (start === null) return;
    const s = start;
    start = null;
    (window.__newsdeskLatencyScript ??= []).push(performance.now() - s);
    requestAnimationFrame(() => (window.__newsdeskLatency ??= []).push(performance.now() - s));
  });
  observer.observe(el, { childList: true, subtree: true, characterData: true });
  el.addEventListener("keydown", onKey, true);
  return () => {
    observer.disconnect();
    el.removeEventListener("keydown", onKey, true);
  };
}
