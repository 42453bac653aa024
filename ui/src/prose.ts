// Conversion between the core's typed document (bindings/Document) and the editor's
// ProseMirror JSON, both ways. Pure functions, no editor instance: the schema in
// editor/schema.ts uses the node and mark names this module writes.
//
// What is canonicalised on the way (and so is not "lost", only written one way):
// - every string is NFC (the editor stores NFC);
// - a run's marks are in the order bold, italic, link, and adjacent runs with the same
//   marks are one run (ProseMirror merges them); empty runs are dropped;
// - a quote or list item with no blocks gets one empty paragraph in the editor (it must
//   hold a line to put the cursor on), and a body that is one empty paragraph is empty.
import type { JSONContent } from "@tiptap/core";
import type { Block } from "./bindings/Block";
import type { Document } from "./bindings/Document";
import type { Inline } from "./bindings/Inline";
import type { Interview } from "./bindings/Interview";
import type { Mark } from "./bindings/Mark";
import type { VoiceSection } from "./bindings/VoiceSection";

/** The document model version this editor writes (crates/core SCHEMA_VERSION). */
export const SCHEMA_VERSION = 1;

/** Link schemes the core accepts (crates/core document.rs `is_allowed_href`). */
const LINK_SCHEMES = ["http://", "https://", "mailto:", "tel:"];

/** Whether `href` is an address a link may point to; `javascript:` and the like are refused. */
export function isAllowedHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(href)) return false;
  const lower = href.trimStart().toLowerCase();
  return LINK_SCHEMES.some((s) => lower.startsWith(s));
}

const nfc = (s: string) => s.normalize("NFC");

/** Deep copy of a JSON value with every string in NFC. */
function nfcDeep<T>(v: T): T {
  if (typeof v === "string") return nfc(v) as T;
  if (Array.isArray(v)) return v.map(nfcDeep) as T;
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfcDeep(x)])) as T;
  }
  return v;
}

const MARK_ORDER: Record<Mark["type"], number> = { bold: 0, italic: 1, link: 2 };

function markToPm(m: Mark): { type: string; attrs?: Record<string, string> } {
  return m.type === "link" ? { type: "link", attrs: { href: nfc(m.href) } } : { type: m.type };
}

function inlineToPm(i: Inline): JSONContent | null {
  switch (i.type) {
    case "text": {
      if (!i.text) return null;
      const marks = [...(i.marks ?? [])].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
      const node: JSONContent = { type: "text", text: nfc(i.text) };
      if (marks.length) node.marks = marks.map(markToPm);
      return node;
    }
    case "hard_break":
      return { type: "hardBreak" };
    case "placeholder":
      return { type: "placeholder", attrs: { prompt: nfc(i.prompt) } };
  }
}

function inlinesToPm(content: Inline[]): JSONContent[] {
  return content.map(inlineToPm).filter((n): n is JSONContent => n !== null);
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  if (content.length) node.content = content;
  return node;
}

const emptyParagraph = (): JSONContent => ({ type: "paragraph" });

function blocksOrEmpty(blocks: Block[]): JSONContent[] {
  return blocks.length ? blocks.map(blockToPm) : [emptyParagraph()];
}

/** The block's value without its `type` tag, strings in NFC (the atom's attribute). */
function withoutType(b: Block): Interview | VoiceSection {
  const copy: Record<string, unknown> = nfcDeep({ ...b });
  delete copy.type;
  return copy as Interview | VoiceSection;
}

function blockToPm(b: Block): JSONContent {
  switch (b.type) {
    case "paragraph":
      return withContent({ type: "paragraph" }, inlinesToPm(b.content));
    case "heading":
      return withContent({ type: "heading", attrs: { level: b.level } }, inlinesToPm(b.content));
    case "quote":
      return { type: "blockquote", content: blocksOrEmpty(b.blocks) };
    case "list":
      return {
        type: b.ordered ? "orderedList" : "bulletList",
        content: b.items.map((item) => ({ type: "listItem", content: blocksOrEmpty(item.blocks) })),
      };
    case "interview":
    case "voices":
      return { type: b.type, attrs: { value: withoutType(b) } };
    case "figure":
      return { type: "figure", attrs: { placement_id: b.placement_id, photo_id: b.photo_id } };
  }
}

/** The editor's JSON for a core document. */
export function documentToPm(doc: Document): JSONContent {
  return { type: "doc", content: blocksOrEmpty(doc.blocks) };
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function pmMark(m: JSONContent): Mark | null {
  switch (m.type) {
    case "bold":
      return { type: "bold" };
    case "italic":
      return { type: "italic" };
    case "link": {
      const href = nfc(String(m.attrs?.href ?? ""));
      return isAllowedHref(href) ? { type: "link", href } : null;
    }
    default:
      return null;
  }
}

function pmInlines(nodes: JSONContent[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === "text") {
      const text = nfc(n.text ?? "");
      if (!text) continue;
      const marks = (n.marks ?? [])
        .map(pmMark)
        .filter((m): m is Mark => m !== null)
        .sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
      const last = out[out.length - 1];
      if (last?.type === "text" && sameMarks(last.marks, marks.length ? marks : undefined)) {
        last.text += text;
        continue;
      }
      out.push(marks.length ? { type: "text", text, marks } : { type: "text", text });
    } else if (n.type === "hardBreak") {
      out.push({ type: "hard_break" });
    } else if (n.type === "placeholder") {
      out.push({ type: "placeholder", prompt: nfc(String(n.attrs?.prompt ?? "")) });
    }
  }
  return out;
}

function isEmptyParagraph(n: JSONContent): boolean {
  return n.type === "paragraph" && !(n.content ?? []).length;
}

function pmBlocksOrNone(nodes: JSONContent[] | undefined): Block[] {
  const list = nodes ?? [];
  if (list.length === 1 && isEmptyParagraph(list[0])) return [];
  return pmBlocks(list);
}

function pmBlocks(nodes: JSONContent[] | undefined): Block[] {
  const out: Block[] = [];
  for (const n of nodes ?? []) {
    switch (n.type) {
      case "paragraph":
        out.push({ type: "paragraph", content: pmInlines(n.content) });
        break;
      case "heading": {
        const level = Math.min(4, Math.max(2, Number(n.attrs?.level ?? 2)));
        out.push({ type: "heading", level, content: pmInlines(n.content) });
        break;
      }
      case "blockquote":
        out.push({ type: "quote", blocks: pmBlocksOrNone(n.content) });
        break;
      case "bulletList":
      case "orderedList":
        out.push({
          type: "list",
          ordered: n.type === "orderedList",
          items: (n.content ?? []).map((item) => ({ blocks: pmBlocksOrNone(item.content) })),
        });
        break;
      case "interview":
        out.push({ type: "interview", ...nfcDeep(n.attrs?.value as Interview) });
        break;
      case "voices":
        out.push({ type: "voices", ...nfcDeep(n.attrs?.value as VoiceSection) });
        break;
      case "figure":
        out.push({ type: "figure", placement_id: String(n.attrs?.placement_id), photo_id: String(n.attrs?.photo_id) });
        break;
      default:
        // Nothing else is in the schema; keep any text rather than drop it.
        if (n.content) out.push(...pmBlocks(n.content));
    }
  }
  return out;
}

/** The core document for the editor's JSON, every string in NFC. */
export function pmToDocument(json: JSONContent): Document {
  return { schema_version: SCHEMA_VERSION, blocks: pmBlocksOrNone(json.content) };
}

/** A top-level node of the editor's document: all `pmNodesToDocument` needs of ProseMirror's. */
export interface TopNode {
  toJSON(): JSONContent;
}

/**
 * `pmToDocument` for a document given as its top-level nodes, reusing what was converted
 * before for nodes that have not changed. ProseMirror keeps an unchanged node the same object
 * from one editor state to the next, so after a keystroke only the edited block is converted
 * again: the autosave of a 10,000-word body costs one paragraph, not the whole text (issue 3).
 * The blocks in `cache` are shared between the documents returned; callers must not mutate them.
 */
export function pmNodesToDocument(nodes: readonly TopNode[], cache: WeakMap<TopNode, Block[]>): Document {
  if (nodes.length === 1 && isEmptyParagraph(nodes[0].toJSON())) {
    return { schema_version: SCHEMA_VERSION, blocks: [] };
  }
  const blocks: Block[] = [];
  for (const node of nodes) {
    let converted = cache.get(node);
    if (!converted) {
      converted = pmBlocks([node.toJSON()]);
      cache.set(node, converted);
    }
    for (const b of converted) blocks.push(b);
  }
  return { schema_version: SCHEMA_VERSION, blocks };
}

/** The writer-visible text of a document, blocks separated by blank lines (for counts). */
export function plainText(doc: Document): string {
  const out: string[] = [];
  const inl = (c: Inline[]) =>
    c.map((i) => (i.type === "text" ? i.text : i.type === "placeholder" ? i.prompt : "\n")).join("");
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case "paragraph":
        case "heading":
          out.push(inl(b.content));
          break;
        case "quote":
          walk(b.blocks);
          break;
        case "list":
          b.items.forEach((i) => walk(i.blocks));
          break;
        case "interview":
          b.turns.forEach((turn) => {
            walk(turn.blocks);
            if (turn.type === "answer" && turn.pull_quote) out.push(inl(turn.pull_quote));
          });
          break;
        case "voices":
          out.push(inl(b.heading));
          b.voices.forEach((v) => {
            out.push(inl(v.pull_quote));
            walk(v.statement);
          });
          break;
      }
    }
  };
  walk(doc.blocks);
  return out.join("\n\n");
}
