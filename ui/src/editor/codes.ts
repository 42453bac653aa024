// Code replacement in the body, as photo desks use it: `\nvh` followed by a space or
// punctuation becomes the person's name with the titles and position held on the
// article's date (the store expands it; an unknown code stays as typed).
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { api } from "../api";
import { interviewContext } from "./interview";

const CODE_BEFORE = /\\[\p{L}\p{N}]{1,16}$/u;
const CLOSES = /^[\s,.;:!?)]$/u;

export const CodeExpansion = Extension.create({
  name: "codeExpansion",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("codeExpansion"),
        props: {
          handleTextInput(view, from, _to, text) {
            if (!CLOSES.test(text)) return false;
            const $from = view.state.doc.resolve(from);
            const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 17), $from.parentOffset, undefined, "\ufffc");
            const m = CODE_BEFORE.exec(before);
            if (!m) return false;
            const code = m[0];
            const start = from - code.length;
            void api.expandCodes(code, interviewContext().day).then(
              (out) => {
                if (out.text === code || view.isDestroyed) return;
                // Only if the code is still where it was typed.
                if (view.state.doc.textBetween(start, start + code.length) !== code) return;
                view.dispatch(view.state.tr.insertText(out.text, start, start + code.length));
              },
              () => {},
            );
            return false;
          },
        },
      }),
    ];
  },
});
