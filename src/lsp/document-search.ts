/**
 * The search an open document holds: a `.spl` file is one search (offsets are the file's); a
 * detection YAML file's `search:` is mapped into the file (detectionSearch: the search as it
 * runs, its `_filter` macro defined, offsets both ways). Other YAML (macros, lookups, stories) and
 * any other file has none. Cached per document version: every request on one version reads the YAML once.
 */
import { fileURLToPath } from "node:url";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { detectionSearch, type DetectionSearch, type MacroTable } from "../index.js";

export interface DocumentSearch {
  readonly text: string;
  readonly macros: MacroTable;
  /** The name diagnostics are rendered with: the file's path, `search` for a detection's search. */
  readonly name: string;
  /** The document offset of search offset `at`. */
  toDoc(at: number): number;
  /** The search offset of document offset `at`, or null outside the search. */
  toSearch(at: number): number | null;
  /** Set for a detection YAML file. */
  readonly detection?: DetectionSearch;
}

export type DocumentKind =
  | { readonly kind: "search"; readonly search: DocumentSearch }
  /** A YAML file that should be a detection but does not read as one (1-based position when known). */
  | { readonly kind: "error"; readonly message: string; readonly line?: number; readonly col?: number }
  | { readonly kind: "none" };

export function isYaml(uri: string, languageId?: string): boolean {
  return languageId === "yaml" || /\.ya?ml$/i.test(uri);
}

/** A search file: `.spl`, or a client's `spl` language (an untitled buffer). */
export function isSpl(uri: string, languageId?: string): boolean {
  return languageId === "spl" || /\.spl$/i.test(uri);
}

/** The file path of a `file:` URI, else the URI itself. */
export function pathOf(uri: string): string {
  try {
    return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

const cache = new WeakMap<TextDocument, { version: number; macros: MacroTable; kind: DocumentKind }>();

export function documentSearch(doc: TextDocument, macros: MacroTable): DocumentKind {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version && hit.macros === macros) return hit.kind;
  const kind = read(doc, macros);
  cache.set(doc, { version: doc.version, macros, kind });
  return kind;
}

function read(doc: TextDocument, macros: MacroTable): DocumentKind {
  const text = doc.getText();
  const name = pathOf(doc.uri);
  if (isSpl(doc.uri, doc.languageId)) {
    return { kind: "search", search: { text, macros, name, toDoc: (at) => at, toSearch: (at) => at } };
  }
  // Anything else a client sends (a macros.conf, a README) is not ours to check.
  if (!isYaml(doc.uri, doc.languageId)) return { kind: "none" };
  const r = detectionSearch(text, name);
  if (!r.search) return r.notDetection ? { kind: "none" } : { kind: "error", message: r.error.message, ...(r.error.line ? { line: r.error.line } : {}), ...(r.error.col ? { col: r.error.col } : {}) };
  const det = r.search;
  // Rendered as `search:1:17`: positions in the search text, not lines of the file (the range is).
  return { kind: "search", search: { text: det.text, macros: det.macros(macros), name: "search", toDoc: (at) => det.toYaml(at), toSearch: (at) => det.toSearch(at), detection: det } };
}
