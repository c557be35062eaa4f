/**
 * Completion requests: the cursor mapped into the document's search, the editor services'
 * candidates (with the workspace's macros and loaded fields), each as a text edit of the word typed
 * so far, docs as markdown.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem as LspItem, type CompletionList, type Position } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { completeAt, type CompletionItem } from "../index.js";
import { documentSearch } from "./document-search.js";
import type { LspWorkspace } from "./lsp-workspace.js";

const KIND: Readonly<Record<CompletionItem["kind"], CompletionItemKind>> = {
  command: CompletionItemKind.Keyword,
  function: CompletionItemKind.Function,
  aggregate: CompletionItemKind.Method,
  macro: CompletionItemKind.Snippet,
  field: CompletionItemKind.Field,
  datamodel: CompletionItemKind.Module,
  keyword: CompletionItemKind.Operator,
};

/** The characters after which a client asks for completion without a word typed. */
export const TRIGGER_CHARACTERS = [".", "`", "|", "="];

export function documentCompletion(doc: TextDocument, position: Position, ws: LspWorkspace): CompletionList {
  const empty = { isIncomplete: false, items: [] };
  const kind = documentSearch(doc, ws.macros);
  if (kind.kind !== "search") return empty;
  const s = kind.search;
  const cursor = doc.offsetAt(position);
  const at = s.toSearch(cursor);
  if (at === null) return empty;
  const r = completeAt(s.text, at, { macros: s.macros, fields: ws.fields() });
  const range = { start: doc.positionAt(Math.min(s.toDoc(r.from), cursor)), end: position };
  const items = r.items.map((i, n): LspItem => ({
    label: i.label,
    kind: KIND[i.kind],
    ...(i.detail ? { detail: i.detail } : {}),
    ...(i.doc ? { documentation: { kind: MarkupKind.Markdown, value: i.doc } } : {}),
    textEdit: { range, newText: i.insert ?? i.label },
    // The services' order (by kind), kept by clients that sort by sortText.
    sortText: String(n).padStart(5, "0"),
  }));
  return { isIncomplete: false, items };
}
