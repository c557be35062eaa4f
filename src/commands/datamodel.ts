/**
 * `| datamodel <Model> [<Dataset>] search|flat` (datamodel reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/datamodel): searches a
 * dataset. In `search` mode datamodel fields carry the dataset prefix ("where the search mode might
 * return a field named dmdataset.server, the flat mode returns a field named server"); minispl
 * prefixes with the root dataset name, as tstats addresses fields. Without a dataset the model's
 * root dataset is searched (example 6), when the model has only one. Returning the model's JSON (no
 * search mode) and `acceleration_search` are not supported. summariesonly, allow_old_summaries and
 * strict_fields cannot change a result here: all data counts as summarised, in its current version
 * (spl-semantics.md §1.3), and every field of the dataset is searched (options.test.ts: moot).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { checkDataset, datasetRows } from "./combine-datamodel.js";
import { findModel } from "../datamodels/registry.js";
import type { CommandDef } from "./types.js";

const MODES = new Set(["search", "flat", "acceleration_search", "search_string", "flat_string", "acceleration_search_string"]);

export const datamodel: CommandDef<"datamodel"> = {
  kind: "datamodel",
  generating: true,
  summary: "Searches a datamodel dataset: its events with the datamodel fields (prefixed in search mode).",
  usage: "| datamodel <Model> [<Dataset>] search|flat [summariesonly=<bool>]",
  examples: ["| datamodel Endpoint Processes search | stats count by Processes.process_name", "| datamodel Endpoint Processes flat | stats count"],
  options: {
    summariesonly: { moot: "every loaded event counts as summarised, in its current version, so summary-only and old-summary choices select the same events" },
    allow_old_summaries: { moot: "every loaded event counts as summarised, in its current version, so summary-only and old-summary choices select the same events" },
    strict_fields: { moot: "minispl's datamodel rows already carry every field of the event as well as the dataset fields, which is what strict_fields=false asks for; strict_fields=true only limits which extra fields a search may name" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    readOptions(node, ["summariesonly", "allow_old_summaries", "strict_fields"], ctx);
    const ps = argsOf(node, "positional");
    const texts = ps.map((p) => textOf(p.value, node, ctx, "a name"));
    // `| datamodel <Model> search` (the page's example 6, `| datamodel Tutorial summariesonly=true
    // search`): the model's root dataset, when it has just one.
    const modelOnly = ps.length === 2 && MODES.has(texts[1]?.toLowerCase() ?? "");
    const [model, dataset, mode] = modelOnly ? [texts[0], null, texts[1]] : texts;
    if (modelOnly && model) {
      const roots = findModel(model)?.datasets.filter((d) => d.parent === undefined) ?? [];
      if (roots.length > 1) {
        ctx.report(diag("bad-argument", { command: "datamodel", message: `${model} has ${roots.length} root datasets (${roots.map((d) => d.name).join(", ")}): name the one to search` }, ps[0]?.span ?? node.span));
        return null;
      }
    }
    if (!model || !mode || (!modelOnly && (ps.length !== 3 || !dataset))) {
      ctx.report(diag("bad-argument", { command: "datamodel", message: "expected <Model> <Dataset> search|flat (returning the model's JSON is not supported)" }, node.span));
      return null;
    }
    const m = mode.toLowerCase();
    if (m !== "search" && m !== "flat") {
      ctx.report(diag("bad-argument", { command: "datamodel", message: `search mode "${mode}" is not supported (search or flat)` }, ps[ps.length - 1]?.span ?? node.span));
      return null;
    }
    const spec = dataset ? `${model}.${dataset}` : model;
    const span = (dataset ? ps[1] : ps[0])?.span ?? node.span;
    return checkDataset(spec, span, node, ctx) ? { kind: "datamodel", datamodel: spec, mode: m, span: node.span } : null;
  },
  plan(cmd) {
    return (_input, ctx) => datasetRows(ctx.store, cmd.datamodel, cmd.mode === "search");
  },
};
