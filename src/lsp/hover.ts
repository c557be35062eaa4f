/** Hover requests: the editor services' markdown docs, the range mapped back into the document. */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { hoverAt } from "../index.js";
import { documentSearch } from "./document-search.js";
import type { LspWorkspace } from "./lsp-workspace.js";

export function documentHover(doc: TextDocument, position: Position, ws: LspWorkspace): Hover | null {
  const kind = documentSearch(doc, ws.macros);
  if (kind.kind !== "search") return null;
  const s = kind.search;
  const at = s.toSearch(doc.offsetAt(position));
  if (at === null) return null;
  const h = hoverAt(s.text, at, { macros: s.macros });
  if (!h) return null;
  const from = s.toDoc(h.from);
  const to = h.to > h.from ? s.toDoc(h.to - 1) + 1 : from;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: { start: doc.positionAt(from), end: doc.positionAt(to) } };
}
