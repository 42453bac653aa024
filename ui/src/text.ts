// Counting and time formatting that mirror the Rust core (newsdesk_core::text, dateline::short_time).
import type { Lang } from "./bindings/Lang";

/** Words as the core counts them: white-space separated runs holding a letter or digit. */
export function wordCount(s: string): number {
  return s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Characters after NFC, as the core counts them. */
export function charCount(s: string): number {
  return [...s.normalize("NFC")].length;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The day and time of an instant in a time zone, as two-digit strings. */
function clock(iso: string, timeZone: string): { d: string; m: string; y: string; hh: string; mm: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { d: get("day"), m: get("month"), y: get("year"), hh: get("hour"), mm: get("minute") };
}

/** `08/03/2017 06:53` (vi) or `Mar 8, 2017 06:53` (en) in the newsroom's time zone. */
export function shortTime(iso: string, timeZone: string, lang: Lang): string {
  const { hh, mm } = clock(iso, timeZone);
  return `${shortDate(iso, timeZone, lang)} ${hh}:${mm}`;
}

/** `08/03/2017` (vi) or `Mar 8, 2017` (en) in the newsroom's time zone. */
export function shortDate(iso: string, timeZone: string, lang: Lang): string {
  const { d, m, y } = clock(iso, timeZone);
  if (lang === "vi") return `${d}/${m}/${y}`;
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}
