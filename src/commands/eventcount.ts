/**
 * `| eventcount [index=<pattern>]... [summarize=<bool>] [report_size=<bool>] [list_vix=<bool>]
 * [list_federated_remote=<bool>]` (SPL Search Reference, eventcount): "Returns the number of events
 * in specified indexes". summarize=true (the default) gives one `count` over them all ("A single
 * count is returned"); summarize=false one row per index with "four fields: count, index, provider,
 * and server", and report_size=true adds `size_bytes`, which the page says is "not the same as the
 * index size on disk": minispl reports the UTF-8 bytes of the index's `_raw` texts. Indexes are
 * selected as metadata selects them (store-indexes.ts); the provider and server are `local`.
 * Rows are ordered by index name, as the page's examples are. A time range has "no effect".
 */
import type { EventcountCommand } from "../ast/commands-store.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { LOCAL_SERVER } from "./metadata.js";
import { indexMatcher, rowIndexes } from "./store-indexes.js";
import type { CommandDef } from "./types.js";

const utf8 = new TextEncoder();

export const eventcount: CommandDef<"eventcount"> = {
  kind: "eventcount",
  generating: true,
  summary: "Counts the events of indexes: one total, or one row per index with summarize=false.",
  usage: "| eventcount [index=<pattern>]... [summarize=<bool>] [report_size=<bool>] [list_vix=<bool>] [list_federated_remote=<bool>]",
  examples: ["| eventcount summarize=false index=*", "| eventcount"],
  options: {
    index: { query: "| eventcount index=nosuchindex", baseline: "| eventcount" },
    summarize: { query: "| eventcount summarize=false", baseline: "| eventcount" },
    report_size: { query: "| eventcount summarize=false report_size=true", baseline: "| eventcount summarize=false" },
    list_vix: { moot: "list_vix=false leaves out virtual (Hadoop) indexes; minispl has none, so the list is the same either way" },
    list_federated_remote: { moot: "list_federated_remote=true adds indexes of federated providers; minispl has none, only its local indexes" },
  },
  check(node, ctx) {
    rejectKinds(node, ["positional", "by", "where"], ctx);
    const opts = readOptions(node, ["index", "summarize", "report_size", "list_vix", "list_federated_remote"], ctx);
    const indexes = argsOf(node, "option").filter((o) => o.key.toLowerCase() === "index").map((o) => textOf(o.value, node, ctx, "an index name") ?? "");
    boolOption(opts.get("list_vix"), node, ctx, true);
    boolOption(opts.get("list_federated_remote"), node, ctx, false);
    return {
      kind: "eventcount",
      indexes,
      summarize: boolOption(opts.get("summarize"), node, ctx, true),
      reportSize: boolOption(opts.get("report_size"), node, ctx, false),
      span: node.span,
    } satisfies EventcountCommand;
  },
  plan(cmd) {
    return (_input, ctx) => {
      const store = ctx.store;
      const { ids, names } = rowIndexes(store, indexMatcher(cmd.indexes));
      const counts = new Array<number>(names.length).fill(0);
      const sizes = new Array<number>(names.length).fill(0);
      for (let r = 0; r < store.length; r++) {
        if ((r & 0xffff) === 0) ctx.fn.checkpoint?.(Math.min(0x10000, store.length - r));
        const k = ids[r] as number;
        if (k < 0) continue;
        counts[k] = (counts[k] as number) + 1;
        if (cmd.reportSize) {
          const raw = store.value(r, "_raw");
          if (typeof raw === "string") sizes[k] = (sizes[k] as number) + utf8.encode(raw).length;
        }
      }
      if (cmd.summarize) {
        const cols = new Map<string, Value[]>([["count", [counts.reduce((a, b) => a + b, 0)]]]);
        if (cmd.reportSize) cols.set("size_bytes", [sizes.reduce((a, b) => a + b, 0)]);
        return Table.fromColumns([...cols.keys()], cols, 1);
      }
      const order = names.map((_, i) => i).sort((a, b) => ((names[a] as string) < (names[b] as string) ? -1 : 1));
      const cols = new Map<string, Value[]>([
        ["count", order.map((i) => counts[i] as number)],
        ["index", order.map((i) => names[i] as string)],
        ["provider", order.map(() => LOCAL_SERVER)],
        ["server", order.map(() => LOCAL_SERVER)],
      ]);
      if (cmd.reportSize) cols.set("size_bytes", order.map((i) => sizes[i] as number));
      return Table.fromColumns([...cols.keys()], cols, order.length);
    };
  },
};
