// The interview blocks in the editor: each is one ProseMirror atom (its value is the core
// block, converted losslessly by prose.ts) drawn as a small form. A change in the form
// replaces the atom's value in one transaction, so undo, autosave and the conversion work
// as for any other edit. The person line and the turn labels read as the exports print
// them; template prompts show as the fields' placeholders and never become text.
import type { Node as PmNode } from "@tiptap/pm/model";
import type { EditorView, NodeView } from "@tiptap/pm/view";
import { api } from "../api";
import type { Interview } from "../bindings/Interview";
import type { LabelStyle } from "../bindings/LabelStyle";
import type { NewPerson } from "../bindings/NewPerson";
import type { Person } from "../bindings/Person";
import type { Turn } from "../bindings/Turn";
import type { Voice } from "../bindings/Voice";
import type { VoiceSection } from "../bindings/VoiceSection";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";
import {
  blocksField,
  copy,
  emptyTurn,
  emptyVoice,
  endsWithCode,
  fieldBlocks,
  fieldInlines,
  fieldTitles,
  freshSpeakerKey,
  inlineField,
  lineText,
  moved,
  movedTo,
  personLine,
  removed,
  speakerFromPerson,
  titlesField,
  turnLabels,
  withPerson,
} from "../interview";
import { personSuggest } from "./person-suggest";

/** What the forms need from the open article. */
export interface InterviewContext {
  articleId: string | null;
  /** The article's day (`2026-12-01`): people are named as they were then. */
  day: string;
}

let context: InterviewContext = { articleId: null, day: new Date().toISOString().slice(0, 10) };

/** The open article's context (for code expansion elsewhere in the body). */
export function interviewContext(): InterviewContext {
  return context;
}

/** Sets the article the interview forms belong to (the editor view calls it on open). */
export function setInterviewContext(c: InterviewContext): void {
  context = c;
}

const HONORIFICS = ["Đồng chí", "Ông", "Bà", "Anh", "Chị", "PGS.TS", "TS", "Luật sư", "Bác sĩ"];
const LABEL_STYLES: LabelStyle[] = ["full_then_short", "full", "short"];

function honorificList(id: string): HTMLElement {
  return h("datalist", { id }, HONORIFICS.map((x) => h("option", { value: x })));
}

let listIds = 0;

/** A text field that reports each change; `\code`s typed in it expand to the person. */
function field(
  tag: "input" | "textarea",
  testid: string,
  label: Key,
  value: string,
  prompt: string,
  onChange: (v: string) => void,
): HTMLInputElement | HTMLTextAreaElement {
  const el = h(tag, {
    class: prompt ? `iv-field iv-${testid} prompt` : `iv-field iv-${testid}`,
    "data-testid": testid,
    placeholder: prompt || t(label),
    title: t(label),
    rows: tag === "textarea" ? 3 : undefined,
    spellcheck: "false",
  }) as HTMLInputElement | HTMLTextAreaElement;
  el.value = value;
  el.addEventListener("input", () => {
    onChange(el.value);
    if (endsWithCode(el.value)) void expand(el, onChange);
  });
  return el;
}

/** Expands a `\code` closed at the end of a plain field (the headline, the lead) the way the
 * interview forms do; `onChange` gets the expanded value. */
export function watchCodes(el: HTMLInputElement | HTMLTextAreaElement, onChange: (v: string) => void): void {
  el.addEventListener("input", () => {
    if (endsWithCode(el.value)) void expand(el, onChange);
  });
}

async function expand(el: HTMLInputElement | HTMLTextAreaElement, onChange: (v: string) => void): Promise<void> {
  const before = el.value;
  try {
    const out = await api.expandCodes(before, context.day);
    // Typing may have gone on meanwhile at the end: keep it after the expansion.
    if (out.text === before || !el.value.startsWith(before)) return;
    const next = out.text + el.value.slice(before.length);
    const end = el.selectionStart === el.value.length;
    el.value = next;
    if (end) el.setSelectionRange(next.length, next.length);
    onChange(next);
  } catch {
    // A code that cannot be expanded stays as typed.
  }
}

/** The drag data type of a voice or turn moved inside its block. */
const ITEM_DRAG_TYPE = "application/x-newsdesk-item";

function dragHandle(testid: string, title: Key): HTMLElement {
  return h("span", { class: "iv-drag", "data-testid": testid, draggable: "true", title: t(title) }, "⠿");
}

function tool(testid: string, label: string, title: Key, run: () => void, disabled = false): HTMLButtonElement {
  return h("button", { class: "iv-tool", "data-testid": testid, title: t(title), disabled, onclick: run }, label);
}

function newPersonFrom(honorific: string, name: string, titles: string[], position: string): NewPerson {
  return {
    honorific,
    full_name: name,
    short_name: "",
    posts: [
      ...titles.map((n) => ({ kind: "title" as const, name: n })),
      ...(position.trim() ? [{ kind: "position" as const, name: position.trim() }] : []),
    ],
    organisation: "",
    phone: "",
    email: "",
    notes: "",
    photographer: false,
    codes: [],
  };
}

/** A voice filled from the directory as the person was on the article's day. */
async function voiceOf(p: Person): Promise<Voice> {
  if (context.articleId) {
    try {
      return await api.voiceFor(p.id, context.articleId);
    } catch {
      // fall through: the article may not be stored yet
    }
  }
  const held = (kind: string) =>
    p.posts.filter((x) => x.kind === kind && (!x.from || x.from <= context.day) && (!x.until || context.day <= x.until)).map((x) => x.name);
  return { ...emptyVoice(), person_id: p.id, honorific: p.honorific, name: p.full_name, titles: held("title"), position: held("position").join(", ") };
}

type Draw<T> = (value: T, commit: (next: T, redraw?: boolean) => void) => HTMLElement[];

/** A node view drawing `draw` for the atom's value and writing changes back. */
function formView<T>(node: PmNode, view: EditorView, getPos: () => number | undefined, cls: string, testid: string, draw: Draw<T>): NodeView {
  let current = node;
  let value = current.attrs.value as T;
  const dom = h("div", { class: `atom ${cls} iv-form`, "data-testid": testid, contenteditable: "false" });
  const commit = (next: T, redraw = false) => {
    value = next;
    const pos = getPos();
    if (pos === undefined) return;
    view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, value: next }));
    if (redraw) render();
  };
  const render = () => replace(dom, draw(value, commit));
  render();
  // Alt+↑ / Alt+↓ in a field moves its voice or turn; the cursor stays in the same field.
  dom.addEventListener("keydown", (e) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    const target = e.target as HTMLElement;
    const item = target.closest<HTMLElement>("[data-testid=voice], [data-testid=turn]");
    const kind = item?.dataset.testid;
    const button = item?.querySelector<HTMLButtonElement>(`[data-testid=${kind}-${e.key === "ArrowUp" ? "up" : "down"}]`);
    if (!item || !button || button.disabled) return;
    e.preventDefault();
    const to = Number(item.dataset.index) + (e.key === "ArrowUp" ? -1 : 1);
    const fieldId = target.dataset.testid;
    button.click();
    dom.querySelectorAll<HTMLElement>(`[data-testid=${kind}]`)[to]?.querySelector<HTMLElement>(`[data-testid=${fieldId}]`)?.focus();
  });
  // Drag a voice or a turn by its handle (⠿) onto another one to put it there.
  let dragging: { kind: string; from: number } | null = null;
  const itemAt = (e: Event) =>
    dragging ? (e.target as HTMLElement).closest<HTMLElement>(`[data-testid=${dragging.kind}]`) : null;
  dom.addEventListener("dragstart", (e) => {
    const handle = (e.target as HTMLElement).closest<HTMLElement>(".iv-drag");
    const item = handle?.closest<HTMLElement>("[data-testid=voice], [data-testid=turn]");
    if (!handle || !item || !e.dataTransfer) return;
    dragging = { kind: item.dataset.testid!, from: Number(item.dataset.index) };
    e.dataTransfer.setData(ITEM_DRAG_TYPE, `${dragging.kind}:${dragging.from}`);
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setDragImage(item, 12, 12);
  });
  dom.addEventListener("dragover", (e) => {
    const item = itemAt(e);
    if (!item || !dom.contains(item)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
    dom.querySelectorAll(".drop-target").forEach((el) => el !== item && el.classList.remove("drop-target"));
    item.classList.add("drop-target");
  });
  dom.addEventListener("drop", (e) => {
    const item = itemAt(e);
    const from = dragging;
    dragging = null;
    dom.querySelectorAll(".drop-target").forEach((el) => el.classList.remove("drop-target"));
    if (!item || !from || !dom.contains(item)) return;
    e.preventDefault();
    e.stopPropagation();
    const key = from.kind === "voice" ? "voices" : "turns";
    const next = copy(value as unknown as VoiceSection | Interview) as unknown as Record<string, unknown[]>;
    const list = next[key];
    if (!Array.isArray(list)) return;
    next[key] = movedTo(list, from.from, Number(item.dataset.index));
    commit(next as unknown as T, true);
  });
  dom.addEventListener("dragend", () => {
    dragging = null;
    dom.querySelectorAll(".drop-target").forEach((el) => el.classList.remove("drop-target"));
  });
  return {
    dom,
    update(n) {
      if (n.type !== current.type) return false;
      current = n;
      if (n.attrs.value === value) return true;
      value = n.attrs.value as T;
      render();
      return true;
    },
    // The form's own controls handle their events; ProseMirror keeps out.
    stopEvent(e) {
      // A voice or turn being dragged inside the form is the form's business.
      if (e.type.startsWith("drag") || e.type === "drop") {
        if ((e as DragEvent).dataTransfer?.types.includes(ITEM_DRAG_TYPE)) return true;
      }
      const target = e.target as HTMLElement | null;
      return !!target && target !== dom && !!target.closest("input, textarea, select, button, .suggest, .iv-drag");
    },
    ignoreMutation: () => true,
  };
}

function drawVoices(vs: VoiceSection, commit: (next: VoiceSection, redraw?: boolean) => void): HTMLElement[] {
  const listId = `honorifics-${++listIds}`;
  const change = (f: (v: VoiceSection) => void, redraw = false) => {
    const next = copy(vs);
    f(next);
    vs = next;
    commit(next, redraw);
  };
  const heading = inlineField(vs.heading);
  const voiceEl = (v: Voice, i: number): HTMLElement => {
    const line = h("p", { class: "voice-line", "data-testid": "voice-line" });
    const showLine = () => {
      const text = lineText(personLine(vs.voices[i]));
      line.textContent = text || t("voice.noLine");
      line.classList.toggle("muted", !text);
    };
    showLine();
    const set = (f: (v: Voice) => void) => {
      change((s) => f(s.voices[i]));
      showLine();
    };
    const honorific = field("input", "voice-honorific", "voice.honorific", v.honorific, "", (x) => set((w) => (w.honorific = x)));
    honorific.setAttribute("list", listId);
    const name = field("input", "voice-name", "voice.name", v.name, "", (x) =>
      set((w) => {
        w.name = x;
        // A name typed over a directory pick is someone else.
        if (w.person_id) delete w.person_id;
      }),
    ) as HTMLInputElement;
    const titles = field("input", "voice-titles", "voice.titles", titlesField(v.titles), "", (x) => set((w) => (w.titles = fieldTitles(x))));
    const position = field("input", "voice-position", "voice.position", v.position, "", (x) => set((w) => (w.position = x)));
    const quote = inlineField(v.pull_quote);
    const pull = field("input", "voice-quote", "voice.quote", quote.text, quote.prompt, (x) =>
      set((w) => (w.pull_quote = fieldInlines(x, w.pull_quote))),
    );
    const st = blocksField(v.statement);
    const statement = field("textarea", "voice-statement", "voice.statement", st.text, st.prompt, (x) =>
      set((w) => (w.statement = fieldBlocks(x, w.statement))),
    );
    statement.setAttribute("rows", "4");
    const fill = (filled: Voice) => change((s) => (s.voices[i] = withPerson(s.voices[i], filled)), true);
    const picker = personSuggest(
      name,
      (p) => void voiceOf(p).then(fill),
      async (typed) => {
        const w = vs.voices[i];
        try {
          const p = await api.addPerson(newPersonFrom(w.honorific, typed, w.titles, w.position));
          fill(await voiceOf(p));
        } catch (e) {
          line.textContent = (e as Error).message;
        }
      },
    );
    const n = vs.voices.length;
    return h(
      "div",
      { class: "voice", "data-testid": "voice", "data-index": i, "data-person": v.person_id ?? "" },
      line,
      h(
        "div",
        { class: "iv-row" },
        honorific,
        picker,
        h("span", { class: "iv-tools" },
          dragHandle("voice-drag", "voice.drag"),
          tool("voice-up", "↑", "voice.up", () => change((s) => (s.voices = moved(s.voices, i, -1)), true), i === 0),
          tool("voice-down", "↓", "voice.down", () => change((s) => (s.voices = moved(s.voices, i, 1)), true), i === n - 1),
          tool("voice-remove", "✕", "voice.remove", () => change((s) => (s.voices = removed(s.voices, i)), true)),
        ),
      ),
      h("div", { class: "iv-row" }, titles, position),
      pull,
      statement,
    );
  };
  return [
    honorificList(listId),
    field("input", "voices-heading", "voice.heading", heading.text, heading.prompt, (x) =>
      change((s) => (s.heading = fieldInlines(x, s.heading))),
    ) as HTMLElement,
    ...vs.voices.map(voiceEl),
    h("div", { class: "iv-add" }, tool("voice-add", `+ ${t("voice.add")}`, "voice.add", () => change((s) => s.voices.push(emptyVoice()), true))),
  ];
}

function drawInterview(iv: Interview, commit: (next: Interview, redraw?: boolean) => void): HTMLElement[] {
  const listId = `honorifics-${++listIds}`;
  const labels: HTMLElement[] = [];
  const showLabels = () => turnLabels(iv).forEach((l, i) => labels[i] && (labels[i].textContent = `${l || "?"}: `));
  const change = (f: (v: Interview) => void, redraw = false) => {
    const next = copy(iv);
    f(next);
    iv = next;
    commit(next, redraw);
    if (!redraw) showLabels();
  };
  const interviewer = field("input", "interview-interviewer", "interview.interviewer", iv.interviewer, "", (x) => change((v) => (v.interviewer = x)));
  const style = h(
    "select",
    { "data-testid": "interview-labels", title: t("interview.labels"), onchange: () => change((v) => (v.labels = style.value as LabelStyle)) },
    LABEL_STYLES.map((s) => h("option", { value: s, selected: s === iv.labels }, t(`interview.labels.${s}` as Key))),
  );
  const speakerEl = (s: Interview["speakers"][number], i: number) => {
    const used = iv.turns.some((tn) => tn.type === "answer" && tn.speaker === s.key);
    const set = (f: (x: Interview["speakers"][number]) => void) => change((v) => f(v.speakers[i]));
    const honorific = field("input", "speaker-honorific", "voice.honorific", s.honorific, "", (x) => set((w) => (w.honorific = x)));
    honorific.setAttribute("list", listId);
    const name = field("input", "speaker-name", "voice.name", s.name, "", (x) =>
      set((w) => {
        w.name = x;
        if (w.person_id) delete w.person_id;
      }),
    ) as HTMLInputElement;
    const short = field("input", "speaker-short", "interview.short", s.short_label, "", (x) => set((w) => (w.short_label = x)));
    const fill = (p: Person) => change((v) => (v.speakers[i] = speakerFromPerson(s.key, p)), true);
    const picker = personSuggest(name, fill, async (typed) => {
      try {
        fill(await api.addPerson(newPersonFrom(iv.speakers[i].honorific, typed, [], "")));
      } catch {
        // the name stays typed; the directory is optional
      }
    });
    return h(
      "div",
      { class: "iv-row speaker", "data-testid": "speaker", "data-key": s.key, "data-person": s.person_id ?? "" },
      honorific,
      picker,
      short,
      tool("speaker-remove", "✕", used ? "interview.speakerUsed" : "interview.removeSpeaker", () => change((v) => (v.speakers = removed(v.speakers, i)), true), used),
    );
  };
  const turnEl = (turn: Turn, i: number) => {
    const label = h("strong", { class: "turn-label", "data-testid": "turn-label" });
    labels[i] = label;
    const text = blocksField(turn.blocks);
    const body = field("textarea", "turn-text", turn.type === "question" ? "interview.question" : "interview.answer", text.text, text.prompt, (x) =>
      change((v) => (v.turns[i].blocks = fieldBlocks(x, v.turns[i].blocks))),
    );
    const parts: (HTMLElement | null)[] = [label];
    if (turn.type === "answer") {
      const who = h(
        "select",
        {
          "data-testid": "turn-speaker",
          title: t("interview.speaker"),
          onchange: () => change((v) => ((v.turns[i] as Extract<Turn, { type: "answer" }>).speaker = who.value)),
        },
        iv.speakers.map((s) => h("option", { value: s.key, selected: s.key === turn.speaker }, [s.honorific, s.name].filter(Boolean).join(" ") || s.key)),
      );
      parts.push(who);
    }
    const n = iv.turns.length;
    parts.push(
      h("span", { class: "iv-tools" },
        turn.type === "answer"
          ? tool("turn-lift", "❝", "interview.lift", () => {
            const sel = body.value.slice(body.selectionStart ?? 0, body.selectionEnd ?? 0).trim();
            const lifted = sel || body.value.split(/(?<=[.!?…])\s/)[0].trim();
            if (!lifted) return;
            change((v) => ((v.turns[i] as Extract<Turn, { type: "answer" }>).pull_quote = [{ type: "text", text: lifted.normalize("NFC") }]), true);
          })
          : null,
        dragHandle("turn-drag", "interview.drag"),
        tool("turn-up", "↑", "interview.up", () => change((v) => (v.turns = moved(v.turns, i, -1)), true), i === 0),
        tool("turn-down", "↓", "interview.down", () => change((v) => (v.turns = moved(v.turns, i, 1)), true), i === n - 1),
        tool("turn-remove", "✕", "interview.removeTurn", () => change((v) => (v.turns = removed(v.turns, i)), true)),
      ),
    );
    const quote =
      turn.type === "answer" && turn.pull_quote && turn.pull_quote.length
        ? h(
          "div",
          { class: "iv-row pull-quote" },
          h("span", { class: "muted" }, t("interview.pullQuote")),
          field("input", "turn-quote", "interview.pullQuote", inlineField(turn.pull_quote).text, inlineField(turn.pull_quote).prompt, (x) =>
            change((v) => {
              const a = v.turns[i] as Extract<Turn, { type: "answer" }>;
              a.pull_quote = fieldInlines(x, a.pull_quote ?? []);
            }),
          ),
          tool("turn-quote-remove", "✕", "interview.removeQuote", () =>
            change((v) => delete (v.turns[i] as Extract<Turn, { type: "answer" }>).pull_quote, true),
          ),
        )
        : null;
    return h("div", { class: `turn ${turn.type}`, "data-testid": "turn", "data-type": turn.type, "data-index": i }, h("div", { class: "iv-row" }, ...parts), body, quote);
  };
  const firstSpeaker = () => iv.speakers[0]?.key ?? "";
  const out = [
    honorificList(listId),
    h("div", { class: "iv-row" }, h("label", {}, t("interview.interviewer"), interviewer), h("label", {}, t("interview.labels"), style)),
    h("div", { class: "speakers" }, h("h4", {}, t("interview.speakers")), ...iv.speakers.map(speakerEl),
      tool("speaker-add", `+ ${t("interview.addSpeaker")}`, "interview.addSpeaker", () =>
        change((v) => v.speakers.push({ key: freshSpeakerKey(v), honorific: "", name: "", short_label: "" }), true),
      ),
    ),
    ...iv.turns.map(turnEl),
    h("div", { class: "iv-add" },
      tool("turn-add-question", `+ ${t("interview.addQuestion")}`, "interview.addQuestion", () => change((v) => v.turns.push(emptyTurn("question", "")), true)),
      tool("turn-add-answer", `+ ${t("interview.addAnswer")}`, "interview.addAnswer", () => {
        change((v) => {
          if (!v.speakers.length) v.speakers.push({ key: freshSpeakerKey(v), honorific: "", name: "", short_label: "" });
          v.turns.push(emptyTurn("answer", firstSpeaker() || v.speakers[0].key));
        }, true);
      }),
    ),
  ];
  showLabels();
  return out;
}

/** The node view of a voices atom. */
export function voicesView(node: PmNode, view: EditorView, getPos: () => number | undefined): NodeView {
  return formView<VoiceSection>(node, view, getPos, "voices", "voices-block", drawVoices);
}

/** The node view of an interview atom. */
export function interviewView(node: PmNode, view: EditorView, getPos: () => number | undefined): NodeView {
  return formView<Interview>(node, view, getPos, "interview", "interview-block", drawInterview);
}
