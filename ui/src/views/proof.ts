// Proofing in the editor: runs after a pause in typing (never on a keystroke), drops answers
// for a document that has changed since, underlines body findings and lists every finding
// (headline, lead, body) in a panel with one-click fixes, "ignore here" and "add to newsroom
// words".
import { api } from "../api";
import type { ProofFinding } from "../bindings/ProofFinding";
import type { ProofRule } from "../bindings/ProofRule";
import { h, replace } from "../dom";
import { lang, t, type Key } from "../i18n";
import type { BodyEditor } from "../editor/body";
import {
  currentFindings,
  joinTexts,
  placeFindings,
  setFindings,
  splitFindings,
  textBlocks,
  type BodyFinding,
} from "../editor/proof";

/** Quiet time after the last change before proofing runs. */
export const PROOF_DEBOUNCE = 500;

/** Beyond this many characters the text is not proofed as you type (no article is this long;
 * a pasted book would only slow the window down). */
export const PROOF_LIMIT = 200_000;

/** Rules about a word's spelling: the ones a newsroom word silences. */
const WORD_RULES: ProofRule[] = ["syllable-invalid", "syllable-stop-tone", "syllable-spelling", "dictionary-unknown"];

/** Ignored findings per article, for the session: rule and text. */
const ignored = new Map<string, Set<string>>();

/** A plain text field (headline, lead) proofed alongside the body. */
export interface ProofField {
  id: "headline" | "lead";
  get(): string;
  /** Puts a corrected value in and reports it as the user's change. */
  set(value: string): void;
}

interface Listed {
  where: "headline" | "lead" | "body";
  finding: ProofFinding;
  body?: BodyFinding;
}

export interface ProofPanel {
  element: HTMLElement;
  /** Something changed: proof again after a pause. */
  changed(): void;
  /** Proofs now (after a restore, on open). */
  run(): void;
  dispose(): void;
}

function ignoreKey(f: ProofFinding): string {
  return `${f.rule}\u0000${f.text}`;
}

/** Replaces characters [start, end) (Unicode scalar values) of `s` with `by`. */
export function spliceChars(s: string, start: number, end: number, by: string): string {
  const chars = [...s];
  return chars.slice(0, start).join("") + by + chars.slice(end).join("");
}

export function createProofPanel(articleId: string, body: BodyEditor, fields: ProofField[]): ProofPanel {
  const list = h("ul", { class: "proof-list", "data-testid": "proof-list" });
  const summary = h("span", { class: "count", "data-testid": "proof-count" });
  const element = h("div", { class: "proof-panel", "data-testid": "proof-panel" },
    h("h2", {}, t("proof.title"), " ", summary), list);
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let fieldFindings: { where: "headline" | "lead"; finding: ProofFinding }[] = [];
  const ignoredHere = ignored.get(articleId) ?? new Set<string>();
  ignored.set(articleId, ignoredHere);

  function changed() {
    generation++;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, PROOF_DEBOUNCE);
  }

  function run() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (disposed) return;
    const gen = ++generation;
    const blocks = textBlocks(body.editor.state.doc);
    const texts = [...fields.map((f) => f.get()), ...blocks.map((b) => b.text)];
    if (texts.reduce((n, x) => n + x.length, 0) > PROOF_LIMIT) {
      body.editor.view.dispatch(setFindings(body.editor.state.tr, []));
      fieldFindings = [];
      element.dataset.state = "skipped";
      summary.textContent = "";
      replace(list, h("li", { class: "muted", "data-testid": "proof-too-long" }, t("proof.tooLong")));
      return;
    }
    element.dataset.state = "running";
    // One text for the whole article: a spelled-out abbreviation or the article's tone style
    // counts across paragraphs. Findings are split back per block afterwards.
    api.proofTexts([joinTexts(texts)]).then(
      (answer) => {
        const results = splitFindings(texts, answer[0] ?? []);
        // An answer for a document that has changed since is of no use: a newer run follows.
        if (disposed || gen !== generation || body.editor.isDestroyed) return;
        fieldFindings = fields.flatMap((f, i) =>
          (results[i] ?? []).filter((x) => !ignoredHere.has(ignoreKey(x))).map((finding) => ({ where: f.id, finding })),
        );
        const placed = placeFindings(blocks, results.slice(fields.length))
          .filter((b) => !ignoredHere.has(ignoreKey(b.finding)));
        body.editor.view.dispatch(setFindings(body.editor.state.tr, placed));
        element.dataset.state = "done";
        render();
      },
      (e: Error) => {
        if (gen !== generation) return;
        element.dataset.state = "error";
        replace(list, h("li", { class: "error" }, e.message));
      },
    );
  }

  function message(f: ProofFinding): string {
    return lang() === "en" ? f.message_en : f.message_vi;
  }

  function applyFix(item: Listed, fix: string) {
    if (item.where === "body" && item.body) {
      const { from, to } = item.body;
      const ed = body.editor;
      if (ed.state.doc.textBetween(from, to, "\n", "\uFFFC") !== item.finding.text) return run();
      ed.view.dispatch(ed.state.tr.insertText(fix, from, to));
    } else {
      const field = fields.find((f) => f.id === item.where)!;
      const value = field.get();
      const { start_char, end_char } = item.finding.span;
      if ([...value].slice(start_char, end_char).join("") !== item.finding.text) return run();
      field.set(spliceChars(value, start_char, end_char, fix));
      changed();
    }
  }

  async function addWord(word: string) {
    const config = await api.getProofConfig();
    if (!config.newsroom_words.includes(word)) {
      await api.setProofConfig({ ...config, newsroom_words: [...config.newsroom_words, word] });
    }
    run();
  }

  function render() {
    const items: Listed[] = [
      ...fieldFindings.map((f) => ({ ...f })),
      ...currentFindings(body.editor.state).map((b) => ({ where: "body" as const, finding: b.finding, body: b })),
    ];
    summary.textContent = items.length ? String(items.length) : "";
    replace(
      list,
      items.length ? null : h("li", { class: "muted", "data-testid": "proof-none" }, t("proof.none")),
      items.map((item) => {
        const f = item.finding;
        const fixes = f.fix !== null ? [f.fix] : f.suggestions.slice(0, 3);
        return h(
          "li",
          { class: `proof-item proof-${f.severity}`, "data-testid": "proof-item", "data-rule": f.rule },
          h("div", {},
            h("span", { class: "proof-where" }, t(`proof.where.${item.where}` as Key)), " ",
            h("q", { class: "proof-text" }, f.text), " ",
            h("span", { class: "proof-message" }, message(f))),
          h("div", { class: "proof-actions" },
            fixes.map((fix) =>
              h("button", {
                class: "link proof-fix",
                "data-testid": "proof-fix",
                title: t("proof.fix"),
                onclick: () => applyFix(item, fix),
              }, fix === "" ? t("proof.remove") : `→ ${fix}`),
            ),
            h("button", {
              class: "link",
              "data-testid": "proof-ignore",
              onclick: () => {
                ignoredHere.add(ignoreKey(f));
                run();
              },
            }, t("proof.ignore")),
            WORD_RULES.includes(f.rule)
              ? h("button", {
                class: "link",
                "data-testid": "proof-add-word",
                onclick: () => void addWord(f.text),
              }, t("proof.addWord"))
              : null,
          ),
        );
      }),
    );
  }

  return {
    element,
    changed,
    run,
    dispose: () => {
      disposed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
