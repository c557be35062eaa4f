/**
 * `| from datamodel:"<Model>.<Dataset>"` or `| from datamodel <Model>.<Dataset>` (from reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/from: "You can specify a
 * colon ( : ) or a space between <dataset_type> and <dataset_name>"): the dataset's events.
 * Datamodel fields come without a dataset prefix: ESCU's `| from datamodel Web.Web | … stats count
 * by action, dest, url` and `| from datamodel Risk.All_Risk | search normalized_risk_object=…` read
 * them by their plain names (see combine-datamodel.ts). The lookup and savedsearch dataset types
 * are not supported.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, readOptions, rejectKinds } from "./args.js";
import { checkDataset, datasetRows } from "./combine-datamodel.js";
import type { CommandDef } from "./types.js";

export const from: CommandDef<"from"> = {
  kind: "from",
  generating: true,
  summary: "Retrieves the events of a datamodel dataset, with its fields under their plain names.",
  usage: '| from datamodel:"<Model>.<Dataset>"',
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
      ctx.report(diag("bad-argument", { command: "from", message: 'expected datamodel:"<Model>.<Dataset>"' }, node.span));
      return null;
    }
    if (type.toLowerCase() !== "datamodel") {
      ctx.report(diag("bad-argument", { command: "from", message: `dataset type "${type}" is not supported (only datamodel)` }, values[0]?.span ?? node.span));
      return null;
    }
    const span = values[values.length - 1]?.span ?? node.span;
    return checkDataset(name, span, node, ctx) ? { kind: "from", datamodel: name, span: node.span } : null;
  },
  plan(cmd) {
    return (_input, ctx) => datasetRows(ctx.store, cmd.datamodel, false);
  },
};
