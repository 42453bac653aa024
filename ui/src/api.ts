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
import type { Person } from "./bindings/Person";
import type { Photo } from "./bindings/Photo";
import type { RecentSearch } from "./bindings/RecentSearch";
import type { ProofConfig } from "./bindings/ProofConfig";
import type { ProofFinding } from "./bindings/ProofFinding";
import type { Revision } from "./bindings/Revision";
import type { RevisionMeta } from "./bindings/RevisionMeta";
import type { SaveKind } from "./bindings/SaveKind";
import type { SaveOutcome } from "./bindings/SaveOutcome";
import type { SearchHit } from "./bindings/SearchHit";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { Settings } from "./bindings/Settings";
import type { PhotoFilter } from "./bindings/PhotoFilter";
import type { PhotoMeta } from "./bindings/PhotoMeta";
import type { Placement } from "./bindings/Placement";
import type { PrintedCredit } from "./bindings/PrintedCredit";
import type { Checklist } from "./bindings/Checklist";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { RenderOptions } from "./bindings/RenderOptions";
import type { ListFilter } from "./bindings/ListFilter";
import type { Profile } from "./bindings/Profile";
import type { ProfileRole } from "./bindings/ProfileRole";
import type { Status } from "./bindings/Status";
import type { StatusChange } from "./bindings/StatusChange";
import type { BundleManifest } from "./bindings/BundleManifest";
import type { BundlePreview } from "./bindings/BundlePreview";
import type { WaitingBundle } from "./bindings/WaitingBundle";
import type { MergePlan } from "./bindings/MergePlan";
import type { Conflict } from "./bindings/Conflict";
import type { Expansion } from "./bindings/Expansion";
import type { NewPerson } from "./bindings/NewPerson";
import type { PeopleImport } from "./bindings/PeopleImport";
import type { TemplateCatalog } from "./bindings/TemplateCatalog";
import type { Voice } from "./bindings/Voice";
import type { ConnectionReport } from "./bindings/ConnectionReport";
import type { PublishRecord } from "./bindings/PublishRecord";
import type { PublishTarget } from "./bindings/PublishTarget";
import type { Published } from "./bindings/Published";
import type { SecretPlace } from "./bindings/SecretPlace";
import type { TargetInput } from "./bindings/TargetInput";
import type { TargetSaved } from "./bindings/TargetSaved";

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
  search: (query: SearchQuery) => call<SearchHit[]>("search_run", { query }),
  rememberSearch: (text: string) => call<null>("search_remember", { text }),
  recentSearches: () => call<RecentSearch[]>("search_recent"),
  clearRecentSearches: () => call<null>("search_clear_recent"),
  getPhoto: (id: string) => call<Photo>("photo_get", { id }),
  getPerson: (id: string) => call<Person>("person_get", { id }),
  importPhotos: (paths: string[], article: string | null = null) => call<null>("photo_import", { paths, article }),
  listPhotos: (filter: PhotoFilter) => call<Photo[]>("photo_list", { filter }),
  updatePhotoMeta: (id: string, meta: PhotoMeta) => call<Photo>("photo_update_meta", { id, meta }),
  renditionsDir: () => call<string>("photo_renditions_dir"),
  /** Places a photo before body block `at`, or at the end. */
  placePhoto: (articleId: string, photoId: string, at: number | null = null) =>
    call<[Placement, Article]>("placement_place", { articleId, photoId, at }),
  listPlacements: (articleId: string) => call<Placement[]>("placement_list", { articleId }),
  updatePlacement: (placement: Placement) => call<Placement>("placement_update", { placement }),
  removePlacement: (id: string) => call<Article>("placement_remove", { id }),
  movePlacement: (id: string, up: boolean) => call<Article>("placement_move", { id, up }),
  printedCredits: (articleId: string) => call<PrintedCredit[]>("placement_credits", { articleId }),
  proofTexts: (texts: string[]) => call<ProofFinding[][]>("proof_texts", { texts }),
  convertText: (text: string) => call<Converted>("proof_convert", { text }),
  getProofConfig: () => call<ProofConfig>("proof_config_get"),
  setProofConfig: (config: ProofConfig) => call<ProofConfig>("proof_config_set", { config }),
  listProfiles: () => call<Profile[]>("profile_list"),
  currentProfile: () => call<Profile | null>("profile_current"),
  addProfile: (name: string, role: ProfileRole) => call<Profile>("profile_add", { name, role }),
  useProfile: (name: string) => call<Profile>("profile_use", { name }),
  nextStatuses: (from: Status) => call<Status[]>("workflow_next", { from }),
  changeStatus: (id: string, to: Status) => call<Article>("workflow_change", { id, to }),
  statusHistory: (id: string) => call<StatusChange[]>("workflow_history", { id }),
  listFiltered: (filter: ListFilter) => call<ArticleSummary[]>("workflow_list", { filter }),
  runChecklist: (id: string) => call<Checklist>("checklist_run", { id }),
  startExport: (id: string, formats: ExportFormat[], out: string, zip: boolean, force: boolean, render: RenderOptions) =>
    call<null>("export_run", { id, formats, out, zip, force, render }),
  exportBundle: (ids: string[], path: string) => call<BundleManifest>("bundle_export", { ids, path }),
  sendToDesk: (ids: string[], to: string) => call<string>("bundle_send_to_desk", { ids, to }),
  watchFolder: () => call<string | null>("watch_folder_get"),
  setWatchFolder: (folder: string | null) => call<null>("watch_folder_set", { folder }),
  watchWaiting: () => call<WaitingBundle[]>("watch_waiting"),
  pendingBundle: () => call<string | null>("bundle_pending"),
  planBundle: (path: string) => call<BundlePreview>("bundle_plan", { path }),
  importBundle: (path: string) => call<MergePlan>("bundle_import", { path }),
  bundleConflicts: (articleId: string) => call<Conflict[]>("bundle_conflicts", { articleId }),
  resolveBundleConflict: (revisionId: string) => call<null>("bundle_resolve_conflict", { revisionId }),
  listTemplates: () => call<TemplateCatalog>("template_list"),
  articleFromTemplate: (key: string, bylines: string[]) => call<Article>("article_from_template", { key, bylines }),
  listPeople: () => call<Person[]>("person_list"),
  findPeople: (query: string, limit = 8) => call<Person[]>("person_find", { query, limit }),
  addPerson: (person: NewPerson) => call<Person>("person_add", { new: person }),
  updatePerson: (person: Person) => call<Person>("person_update", { person }),
  removePerson: (id: string) => call<null>("person_remove", { id }),
  importPeopleCsv: (text: string) => call<PeopleImport>("person_import_csv", { text }),
  voiceFor: (person: string, article: string) => call<Voice>("person_voice", { person, article }),
  expandCodes: (text: string, day: string) => call<Expansion>("person_expand", { text, day }),
  listTargets: () => call<PublishTarget[]>("target_list"),
  targetSecrets: () => call<SecretPlace>("target_secrets"),
  unlockVault: (password: string) => call<null>("target_unlock", { password }),
  /** Adds or changes a target; `password` null keeps the stored one. */
  saveTarget: (target: TargetInput, password: string | null) =>
    call<TargetSaved>("target_save", { target, password }),
  removeTarget: (name: string) => call<null>("target_remove", { name }),
  testTarget: (name: string) => call<ConnectionReport>("target_test", { name }),
  /** Starts a publish in the background: `publish-progress`, then `publish-done` or `publish-failed`. */
  startPublish: (id: string, target: string, live: boolean) => call<null>("publish_run", { id, target, live }),
  withdraw: (id: string, target: string) => call<Published>("publish_withdraw", { id, target }),
  publishRecord: (id: string) => call<PublishRecord>("publish_record", { id }),
};

export type Api = typeof api;
