/**
 * `| inputcsv [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] [events=<bool>] <file>
 * [WHERE <search>]` (SPL Search Reference, inputcsv): "loads search results from the specified .csv
 * file, which is not modified", a file of the CSV folder (ExecContext.csv: `--csv-dir`, else this
 * search's memory), "bar" meaning bar or else bar.csv. Rules from the page:
 * - "If the append argument is not specified or is set to false, the inputcsv command must be the
 *   first command"; append=true adds the rows after the current results;
 * - start is "the 0-based offset of the first event to be read", max "the maximum number of
 *   events" (default 1,000,000,000); the WHERE clause "prefilters" the rows, so it applies first;
 * - strict=true makes an error (a missing file) fail the search; otherwise it is a warning and no
 *   rows ("many inputcsv error conditions return warning messages");
 * - events=true treats the rows as events, which "must have the _time and _raw fields".
 * dispatch=true (a search job's dispatch folder) is reported as not supported: there are no jobs.
 */
import type { InputcsvCommand } from "../ast/commands-store.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { whereStartMax } from "./rows-window.js";
import { parseCsv } from "../lookups/csv.js";
import { lookupToTable } from "../lookups/table.js";
import { Table } from "../table/table.js";
import { toNumber, type Value } from "../values/value.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds } from "./args.js";
import { fileArg, hasExtension } from "./csv-file.js";
import type { CommandDef, ExecContext } from "./types.js";

const DEFAULT_MAX = 1_000_000_000;
const SEED = '| makeresults count=3 | streamstats count AS n | eval _raw="row ".n | outputcsv t.csv';

export const inputcsv: CommandDef<"inputcsv"> = {
  kind: "inputcsv",
  summary: "Loads results from a CSV file of the CSV folder (--csv-dir), optionally filtered by a WHERE search.",
  usage: "| inputcsv [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] [events=<bool>] <file> [WHERE <search>]",
  examples: ["| inputcsv all.csv | search error", "| inputcsv start=100 max=500 bar"],
  options: {
    append: { query: `${SEED} | inputcsv append=true t.csv`, baseline: `${SEED} | where n=0` },
    start: { query: `${SEED} | inputcsv append=true start=1 t.csv`, baseline: `${SEED} | inputcsv append=true t.csv` },
    max: { query: `${SEED} | inputcsv append=true max=1 t.csv`, baseline: `${SEED} | inputcsv append=true t.csv` },
    events: { query: `${SEED} | eval _time=1 | outputcsv t.csv | inputcsv append=true events=true t.csv`, baseline: `${SEED} | eval _time=1 | outputcsv t.csv | inputcsv append=true t.csv` },
    strict: { query: "| inputcsv strict=false nosuchfile.csv", warning: "nosuchfile.csv" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by"], ctx);
    const opts = readOptions(node, ["append", "strict", "start", "max", "events"], ctx, {
      dispatch: "it reads a search job's dispatch folder, and minispl runs no search jobs",
    });
    const append = boolOption(opts.get("append"), node, ctx, false);
    const num = (key: string, dflt: number) => {
      const o = opts.get(key);
      return o ? intValue(o.value, node, ctx, key) ?? dflt : dflt;
    };
    const [first, ...rest] = argsOf(node, "positional");
    for (const p of rest) ctx.report(diag("bad-argument", { command: "inputcsv", message: "takes one file name" }, p.span));
    if (!first) {
      ctx.report(diag("bad-argument", { command: "inputcsv", message: "needs a CSV file name" }, node.span));
      return null;
    }
    const file = fileArg(node, first.value, first.value.span, ctx);
    const wheres = argsOf(node, "where");
    for (const w of wheres.slice(1)) ctx.report(diag("bad-argument", { command: "inputcsv", message: "takes one WHERE clause" }, w.span));
    if (ctx.index > 0 && !append) {
      ctx.report(diag("bad-argument", {
        command: "inputcsv", message: "generates results, so it must be the first command (after a leading |); use append=true to add its rows to the results",
      }, node.nameSpan));
      return null;
    }
    if (file === null) return null;
    return {
      kind: "inputcsv", file, fileSpan: first.value.span, append,
      strict: boolOption(opts.get("strict"), node, ctx, false),
      start: num("start", 0), max: num("max", DEFAULT_MAX),
      events: boolOption(opts.get("events"), node, ctx, false),
      where: wheres[0]?.expr ?? null, span: node.span,
    } satisfies InputcsvCommand;
  },
  plan(cmd) {
    return (input, ctx) => {
      let rows = whereStartMax(readRows(cmd, ctx), cmd.where, cmd.start, cmd.max);
      if (cmd.events) rows = asEvents(rows, cmd, ctx);
      return cmd.append ? Table.concat(input, rows) : rows;
    };
  },
};

function readRows(cmd: InputcsvCommand, ctx: ExecContext): Table {
  const fail = (message: string): Table => {
    const d = diag("runtime-error", { message: `inputcsv: ${message}` }, cmd.fileSpan);
    if (cmd.strict) throw new SplRuntimeError(d);
    ctx.warn({ ...d, severity: "warning" });
    return Table.empty();
  };
  let text: string | null;
  let name = cmd.file;
  try {
    text = ctx.csv.read(name);
    if (text === null && !hasExtension(name)) text = ctx.csv.read((name = `${name}.csv`));
  } catch (e) {
    return fail(`cannot read ${cmd.file}: ${(e as Error).message}`);
  }
  if (text === null) return fail(`no file ${cmd.file}${hasExtension(cmd.file) ? "" : ` or ${cmd.file}.csv`} in ${ctx.csv.label}`);
  const parsed = parseCsv(text, name);
  for (const p of parsed.problems) {
    const d = diag("runtime-error", { message: `inputcsv: ${name} line ${p.line}: ${p.message}` }, cmd.fileSpan);
    if (cmd.strict) throw new SplRuntimeError(d);
    ctx.warn({ ...d, severity: "warning" });
  }
  return lookupToTable(parsed.table);
}

/** events=true: the rows are events, with a numeric _time; both _time and _raw must be there. */
function asEvents(rows: Table, cmd: InputcsvCommand, ctx: ExecContext): Table {
  const missing = ["_time", "_raw"].filter((f) => !rows.has(f));
  if (missing.length > 0 && rows.length > 0) {
    const d = diag("runtime-error", { message: `inputcsv: events=true needs the _time and _raw fields; ${cmd.file} has no ${missing.join(" or ")}` }, cmd.fileSpan);
    if (cmd.strict) throw new SplRuntimeError(d);
    ctx.warn({ ...d, severity: "warning" });
    return rows;
  }
  const times = rows.column("_time") ?? [];
  return rows.withColumn("_time", Array.from(times, (v): Value => {
    const n = v === null || Array.isArray(v) ? Number.NaN : toNumber(v);
    return Number.isFinite(n) ? n : null;
  }));
}
