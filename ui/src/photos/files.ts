// Where the webview loads photos from: the renditions folder of the photo store, through
// the asset protocol (the app allows that folder and nothing else).
import { convertFileSrc } from "@tauri-apps/api/core";
import { api } from "../api";

let dir: string | null = null;

/** Learns the renditions folder once; call before showing any photo. */
export async function loadRenditionsDir(): Promise<void> {
  if (dir === null) dir = await api.renditionsDir();
}

/** The asset URL of a photo's rendition: "320" (thumbnail) or "1600" (web). Named like
 * crates/photo/src/files.rs `rendition_path`: `<dir>/<sha[0..2]>/<sha>-<size>.jpg`. */
export function renditionUrl(sha256: string, size: "320" | "1600"): string {
  if (dir === null) return "";
  const sep = dir.includes("\\") ? "\\" : "/";
  return convertFileSrc(`${dir}${sep}${sha256.slice(0, 2)}${sep}${sha256}-${size}.jpg`);
}
