/**
 * The explain tab: what `minispl explain` prints for the typed search (macro-expanded text, the
 * parsed pipeline, the plan; repl/explain.ts) with its diagnostics in the editor's shape, and the
 * grammar rules the railroad diagram shows for its commands.
 */
import { compile, type MacroTable } from "../index.js";
import { explainSearch } from "../repl/explain.js";
import type { WebExplanation } from "./api.js";
import { withDefaultFilters } from "./default-filters.js";
import { toWebDiagnostic } from "./web-diagnostic.js";

/** The grammar rules a command's arguments are parsed with (parser/parser.ts); the rest use the generic shape. */
const RULES: Record<string, readonly string[]> = {
  search: ["searchExpr", "searchTerm"],
  where: ["expression"],
  eval: ["assignments", "expression"],
};

export function explainText(text: string, macros: MacroTable): WebExplanation {
  const table = withDefaultFilters(text, macros);
  const res = compile(text, { name: "query", macros: table });
  const e = explainSearch(text, { macros: table, color: false });
  const kinds = new Set(res.commands.map((c) => c.kind));
  const rules = ["pipeline", "command", "genericArgs", ...[...kinds].flatMap((k) => RULES[k] ?? [])];
  return { text: e.text, diagnostics: res.diagnostics.map((d) => toWebDiagnostic(d, res.sources)), ok: e.ok, commands: [...new Set(rules)] };
}
