/**
 * A document's diagnostics in LSP form: the editor services' diagnostics (the CLI's messages,
 * hints and macro backtrace) placed in the document, a detection YAML's through its search
 * mapping. The message carries the backtrace and hints as the CLI prints them (`= in macro …`,
 * `= hint: …`); `data.rendered` is the CLI's whole rendering, caret included; relatedInformation
 * links each macro of the chain to its definition file.
 */
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { searchDiagnostics, type EditorDiagnostic } from "../index.js";
import { documentSearch, type DocumentSearch } from "./document-search.js";
import type { LspWorkspace } from "./lsp-workspace.js";
import { macroLocation } from "./macro-location.js";

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function documentDiagnostics(doc: TextDocument, ws: LspWorkspace): Diagnostic[] {
  const kind = documentSearch(doc, ws.macros);
  if (kind.kind === "none") return [];
  if (kind.kind === "error") {
    const at = { line: Math.max(0, (kind.line ?? 1) - 1), character: Math.max(0, (kind.col ?? 1) - 1) };
    return [{ range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: "minispl", code: "yaml", message: kind.message }];
  }
  const s = kind.search;
  // A new, empty .spl file is not yet a search ("empty search" would greet every new file).
  if (!s.detection && s.text.trim() === "") return [];
  return searchDiagnostics(s.text, { macros: s.macros, name: s.name }).map((d) => toLsp(d, s, doc));
}

function toLsp(d: EditorDiagnostic, s: DocumentSearch, doc: TextDocument): Diagnostic {
  const from = s.toDoc(d.from);
  // The end is just after the last character of the range, which a folded YAML line may move.
  const to = d.to > d.from ? s.toDoc(d.to - 1) + 1 : from;
  const message = [d.message, ...d.backtrace.map((b) => `= ${b}`), ...d.hints.map((h) => `= hint: ${h}`)].join("\n");
  const related = definitions(d.macros ?? [], s);
  return {
    range: { start: doc.positionAt(from), end: doc.positionAt(Math.max(from, to)) },
    severity: SEVERITY[d.severity],
    source: "minispl",
    code: d.code,
    message,
    ...(related.length ? { relatedInformation: related } : {}),
    data: { rendered: d.rendered, hints: d.hints, backtrace: d.backtrace },
  };
}

/** Where each macro of the expansion chain is defined (those with a file), as links. */
function definitions(keys: readonly string[], s: DocumentSearch): DiagnosticRelatedInformation[] {
  return keys.flatMap((key) => {
    const [, name = key, arity] = /^(.*?)(?:\((\d+)\))?$/.exec(key) ?? [];
    const def = s.macros.get(name, Number(arity ?? 0));
    const loc = def ? macroLocation(def) : null;
    if (!loc) return [];
    const at = { line: loc.line, character: loc.character };
    return [{ location: { uri: pathToFileURL(loc.file).href, range: { start: at, end: { line: at.line, character: at.character + loc.length } } }, message: `macro ${key} is defined here` }];
  });
}
