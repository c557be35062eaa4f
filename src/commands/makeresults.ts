/**
 * `| makeresults [count=<n>] [annotate=<bool>] [format=csv|json data="…"]`: n results with only
 * `_time` (the search's "now"), or with annotate=true also `_raw`, `host`, `source`,
 * `sourcetype`, `splunk_server` (SPL reference, makeresults). With `format`/`data` the results
 * are the rows of the given CSV (header line first) or JSON array of objects; the doc does not say
 * whether `_time` is added then, and minispl adds nothing (README, "Choices").
 */
import type { MakeresultsCommand } from "../ast/commands.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { parseCsv } from "../lookups/csv.js";
import { lookupToTable } from "../lookups/table.js";
import type { Atom, Value } from "../values/value.js";
import { boolOption, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CheckContext, CommandDef } from "./types.js";

export const makeresults: CommandDef<"makeresults"> = {
  kind: "makeresults",
  generating: true,
  summary: "Generates results: n empty ones stamped with the current time, or rows given as CSV or JSON.",
  usage: '| makeresults [count=<n>] [annotate=<bool>] [format=csv|json data="<rows>"]',
  examples: ["| makeresults count=3", '| makeresults format=csv data="user,count\nalice,3\nbob,5"', "| makeresults format=json data=\"[{\\\"user\\\": \\\"alice\\\", \\\"roles\\\": [\\\"a\\\", \\\"b\\\"]}]\""],
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["count", "annotate", "format", "data", "splunk_server", "splunk_server_group"], ctx);
    const c = opts.get("count");
    const count = c ? intValue(c.value, node, ctx, "count") ?? 1 : 1;
    const data = readData(node, opts, ctx);
    return {
      kind: "makeresults", count, annotate: boolOption(opts.get("annotate"), node, ctx, false),
      ...(data ? { data } : {}), span: node.span,
    };
  },
  plan(cmd) {
    return (_input, ctx) => {
      if (cmd.data) return dataTable(cmd.data, cmd, ctx);
      const now = Math.floor(ctx.fn.now);
      const cols = new Map<string, Value[]>([["_time", new Array<Value>(cmd.count).fill(now)]]);
      if (cmd.annotate) {
        for (const f of ["_raw", "host", "source", "sourcetype", "splunk_server_group"]) cols.set(f, new Array<Value>(cmd.count).fill(null));
        cols.set("splunk_server", new Array<Value>(cmd.count).fill("local"));
      }
      return Table.fromColumns([...cols.keys()], cols, cmd.count);
    };
  },
};

function readData(node: CommandNode, opts: ReturnType<typeof readOptions>, ctx: CheckContext): MakeresultsCommand["data"] {
  const fmt = opts.get("format");
  const data = opts.get("data");
  if (!fmt && !data) return undefined;
  if (!fmt || !data) {
    ctx.report(diag("bad-argument", { command: "makeresults", message: "format= and data= go together" }, (fmt ?? data)?.span ?? node.span));
    return undefined;
  }
  const format = textOf(fmt.value, node, ctx, "csv or json")?.toLowerCase();
  const text = textOf(data.value, node, ctx, "the rows as a quoted string");
  if (format !== "csv" && format !== "json") {
    ctx.report(diag("bad-argument", { command: "makeresults", message: "format must be csv or json" }, fmt.value.span));
    return undefined;
  }
  if (text === null) return undefined;
  // A `\n` written inside the quoted data stands for a line break.
  const rows = text.includes("\n") ? text : text.replace(/\\n/g, "\n");
  if (format === "json") {
    try {
      JSON.parse(rows);
    } catch (e) {
      ctx.report(diag("bad-argument", { command: "makeresults", message: `data is not JSON: ${(e as Error).message}` }, data.value.span));
      return undefined;
    }
  }
  return { format, text: rows };
}

function dataTable(data: NonNullable<MakeresultsCommand["data"]>, cmd: MakeresultsCommand, ctx: Parameters<ReturnType<CommandDef<"makeresults">["plan"]>>[1]): Table {
  if (data.format === "csv") {
    const parsed = parseCsv(data.text, "makeresults data");
    for (const p of parsed.problems) ctx.warn(diag("bad-argument", { command: "makeresults", message: `data line ${p.line}: ${p.message}` }, cmd.span, { severity: "warning" }));
    return lookupToTable(parsed.table);
  }
  const parsed = JSON.parse(data.text) as unknown;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return Table.fromRows(list.map((o) => toRow(o)));
}

function toRow(o: unknown): Record<string, Value> {
  const row: Record<string, Value> = {};
  if (o === null || typeof o !== "object") return row;
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) row[k] = toValue(v);
  return row;
}

function toValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) {
    const atoms = v.map(toValue).filter((x): x is Atom => x !== null && !Array.isArray(x));
    return atoms.length === 0 ? null : atoms.length === 1 ? (atoms[0] as Atom) : atoms;
  }
  return JSON.stringify(v);
}
