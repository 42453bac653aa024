// Diacritic-insensitive matching for Vietnamese: "da nang" finds "Đà Nẵng".
import type { ArticleSummary } from "./bindings/ArticleSummary";

/** Lower case, without diacritics, đ→d; one output character per NFC input character. */
export function fold(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC");
}

/** Articles whose headline holds every word of `query` (folded), excluding `exclude`. */
export function searchHeadlines(list: ArticleSummary[], query: string, exclude: string[] = [], limit = 10): ArticleSummary[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (!words.length) return [];
  return list
    .filter((a) => !exclude.includes(a.id))
    .filter((a) => {
      const h = fold(a.headline);
      return words.every((w) => h.includes(w));
    })
    .slice(0, limit);
}
