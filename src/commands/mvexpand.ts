/**
 * `mvexpand <field> [limit=<int>]`: mvexpand reference: "Expands the values of a multivalue field
 * into separate events, one event for each value in the multivalue field"; `limit` caps the values
 * expanded per result (the rest are dropped). A single value stays one result. A result without the
 * field is dropped (UNVERIFIED: the commonly reported behaviour, docs silent). "The mvexpand command
 * can't be applied to internal fields": `mvexpand _raw` is an error.
 *
 * Memory (mvexpand reference, "Limits": "If this attempt exceeds the configured maximum on any
 * chunk, the chunk is truncated and a warning message is emitted"; limits.conf `[mvexpand]
 * max_mem_usage_mb`, default 500, "If the memory limit is exceeded, output is truncated, not
 * spilled to disk"): the output is estimated as it is planned (a slot per field and the expanded
 * value's size per result) and cut where the estimate passes 500 MB, with a warning. Splunk
 * applies the limit per chunk of input results; minispl has one chunk, the whole input. What is
 * kept is then held to the search's row budget (`--max-rows`) before the result table is built.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { toList, type Atom, type Value } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { Span } from "../source/source-text.js";
import type { Table } from "../table/table.js";
import type { CommandDef, ExecContext } from "./types.js";

export const mvexpand: CommandDef<"mvexpand"> = {
  kind: "mvexpand",
  summary: "Turns each value of a multivalue field into a result of its own.",
  usage: "mvexpand <field> [limit=<int>]",
  options: {
    limit: { query: '| makeresults | eval x=split("a,b,c", ",") | mvexpand x limit=2', baseline: '| makeresults | eval x=split("a,b,c", ",") | mvexpand x' },
  },
  examples: ['| makeresults | eval x=split("a,b,c", ",") | mvexpand x', '| makeresults | eval x=split("a,b,c", ",") | mvexpand x limit=2'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["limit"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "mvexpand", message: "takes one field" }, p.span));
    if (!pos[0]) {
      ctx.report(diag("bad-argument", { command: "mvexpand", message: "needs a field" }, node.span));
      return null;
    }
    const field = textOf(pos[0].value, node, ctx, "a field name");
    if (field?.startsWith("_")) {
      ctx.report(diag("bad-argument", { command: "mvexpand", message: `can't be applied to internal fields such as ${field}` }, pos[0].span));
      return null;
    }
    const l = opts.get("limit");
    const limit = l ? (intValue(l.value, node, ctx, "limit") ?? undefined) : undefined;
    return field === null ? null : { kind: "mvexpand", field, ...(limit !== undefined && limit > 0 ? { limit } : {}), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const col = input.column(cmd.field);
      if (!col) return input.select([]);
      const rows: number[] = [];
      const values: Value[] = [];
      const rowBytes = SLOT_BYTES * (input.fields.length + 2);
      let bytes = 0;
      for (let r = 0; r < input.length; r++) {
        const vals = toList(col[r] ?? null);
        const n = Math.min(vals.length, cmd.limit ?? Number.POSITIVE_INFINITY);
        for (let i = 0; i < n; i++) {
          const v = vals[i] as Atom;
          bytes += rowBytes + valueBytes(v);
          if (bytes > MVEXPAND_MAX_MEM_BYTES) {
            ctx.warn(diag("runtime-error", {
              message: `mvexpand: output truncated at ${rows.length.toLocaleString("en-US")} results: the expansion would need more than ${MVEXPAND_MAX_MEM_BYTES / 1_048_576} MB (Splunk's limits.conf [mvexpand] max_mem_usage_mb)`,
            }, cmd.span, { severity: "warning" }));
            return expand(input, cmd.field, rows, values, ctx, cmd.span);
          }
          rows.push(r);
          values.push(v);
        }
        ctx.budget.tick(n + 1, cmd.span);
      }
      return expand(input, cmd.field, rows, values, ctx, cmd.span);
    };
  },
};

/** limits.conf `[mvexpand] max_mem_usage_mb` default: 500 MB. */
export const MVEXPAND_MAX_MEM_BYTES = 500 * 1_048_576;
/**
 * What one field of one result costs at least: a pointer-sized slot in its column. A result also
 * takes a slot in each of the two arrays that build the output (row numbers, values): hence
 * fields + 2 slots per result.
 */
const SLOT_BYTES = 8;

/** A number that is not a small integer is a 16-byte heap object; a string a header and UTF-16. */
function valueBytes(v: Atom): number {
  return typeof v === "number" ? 16 : 16 + 2 * v.length;
}

function expand(input: Table, field: string, rows: number[], values: Value[], ctx: ExecContext, span: Span): Table {
  ctx.budget.rows(rows.length, "mvexpand", span);
  return input.select(rows).withColumn(field, values);
}
