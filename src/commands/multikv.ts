/**
 * `multikv [forceheader=<n>] [noheader=<bool>] [rmorig=<bool>] [fields <f>…] [filter <term>…]`:
 * turns a table-formatted `_raw` (a header line, then one row per line) into one result per row,
 * fields named from the header (SPL reference, multikv). The reference describes aligned columns;
 * minispl splits rows on commas when the header has them, else on runs of whitespace, and gives
 * the last column the rest of the line. Header names become field names with characters other than
 * letters, digits and `_` replaced by `_`; without a header the fields are Column_1…N.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const multikv: CommandDef<"multikv"> = {
  kind: "multikv",
  summary: "Makes one result per row of a table-formatted event, fields named from its header.",
  usage: "multikv [forceheader=<n>] [noheader=<bool>] [rmorig=<bool>] [fields <field>...] [filter <term>...]",
  examples: ['| makeresults | eval _raw="Name Age\nJosh 42\nFrancine 35" | multikv | table Name Age'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["forceheader", "noheader", "rmorig", "multitable", "conf", "copyattrs"], ctx);
    const fh = opts.get("forceheader");
    const fields: string[] = [];
    const filter: string[] = [];
    let into: string[] | null = null;
    for (const p of argsOf(node, "positional")) {
      const t = textOf(p.value, node, ctx, "a field or term");
      if (t === null) continue;
      if (t.toLowerCase() === "fields") into = fields;
      else if (t.toLowerCase() === "filter") into = filter;
      else if (into) into.push(t);
      else ctx.report(diag("bad-argument", { command: "multikv", message: `unexpected "${t}" (use fields … or filter …)` }, p.span));
    }
    return {
      kind: "multikv",
      forceheader: fh ? intValue(fh.value, node, ctx, "forceheader") ?? 0 : 0,
      noheader: boolOption(opts.get("noheader"), node, ctx, false),
      rmorig: boolOption(opts.get("rmorig"), node, ctx, true),
      fields, filter, span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const rows: Record<string, Value>[] = [];
      for (let i = 0; i < input.length; i++) {
        const base = input.row(i);
        if (!cmd.rmorig) rows.push(base);
        const raw = toText(input.get("_raw", i));
        if (raw === null) continue;
        for (const extracted of tableRows(raw, cmd)) rows.push({ ...base, ...extracted });
      }
      return Table.fromRows(rows);
    };
  },
};

function tableRows(raw: string, cmd: { forceheader: number; noheader: boolean; fields: readonly string[]; filter: readonly string[] }): Record<string, Value>[] {
  const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== "");
  const headerAt = cmd.noheader ? -1 : Math.max(0, cmd.forceheader - 1);
  const headerLine = headerAt >= 0 ? lines[headerAt] : undefined;
  const comma = (headerLine ?? lines[0] ?? "").includes(",");
  const split = (l: string): string[] => (comma ? l.split(",").map((c) => c.trim()) : l.trim().split(/\s+/));
  const names = headerLine !== undefined ? split(headerLine).map((n) => n.replace(/[^A-Za-z0-9_]/g, "_")) : null;
  const out: Record<string, Value>[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (cmd.filter.length && !cmd.filter.some((t) => line.toLowerCase().includes(t.toLowerCase()))) continue;
    const cells = split(line);
    const width = names?.length ?? cells.length;
    const row: Record<string, Value> = { _raw: line };
    for (let c = 0; c < width; c++) {
      const name = names?.[c] ?? `Column_${c + 1}`;
      const value = c === width - 1 ? cells.slice(c).join(comma ? ", " : " ") : cells[c];
      if (value !== undefined && value !== "" && (cmd.fields.length === 0 || cmd.fields.includes(name))) row[name] = value;
    }
    out.push(row);
  }
  return out;
}
