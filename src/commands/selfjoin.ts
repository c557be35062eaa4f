/**
 * `selfjoin [overwrite=<bool>] [max=<int>] [keepsingle=<bool>] <field-list>` (selfjoin reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/selfjoin): "Join
 * results with itself, based on a specified field or list of fields to join on."
 *  - overwrite (default true): "fields from the other results overwrite fields of the results used
 *    as the basis for the join";
 *  - max (default 1, 0 = no limit): "the maximum number of 'other' results each main result can
 *    join with";
 *  - keepsingle (default false): "whether or not results with a unique value for the join fields
 *    (and thus no other results to join with) should be retained".
 * The page's worked example (five results sharing `joiner=x`) gives four results, the second to the
 * fifth, each carrying the previous result's fields where its own are empty: each result is the
 * basis of a join with the results after it in the same group, the nearest first, and a result
 * with no later partner produces nothing. Overwriting replaces a field only where the other result
 * has a value. A result missing a join field joins nothing (kept by keepsingle, as it is alone).
 * "The maximum number of main results is 100,000": later results are only joined as 'other'
 * results, with a warning.
 */
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { CommandDef } from "./types.js";

/** "The maximum number of main results is 100,000" (max). */
export const SELFJOIN_MAX_MAIN = 100_000;

const EXAMPLE = '| makeresults count=3 | streamstats count AS a | eval joiner="x", b=if(a=2, "two", null())';

export const selfjoin: CommandDef<"selfjoin"> = {
  kind: "selfjoin",
  summary: "Joins results with the other results that have the same values in the join fields.",
  usage: "selfjoin [overwrite=<bool>] [max=<int>] [keepsingle=<bool>] <field>...",
  examples: [`${EXAMPLE} | selfjoin joiner | table a b joiner`],
  options: {
    overwrite: { query: `${EXAMPLE} | selfjoin overwrite=false joiner | table a b joiner`, baseline: `${EXAMPLE} | selfjoin joiner | table a b joiner` },
    max: { query: `${EXAMPLE} | selfjoin max=0 joiner | table a b joiner`, baseline: `${EXAMPLE} | selfjoin joiner | table a b joiner` },
    keepsingle: {
      query: `${EXAMPLE} | eval joiner=a | selfjoin keepsingle=true joiner | table a b joiner`,
      baseline: `${EXAMPLE} | eval joiner=a | selfjoin joiner | table a b joiner`,
    },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["overwrite", "max", "keepsingle"], ctx);
    const fields: string[] = [];
    for (const p of argsOf(node, "positional")) {
      const t = textOf(p.value, node, ctx, "a join field");
      if (t !== null) fields.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
    }
    if (fields.length === 0) {
      ctx.report(diag("bad-argument", { command: "selfjoin", message: "needs the fields to join on" }, node.span));
      return null;
    }
    const maxOpt = opts.get("max");
    return {
      kind: "selfjoin", fields,
      overwrite: boolOption(opts.get("overwrite"), node, ctx, true),
      max: maxOpt ? intValue(maxOpt.value, node, ctx, "max") ?? 1 : 1,
      keepsingle: boolOption(opts.get("keepsingle"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const groups = new Map<string, number[]>();
      const keys: (string | null)[] = [];
      for (let r = 0; r < input.length; r++) {
        const k = keyOf(input, cmd.fields, r);
        keys.push(k);
        if (k === null) continue;
        const g = groups.get(k);
        if (g) g.push(r);
        else groups.set(k, [r]);
      }
      // Output pairs (basis, other), in the order of the basis results.
      const pairs: [number, number | null][] = [];
      const seen = new Map<string, number>(); // how many of each group's results came before
      if (input.length > SELFJOIN_MAX_MAIN) {
        ctx.warn(diag("runtime-error", { message: `selfjoin: ${input.length} results; only the first ${SELFJOIN_MAX_MAIN} are joined as main results` }, cmd.span, { severity: "warning" }));
      }
      for (let r = 0; r < Math.min(input.length, SELFJOIN_MAX_MAIN); r++) {
        const k = keys[r] as string | null;
        const group = k === null ? [r] : (groups.get(k) as number[]);
        if (group.length === 1) {
          if (cmd.keepsingle) pairs.push([r, null]);
          continue;
        }
        const at = (seen.get(k as string) ?? 0) + 1;
        seen.set(k as string, at);
        const end = cmd.max > 0 ? Math.min(group.length, at + cmd.max) : group.length;
        ctx.budget.rows(pairs.length + end - at, "selfjoin", cmd.span);
        for (let i = at; i < end; i++) pairs.push([r, group[i] as number]);
      }
      const cols = new Map<string, Value[]>();
      for (const f of input.fields) {
        cols.set(f, pairs.map(([b, o]) => {
          const own = input.get(f, b);
          const other = o === null ? null : input.get(f, o);
          return other !== null && (cmd.overwrite || own === null) ? other : own;
        }));
      }
      return Table.fromColumns(input.fields, cols, pairs.length);
    };
  },
};

function keyOf(t: Table, fields: readonly string[], r: number): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = t.get(f, r);
    if (v === null) return null;
    parts.push(Array.isArray(v) ? v.map((x) => toText(x) ?? "").join("\u0001") : toText(v as string | number) ?? "");
  }
  return parts.join("\u0000");
}
