/**
 * `| set (union | diff | intersect) <subsearch1> <subsearch2>` (set reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/set): "Performs two
 * subsearches, then executes the specified set operation on the two sets of search results".
 *  - union: both result sets, "results that are common to both subsets only once";
 *  - diff: both result sets "and excludes the events common to both. Does not indicate which
 *    subsearch the results originated from";
 *  - intersect: "results common to both subsearches".
 * "The set command considers results to be the same if all of fields that the results contain
 * match", internal fields included (the page tells users to drop `_*` fields themselves). Each
 * subsearch gives at most 10,000 results (the subsearch maxout the page names; the further
 * 50,000-row `[set] maxresultrows` cap cannot be reached past it). Results keep the order in which
 * they first appear, the first subsearch's before the second's; a result repeated within one
 * subsearch is kept once (a set). The order is not documented.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, rejectKinds } from "./args.js";
import { firstRows } from "./append.js";
import type { CommandDef } from "./types.js";

/** Results read from each subsearch ("The default value for this limit is 10000"). */
export const SET_SUBSEARCH_MAXOUT = 10_000;

const OPS = ["union", "diff", "intersect"] as const;

export const setCommand: CommandDef<"set"> = {
  kind: "set",
  generating: true,
  summary: "Union, difference or intersection of the results of two subsearches.",
  usage: "| set union|diff|intersect [ <subsearch> ] [ <subsearch> ]",
  examples: [
    '| set intersect [| makeresults format=csv data="url\n/a\n/b"] [| makeresults format=csv data="url\n/b\n/c"]',
    '| set diff [| makeresults format=csv data="url\n/a\n/b"] [| makeresults format=csv data="url\n/b\n/c"]',
  ],
  check(node, ctx) {
    rejectKinds(node, ["option", "by", "where"], ctx);
    const positionals = argsOf(node, "positional");
    const words = positionals.filter((p) => p.value.kind !== "subsearch");
    const subs = positionals.filter((p) => p.value.kind === "subsearch");
    const opArg = words[0];
    const op = opArg && (opArg.value.kind === "word" || opArg.value.kind === "string") ? opArg.value.text.toLowerCase() : null;
    let ok = true;
    if (!opArg || op === null || !(OPS as readonly string[]).includes(op) || positionals[0] !== opArg) {
      ctx.report(diag("bad-argument", { command: "set", message: "expected union, diff or intersect, then two [subsearches]", allowed: OPS }, opArg?.span ?? node.span));
      ok = false;
    }
    for (const extra of words.slice(1)) {
      ctx.report(diag("bad-argument", { command: "set", message: "expected only the operation and two [subsearches]" }, extra.span));
      ok = false;
    }
    if (subs.length !== 2) {
      ctx.report(diag("bad-argument", { command: "set", message: `needs exactly two [subsearches], got ${subs.length}` }, subs[2]?.span ?? node.span));
      return null;
    }
    const [left, right] = subs.map((s) => (s.value.kind === "subsearch" ? ctx.checkPipeline(s.value.pipeline) : null));
    if (!ok || !left || !right) return null;
    return { kind: "set", op: op as (typeof OPS)[number], left, right, span: node.span };
  },
  plan(cmd) {
    return (_input, ctx) => {
      const a = firstRows(ctx.run(cmd.left), SET_SUBSEARCH_MAXOUT);
      const b = firstRows(ctx.run(cmd.right), SET_SUBSEARCH_MAXOUT);
      return setOperation(cmd.op, a, b);
    };
  },
};

/** The set operation over two result sets (exported for unit tests). */
export function setOperation(op: "union" | "diff" | "intersect", a: Table, b: Table): Table {
  const names = [...new Set([...a.fields, ...b.fields])];
  const keysA = a.length ? rowKeys(a, names) : [];
  const keysB = b.length ? rowKeys(b, names) : [];
  const inA = new Set(keysA);
  const inB = new Set(keysB);
  const seen = new Set<string>();
  const picks: { t: Table; r: number }[] = [];
  const take = (t: Table, keys: readonly string[], keep: (k: string) => boolean) => {
    keys.forEach((k, r) => {
      if (!seen.has(k) && keep(k)) picks.push({ t, r });
      seen.add(k);
    });
  };
  if (op === "union") {
    take(a, keysA, () => true);
    take(b, keysB, () => true);
  } else if (op === "intersect") {
    take(a, keysA, (k) => inB.has(k));
  } else {
    take(a, keysA, (k) => !inB.has(k));
    take(b, keysB, (k) => !inA.has(k));
  }
  const present = names.filter((n) => picks.some(({ t, r }) => t.get(n, r) !== null));
  const cols = new Map<string, Value[]>(present.map((n) => [n, picks.map(({ t, r }) => t.get(n, r))]));
  return Table.fromColumns(present, cols, picks.length);
}

/** One key per row: every field's value (null and multivalue kept apart from text). */
function rowKeys(t: Table, names: readonly string[]): string[] {
  const cols = names.map((n) => t.column(n));
  return Array.from({ length: t.length }, (_, r) =>
    JSON.stringify(cols.map((c) => {
      const v = c?.[r] ?? null;
      return v === null ? null : Array.isArray(v) ? v.map((x) => toText(x)) : [toText(v as string | number)];
    })),
  );
}
