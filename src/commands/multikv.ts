/**
 * `multikv [copyattrs=<bool>] [forceheader=<n>] [multitable=<bool>] [noheader=<bool>]
 * [rmorig=<bool>] [fields <f>…] [filter <term>…]` (multikv reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/multikv): turns a
 * table-formatted `_raw` (a header line, then one row per line) into one result per row, fields
 * named from the header. The reference describes aligned columns; minispl splits rows on commas
 * when the header has them, else on runs of whitespace, and gives the last column the rest of the
 * line. Header names become field names with characters other than letters, digits and `_`
 * replaced by `_`; without a header the fields are Column_1…N.
 *  - copyattrs (default true): "When true, multikv copies all fields from the original event to
 *    the events generated from that event. When false, no fields are copied".
 *  - rmorig (default true): with false "the original events are retained in the output results,
 *    with each original emitted after the batch of generated results from that original".
 *  - multitable (default true): "Controls whether or not there can be multiple tables in a single
 *    _raw". The page only says a secondary table needs a Capitalized or ALLCAPS header; minispl
 *    takes the line after an empty line as the next table's header (a choice). With false, and
 *    with noheader=true ("noheader=true implies multitable=false"), empty lines are skipped.
 *  - forceheader: "the given line number (1 based) as the table's header. Does not include empty
 *    lines in the count."
 * `conf=<stanza>` (a multikv.conf extraction) is not supported: minispl reads no configuration
 * files, so it is reported as not supported.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import type { MultikvCommand } from "../ast/commands-stream.js";
import type { Value } from "../values/value.js";
import { toText } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

const RAW = '| makeresults | eval host="h", _raw="Name Age\nJosh 42\n\nCity Zip\nOslo 150"';

export const multikv: CommandDef<"multikv"> = {
  kind: "multikv",
  summary: "Makes one result per row of a table-formatted event, fields named from its header.",
  usage: "multikv [copyattrs=<bool>] [forceheader=<n>] [multitable=<bool>] [noheader=<bool>] [rmorig=<bool>] [fields <field>...] [filter <term>...]",
  examples: ['| makeresults | eval _raw="Name Age\nJosh 42\nFrancine 35" | multikv | table Name Age'],
  options: {
    copyattrs: { query: `${RAW} | multikv copyattrs=false | table host Name`, baseline: `${RAW} | multikv | table host Name` },
    forceheader: { query: `${RAW} | multikv forceheader=2 | table Josh`, baseline: `${RAW} | multikv | table Josh` },
    multitable: { query: `${RAW} | multikv multitable=false | table Name City`, baseline: `${RAW} | multikv | table Name City` },
    noheader: { query: `${RAW} | multikv noheader=true | table Column_1`, baseline: `${RAW} | multikv | table Column_1` },
    rmorig: { query: `${RAW} | multikv rmorig=false | table _raw`, baseline: `${RAW} | multikv | table _raw` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["forceheader", "noheader", "rmorig", "multitable", "copyattrs"], ctx, {
      conf: "it names a multikv.conf stanza, and minispl reads no configuration files",
    });
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
    const noheader = boolOption(opts.get("noheader"), node, ctx, false);
    return {
      kind: "multikv",
      forceheader: fh ? intValue(fh.value, node, ctx, "forceheader") ?? 0 : 0,
      noheader,
      rmorig: boolOption(opts.get("rmorig"), node, ctx, true),
      copyattrs: boolOption(opts.get("copyattrs"), node, ctx, true),
      multitable: !noheader && boolOption(opts.get("multitable"), node, ctx, true),
      fields, filter, span: node.span,
    };
  },
  plan(cmd) {
    return (input) => {
      const rows: Record<string, Value>[] = [];
      for (let i = 0; i < input.length; i++) {
        const base = input.row(i);
        const raw = toText(input.get("_raw", i));
        if (raw !== null) for (const extracted of tableRows(raw, cmd)) rows.push(cmd.copyattrs ? { ...base, ...extracted } : extracted);
        if (!cmd.rmorig) rows.push(base);
      }
      return Table.fromRows(rows);
    };
  },
};

/** The rows of every table in `raw` (one table unless multitable). */
function tableRows(raw: string, cmd: MultikvCommand): Record<string, Value>[] {
  const all = raw.split(/\r?\n/);
  // forceheader counts non-empty lines over the whole text; the first table starts there.
  const lines = all.filter((l) => l.trim() !== "");
  if (!cmd.multitable) return oneTable(lines, cmd, cmd.noheader ? -1 : Math.max(0, cmd.forceheader - 1));
  const blocks: string[][] = [[]];
  for (const l of all) {
    if (l.trim() === "") {
      if ((blocks[blocks.length - 1] as string[]).length > 0) blocks.push([]);
    } else (blocks[blocks.length - 1] as string[]).push(l);
  }
  let skip = Math.max(0, cmd.forceheader - 1);
  const out: Record<string, Value>[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    // A forced header past this block: the block is not a table.
    if (skip >= block.length) {
      skip -= block.length;
      continue;
    }
    out.push(...oneTable(block, cmd, skip));
    skip = 0;
  }
  return out;
}

function oneTable(lines: readonly string[], cmd: MultikvCommand, headerAt: number): Record<string, Value>[] {
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
