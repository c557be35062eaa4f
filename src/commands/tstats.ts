/**
 * `tstats`: aggregates over a CIM datamodel dataset (spl-semantics.md §1), or, without a FROM
 * clause, over the indexes' events (tstats-raw.ts; SPL Search Reference, tstats: "If you do not
 * specify a FROM clause, the Splunk software selects from index data in the same way as the search
 * command"). Datamodel fields carry the root dataset prefix (`Processes.process_name`); `_time`,
 * `host`, `source`, `sourcetype` do not. The where clause uses search semantics; a null BY value
 * drops the row unless `fillnull_value` is given (ESCU passes `fillnull_value=null`, so the
 * literal string "null" appears instead).
 * In memory every event is "summarised" and read: summariesonly, allow_old_summaries, chunk_size
 * and local are moot (options table), include_reduced_buckets warns that it has no effect (there
 * is no tsidx reduction). prestats/append (an internal format for chart/stats/timechart) are
 * reported as not supported.
 */
import type { AggregateSpec, TstatsCommand } from "../ast/commands.js";
import type { BinSpan } from "../ast/commands-stream.js";
import type { SearchExpr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { datasetNames, findDataset, lineage, rootOf } from "../datamodels/registry.js";
import { BASE_FIELDS } from "../datamodels/dataset-fields.js";
import { scanDataset } from "../datamodels/scan-dataset.js";
import { Grouper, timeKey, type NumericKey } from "../executor/grouping.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { NULL_ID } from "../store/column.js";
import type { Atom } from "../values/value.js";
import type { CommandNode } from "../ast/nodes.js";
import { aggregateSpec, argsOf, byFields, boolOption, intValue, readOptions, textOf, warnNoEffect, type OptionArg } from "./args.js";
import { isPrefixField, prefixByField, prefixSpec, rawTstatsStep } from "./tstats-raw.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { parseBinSpan } from "./bin.js";
import { timeBucket } from "./time-buckets.js";
import type { CheckContext, CommandDef } from "./types.js";

const OPTIONS = ["summariesonly", "allow_old_summaries", "fillnull_value", "chunk_size", "datamodel", "nodename", "span", "include_reduced_buckets", "local"];
const UNSUPPORTED = {
  prestats: "its output is Splunk's internal prestats format for chart, stats and timechart, which minispl does not produce; run stats, chart or timechart on tstats' own results",
  append: "it appends prestats results (prestats=true), which minispl does not produce",
};

export const tstats: CommandDef<"tstats"> = {
  kind: "tstats",
  generating: true,
  summary: "Aggregates over a CIM datamodel dataset (like stats over its accelerated summaries), or over the indexes' events without FROM.",
  usage: "| tstats [summariesonly=<bool>] [fillnull_value=<string>] <aggregate>... [from datamodel=<Model.Dataset>] [where <search>] [by <field>... [span=<time>]]",
  examples: [
    "| tstats count from datamodel=Endpoint.Processes by Processes.process_name",
    "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest",
    "| tstats count where index=* by sourcetype",
  ],
  options: {
    summariesonly: { moot: "in memory every event counts as summarised: summariesonly=true reads the same events as false" },
    allow_old_summaries: { moot: "minispl builds no acceleration summaries, so there are no summaries older than a datamodel's definition" },
    chunk_size: { moot: "how many events are read from a tsidx file at a time: a memory/speed trade-off with the same results" },
    local: { moot: "forces tstats to run on the search head only; minispl is one process, its search head and indexer at once" },
    include_reduced_buckets: { query: "| tstats count include_reduced_buckets=true where index=*", warning: "include_reduced_buckets" },
    fillnull_value: {
      query: "| tstats fillnull_value=none count where index=* by sourcetype, nosuchfield",
      baseline: "| tstats count where index=* by sourcetype, nosuchfield",
    },
    datamodel: {
      query: "| tstats count from datamodel=Endpoint.Processes by Processes.process_name",
      baseline: "| tstats count by Processes.process_name",
    },
    // With a nodename the dataset is the one it names (Endpoint.Processes here, not Endpoint.Ports).
    nodename: {
      query: "| tstats count from datamodel=Endpoint.Ports nodename=Processes",
      baseline: "| tstats count from datamodel=Endpoint.Ports",
    },
    span: { query: "| tstats count where index=* by _time span=1d", baseline: "| tstats count where index=* by _time" },
  },
  check(node, ctx) {
    const opts = readOptions(node, OPTIONS, ctx, UNSUPPORTED);
    warnNoEffect(opts.get("include_reduced_buckets"), node, ctx, "minispl has no reduced tsidx buckets (indexes.conf enableTSIDXReduction), so every event is read either way");
    for (const k of ["allow_old_summaries", "local", "include_reduced_buckets"]) boolOption(opts.get(k), node, ctx, false);
    const chunk = opts.get("chunk_size");
    const chunkSize = chunk ? intValue(chunk.value, node, ctx, "chunk_size") : null;
    // "For tstats, chunk_size cannot be set lower than 10000."
    if (chunk && chunkSize !== null && chunkSize < 10_000) {
      ctx.report(diag("bad-argument", { command: "tstats", message: "chunk_size cannot be lower than 10000" }, chunk.value.span));
    }
    const aggregates: AggregateSpec[] = [];
    let sawFrom = false;
    for (const p of argsOf(node, "positional")) {
      if ((p.value.kind === "word") && p.value.text.toLowerCase() === "from") {
        sawFrom = true;
        continue;
      }
      if (sawFrom) {
        ctx.report(diag("bad-argument", { command: "tstats", message: "expected datamodel=<Model.Dataset> after from" }, p.span));
        continue;
      }
      // `| tstats sum`: "the tstats syntax requires that at least one field argument be provided".
      if (p.value.kind === "word" && p.value.text.toLowerCase() !== "count" && lookupAggregate(p.value.text.toLowerCase())) {
        ctx.report(diag("bad-argument", { command: "tstats", message: `${p.value.text} needs a field: ${p.value.text}(<field>)` }, p.span));
        continue;
      }
      const prefixed = prefixSpec(p, ctx);
      if (prefixed !== undefined) {
        if (prefixed) aggregates.push(prefixed);
        continue;
      }
      const spec = aggregateSpec(p, node, ctx, false);
      if (spec) aggregates.push(spec);
    }
    const dmOpt = opts.get("datamodel");
    const datamodel = dmOpt ? textOf(dmOpt.value, node, ctx, "a datamodel name") : null;
    const whereArg = argsOf(node, "where")[0];
    if (sawFrom && !dmOpt) {
      ctx.report(diag("bad-argument", { command: "tstats", message: "expected datamodel=<Model.Dataset> after from" }, node.nameSpan));
      return null;
    }
    if (!datamodel) return dmOpt ? null : rawCheck(node, opts, aggregates, whereArg?.expr ?? null, ctx);
    const { where, nodename: whereNode } = splitNodename(whereArg?.expr ?? null);
    const nodeOpt = opts.get("nodename");
    const nodename = (nodeOpt ? textOf(nodeOpt.value, node, ctx) : null) ?? whereNode;
    const ds = findDataset(datamodel, nodename ?? undefined);
    if (!ds) {
      const span = dmOpt?.value.span ?? node.nameSpan;
      // With a nodename the dataset asked for is <Model>.<last part of the nodename>: suggest from that.
      const asked = nodename ? `${datamodel.split(".")[0] ?? datamodel}.${nodename.split(".").at(-1) ?? nodename}` : datamodel;
      ctx.report(diag("unknown-datamodel", { name: nodename ?? datamodel }, span, { hints: didYouMean(asked, datasetNames()) }));
      return null;
    }
    const raw = aggregates.find((a) => a.field !== null && isPrefixField(a.field))?.span
      ?? byFields(node).find((b) => isPrefixField(prefixByField(b.name)))?.span;
    if (raw) {
      ctx.report(diag("bad-argument", { command: "tstats", message: "PREFIX() reads the events' raw text, so it works without FROM datamodel" }, raw));
      return null;
    }
    checkFields(ds, aggregates, byFields(node), ctx);
    const { span, fillnull } = spanAndFill(node, opts, ctx);
    return {
      kind: "tstats",
      datamodel,
      ...(nodename ? { nodename } : {}),
      where,
      aggregates: aggregates.length ? aggregates : [{ fn: "count", field: null, as: "count", span: node.nameSpan }],
      by: byFields(node).map((b) => b.name),
      ...(span ? { bucketSpan: span } : {}),
      ...(fillnull !== undefined ? { fillnull } : {}),
      summariesonly: boolOption(opts.get("summariesonly"), node, ctx, false),
      span: node.span,
    } satisfies TstatsCommand;
  },
  plan(cmd) {
    if (cmd.datamodel === null) return rawTstatsStep(cmd);
    const datamodel = cmd.datamodel;
    return (_input, ctx) => {
      const ds = findDataset(datamodel, cmd.nodename);
      if (!ds) throw new Error(`internal: dataset ${cmd.datamodel} vanished`);
      const read = new Set(cmd.by);
      for (const a of cmd.aggregates) if (a.field !== null) read.add(a.field);
      read.delete("_time");
      // The where runs inside the scan, so BY and aggregate fields are only read for passing rows.
      const scan = scanDataset(ctx.store, ds, { where: cmd.where, fields: [...read] }, ctx.fn.checkpoint);
      const n = scan.rows.length;
      const values = (f: string): ((i: number) => readonly Atom[]) => {
        if (f === "_time") return (i) => [scan.time(i)];
        const col = scan.columns.get(f);
        if (!col) return () => [];
        return (i) => {
          const id = col.id(i);
          return id === NULL_ID ? [] : col.dict.values(id);
        };
      };
      // BY values are read as ids (time buckets as numbers) and decoded once per distinct id.
      const byKeys = cmd.by.map((f): NumericKey => {
        if (f === "_time") {
          const s = cmd.bucketSpan;
          const tz = ctx.fn.tz;
          const time = s ? (i: number) => timeBucket(scan.time(i), s, 0, tz) : (i: number) => scan.time(i);
          // One key per printed value: no -0, one NaN (NumericKey's contract).
          return { key: (i) => timeKey(time(i)), atoms: (t) => [t] };
        }
        const col = scan.columns.get(f);
        if (!col) return { key: () => NULL_ID, atoms: () => [] };
        return { key: (i) => col.id(i), atoms: (id) => (id === NULL_ID ? [] : col.dict.values(id)) };
      });
      const aggs = cmd.aggregates.map((a) => bindAggregate(a, a.field === null ? null : values(a.field), (i) => scan.time(i)));
      const grouper = new Grouper(cmd.by.length, aggs, cmd.fillnull);
      for (let i = 0; i < n; i++) {
        // The search's budget (time, memory, cancellation) every 65,536 rows.
        if ((i & 0xffff) === 0) ctx.fn.checkpoint?.(Math.min(0x10000, n - i));
        grouper.addKeyed(i, byKeys);
      }
      return grouper.result(cmd.by);
    };
  },
};

/** `span=` and `fillnull_value=`, read the same way with and without a datamodel. */
function spanAndFill(node: CommandNode, opts: Map<string, OptionArg>, ctx: CheckContext): { span?: BinSpan; fillnull?: string } {
  const spanOpt = opts.get("span");
  const spanText = spanOpt ? textOf(spanOpt.value, node, ctx) : null;
  // The same <timespan> as bin's (tstats: `BY <field-list> [span=<timespan>]`), months included.
  const span = spanText === null ? undefined : parseBinSpan(spanText);
  if (spanOpt && (span === null || span === undefined)) {
    ctx.report(diag("bad-argument", { command: "tstats", message: `bad span "${spanText}": use <number>[s|m|h|d|w|mon]` }, spanOpt.value.span));
  }
  const fillOpt = opts.get("fillnull_value");
  const fillnull = fillOpt ? textOf(fillOpt.value, node, ctx) ?? undefined : undefined;
  return { ...(span ? { span } : {}), ...(fillnull !== undefined ? { fillnull } : {}) };
}

/** tstats without FROM: over the indexes' events (tstats-raw.ts); nodename needs a datamodel. */
function rawCheck(node: CommandNode, opts: Map<string, OptionArg>, aggregates: AggregateSpec[], where: SearchExpr | null, ctx: CheckContext): TstatsCommand | null {
  const nodeOpt = opts.get("nodename");
  const whereNode = splitNodename(where).nodename;
  if (nodeOpt || whereNode) {
    ctx.report(diag("bad-argument", { command: "tstats", message: "nodename selects a child dataset, so it needs from datamodel=<Model.Dataset>" }, nodeOpt?.span ?? node.nameSpan));
    return null;
  }
  const { span, fillnull } = spanAndFill(node, opts, ctx);
  return {
    kind: "tstats",
    datamodel: null,
    where,
    aggregates: aggregates.length ? aggregates : [{ fn: "count", field: null, as: "count", span: node.nameSpan }],
    by: byFields(node).map((b) => prefixByField(b.name)),
    ...(span ? { bucketSpan: span } : {}),
    ...(fillnull !== undefined ? { fillnull } : {}),
    summariesonly: boolOption(opts.get("summariesonly"), node, ctx, false),
    span: node.span,
  };
}

/** ESCU writes `where nodename=Model.Child` inside the where clause; lift it out of a top-level AND. */
function splitNodename(expr: SearchExpr | null): { where: SearchExpr | null; nodename: string | null } {
  if (!expr) return { where: null, nodename: null };
  const isNode = (e: SearchExpr) => e.kind === "compare" && e.field.toLowerCase() === "nodename" && e.op === "=";
  if (isNode(expr)) return { where: null, nodename: (expr as { value: { text: string } }).value.text };
  if (expr.kind !== "and") return { where: expr, nodename: null };
  const node = expr.items.find(isNode) as { value: { text: string } } | undefined;
  if (!node) return { where: expr, nodename: null };
  const rest = expr.items.filter((e) => !isNode(e));
  return { where: rest.length === 1 ? (rest[0] as SearchExpr) : { ...expr, items: rest }, nodename: node.value.text };
}

/** Warns about prefixed fields the dataset does not define (they would silently be null). */
function checkFields(ds: NonNullable<ReturnType<typeof findDataset>>, aggs: readonly AggregateSpec[], by: readonly { name: string; span: { start: number; end: number; source: number } }[], ctx: Parameters<CommandDef<"tstats">["check"]>[1]): void {
  const prefix = `${rootOf(ds).name}.`;
  const known = new Set(lineage(ds).flatMap((d) => d.fields.map((f) => f.name)));
  const candidates = [...known].map((f) => prefix + f).concat(BASE_FIELDS);
  const checkOne = (name: string, span: { start: number; end: number; source: number }) => {
    if ((BASE_FIELDS as readonly string[]).includes(name)) return;
    const bare = name.startsWith(prefix) ? name.slice(prefix.length) : null;
    if (bare !== null && known.has(bare)) return;
    ctx.report(diag("bad-argument", { command: "tstats", message: `"${name}" is not a field of ${ds.model}.${ds.name}; it will be null` }, span, { severity: "warning", hints: didYouMean(name, candidates) }));
  };
  for (const b of by) checkOne(b.name, b.span);
  for (const a of aggs) if (a.field) checkOne(a.field, a.span);
}
