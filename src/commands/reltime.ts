/**
 * `reltime [timefield=<field-list>] [prefix=<string>]` (reltime reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/reltime): adds a
 * human-readable difference between "now" (the start time of the search) and a timestamp field —
 * `5 days ago`, `1 minute ago`, `2 years ago`. `timefield` (default `_time`) may list several
 * fields, "a comma-separated list bounded by double quotation marks"; each gets its own field.
 * Names: `reltime` for one time field without a prefix; otherwise `<prefix><timefield>`, where
 * several time fields without a prefix take the prefix `reltime_` (the page's rule).
 * The wording (relative-time.ts) is minispl's: the page only shows examples.
 */
import { diag } from "../diagnostics/diagnostic.js";
import type { Value } from "../values/value.js";
import { readOptions, rejectKinds, textOf } from "./args.js";
import { relativeText } from "./relative-time.js";
import { numberOf } from "./series-args.js";
import type { CommandDef } from "./types.js";

const ROWS = "| makeresults | eval _time=now()-300, seen=now()-7200";

export const reltime: CommandDef<"reltime"> = {
  kind: "reltime",
  summary: 'Adds how long ago a timestamp was, as text such as "5 minutes ago".',
  usage: "reltime [timefield=<field-list>] [prefix=<string>]",
  examples: [`${ROWS} | reltime`, `${ROWS} | reltime timefield="_time,seen" prefix=ago_`],
  options: {
    timefield: { query: `${ROWS} | reltime timefield=seen`, baseline: `${ROWS} | reltime` },
    prefix: { query: `${ROWS} | reltime prefix=ago_`, baseline: `${ROWS} | reltime` },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["timefield", "prefix"], ctx);
    const tf = opts.get("timefield");
    const list = tf ? textOf(tf.value, node, ctx, "field names") : "_time";
    const po = opts.get("prefix");
    const prefix = po ? textOf(po.value, node, ctx, "a prefix") : undefined;
    if (list === null || prefix === null) return null;
    const fields = list.split(",").map((s) => s.trim()).filter(Boolean);
    if (fields.length === 0) {
      ctx.report(diag("bad-argument", { command: "reltime", message: "timefield needs at least one field" }, tf?.value.span ?? node.span));
      return null;
    }
    const named = (f: string) => (prefix === undefined && fields.length === 1 ? "reltime" : `${prefix ?? "reltime_"}${f}`);
    return { kind: "reltime", outputs: fields.map((f) => ({ timefield: f, as: named(f) })), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      let t = input;
      for (const o of cmd.outputs) {
        const col = input.column(o.timefield);
        const out = new Array<Value>(input.length).fill(null);
        if (col) {
          for (let i = 0; i < input.length; i++) {
            const at = numberOf(col[i] ?? null);
            if (at !== null) out[i] = relativeText(ctx.fn.now - at);
          }
        }
        t = t.withColumn(o.as, out);
      }
      return t;
    };
  },
};
