// Plain-text view of the typed document, used where text is compared or merged by hand
// (the conflict dialog): paragraphs are separated by a blank line, a line break inside a
// paragraph is kept, a line that starts with "## " is a subheading.
import type { Block } from "./bindings/Block";
import type { Document } from "./bindings/Document";
import type { Inline } from "./bindings/Inline";

export const SCHEMA_VERSION = 1;

function inlineText(content: Inline[]): string {
  return content
    .map((i) => (i.type === "text" ? i.text : i.type === "placeholder" ? `[${i.prompt}]` : "\n"))
    .join("");
}

function blockText(b: Block): string {
  switch (b.type) {
    case "paragraph":
      return inlineText(b.content);
    case "heading":
      return `${"#".repeat(b.level)} ${inlineText(b.content)}`;
    case "quote":
      return b.blocks.map(blockText).join("\n\n");
    case "list":
      return b.items.map((i) => i.blocks.map(blockText).join("\n")).join("\n");
    case "interview":
      return b.turns
        .map((turn) => `${turn.type === "question" ? b.interviewer : turn.speaker}: ${turn.blocks.map(blockText).join("\n")}`)
        .join("\n\n");
    case "voices":
      return [inlineText(b.heading), ...b.voices.map((v) => `${v.honorific} ${v.name}: “${inlineText(v.pull_quote)}”\n${v.statement.map(blockText).join("\n")}`)].join("\n\n");
    default:
      return "";
  }
}

export function documentToText(doc: Document): string {
  return doc.blocks.map(blockText).join("\n\n");
}

function lines(text: string): Inline[] {
  const out: Inline[] = [];
  text.split("\n").forEach((line, i) => {
    if (i > 0) out.push({ type: "hard_break" });
    if (line) out.push({ type: "text", text: line });
  });
  return out;
}

export function textToDocument(text: string): Document {
  const blocks: Block[] = text
    .replace(/\r\n/g, "\n")
    .normalize("NFC")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p): Block => {
      const m = /^(#{2,4}) (.*)$/su.exec(p);
      if (m) return { type: "heading", level: m[1].length, content: lines(m[2]) };
      return { type: "paragraph", content: lines(p) };
    });
  return { schema_version: SCHEMA_VERSION, blocks };
}
