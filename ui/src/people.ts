// The people directory's rules the UI needs, pure: what someone was on a day (as
// crates/core `Person::designation_on` and `described_on` give it) and list filtering.
import type { Person } from "./bindings/Person";
import type { Post } from "./bindings/Post";
import { fold } from "./search";

/** Whether `post` was held on `day` (`YYYY-MM-DD`; open ends hold forever). */
export function heldOn(post: Post, day: string): boolean {
  return (!post.from || post.from <= day) && (!post.until || day <= post.until);
}

/** Titles in order and the position(s) held on `day`. */
export function designationOn(p: Person, day: string): { titles: string[]; position: string } {
  const held = (kind: Post["kind"]) => p.posts.filter((x) => x.kind === kind && heldOn(x, day)).map((x) => x.name);
  return { titles: held("title"), position: held("position").join(", ") };
}

/** `Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Giám đốc Sở Y tế` on `day`. */
export function describedOn(p: Person, day: string): string {
  const d = designationOn(p, day);
  return [[p.honorific.trim(), p.full_name.trim()].filter(Boolean).join(" "), ...d.titles, d.position].filter(Boolean).join(", ");
}

/** People whose name, short name, organisation or code holds every word of `query` (folded). */
export function filterPeople(list: Person[], query: string): Person[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (!words.length) return list;
  return list.filter((p) => {
    const hay = fold([p.full_name, p.short_name, p.organisation, ...p.codes.map((c) => `\\${c}`)].join(" "));
    return words.every((w) => hay.includes(w.replace(/^\\/, "")));
  });
}

/** Codes typed as `nvh, \hung` → `["nvh", "hung"]`. */
export function codesField(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((c) => c.trim().replace(/^\\/, "").toLowerCase())
    .filter(Boolean);
}
