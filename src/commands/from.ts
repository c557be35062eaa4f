/**
 * `| from <dataset_type>:<dataset_name>` or `| from <dataset_type> <dataset_name>` (from reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/from: "You can specify a
 * colon ( : ) or a space between <dataset_type> and <dataset_name>"; "Valid values are: datamodel,
 * lookup, and savedsearch"):
 *  - `datamodel`: the dataset's events. Datamodel fields come without a dataset prefix: ESCU's
 *    `| from datamodel Web.Web | … stats count by action, dest, url` and `| from datamodel
 *    Risk.All_Risk | search normalized_risk_object=…` read them by their plain names (see
 *    combine-datamodel.ts).
 *  - `lookup`: the rows of a lookup table ("either a CSV lookup or a KV Store lookup"), as
 *    `| inputlookup <name>` reads them; one that is not there warns and gives no rows.
 *  - `savedsearch`: "You can use from to reference any saved search as a dataset": its results (a
 *    loaded detection, ExecContext.savedSearch); `$…$` tokens are left as written.
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { Table } from "../table/table.js";
import { lookupToTable } from "../lookups/table.js";
import { argsOf, readOptions, rejectKinds } from "./args.js";
import { checkDataset, datasetRows } from "./combine-datamodel.js";
import type { FromCommand } from "../ast/commands-combine.js";
import type { CommandDef, ExecContext } from "./types.js";

export const from: CommandDef<"from"> = {
  kind: "from",
  generating: true,
  summary: "Retrieves a dataset: a datamodel dataset's events (fields under their plain names), a lookup's rows or a saved search's results.",
  usage: '| from datamodel:"<Model>.<Dataset>" | lookup:<name> | savedsearch:<name>',
  examples: ['| from datamodel:"Endpoint.Processes" | stats count', "| from datamodel Endpoint.Processes | table _time process_name"],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, [], ctx);
    const values = argsOf(node, "positional").map((p) => p.value);
    const words = values.map((v) => (v.kind === "word" || v.kind === "string" ? v.text : null));
    let type: string | null = null;
    let name: string | null = null;
    const first = words[0] ?? null;
    if (values.length === 1 && first?.includes(":")) {
      type = first.slice(0, first.indexOf(":"));
      name = first.slice(first.indexOf(":") + 1) || null;
    } else if (values.length === 2 && first !== null) {
      type = first.endsWith(":") ? first.slice(0, -1) : first;
      name = words[1] ?? null;
    }
    if (type === null || name === null) {
      ctx.report(diag("bad-argument", { command: "from", message: 'expected <dataset_type>:<dataset_name>, such as datamodel:"<Model>.<Dataset>"' }, node.span));
      return null;
    }
    // A quoted name written after the colon (`savedsearch:"Top sourcetypes"`) keeps its text.
    name = name.replace(/^"(.*)"$/, "$1");
    const span = values[values.length - 1]?.span ?? node.span;
    const kind = type.toLowerCase();
    if (kind === "lookup" || kind === "savedsearch") {
      return { kind: "from", datamodel: "", dataset: { type: kind, name, span }, span: node.span };
    }
    if (kind !== "datamodel") {
      ctx.report(diag("bad-argument", { command: "from", message: `unknown dataset type "${type}": valid types are datamodel, lookup and savedsearch` }, values[0]?.span ?? node.span));
      return null;
    }
    return checkDataset(name, span, node, ctx) ? { kind: "from", datamodel: name, span: node.span } : null;
  },
  plan(cmd) {
    return (_input, ctx) => {
      if (cmd.dataset?.type === "lookup") return lookupRows(cmd.dataset, ctx);
      if (cmd.dataset?.type === "savedsearch") return savedRows(cmd.dataset, ctx);
      return datasetRows(ctx.store, cmd.datamodel, false);
    };
  },
};

type Dataset = NonNullable<FromCommand["dataset"]>;

function lookupRows(d: Dataset, ctx: ExecContext): Table {
  const res = ctx.lookups.resolve(d.name);
  if (res.table) return lookupToTable(res.table);
  const hints = res.definition ? [] : didYouMean(d.name, ctx.lookups.names());
  ctx.warn(diag("runtime-error", { message: `from: ${res.missing ?? `lookup "${d.name}" is not available`}; using an empty table` }, d.span, { hints, severity: "warning" }));
  const names = [...new Set(res.definition?.fieldsList ?? [])];
  return Table.fromColumns(names, new Map(names.map((n) => [n, []] as const)), 0);
}

function savedRows(d: Dataset, ctx: ExecContext): Table {
  const out = ctx.savedSearch(d.name, (spl) => spl);
  if (out) return out;
  throw new SplRuntimeError(diag("runtime-error", { message: `from: no loaded saved search is named "${d.name}"` }, d.span, { hints: didYouMean(d.name, ctx.savedSearchNames()) }));
}
