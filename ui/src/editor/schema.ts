// The editor's schema: TipTap extensions whose nodes and marks mirror the core document
// (crates/core/src/document.rs) one for one, under the names prose.ts converts to.
// Interview and voices blocks are atoms carrying their core value unchanged, drawn as the
// forms of editor/interview.ts; placeholders are atoms showing their prompt.
import { Extension, Node as TNode, mergeAttributes, type AnyExtension } from "@tiptap/core";
import Blockquote from "@tiptap/extension-blockquote";
import { fillFigure, forgetFigure, openFigure } from "./figures";
import { interviewView, voicesView } from "./interview";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Heading from "@tiptap/extension-heading";
import Italic from "@tiptap/extension-italic";
import Link from "@tiptap/extension-link";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { UndoRedo } from "@tiptap/extensions";
import { Fragment, Slice, type Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { h } from "../dom";
import { isAllowedHref } from "../prose";

function parseValue(dom: HTMLElement, attr: string): { value: unknown } | false {
  try {
    const value = JSON.parse(dom.getAttribute(attr) ?? "");
    return value && typeof value === "object" ? { value } : false;
  } catch {
    return false;
  }
}

/** A question-and-answer interview, edited as a form of its speakers and turns. */
const InterviewNode = TNode.create({
  name: "interview",
  group: "block",
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return { value: { default: null, rendered: false } };
  },
  parseHTML() {
    return [{ tag: "div[data-interview]", getAttrs: (dom) => parseValue(dom, "data-interview") }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-interview": JSON.stringify(node.attrs.value) })];
  },
  addNodeView() {
    return ({ node, view, getPos }) => interviewView(node, view, getPos);
  },
});

/** A multi-voice section: its subheading, then one form per voice with the printed person line. */
const VoicesNode = TNode.create({
  name: "voices",
  group: "block",
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return { value: { default: null, rendered: false } };
  },
  parseHTML() {
    return [{ tag: "div[data-voices]", getAttrs: (dom) => parseValue(dom, "data-voices") }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-voices": JSON.stringify(node.attrs.value) })];
  },
  addNodeView() {
    return ({ node, view, getPos }) => voicesView(node, view, getPos);
  },
});

/** A placed photo: the placement carries its caption, credit and alt text (the photo desk edits them). */
const FigureNode = TNode.create({
  name: "figure",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { placement_id: { default: null, rendered: false }, photo_id: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: "figure[data-placement]",
        getAttrs: (dom) => ({ placement_id: dom.getAttribute("data-placement"), photo_id: dom.getAttribute("data-photo") }),
      },
    ];
  },
  renderHTML({ node }) {
    return ["figure", { "data-placement": node.attrs.placement_id, "data-photo": node.attrs.photo_id }];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = h("figure", {
        class: "atom figure",
        "data-testid": "figure-block",
        contenteditable: "false",
        "data-placement": node.attrs.placement_id,
        "data-photo": node.attrs.photo_id,
        onclick: () => openFigure(String(node.attrs.placement_id)),
      });
      fillFigure(dom);
      return { dom, destroy: () => forgetFigure(dom) };
    };
  },
});

/** Template text to be replaced before publication, highlighted. */
const PlaceholderNode = TNode.create({
  name: "placeholder",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { prompt: { default: "", rendered: false } };
  },
  parseHTML() {
    return [{ tag: "span[data-placeholder]", getAttrs: (dom) => ({ prompt: dom.getAttribute("data-placeholder") ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["span", { "data-placeholder": node.attrs.prompt, class: "placeholder" }, node.attrs.prompt];
  },
});

function nfcFragment(fragment: Fragment): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((n) => {
    if (n.isText) nodes.push(n.type.schema.text(n.text!.normalize("NFC"), n.marks));
    else nodes.push(n.copy(nfcFragment(n.content)));
  });
  return Fragment.fromArray(nodes);
}

/** Pasted text is stored in NFC, whatever the source wrote. */
const PasteNfc = Extension.create({
  name: "pasteNfc",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("pasteNfc"),
        props: {
          transformPasted: (slice) => new Slice(nfcFragment(slice.content), slice.openStart, slice.openEnd),
          // Plain text becomes paragraphs built straight from the schema, one per line,
          // instead of through a DOM round trip: 1 MB of text pastes in one step.
          clipboardTextParser: (text, $context) => {
            const schema = $context.doc.type.schema;
            const lines = text.normalize("NFC").split(/\r\n?|\n/);
            if (lines.length === 1) return lines[0] ? new Slice(Fragment.from(schema.text(lines[0])), 0, 0) : Slice.empty;
            const paras = lines
              .filter((l) => l.trim())
              .map((l) => schema.nodes.paragraph.create(null, schema.text(l)));
            return paras.length ? new Slice(Fragment.fromArray(paras), 1, 1) : Slice.empty;
          },
        },
      }),
    ];
  },
});

/** Every extension of the body editor (the schema plus undo and paste handling). */
export function bodyExtensions(): AnyExtension[] {
  return [
    Document,
    Paragraph,
    Text,
    Heading.configure({ levels: [2, 3, 4] }),
    Blockquote,
    BulletList,
    OrderedList,
    ListItem.extend({ content: "block+" }),
    HardBreak,
    Bold,
    Italic,
    Link.configure({
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      protocols: ["mailto", "tel"],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { target: null, rel: "noopener noreferrer nofollow" },
    }),
    InterviewNode,
    VoicesNode,
    FigureNode,
    PlaceholderNode,
    UndoRedo,
    PasteNfc,
  ];
}
