/**
 * `xyseries [grouped=<bool>] [sep=<string>] <x-field> <y-name-field> <y-data-field>...` (xyseries
 * reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xyseries):
 * "Converts results into a tabular format that is suitable for graphing": one result per x value,
 * one column per y-name value holding the y-data value. With several data fields the columns are
 * named `<data field><sep><y-name value>` (sep default ": "). Choices where the reference is
 * silent: rows and columns come in order of first appearance; a later value for the same cell
 * wins; results missing the x or y-name field are skipped.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const xyseries: CommandDef<"xyseries"> = {
  kind: "xyseries",
  summary: "Pivots results into one row per x value and one column per y-name value.",
  usage: "xyseries [sep=<string>] <x-field> <y-name-field> <y-data-field>...",
  examples: ['| makeresults | eval host="a", metric="cpu", value=5 | xyseries host metric value'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["grouped", "sep", "format"], ctx);
    boolOption(opts.get("grouped"), node, ctx, false);
    const sepOpt = opts.get("sep");
    const sep = (sepOpt ? textOf(sepOpt.value, node, ctx) : null) ?? ": ";
    const names = argsOf(node, "positional").flatMap((p) => (textOf(p.value, node, ctx, "a field name") ?? "").split(",").map((s) => s.trim()).filter(Boolean));
    const [x, yname, ...ydata] = names;
    if (!x || !yname || ydata.length === 0) {
      ctx.report(diag("bad-argument", { command: "xyseries", message: "expected <x-field> <y-name-field> <y-data-field>..." }, node.span));
      return null;
    }
    return { kind: "xyseries", x, yname, ydata, sep, span: node.span };
  },
  plan(cmd) {
    return (input) => {
      const rowOf = new Map<string, number>();
      const xs: Value[] = [];
      const cells = new Map<string, Map<number, Value>>();
      const columns: string[] = [];
      for (let r = 0; r < input.length; r++) {
        const xv = input.get(cmd.x, r);
        const name = toText(input.get(cmd.yname, r));
        if (xv === null || name === null) continue;
        const xk = toText(xv) ?? "";
        let row = rowOf.get(xk);
        if (row === undefined) {
          rowOf.set(xk, (row = xs.length));
          xs.push(xv);
        }
        for (const d of cmd.ydata) {
          const col = cmd.ydata.length === 1 ? name : `${d}${cmd.sep}${name}`;
          let m = cells.get(col);
          if (!m) {
            cells.set(col, (m = new Map()));
            columns.push(col);
          }
          const v = input.get(d, r);
          if (v !== null) m.set(row, v);
        }
      }
      const cols = new Map<string, Value[]>([[cmd.x, xs]]);
      for (const c of columns) cols.set(c, xs.map((_, i) => cells.get(c)?.get(i) ?? null));
      return Table.fromColumns([cmd.x, ...columns.filter((c) => c !== cmd.x)], cols, xs.length);
    };
  },
};
