/**
 * `| tstats … from datamodel=M.D [where …] [by … [span=]]` → one ClickHouse query over the
 * dataset's table (sql/README.md "Tables") giving exactly the rows of the in-memory tstats
 * (commands/tstats.ts): the where over the dataset's fields (compile-where.ts), then the grouping
 * every pushed aggregate shares (compile-group.ts), in store row order as the dataset scan feeds
 * the grouper. Anything without an exact SQL form throws NotPushable (the step stays local).
 */
import type { TstatsCommand } from "../ast/commands.js";
import { BASE_FIELDS } from "../datamodels/dataset-fields.js";
import { findDataset, lineage } from "../datamodels/registry.js";
import { bareName } from "../datamodels/scan-dataset.js";
import { compileGroup, groupSql, type CompiledGroup } from "./compile-group.js";
import { compileWhere, NotPushable, type FieldResolver } from "./compile-where.js";
import { timeBucketSql } from "./row-bin.js";
import { datasetTable } from "./sql-text.js";
import type { TableNeed } from "./types.js";

export interface CompiledTstats extends CompiledGroup {
  readonly tables: readonly TableNeed[];
}

/** The query text of a compiled tstats, with any columns added after it. */
export const tstatsSql = groupSql;

export function compileTstats(cmd: TstatsCommand, tz: string): CompiledTstats {
  if (cmd.datamodel === null) throw new NotPushable("tstats without a datamodel (over the indexes' events) is not pushed yet");
  const ds = findDataset(cmd.datamodel, cmd.nodename);
  if (!ds) throw new NotPushable(`unknown dataset ${cmd.datamodel}`);
  const table = datasetTable(ds.model, ds.name);
  if (!table) throw new NotPushable(`dataset name ${ds.model}.${ds.name} is not a plain identifier`);
  // The fields the in-memory scan can read (DatasetFields.source): the lineage's and the base fields.
  const known = new Set<string>([...lineage(ds).flatMap((d) => d.fields.map((f) => f.name)), ...BASE_FIELDS.filter((f) => f !== "_time")]);
  const bare = bareName(ds);
  const used = new Set<string>();
  const resolve: FieldResolver = (f) => {
    const b = bare(f);
    if (!known.has(b)) return null;
    used.add(b);
    return b;
  };
  const where = cmd.where ? compileWhere(cmd.where, resolve) : null;
  const spec = { by: cmd.by, aggregates: cmd.aggregates, ...(cmd.bucketSpan ? { timeBucket: timeBucketSql("_time", cmd.bucketSpan, tz) } : {}), ...(cmd.fillnull !== undefined ? { fillnull: cmd.fillnull } : {}) };
  const group = compileGroup(spec, { resolve, where, from: () => table, order: "_row" }, () => [...used]);
  return { ...group, tables: [{ kind: "dataset", dataset: `${ds.model}.${ds.name}`, table, fields: group.fields }] };
}
