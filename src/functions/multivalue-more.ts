/**
 * Multivalue eval functions beyond the first set (Search Reference 10.0, "Multivalue eval
 * functions"): commands and mvreverse. mv_to_json_array is with the JSON conversions
 * (conversion-more.ts).
 */
import { mv, toList } from "../values/value.js";
import type { FunctionDef } from "./types.js";

/**
 * The names of the commands of a search string, in order: the text is cut at each `|` outside
 * quotes, brackets and backquotes, and each part's first word is its command; a first part that
 * starts with a field comparison (`index=main | stats count`) is the implied `search`. Subsearches
 * are not listed (the page's example has none; a choice).
 */
export function commandNames(search: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < search.length; i++) {
    const c = search[i]!;
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === "|" && depth === 0) {
      parts.push(search.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(search.slice(start));
  const names: string[] = [];
  parts.forEach((part, i) => {
    const word = /^\s*([A-Za-z_][\w-]*)(?=\s|$)/.exec(part)?.[1];
    if (word !== undefined && !(i === 0 && /^\s*[A-Za-z_][\w-]*\s*[=<>!]/.test(part))) names.push(word.toLowerCase());
    else if (i === 0 && part.trim() !== "") names.push("search");
  });
  return names;
}

/** The additional multivalue functions. */
export const MULTIVALUE_MORE_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "commands", category: "multivalue", minArgs: 1, maxArgs: 1, signature: "commands(<value>)",
    summary: "The names of the commands used in a search string, as a multivalue field.",
    examples: [{ expr: 'mvjoin(commands("search foo | stats count | sort count"), ",")', result: "search,stats,sort" }],
    impl: ([v]) => (v === undefined || v === null || typeof v === "boolean" ? null
      : mv(toList(v).flatMap((a) => commandNames(String(a))))),
  },
  {
    name: "mvreverse", category: "multivalue", minArgs: 1, maxArgs: 1, signature: "mvreverse(<mv>)",
    summary: "The values of a multivalue field in reverse order.",
    examples: [{ expr: 'mvreverse(split("1,2,3", ","))', result: ["3", "2", "1"] }],
    impl: ([v]) => (v === undefined || v === null || typeof v === "boolean" ? null : mv(toList(v).reverse())),
  },
];
