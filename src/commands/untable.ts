/**
 * `untable <x-field> <y-name-field> <y-data-field>` (untable reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/untable): the inverse of
 * xyseries: each result becomes one result per other field, holding the x value, the field's name
 * and its value. Choices where the reference is silent: empty cells give no result, and internal
 * `_` fields other than the x field are left out (timechart's bookkeeping fields).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const untable: CommandDef<"untable"> = {
  kind: "untable",
  summary: "Turns each column of a table into rows of (x, field name, value).",
  usage: "untable <x-field> <y-name-field> <y-data-field>",
  examples: ["| makeresults | eval host=\"a\", cpu=5, mem=7 | fields host cpu mem | untable host metric value"],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, [], ctx);
    const names = argsOf(node, "positional").map((p) => textOf(p.value, node, ctx, "a field name"));
    const [x, yname, ydata] = names;
    if (names.length !== 3 || !x || !yname || !ydata) {
      ctx.report(diag("bad-argument", { command: "untable", message: "expected <x-field> <y-name-field> <y-data-field>" }, node.span));
      return null;
    }
    return { kind: "untable", x, yname, ydata, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const out: Value[][] = [[], [], []];
      const series = input.fields.filter((f) => f !== cmd.x && !f.startsWith("_"));
      for (let r = 0; r < input.length; r++) {
        for (const f of series) {
          const v = input.get(f, r);
          if (v === null) continue;
          out[0]?.push(input.get(cmd.x, r));
          out[1]?.push(f);
          out[2]?.push(v);
        }
      }
      const names = [cmd.x, cmd.yname, cmd.ydata];
      const cols = new Map<string, Value[]>(names.map((n, i) => [n, out[i] ?? []]));
      return Table.fromColumns(names, cols, out[0]?.length ?? 0);
    };
  },
};
