/**
 * The search bar: CodeMirror 6 with SPL colouring, live diagnostics (squiggles whose tooltip is
 * the CLI's message, hints and macro backtrace), completion and hover docs, all asked of the
 * EngineClient. Enter runs the search (Shift-Enter adds a line); an open completion list takes
 * Enter first.
 */
import { autocompletion, closeBrackets, closeCompletion, startCompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap, placeholder } from "@codemirror/view";
import type { EngineClient, WebDiagnostic } from "./client.js";
import { h } from "./dom.js";
import { renderMarkdown } from "./markdown.js";
import { splHighlight, splLanguage } from "./spl-language.js";

export interface SearchBar {
  readonly view: EditorView;
  /** Closes the completion list (a search is starting). */
  closePopups(): void;
  text(): string;
  setText(text: string): void;
}

const KIND_TYPE: Record<string, string> = {
  command: "keyword", function: "function", aggregate: "method", macro: "constant", field: "property", datamodel: "class", keyword: "keyword",
};

export function searchBar(parent: HTMLElement, client: EngineClient, run: () => void, initial = ""): SearchBar {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        history(),
        closeBrackets(),
        bracketMatching(),
        splLanguage,
        splHighlight,
        EditorView.lineWrapping,
        placeholder("Type a search, e.g. | tstats count from datamodel=Endpoint.Processes by Processes.process_name"),
        keymap.of([
          { key: "Enter", run: (v) => (closeCompletion(v), run(), true) },
          { key: "Shift-Enter", run: (v) => (v.dispatch(v.state.replaceSelection("\n")), true) },
          { key: "Ctrl-Space", run: startCompletion },
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        autocompletion({ override: [(ctx) => complete(client, ctx)], activateOnTyping: true }),
        linter((v) => lint(client, v), { delay: 250 }),
        lintGutter(),
        hoverTooltip((v, pos) => hover(client, v, pos)),
      ],
    }),
  });
  return {
    view,
    closePopups: () => void closeCompletion(view),
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } }),
  };
}

async function complete(client: EngineClient, ctx: CompletionContext): Promise<CompletionResult | null> {
  // While typing, only in a word or just after an opening backtick; Ctrl-Space always asks.
  const text = ctx.state.doc.toString();
  if (!ctx.explicit && !ctx.matchBefore(/[\w.]$/) && !openingBacktick(text, ctx.pos)) return null;
  const r = await client.complete(text, ctx.pos).catch(() => null);
  if (!r || r.items.length === 0) return null;
  const options: Completion[] = r.items.map((i) => ({
    label: i.label,
    type: KIND_TYPE[i.kind] ?? "text",
    ...(i.detail ? { detail: i.detail } : {}),
    ...(i.doc ? { info: () => renderMarkdown(i.doc as string) } : {}),
    ...(i.insert !== undefined ? { apply: i.insert } : {}),
  }));
  return { from: r.from, options, validFor: /^[\w.]*$/ };
}

/** The character before `pos` is a backtick that opens a macro call (an odd one, outside ``` comments). */
function openingBacktick(text: string, pos: number): boolean {
  if (text[pos - 1] !== "`") return false;
  const before = text.slice(0, pos).replace(/```[\s\S]*?```/g, "");
  return (before.match(/`/g) ?? []).length % 2 === 1;
}

async function lint(client: EngineClient, view: EditorView): Promise<Diagnostic[]> {
  const text = view.state.doc.toString();
  if (!text.trim()) return [];
  const ds = await client.diagnostics(text).catch(() => [] as WebDiagnostic[]);
  // The text may have changed while the server answered: keep spans inside the document.
  const len = view.state.doc.length;
  return ds.map((d) => {
    let from = Math.min(Math.max(0, d.from), len);
    let to = Math.min(Math.max(from, d.to), len);
    if (from === to) {
      if (to < len) to++;
      else if (from > 0) from--;
    }
    return {
      from, to,
      severity: d.severity,
      source: d.code,
      message: d.message,
      renderMessage: () => diagnosticElement(d),
    };
  });
}

/** A diagnostic as the CLI renders it (caret under the span, hints, macro backtrace): the error panel. */
export function renderedElement(d: WebDiagnostic): HTMLElement {
  return h("pre", { class: `diag diag-${d.severity}` }, d.rendered);
}

/** A diagnostic's message, hints and macro backtrace: the squiggle's tooltip. */
export function diagnosticElement(d: WebDiagnostic): HTMLElement {
  return h("div", { class: `diag diag-${d.severity}` },
    h("div", { class: "diag-msg" }, `${d.severity}[${d.code}]: ${d.message}`),
    ...d.hints.map((x) => h("div", { class: "diag-hint" }, `= hint: ${x}`)),
    ...d.backtrace.map((x) => h("div", { class: "diag-trace" }, x)),
  );
}

async function hover(client: EngineClient, view: EditorView, pos: number) {
  const r = await client.hover(view.state.doc.toString(), pos).catch(() => null);
  if (!r) return null;
  return { pos: r.from, end: r.to, above: true, create: () => ({ dom: h("div", { class: "hover" }, renderMarkdown(r.markdown)) }) };
}
