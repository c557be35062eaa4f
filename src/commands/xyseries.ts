/**
 * `xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>... [sep=<string>]
 * [format=<string>]` (xyseries reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xyseries):
 * "Converts results into a tabular format that is suitable for graphing": one result per x value,
 * one column per y-name value holding the y-data value. With several data fields the columns are
 * named `<data field><sep><y-name value>` — sep's default is ":" ("separates the field name and
 * field value by the default ":" For example, the default for this example looks like
 * count(host):referrer_domain"; chart's is ": ") — or by `format`, which "takes
 * precedence over sep" with `$AGG$` standing for the data field and `$VAL$` for the y-name value.
 * `grouped=true` says "the input is sorted by the value of the <x-field>": the results are read as
 * runs, a new row starting whenever x changes, so an x value that comes back later starts a row of
 * its own (grouped=false, the default, merges every result with the same x).
 * The page's example (`top categoryId | xyseries categoryId count percent`) shows its columns
 * sorted (138, 245, … 806, not top's order 806, 493, …) and its rows sorted by categoryId (bar
 * SPORTS, listed first — the page's table is inconsistent there): rows come sorted by x as chart
 * sorts its rows, columns lexicographically by y-name value (data fields in the order given);
 * with grouped=true rows keep the input's runs. Data fields may be written as the aggregate names
 * stats gives them (the extended example's `count(host), count(productId)`).
 * Choices where the reference is silent: a later value for the same cell wins; results missing the
 * x or y-name field are skipped.
 */
import type { ArgValue } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { compareAtoms, compareLexical, toList, toText, type Atom, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { columnName } from "./split-series.js";
import type { CommandDef } from "./types.js";

const SRC = '| makeresults count=4 | streamstats count AS n | eval host=if(n=2, "b", "a"), metric=if(n<3, "cpu", "mem"), v=n, w=n*10';

export const xyseries: CommandDef<"xyseries"> = {
  kind: "xyseries",
  summary: "Pivots results into one row per x value and one column per y-name value.",
  usage: "xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>... [sep=<string>] [format=<string>]",
  examples: ['| makeresults | eval host="a", metric="cpu", value=5 | xyseries host metric value'],
  options: {
    grouped: { query: `${SRC} | xyseries grouped=true host metric v`, baseline: `${SRC} | xyseries host metric v` },
    sep: { query: `${SRC} | xyseries host metric v,w sep=_`, baseline: `${SRC} | xyseries host metric v,w` },
    format: { query: `${SRC} | xyseries host metric v,w format="$VAL$/$AGG$"`, baseline: `${SRC} | xyseries host metric v,w` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["grouped", "sep", "format"], ctx);
    const grouped = boolOption(opts.get("grouped"), node, ctx, false);
    const sepOpt = opts.get("sep");
    const sep = (sepOpt ? textOf(sepOpt.value, node, ctx) : null) ?? ":";
    const formatOpt = opts.get("format");
    const format = formatOpt ? textOf(formatOpt.value, node, ctx, "a name pattern with $AGG$ and $VAL$") : null;
    const names = argsOf(node, "positional").flatMap((p) => (fieldText(p.value) ?? textOf(p.value, node, ctx, "a field name") ?? "").split(",").map((s) => s.trim()).filter(Boolean));
    const [x, yname, ...ydata] = names;
    if (!x || !yname || ydata.length === 0) {
      ctx.report(diag("bad-argument", { command: "xyseries", message: "expected <x-field> <y-name-field> <y-data-field>..." }, node.span));
      return null;
    }
    return { kind: "xyseries", x, yname, ydata, sep, grouped, ...(format !== null ? { format } : {}), span: node.span };
  },
  plan(cmd) {
    const format = cmd.format ?? `$AGG$${cmd.sep}$VAL$`;
    return (input) => {
      const rowOf = new Map<string, number>();
      const xs: Value[] = [];
      const cells = new Map<string, Map<number, Value>>();
      const columns: string[] = [];
      const colValue = new Map<string, string>();
      let lastKey: string | null = null;
      for (let r = 0; r < input.length; r++) {
        const xv = input.get(cmd.x, r);
        const name = toText(input.get(cmd.yname, r));
        if (xv === null || name === null) continue;
        const xk = toText(xv) ?? "";
        let row = cmd.grouped ? (xk === lastKey ? xs.length - 1 : undefined) : rowOf.get(xk);
        if (row === undefined) {
          rowOf.set(xk, (row = xs.length));
          xs.push(xv);
        }
        lastKey = xk;
        for (const d of cmd.ydata) {
          const col = columnName(d, name, cmd.ydata.length, format);
          let m = cells.get(col);
          if (!m) {
            cells.set(col, (m = new Map()));
            columns.push(col);
            colValue.set(col, name);
          }
          const v = input.get(d, r);
          if (v !== null) m.set(row, v);
        }
      }
      const order = xs.map((_, i) => i);
      if (!cmd.grouped) order.sort((a, b) => compareAtoms(firstAtom(xs[a]), firstAtom(xs[b])));
      const byName = new Map(columns.map((c, i) => [c, i]));
      columns.sort((a, b) => compareLexical(colValue.get(a) ?? "", colValue.get(b) ?? "") || (byName.get(a) ?? 0) - (byName.get(b) ?? 0));
      const cols = new Map<string, Value[]>([[cmd.x, order.map((i) => xs[i] as Value)]]);
      for (const c of columns) cols.set(c, order.map((i) => cells.get(c)?.get(i) ?? null));
      return Table.fromColumns([cmd.x, ...columns.filter((c) => c !== cmd.x)], cols, xs.length);
    };
  },
};

/** A data field written as a call, e.g. `count(host)`: the field stats named that way. */
function fieldText(v: ArgValue): string | null {
  if (v.kind !== "call") return null;
  const inner = v.args.map((a) => (a.kind === "word" || a.kind === "string" ? a.text : a.kind === "call" ? fieldText(a) : null));
  return inner.every((t) => t !== null) ? `${v.name}(${inner.join(",")})` : null;
}

/** A value's first atom, for sorting rows (a multivalue x sorts by its first value). */
function firstAtom(v: Value | undefined): Atom {
  return (v === undefined || v === null ? "" : toList(v)[0]) ?? "";
}
