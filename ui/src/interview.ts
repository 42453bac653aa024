// The interview blocks as the editor's forms edit them: pure functions, no DOM.
// A form field holds plain text; a template's placeholder stays a placeholder while its
// field is empty (the prompt shows in the field), so a prompt never becomes real text.
// A field that was not changed gives back exactly what it was made from (marks and all),
// so opening and closing an article never alters its interview blocks.
import type { Block } from "./bindings/Block";
import type { Inline } from "./bindings/Inline";
import type { Interview } from "./bindings/Interview";
import type { Person } from "./bindings/Person";
import type { Speaker } from "./bindings/Speaker";
import type { Turn } from "./bindings/Turn";
import type { Voice } from "./bindings/Voice";
import type { VoiceSection } from "./bindings/VoiceSection";

/** A form field: its text and, when the source held a placeholder, the prompt. */
export interface Field {
  text: string;
  prompt: string;
}

const nfc = (s: string) => s.normalize("NFC");

/** The field for a run of inlines: text with hard breaks as new lines; the first prompt. */
export function inlineField(content: Inline[]): Field {
  let text = "";
  let prompt = "";
  for (const i of content) {
    if (i.type === "text") text += i.text;
    else if (i.type === "hard_break") text += "\n";
    else if (!prompt) prompt = i.prompt;
  }
  return { text, prompt };
}

function textInlines(text: string): Inline[] {
  const out: Inline[] = [];
  text.split("\n").forEach((line, n) => {
    if (n > 0) out.push({ type: "hard_break" });
    if (line) out.push({ type: "text", text: line });
  });
  return out;
}

/** Inlines for a field's text: the old inlines when the text is unchanged, the prompt when empty. */
export function fieldInlines(text: string, before: Inline[]): Inline[] {
  const old = inlineField(before);
  text = nfc(text);
  if (text === old.text) return before;
  if (!text.trim()) return old.prompt ? [{ type: "placeholder", prompt: old.prompt }] : [];
  return textInlines(text);
}

/** The field for paragraphs: their text separated by blank lines; the first prompt. */
export function blocksField(blocks: Block[]): Field {
  const parts: string[] = [];
  let prompt = "";
  for (const b of blocks) {
    if (b.type === "paragraph" || b.type === "heading") {
      const f = inlineField(b.content);
      if (f.text) parts.push(f.text);
      if (!prompt) prompt = f.prompt;
    } else if (b.type === "quote") {
      const f = blocksField(b.blocks);
      if (f.text) parts.push(f.text);
      if (!prompt) prompt = f.prompt;
    } else if (b.type === "list") {
      for (const item of b.items) {
        const f = blocksField(item.blocks);
        if (f.text) parts.push(f.text);
      }
    }
  }
  return { text: parts.join("\n\n"), prompt };
}

/** Paragraphs for a field's text (blank lines separate them); unchanged text keeps the old blocks. */
export function fieldBlocks(text: string, before: Block[]): Block[] {
  const old = blocksField(before);
  text = nfc(text);
  if (text === old.text) return before;
  if (!text.trim()) return old.prompt ? [{ type: "paragraph", content: [{ type: "placeholder", prompt: old.prompt }] }] : [];
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim())
    .map((p) => ({ type: "paragraph", content: textInlines(p) }));
}

/** Titles typed one after another, separated by `;`. */
export function titlesField(titles: string[]): string {
  return titles.join("; ");
}

export function fieldTitles(text: string): string[] {
  return nfc(text)
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A copy of `list` with the item at `i` moved by `by` places (unchanged at the ends). */
export function moved<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(i, 1);
  out.splice(j, 0, x);
  return out;
}

/** A copy of `list` with the item at `from` taken out and put at index `to` (a drag and
 * drop: it lands where the item it was dropped on was). Unchanged when either is out of range. */
export function movedTo<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

/** A copy of `list` without the item at `i`. */
export function removed<T>(list: T[], i: number): T[] {
  return list.filter((_, k) => k !== i);
}

function stripQuotes(s: string): string {
  for (const [open, close] of [["“", "”"], ['"', '"'], ["«", "»"]]) {
    if (s.length >= 2 && s.startsWith(open) && s.endsWith(close)) return s.slice(open.length, s.length - close.length).trim();
  }
  return s;
}

/** The parts of a voice's person line, as crates/core `person_line` builds them. */
export interface PersonLine {
  honorific: string;
  name: string;
  details: string[];
  quote: string;
}

export function personLine(v: Voice): PersonLine {
  return {
    honorific: v.honorific.trim(),
    name: v.name.trim(),
    details: [...v.titles, v.position].map((s) => s.trim()).filter(Boolean),
    quote: stripQuotes(inlineField(v.pull_quote).text.trim()),
  };
}

/** `Đồng chí NAME, TITLES, POSITION` (before the colon). */
export function lineWho(l: PersonLine): string {
  return [[l.honorific, l.name].filter(Boolean).join(" "), ...l.details].filter(Boolean).join(", ");
}

/** The whole person line: `Đồng chí NAME, TITLES, POSITION: “pull-quote”` (as the exports print it). */
export function lineText(l: PersonLine): string {
  const who = lineWho(l);
  if (!l.quote) return who;
  return who ? `${who}: “${l.quote}”` : `“${l.quote}”`;
}

/** `Ông Hùng` from `Ông` and `Nguyễn Văn Hùng` (crates/core `default_short_label`). */
export function defaultShortLabel(honorific: string, name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const given = words[words.length - 1] ?? "";
  return honorific.trim() && given ? `${honorific.trim()} ${given}` : name.trim();
}

/** The label printed before each turn (crates/core `Interview::turn_labels`). */
export function turnLabels(iv: Interview): string[] {
  const answered = new Set<string>();
  return iv.turns.map((turn) => {
    if (turn.type === "question") return iv.interviewer.trim();
    const first = !answered.has(turn.speaker);
    answered.add(turn.speaker);
    const s = iv.speakers.find((x) => x.key === turn.speaker);
    if (!s) return turn.speaker;
    const full = [s.honorific.trim(), s.name.trim()].filter(Boolean).join(" ");
    const later = s.short_label.trim() || defaultShortLabel(s.honorific, s.name);
    return iv.labels === "full" || (iv.labels === "full_then_short" && first) ? full : later;
  });
}

/** A key no speaker of `iv` has yet (`s2`). */
export function freshSpeakerKey(iv: Interview): string {
  for (let n = iv.speakers.length + 1; ; n++) {
    const key = `s${n}`;
    if (!iv.speakers.some((s) => s.key === key)) return key;
  }
}

/** A speaker as the directory has them. */
export function speakerFromPerson(key: string, p: Person): Speaker {
  return { key, person_id: p.id, honorific: p.honorific, name: p.full_name, short_label: p.short_name };
}

/** An empty voice. */
export function emptyVoice(): Voice {
  return { honorific: "", name: "", titles: [], position: "", pull_quote: [], statement: [] };
}

/** `voice` with the person's fields from the directory (`filled`); what was written stays. */
export function withPerson(voice: Voice, filled: Voice): Voice {
  return {
    ...voice,
    person_id: filled.person_id,
    honorific: filled.honorific,
    name: filled.name,
    titles: filled.titles,
    position: filled.position,
  };
}

export function emptyTurn(kind: "question" | "answer", speaker: string): Turn {
  return kind === "question" ? { type: "question", blocks: [] } : { type: "answer", speaker, blocks: [] };
}

/** A voice section or interview, deep-copied (the editor never shares values between versions). */
export function copy<T extends Interview | VoiceSection>(v: T): T {
  return structuredClone(v);
}

/** The day an article speaks for (its creation day in the newsroom's time zone): `2026-12-01`. */
export function articleDay(createdAt: string, timeZone: string): string {
  try {
    // From the parts: how a locale writes the whole date differs between engines.
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(createdAt));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    const day = `${part("year")}-${part("month")}-${part("day")}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : createdAt.slice(0, 10);
  } catch {
    return createdAt.slice(0, 10);
  }
}

/** Whether `text` ends in a person code just closed by a space or punctuation (`… \nvh `). */
export function endsWithCode(text: string): boolean {
  return /\\[\p{L}\p{N}]{1,16}[\s,.;:!?)]$/u.test(text);
}
