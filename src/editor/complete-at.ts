/**
 * Completion at a cursor in a search: command names after `|`, macro names after a backtick,
 * `Model.Dataset` after `datamodel=`, a root dataset's fields after its prefix (`Processes.` →
 * `Processes.process_name`, the names tstats uses), and otherwise eval functions (stats functions
 * in the commands that aggregate), the loaded data's fields, datamodel prefixes and keywords.
 * Nothing inside a string or a comment. Candidates start with the word typed so far.
 */
import { isAggregating } from "./aggregating.js";
import type { CompletionItem } from "./completion-item.js";
import { cursorContext } from "./cursor-context.js";
import type { EditorContext } from "./editor-context.js";
import { editorNames, type NameCatalog } from "./name-catalog.js";

/** What the word at the cursor was read as (the REPL offers nothing for an empty expression word). */
export type CompletionPlace = "none" | "command" | "macro" | "dataset" | "datamodel-field" | "expression";

export interface CompletionResult {
  /** Where the replaced word starts (UTF-16 offset); it ends at the cursor. */
  readonly from: number;
  readonly items: CompletionItem[];
  readonly place: CompletionPlace;
}

const KEYWORDS = ["by", "as", "AND", "OR", "NOT", "where", "from", "groupby", "over"];

/** Completion candidates at `offset` in `text` (a search) with the context's macros and fields. */
export function completeAt(text: string, offset: number, ctx: EditorContext): { from: number; items: CompletionItem[] } {
  const { from, items } = completeWith(text, offset, editorNames(ctx));
  return { from, items };
}

/** Completion over a given catalog of names (the REPL passes its own). */
export function completeWith(text: string, offset: number, names: NameCatalog): CompletionResult {
  const at = cursorContext(text, offset);
  const pick = (place: CompletionPlace, ...lists: (readonly CompletionItem[])[]): CompletionResult => ({ from: at.from, items: matching(lists, at.word), place });
  if (at.in === "string" || at.in === "comment") return { from: at.from, items: [], place: "none" };
  if (at.in === "macro") return pick("macro", names.macros);
  if (at.atCommandName) return pick("command", names.commands);
  if (/\bdatamodel\s*=\s*$/i.test(at.head)) return pick("dataset", names.datasets);
  const dot = at.word.indexOf(".");
  const dmFields = dot > 0 ? names.datasetFields.get(at.word.slice(0, dot)) : undefined;
  if (dmFields) return pick("datamodel-field", dmFields);
  const roots = [...names.datasetFields.keys()].map((r): CompletionItem => ({ label: r, kind: "datamodel", detail: "datamodel fields prefix", insert: `${r}.` }));
  const keywords = KEYWORDS.map((k): CompletionItem => ({ label: k, kind: "keyword" }));
  const fns = isAggregating(at.command) ? [names.aggregates, names.functions] : [names.functions];
  return pick("expression", ...fns, names.fields, roots, keywords);
}

/** The items whose label starts with `word`, first of each label and kind. */
function matching(lists: readonly (readonly CompletionItem[])[], word: string): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const list of lists) {
    for (const item of list) {
      const key = `${item.kind}:${item.label}`;
      if (!item.label.startsWith(word) || seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}
