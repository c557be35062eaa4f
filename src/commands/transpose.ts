/**
 * `transpose [int] [column_name=<string>] [header_field=<field>] [include_empty=<bool>]`
 * (transpose reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/transpose):
 * "Returns the specified number of rows (search results) as columns (list of field values), such
 * that each search row becomes a column." The first `int` rows are turned (default 5; 0 turns
 * every row); the first output column (`column_name`, default "column") holds the field names;
 * the other columns are named "row 1", "row 2", … or, with `header_field`, by that field's value
 * in each row (the header field itself is then not a row). With `include_empty=false` a field
 * whose values are all empty in the turned rows is left out.
 * Choice: fields are listed in the input's field order, internal ones (`_time`) included.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="host,count\\nwww1,3\\nwww2,5\\nwww3,"';

export const transpose: CommandDef<"transpose"> = {
  kind: "transpose",
  summary: "Turns result rows into columns: each field becomes a row, each result a column.",
  usage: "transpose [<int>] [column_name=<string>] [header_field=<field>] [include_empty=<bool>]",
  examples: [`${ROWS} | transpose`, `${ROWS} | transpose 2 header_field=host`],
  options: {
    column_name: { query: `${ROWS} | transpose column_name=field`, baseline: `${ROWS} | transpose` },
    header_field: { query: `${ROWS} | transpose header_field=host`, baseline: `${ROWS} | transpose` },
    include_empty: { query: `${ROWS} | eval e="" | transpose include_empty=false`, baseline: `${ROWS} | eval e="" | transpose` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["column_name", "header_field", "include_empty"], ctx);
    const ps = argsOf(node, "positional");
    let rows = 5;
    for (const [i, p] of ps.entries()) {
      if (i > 0) {
        ctx.report(diag("bad-argument", { command: "transpose", message: "takes one row count" }, p.span));
        continue;
      }
      const n = intValue(p.value, node, ctx, "the number of rows");
      if (n === null) return null;
      rows = n;
    }
    const cn = opts.get("column_name");
    const hf = opts.get("header_field");
    const columnName = cn ? textOf(cn.value, node, ctx, "a column name") : "column";
    const headerField = hf ? textOf(hf.value, node, ctx, "a field name") : null;
    if (columnName === null || (hf && headerField === null)) return null;
    return {
      kind: "transpose", rows, columnName, headerField,
      includeEmpty: boolOption(opts.get("include_empty"), node, ctx, true), span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const n = cmd.rows === 0 ? input.length : Math.min(cmd.rows, input.length);
      const headers: string[] = [];
      for (let i = 0; i < n; i++) {
        const h = cmd.headerField === null ? null : toText(input.get(cmd.headerField, i));
        headers.push(h ?? `row ${i + 1}`);
      }
      const names = [cmd.columnName];
      for (const h of headers) if (!names.includes(h)) names.push(h);
      const fieldNames = input.fields.filter((f) => f !== cmd.headerField);
      const cols = new Map<string, Value[]>(names.map((nm) => [nm, [] as Value[]]));
      let length = 0;
      for (const f of fieldNames) {
        const values = headers.map((_, i) => input.get(f, i));
        if (!cmd.includeEmpty && values.every((v) => v === null || v === "")) continue;
        cols.get(cmd.columnName)?.push(f);
        for (const nm of names.slice(1)) cols.get(nm)?.push(null);
        // A repeated header value: the later row's value wins, as a later field of that name would.
        headers.forEach((h, i) => {
          const col = cols.get(h);
          if (col && h !== cmd.columnName) col[length] = values[i] ?? null;
        });
        length++;
      }
      return Table.fromColumns(names, cols, length);
    };
  },
};
