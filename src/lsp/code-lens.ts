/**
 * The "Run detection" code lens on a detection YAML file, on its `name:` line (the first line
 * when there is none): it runs the minispl.runDetection command with the document's URI.
 */
import type { CodeLens } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { documentSearch } from "./document-search.js";
import type { LspWorkspace } from "./lsp-workspace.js";
import { RUN_DETECTION } from "./run-detection.js";

export function documentCodeLenses(doc: TextDocument, ws: LspWorkspace): CodeLens[] {
  const kind = documentSearch(doc, ws.macros);
  if (kind.kind !== "search" || !kind.search.detection) return [];
  const name = /^name:/m.exec(doc.getText());
  const line = name ? doc.positionAt(name.index).line : 0;
  const title = ws.data.configured ? "▶ Run detection" : "▶ Run detection (no data configured)";
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: RUN_DETECTION, arguments: [doc.uri] } }];
}
