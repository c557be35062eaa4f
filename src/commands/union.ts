/**
 * `union [maxtime=<int>] [maxout=<int>] [timeout=<int>] <dataset> [<dataset>...]` (union reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/union): "Merges the
 * results from two or more datasets into one dataset. One of the datasets can be a result set that
 * is then piped into the union command". A dataset is a `[subsearch]` or a named dataset
 * `<type>:<name>` ("you can specify a data model, a saved search, or an inputlookup"), separated by
 * spaces or commas.
 *
 * How the results are put together follows the page's Usage. Distributable streaming datasets are
 * "Processed as a multisearch command": interleaved on `_time`, newest first (its "Interleaving
 * results" table). A centralized streaming or non-streaming dataset is "Processed as an append
 * command", and "when a command forces the processing to the search head, all subsequent commands
 * must also be processed on the search head": from the first such dataset on, each dataset is
 * appended in turn, and every appended dataset after the first one of the union is cut to maxout
 * rows (the page's "Why unioned results might be truncated": `[search … | head 60000] [search …]
 * [search …]` gives 60,000 + 50,000 + 50,000). maxout defaults to, and cannot exceed, 50,000
 * (limits.conf `maxresultrows`; the page's `maxout=10000000` still gives 50,000). A union after
 * other commands appends every dataset to the incoming results: minispl does not know here whether
 * those results were streamed. maxtime and timeout bound a Splunk subsearch's run time and cache
 * life: minispl's subsearches have neither, so they warn.
 */
import type { CommandNode } from "../ast/nodes.js";
import type { UnionDataset } from "../ast/commands-multi.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { APPEND_MAXOUT, firstRows, readMaxout, warnSubsearchTime } from "./append.js";
import { firstNonStreaming, interleaveByTime } from "./multi-streaming.js";
import type { CheckContext, CommandDef, ExecContext } from "./types.js";

const NAMED_TYPES = ["datamodel", "inputlookup", "savedsearch"] as const;

export const union: CommandDef<"union"> = {
  kind: "union",
  summary: "Merges the results of two or more datasets (subsearches, datamodels, lookups, saved searches).",
  usage: "union [maxout=<int>] <dataset> [<dataset>...]   (dataset: [subsearch] | datamodel:\"M.D\" | inputlookup:\"file\" | savedsearch:\"name\")",
  examples: [
    '| union maxout=1 [search EventCode=1 | stats count BY host] [search EventCode=1 | stats count BY user]',
    '| union [search EventCode=1 | eval type="foo"] [search EventCode=4688 | eval mytype="bar"] | table _time type mytype',
    '| makeresults | eval n=1 | union [| makeresults | eval n=2]',
  ],
  options: {
    maxout: {
      query: "| union maxout=1 [search EventCode=1 | stats count BY host] [search EventCode=1 | stats count BY user]",
      baseline: "| union [search EventCode=1 | stats count BY host] [search EventCode=1 | stats count BY user]",
    },
    maxtime: { query: "| union maxtime=20 [search EventCode=1 | stats count] [search EventCode=4688 | stats count]", warning: "maxtime= has no effect" },
    timeout: { query: "| union timeout=600 [search EventCode=1 | stats count] [search EventCode=4688 | stats count]", warning: "timeout= has no effect" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["maxtime", "maxout", "timeout"], ctx);
    warnSubsearchTime(opts, node, ctx);
    const maxout = Math.min(readMaxout(opts.get("maxout"), node, ctx), APPEND_MAXOUT);
    const datasets = readDatasets(node, ctx);
    if (!datasets) return null;
    if (datasets.length === 0) {
      ctx.report(diag("bad-argument", { command: "union", message: "needs a dataset: a [subsearch] or <type>:<name>" }, node.span));
      return null;
    }
    return { kind: "union", datasets, maxout, leading: ctx.index === 0, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const tables = cmd.datasets.map((d) => runDataset(d, ctx));
      const parts: Table[] = cmd.leading ? [] : [input];
      let i = 0;
      if (cmd.leading) {
        // The streaming datasets at the front are interleaved; the first other one is taken whole.
        while (i < cmd.datasets.length && isStreaming(cmd.datasets[i] as UnionDataset)) i++;
        if (i > 0) parts.push(interleaveByTime(tables.slice(0, i)));
        else parts.push(tables[i++] as Table);
      }
      for (; i < tables.length; i++) parts.push(firstRows(tables[i] as Table, cmd.maxout));
      ctx.budget.rows(parts.reduce((a, t) => a + t.length, 0), "union", cmd.span);
      return parts.length === 1 ? (parts[0] as Table) : Table.concatAll(parts);
    };
  },
};

/** A distributable streaming dataset: a streaming subsearch, or a datamodel's events. */
function isStreaming(d: UnionDataset): boolean {
  return d.kind === "subsearch" ? d.streaming : d.type === "datamodel";
}

function runDataset(d: UnionDataset, ctx: ExecContext): Table {
  if (d.kind === "subsearch") return ctx.run(d.commands);
  if (d.type === "savedsearch") {
    const t = ctx.savedSearch(d.name, (s) => s);
    if (!t) throw new SplRuntimeError(diag("runtime-error", { message: `union: no saved search is named "${d.name}"` }, d.span));
    return t;
  }
  return ctx.runText(d.spl);
}

/** The datasets in order; null when one is wrong (reported). */
function readDatasets(node: CommandNode, ctx: CheckContext): UnionDataset[] | null {
  const out: UnionDataset[] = [];
  let ok = true;
  const positionals = argsOf(node, "positional");
  for (let i = 0; i < positionals.length; i++) {
    const p = positionals[i] as (typeof positionals)[number];
    if (p.value.kind === "subsearch") {
      const commands = ctx.checkPipeline(p.value.pipeline);
      if (commands) out.push({ kind: "subsearch", commands, streaming: firstNonStreaming(commands) < 0, span: p.span });
      else ok = false;
      continue;
    }
    // `datamodel:"M.D"` arrives as the word `datamodel:` and the string; `datamodel:M.D` as one word.
    let text = textOf(p.value, node, ctx, "a dataset: [subsearch] or <type>:<name>");
    if (text === null) {
      ok = false;
      continue;
    }
    let span = p.span;
    const next = positionals[i + 1];
    if (text.endsWith(":") && next && (next.value.kind === "string" || next.value.kind === "word")) {
      text += next.value.text;
      span = { ...span, end: next.span.end };
      i++;
    }
    const colon = text.indexOf(":");
    const type = text.slice(0, colon).toLowerCase();
    const name = text.slice(colon + 1);
    if (colon < 0 || !name || !(NAMED_TYPES as readonly string[]).includes(type)) {
      ctx.report(diag("bad-argument", {
        command: "union",
        message: `"${text}" is not a dataset: expected a [subsearch] or datamodel:"<Model>.<Dataset>", inputlookup:"<file>", savedsearch:"<name>"`,
      }, span));
      ok = false;
      continue;
    }
    out.push({ kind: "named", type: type as (typeof NAMED_TYPES)[number], name, spl: splFor(type, name), span });
  }
  return ok ? out : null;
}

/** The search that reads a named dataset. */
function splFor(type: string, name: string): string {
  const quoted = JSON.stringify(name);
  return type === "datamodel" ? `| from datamodel:${quoted}` : type === "inputlookup" ? `| inputlookup ${quoted}` : "";
}
