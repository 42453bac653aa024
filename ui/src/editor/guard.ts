// Typing must never replace a whole interview or voices block: a click on the padding of
// one of their forms selects the block as a node, and ProseMirror's default would then put
// the typed letters in its place. With such a block selected, typed text and paste are
// refused (the form's own fields take typing); deleting it stays a deliberate Backspace or
// Delete, and undo brings it back.
import { Extension } from "@tiptap/core";
import { NodeSelection, Plugin } from "@tiptap/pm/state";
import type { EditorState } from "@tiptap/pm/state";

const FORMS = new Set(["interview", "voices"]);

/** True when the selection is a whole interview or voices block. */
export function formSelected(state: EditorState): boolean {
  const sel = state.selection;
  return sel instanceof NodeSelection && FORMS.has(sel.node.type.name);
}

export const FormGuard = Extension.create({
  name: "formGuard",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleTextInput: (view) => formSelected(view.state),
          handlePaste: (view) => formSelected(view.state),
        },
      }),
    ];
  },
});
