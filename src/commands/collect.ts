/**
 * `collect [index=<name>] [addtime=] [addinfo=] [marker=] [testmode=] [spool=] [host=] [source=]
 * [sourcetype=] [timeformat=] [output_format=raw|hec]` (SPL Search Reference, collect): "Adds the
 * results of a search to a summary index" and passes them on unchanged. Offline the summary index
 * is the event store itself: each result becomes an event of index <name> (default `summary`), so
 * a later search of the same run or session (`| search index=<name>`, the REPL, a hunt's later
 * detections) finds it. The event's text and fields are collect-event.ts's; sourcetype defaults to
 * `stash` ("The sourcetype is changed to stash"); host to this search head, `local`; source to
 * the stash file, which minispl names `minispl_events.stash` (Splunk: `<random>_events.stash`).
 * The time is "the first field that it finds: info_min_time, _time, or now()".
 * - testmode=true: "the results are not written into the new index but the search results are
 *   modified to appear as they would if sent to the index";
 * - spool=false: the file goes to var/run/splunk/collect, "where it will not be ingested": no search
 *   sees the events;
 * - output_format=hec: the fields are indexed as they are, with the result's own host, source and
 *   sourcetype (default `stash_hec`); addtime, host, marker, source, sourcetype and timeformat "are
 *   not valid" then.
 * Not supported (reported): file= (names the stash file minispl does not write), uselb= (line
 * breaking of the stash file: each result is one event), run_in_preview= (no preview offline).
 */
import type { CollectCommand } from "../ast/commands-store.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { EventInput } from "../store/event-store.js";
import { Table } from "../table/table.js";
import { strftime } from "../values/time-format.js";
import { toNumber, type Value } from "../values/value.js";
import { boolOption, readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import { kvPairs, pairsText, valueText } from "./collect-event.js";
import { LOCAL_SERVER } from "./metadata.js";
import type { CheckContext, CommandDef, ExecContext } from "./types.js";

const OPTIONS = ["index", "addtime", "addinfo", "marker", "testmode", "spool", "host", "source", "sourcetype", "timeformat", "output_format"];
const NOT_HEC = ["addtime", "host", "marker", "source", "sourcetype", "timeformat"];
const STASH_FILE = "minispl_events.stash";

export const collect: CommandDef<"collect"> = {
  kind: "collect",
  summary: "Writes the results as events of an in-memory summary index that later searches of the run or session find.",
  usage: "collect [index=<name>] [addtime=<bool>] [addinfo=<bool>] [marker=<k=v, …>] [testmode=<bool>] [spool=<bool>] [host=] [source=] [sourcetype=] [timeformat=] [output_format=raw|hec]",
  examples: [
    '| makeresults | eval application="buttercupgames.com", version="2.0" | collect index=summary source=devtest | append [search index=summary source=devtest]',
    "| makeresults count=2 | streamstats count AS n | collect index=mysummary testmode=true",
  ],
  options: {
    index: { query: '| makeresults | eval a="x" | collect testmode=true index=one', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    addtime: { query: '| makeresults | eval a="x" | collect testmode=true addtime=false', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    addinfo: { query: '| makeresults | eval a="x" | collect testmode=true addinfo=false', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    marker: { query: '| makeresults | eval a="x" | collect testmode=true marker="run=7"', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    testmode: { query: '| makeresults | eval a="x" | collect testmode=true', baseline: '| makeresults | eval a="x" | collect' },
    // Two indexes: the store outlives one search, so the baseline's write must not reach the query's count.
    spool: {
      query: '| makeresults | eval a="x" | collect index=spool_off spool=false | append [| eventcount index=spool_off]',
      baseline: '| makeresults | eval a="x" | collect index=spool_on | append [| eventcount index=spool_on]',
    },
    host: { query: '| makeresults | eval a="x" | collect testmode=true host=web1', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    source: { query: '| makeresults | eval a="x" | collect testmode=true source=devtest', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    sourcetype: { query: '| makeresults | eval a="x" | collect testmode=true sourcetype=mystash', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    timeformat: { query: '| makeresults | eval a="x" | collect testmode=true timeformat="%Y"', baseline: '| makeresults | eval a="x" | collect testmode=true' },
    output_format: { query: '| makeresults | eval a="x" | collect testmode=true output_format=hec', baseline: '| makeresults | eval a="x" | collect testmode=true' },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx, {
      file: "it names the stash file, and minispl writes the events into its in-memory index, not a file",
      uselb: "it sets how the stash file is split into events; minispl makes each result one event",
      run_in_preview: "minispl has no preview results",
    });
    const text = (k: string): string | null => {
      const o = opts.get(k);
      return o ? textOf(o.value, node, ctx) : null;
    };
    const fmt = (text("output_format") ?? "raw").toLowerCase();
    if (fmt !== "raw" && fmt !== "hec") {
      ctx.report(diag("bad-argument", { command: "collect", message: "output_format must be raw or hec" }, (opts.get("output_format") as OptionArg).value.span));
      return null;
    }
    if (fmt === "hec" && !notValidWithHec(opts, ctx)) return null;
    const index = text("index") ?? "summary";
    if (index === "" || /[^\w-]/.test(index)) {
      ctx.report(diag("bad-argument", { command: "collect", message: `"${index}" is not an index name (letters, digits, _ and -)` }, opts.get("index")?.value.span ?? node.span));
      return null;
    }
    return {
      kind: "collect",
      index,
      addtime: boolOption(opts.get("addtime"), node, ctx, true),
      addinfo: boolOption(opts.get("addinfo"), node, ctx, true),
      marker: text("marker"),
      testmode: boolOption(opts.get("testmode"), node, ctx, false),
      spool: boolOption(opts.get("spool"), node, ctx, true),
      host: text("host"),
      source: text("source"),
      sourcetype: text("sourcetype"),
      timeformat: text("timeformat") ?? "%m/%d/%Y %H:%M:%S %z",
      format: fmt,
      span: node.span,
    } satisfies CollectCommand;
  },
  plan(cmd) {
    return (input, ctx) => {
      const events = Array.from({ length: input.length }, (_, i) => (cmd.format === "hec" ? hecEvent(cmd, input, i, ctx) : rawEvent(cmd, input, i, ctx)));
      if (cmd.testmode) return Table.fromRows(events.map(asRow));
      if (cmd.spool) for (const e of events) ctx.store.append(e);
      return input;
    };
  },
};

function notValidWithHec(opts: ReadonlyMap<string, OptionArg>, ctx: CheckContext): boolean {
  let ok = true;
  for (const k of NOT_HEC) {
    const o = opts.get(k);
    if (!o) continue;
    ctx.report(diag("bad-argument", { command: "collect", message: `${o.key} is not valid with output_format=hec` }, o.keySpan));
    ok = false;
  }
  return ok;
}

/** The time collect gives an event: info_min_time, else _time, else now. */
function eventTime(input: Table, i: number, ctx: ExecContext): number {
  for (const f of ["info_min_time", "_time"]) {
    const v = input.get(f, i);
    const n = v === null || Array.isArray(v) ? Number.NaN : toNumber(v);
    if (Number.isFinite(n)) return n;
  }
  return ctx.fn.now;
}

function rawEvent(cmd: CollectCommand, input: Table, i: number, ctx: ExecContext): EventInput {
  const time = eventTime(input, i, ctx);
  const own = input.get("_raw", i);
  let raw: string;
  if (own !== null) raw = valueText(own) ?? "";
  else {
    const parts: string[] = [];
    if (cmd.addtime) parts.push(strftime(time, cmd.timeformat, ctx.fn.tz));
    if (cmd.addinfo) parts.push(`info_search_time=${ctx.fn.now.toFixed(3)}`);
    parts.push(...pairsText(input.fields, (f) => input.get(f, i)));
    raw = parts.join(", ");
  }
  if (cmd.marker) raw = raw === "" ? cmd.marker : `${raw}, ${cmd.marker}`;
  const fields: Record<string, string | readonly string[]> = {};
  for (const [k, v] of kvPairs(raw)) fields[k] = v;
  Object.assign(fields, {
    _raw: raw, index: cmd.index, host: cmd.host ?? LOCAL_SERVER, source: cmd.source ?? STASH_FILE, sourcetype: cmd.sourcetype ?? "stash",
  });
  return { time, fields };
}

/** HEC: the fields as they are ("All fields are automatically indexed"), the result's host/source/sourcetype kept. */
function hecEvent(cmd: CollectCommand, input: Table, i: number, ctx: ExecContext): EventInput {
  const fields: Record<string, string | readonly string[]> = {};
  const json: Record<string, Value> = {};
  for (const f of input.fields) {
    if ((f.startsWith("_") && f !== "_raw") || f === "index" || f === "splunk_server") continue;
    const v = input.get(f, i);
    if (v === null) continue;
    fields[f] = Array.isArray(v) ? v.map(String) : String(v);
    if (f !== "_raw") json[f] = v;
  }
  fields._raw ??= JSON.stringify(json);
  fields.index = cmd.index;
  fields.host ??= LOCAL_SERVER;
  fields.source ??= STASH_FILE;
  fields.sourcetype ??= "stash_hec";
  return { time: eventTime(input, i, ctx), fields };
}

function asRow(e: EventInput): Record<string, Value> {
  const row: Record<string, Value> = { _time: e.time };
  for (const [k, v] of Object.entries(e.fields)) if (v !== undefined) row[k] = typeof v === "string" ? v : [...v];
  return row;
}
