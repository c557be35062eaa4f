/**
 * The events of a datamodel dataset as result rows, shared by `from datamodel` and `datamodel …
 * search|flat`: every field the event has (the dataset search runs over raw events, so search-time
 * fields stay available) plus the dataset's fields computed as tstats sees them (CIM calculated
 * fields such as `unknown` fills override the raw value of the same name), newest event first
 * (Splunk's event order). With a prefix the dataset fields are named `<root dataset>.<field>`
 * (the datamodel reference's search mode "dmdataset.server"); the base fields `_time`, `host`,
 * `source`, `sourcetype` are never prefixed. minispl's own `minispl_file` (which file an event came
 * from, adapters/file-field.ts) is not a datamodel field and is left out.
 */
import type { CommandNode } from "../ast/nodes.js";
import { datasetView } from "../datamodels/dataset-view.js";
import { datasetNames, findDataset, rootOf } from "../datamodels/registry.js";
import type { DatasetDef } from "../datamodels/types.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { materialise } from "../executor/store-scan.js";
import type { Table } from "../table/table.js";
import type { Span } from "../source/source-text.js";
import type { EventStore } from "../store/event-store.js";
import type { CheckContext } from "./types.js";
import { FILE_FIELD } from "../adapters/file-field.js";

/** Resolves `Model.Dataset` (or a bare model: its root dataset); reports an unknown one. */
export function checkDataset(spec: string, span: Span, _node: CommandNode, ctx: CheckContext): DatasetDef | null {
  const ds = findDataset(spec);
  if (!ds) ctx.report(diag("unknown-datamodel", { name: spec }, span, { hints: didYouMean(spec, datasetNames()) }));
  return ds ?? null;
}

export function datasetRows(store: EventStore, spec: string, prefixed: boolean): Table {
  const ds = findDataset(spec);
  if (!ds) throw new Error(`internal: dataset ${spec} vanished`);
  const view = datasetView(store, ds);
  const members = Array.from({ length: view.rows.length }, (_, i) => i)
    .sort((a, b) => view.time(b) - view.time(a) || a - b);
  let t = materialise(store, members.map((i) => view.rows[i] as number));
  if (t.has(FILE_FIELD)) t = t.project(t.fields.filter((f) => f !== FILE_FIELD));
  const prefix = prefixed ? `${rootOf(ds).name}.` : "";
  for (const f of view.fields) {
    const col = view.field(f.name);
    if (!col) continue;
    const values = members.map((i) => col.value(i));
    if (values.every((v) => v === null) && !t.has(prefix + f.name)) continue;
    t = t.withColumn(prefix + f.name, values);
  }
  return t;
}
