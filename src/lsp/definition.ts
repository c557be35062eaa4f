/** Go-to-definition: the macro call under the cursor → the line of its definition file. */
import { pathToFileURL } from "node:url";
import type { Location, Position } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { macroAt } from "../index.js";
import { documentSearch } from "./document-search.js";
import type { LspWorkspace } from "./lsp-workspace.js";
import { macroLocation } from "./macro-location.js";

export function documentDefinition(doc: TextDocument, position: Position, ws: LspWorkspace): Location | null {
  const kind = documentSearch(doc, ws.macros);
  if (kind.kind !== "search") return null;
  const s = kind.search;
  const at = s.toSearch(doc.offsetAt(position));
  if (at === null) return null;
  const call = macroAt(s.text, at);
  const def = call ? s.macros.get(call.name, call.arity) : undefined;
  const loc = def ? macroLocation(def) : null;
  if (!loc) return null;
  const start = { line: loc.line, character: loc.character };
  return { uri: pathToFileURL(loc.file).href, range: { start, end: { line: loc.line, character: loc.character + loc.length } } };
}
