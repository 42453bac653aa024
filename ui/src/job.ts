// A background job the backend runs for a dialog (an export, a publish): it reports
// `NAME-progress` events while it works and ends with one `NAME-done` or `NAME-failed`.
import { listen } from "@tauri-apps/api/event";
import type { ApiError } from "./bindings/ApiError";

export interface JobHandlers<P, D> {
  progress(p: P): void;
  done(d: D): void;
  failed(e: ApiError): void;
}

/** Follows one job. `stop()` ends the listening (the dialog closed, or the job is over). */
export class Job<P, D> {
  private unlisten: (() => void)[] = [];

  /** Starts listening to the job's three events; resolves once all three listen. */
  async follow(name: string, on: JobHandlers<P, D>): Promise<void> {
    this.stop();
    this.unlisten = await Promise.all([
      listen<P>(`${name}-progress`, (e) => on.progress(e.payload)),
      listen<D>(`${name}-done`, (e) => on.done(e.payload)),
      listen<ApiError>(`${name}-failed`, (e) => on.failed(e.payload)),
    ]);
  }

  stop(): void {
    for (const u of this.unlisten) u();
    this.unlisten = [];
  }
}
