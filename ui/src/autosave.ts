// Autosave: saves within `delay` ms of the last change, never blocks typing, never runs
// two saves at once, and reports saved / saving / dirty / error / conflict.
import type { Article } from "./bindings/Article";
import type { Conflict } from "./bindings/Conflict";
import type { SaveKind } from "./bindings/SaveKind";
import type { SaveOutcome } from "./bindings/SaveOutcome";

export type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; code: string; message: string }
  | { kind: "conflict"; conflict: Conflict };

export type SaveFn = (article: Article, expectedVersion: number, kind: SaveKind) => Promise<SaveOutcome>;

export interface AutosaveOptions {
  save: SaveFn;
  onState: (s: SaveState) => void;
  /** Called with the stored article after each successful save. */
  onSaved?: (a: Article) => void;
  delay?: number;
  /** Retry after an error (ms); 0 disables. */
  retryDelay?: number;
}

export class Autosave {
  private pending: Article | null = null;
  private pendingKind: SaveKind = { kind: "auto" };
  private version: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private state: SaveState = { kind: "saved" };
  private readonly delay: number;
  private readonly retryDelay: number;

  constructor(
    initialVersion: number,
    private opts: AutosaveOptions,
  ) {
    this.version = initialVersion;
    this.delay = opts.delay ?? 800;
    this.retryDelay = opts.retryDelay ?? 5000;
  }

  /** The version the next save will say it started from. */
  get baseVersion(): number {
    return this.version;
  }

  get current(): SaveState {
    return this.state;
  }

  private set(s: SaveState) {
    this.state = s;
    this.opts.onState(s);
  }

  /** The writer changed something; `article` is the whole current text. */
  change(article: Article): void {
    if (this.state.kind === "conflict") {
      // Keep typing safe: the text is held and saved once the conflict is resolved.
      this.pending = article;
      return;
    }
    this.pending = article;
    if (this.state.kind !== "saving") this.set({ kind: "dirty" });
    this.schedule(this.delay);
  }

  /** Saves now (Ctrl+S); a named save marks the revision with `label`. */
  async saveNow(article: Article, label?: string): Promise<void> {
    this.pending = article;
    this.pendingKind = label ? { kind: "named", label } : { kind: "auto" };
    await this.flush();
  }

  /** Waits until nothing is pending or in flight. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight || (this.pending && this.state.kind !== "conflict")) {
      if (this.inFlight) await this.inFlight;
      else this.run();
    }
  }

  /** After the writer resolved a conflict: continue from `version` (the stored head). */
  resolved(version: number, pending: Article | null): void {
    this.version = version;
    this.set({ kind: "saved" });
    if (pending) this.change(pending);
  }

  dispose(): void {
    this.clearTimer();
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.inFlight) this.run();
    }, ms);
  }

  private run(): void {
    const article = this.pending;
    if (!article) return;
    const kind = this.pendingKind;
    this.pending = null;
    this.pendingKind = { kind: "auto" };
    this.set({ kind: "saving" });
    this.inFlight = this.opts
      .save(article, this.version, kind)
      .then((outcome) => {
        if (outcome.outcome === "saved") {
          this.version = Number(outcome.article.version);
          this.opts.onSaved?.(outcome.article);
          if (this.pending) {
            this.set({ kind: "dirty" });
            this.schedule(0);
          } else {
            this.set({ kind: "saved" });
          }
        } else {
          // The losing text is already kept as a revision by the store; hold later edits.
          this.pending = this.pending ?? null;
          this.set({ kind: "conflict", conflict: outcome.conflict });
        }
      })
      .catch((e: { code?: string; message?: string }) => {
        // Keep the text: it is retried on the next change or after retryDelay.
        this.pending = this.pending ?? article;
        this.set({ kind: "error", code: e.code ?? "error", message: e.message ?? String(e) });
        if (this.retryDelay > 0) this.schedule(this.retryDelay);
      })
      .finally(() => {
        this.inFlight = null;
      });
  }
}
