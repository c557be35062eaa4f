/**
 * `| metadata type=hosts|sources|sourcetypes [index=<pattern>]... [splunk_server=<pattern>]
 * [datatype=event|metric]` (SPL Search Reference, metadata): one row per host, source or
 * sourcetype of the selected indexes, with "firstTime … the first time that the indexer saw an
 * event", "lastTime … the last time", "recentTime … the indextime for the most recent time",
 * "totalcount … the total number of events" and "type … the specified type of metadata", and the
 * host/source/sourcetype column itself. Offline there is no index time: recentTime is the latest
 * event time, which the page says it equals "when the data is streaming live". Rows come sorted by
 * the value (the page shows no order). The one server is `local` (makeresults annotate's
 * splunk_server), so `splunk_server=` is a pattern matched against it; there are no metrics
 * indexes, so `datatype=metric` finds nothing; there are no server groups. "By default, a maximum
 * of 10,000 results are returned" (limits.conf [metadata] maxresultrows): the first 10,000 values.
 */
import type { MetadataCommand } from "../ast/commands-store.js";
import { diag } from "../diagnostics/diagnostic.js";
import { NULL_ID } from "../store/column.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { globToRegExp } from "./store-glob.js";
import { indexMatcher, rowIndexes } from "./store-indexes.js";
import type { CommandDef } from "./types.js";

const FIELD = { hosts: "host", sources: "source", sourcetypes: "sourcetype" } as const;
/** The name of minispl's one search peer (makeresults annotate=true says the same). */
export const LOCAL_SERVER = "local";
/** limits.conf `[metadata] maxresultrows`, default 10,000. */
const MAX_RESULT_ROWS = 10_000;

export const metadata: CommandDef<"metadata"> = {
  kind: "metadata",
  generating: true,
  summary: "Lists the hosts, sources or sourcetypes of indexes with their first and last event times and counts.",
  usage: "| metadata type=hosts|sources|sourcetypes [index=<pattern>]... [splunk_server=<pattern>] [datatype=event|metric]",
  examples: ["| metadata type=sourcetypes index=*", "| metadata type=hosts"],
  options: {
    type: { query: "| metadata type=sources index=*", baseline: "| metadata type=hosts index=*" },
    index: { query: "| metadata type=hosts index=nosuchindex*", baseline: "| metadata type=hosts" },
    splunk_server: { query: "| metadata type=hosts splunk_server=peer*", baseline: "| metadata type=hosts" },
    datatype: { query: "| metadata type=hosts datatype=metric", baseline: "| metadata type=hosts" },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["type", "index", "splunk_server", "datatype"], ctx, {
      splunk_server_group: "minispl has one search peer and no server groups",
    });
    const typeOpt = opts.get("type");
    const type = typeOpt ? textOf(typeOpt.value, node, ctx, "hosts, sources or sourcetypes")?.toLowerCase() : undefined;
    if (!typeOpt) {
      ctx.report(diag("bad-argument", { command: "metadata", message: "needs type=hosts, type=sources or type=sourcetypes" }, node.nameSpan));
      return null;
    }
    if (type !== "hosts" && type !== "sources" && type !== "sourcetypes") {
      ctx.report(diag("bad-argument", { command: "metadata", message: "type must be hosts, sources or sourcetypes" }, typeOpt.value.span));
      return null;
    }
    const indexes = argsOf(node, "option").filter((o) => o.key.toLowerCase() === "index").map((o) => textOf(o.value, node, ctx, "an index name") ?? "");
    const server = opts.get("splunk_server");
    const serverPattern = server ? textOf(server.value, node, ctx, "a server name") : null;
    const dt = opts.get("datatype");
    const datatype = dt ? textOf(dt.value, node, ctx, "event or metric")?.toLowerCase() : "event";
    if (dt && datatype !== "event" && datatype !== "metric") {
      ctx.report(diag("bad-argument", { command: "metadata", message: "datatype must be event or metric" }, dt.value.span));
      return null;
    }
    // No metrics index and no other peer: the search is valid and finds nothing.
    const none = datatype === "metric" || (serverPattern !== null && !globToRegExp(serverPattern).test(LOCAL_SERVER));
    return { kind: "metadata", type, indexes, empty: none, span: node.span } satisfies MetadataCommand;
  },
  plan(cmd) {
    return (_input, ctx) => {
      const field = FIELD[cmd.type];
      const names = [field, "firstTime", "lastTime", "recentTime", "totalCount", "type"];
      if (cmd.empty) return Table.fromColumns(names, new Map(), 0);
      const store = ctx.store;
      const { ids } = rowIndexes(store, indexMatcher(cmd.indexes));
      const col = store.column(field);
      const groups = new Map<number, { first: number; last: number; count: number }>();
      const times = store.timeArray();
      if (col && col.kind === "ids") {
        for (let r = 0; r < store.length; r++) {
          if ((r & 0xffff) === 0) ctx.fn.checkpoint?.(Math.min(0x10000, store.length - r));
          if (ids[r] === -1) continue;
          const id = col.id(r);
          if (id === NULL_ID) continue;
          const t = times[r] as number;
          const g = groups.get(id);
          if (!g) groups.set(id, { first: t, last: t, count: 1 });
          else {
            if (t < g.first) g.first = t;
            if (t > g.last) g.last = t;
            g.count++;
          }
        }
      }
      const rows = [...groups].map(([id, g]) => ({ value: text(col && col.kind === "ids" ? col.decode(id) : null), ...g }));
      rows.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      rows.length = Math.min(rows.length, MAX_RESULT_ROWS);
      const cols = new Map<string, Value[]>([
        [field, rows.map((r) => r.value)],
        ["firstTime", rows.map((r) => r.first)],
        ["lastTime", rows.map((r) => r.last)],
        ["recentTime", rows.map((r) => r.last)],
        ["totalCount", rows.map((r) => r.count)],
        ["type", rows.map(() => cmd.type)],
      ]);
      return Table.fromColumns(names, cols, rows.length);
    };
  },
};

function text(v: Value): string {
  return Array.isArray(v) ? String(v[0] ?? "") : String(v ?? "");
}
