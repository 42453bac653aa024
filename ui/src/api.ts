// Typed calls to the app's commands. Every type comes from src/bindings (generated from Rust).
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings/ApiError";
import type { AppInfo } from "./bindings/AppInfo";
import type { Article } from "./bindings/Article";
import type { ArticleSummary } from "./bindings/ArticleSummary";
import type { DiffChunk } from "./bindings/DiffChunk";
import type { Lang } from "./bindings/Lang";
import type { Converted } from "./bindings/Converted";
import type { NewArticle } from "./bindings/NewArticle";
import type { ProofConfig } from "./bindings/ProofConfig";
import type { ProofFinding } from "./bindings/ProofFinding";
import type { Revision } from "./bindings/Revision";
import type { RevisionMeta } from "./bindings/RevisionMeta";
import type { SaveKind } from "./bindings/SaveKind";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { Settings } from "./bindings/Settings";

/** An error from the backend, with its stable code. */
export class CommandError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isApiError(e)) throw new CommandError(e.code, e.message);
    throw new CommandError("ipc", String(e));
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  listArticles: (trash: boolean) => call<ArticleSummary[]>("article_list", { trash }),
  getArticle: (id: string) => call<Article>("article_get", { id }),
  createArticle: (draft: NewArticle) => call<Article>("article_create", { new: draft }),
  saveArticle: (article: Article, expectedVersion: number, kind: SaveKind) =>
    call<SaveOutcome>("article_save", { article, expectedVersion, kind }),
  trashArticle: (id: string) => call<Article>("article_trash", { id }),
  untrashArticle: (id: string) => call<Article>("article_untrash", { id }),
  purgeArticle: (id: string) => call<null>("article_purge", { id }),
  listRevisions: (articleId: string) => call<RevisionMeta[]>("revision_list", { articleId }),
  getRevision: (id: string) => call<Revision>("revision_get", { id }),
  restoreRevision: (articleId: string, id: string) => call<Article>("revision_restore", { articleId, id }),
  diffRevisions: (old: string, newer: string, lang: Lang) =>
    call<DiffChunk[]>("revision_diff", { old, new: newer, lang }),
  getSettings: () => call<Settings>("settings_get"),
  setSettings: (settings: Settings) => call<Settings>("settings_set", { settings }),
  proofTexts: (texts: string[]) => call<ProofFinding[][]>("proof_texts", { texts }),
  convertText: (text: string) => call<Converted>("proof_convert", { text }),
  getProofConfig: () => call<ProofConfig>("proof_config_get"),
  setProofConfig: (config: ProofConfig) => call<ProofConfig>("proof_config_set", { config }),
};

export type Api = typeof api;
