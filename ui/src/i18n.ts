// Interface strings: every visible string comes from i18n/vi.json or i18n/en.json.
import vi from "./i18n/vi.json";
import en from "./i18n/en.json";
import type { Lang } from "./bindings/Lang";

export type Key = keyof typeof vi;
const tables: Record<Lang, Record<Key, string>> = { vi, en };

let current: Lang = "vi";

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const template = tables[current][key] ?? tables.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Both tables, for the test that every key exists in each language. */
export const _tables = tables;
