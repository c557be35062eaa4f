/**
 * `outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>] <table>`
 * (SPL Search Reference, outputlookup): writes the results to a CSV lookup and passes them on
 * unchanged. The table is a definition name or a file name ending in .csv; a KV-store collection
 * is written to its stand-in `<collection>.csv` (lookups/store.ts). Rules, from the docs:
 * - append=false replaces the table with the results (all their fields, in result order);
 *   append=true adds the rows, keeping only the fields the existing table already has;
 * - no results: override_if_empty=false leaves the table alone; otherwise create_empty=true makes
 *   an empty (zero-length) table and create_empty=false removes it;
 * - a multivalue field is written as one space-delimited value.
 * Where the write lands is the ExecContext's business (memory; the CLI adds a CSV file in the
 * first --lookups directory). createinapp/create_context choose Splunk app directories, which do
 * not exist offline: each gets a warning. key_field, allow_updates and output_format=splunk_mv_csv
 * are KV-store/multivalue features minispl does not write: "not supported".
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { appendRows, EMPTY_LOOKUP, tableToLookup, type LookupTable } from "../lookups/table.js";
import { boolOption, intValue, readOptions, rejectKinds, textOf, warnNoEffect } from "./args.js";
import { rejectExtraPositionals, tableName } from "./lookup-shared.js";
import type { CommandDef } from "./types.js";

export const outputlookup: CommandDef<"outputlookup"> = {
  kind: "outputlookup",
  summary: "Writes the results to a CSV lookup table (in memory, or a file under the CLI's first --lookups directory) and passes them on.",
  usage: "outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>] <table>",
  examples: [
    '| makeresults | eval user="bob", role="admin" | outputlookup users.csv',
    '| makeresults count=3 | eval n=1 | outputlookup append=true max=2 counts.csv',
  ],
  options: {
    append: { query: "| makeresults | eval a=1 | outputlookup x.csv | outputlookup append=true x.csv | where a=0 | inputlookup append=true x.csv", baseline: "| makeresults | eval a=1 | outputlookup x.csv | outputlookup x.csv | where a=0 | inputlookup append=true x.csv" },
    create_empty: { query: "| makeresults | eval a=1 | outputlookup x.csv | where a=2 | outputlookup create_empty=true x.csv | inputlookup append=true strict=true x.csv", baseline: "| makeresults | eval a=1 | outputlookup x.csv | where a=2 | outputlookup x.csv | inputlookup append=true strict=true x.csv" },
    override_if_empty: { query: "| makeresults | eval a=1 | outputlookup x.csv | where a=2 | outputlookup override_if_empty=false x.csv | inputlookup append=true x.csv", baseline: "| makeresults | eval a=1 | outputlookup x.csv | where a=2 | outputlookup x.csv | inputlookup append=true x.csv" },
    max: { query: "| makeresults count=3 | outputlookup max=1 x.csv | where a=0 | inputlookup append=true x.csv", baseline: "| makeresults count=3 | outputlookup x.csv | where a=0 | inputlookup append=true x.csv" },
    createinapp: { query: "| makeresults | outputlookup createinapp=true x.csv", warning: "createinapp= has no effect" },
    create_context: { query: "| makeresults | outputlookup create_context=user x.csv", warning: "create_context= has no effect" },
    output_format: { moot: "splunk_sv_csv, the default, is the only format minispl writes (splunk_mv_csv is rejected), so the only accepted value is the default" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, [
      "append", "create_empty", "override_if_empty", "max", "createinapp", "create_context", "output_format",
    ], ctx, {
      key_field: "it updates KV-store records, which minispl does not have",
      allow_updates: "it updates KV-store records, which minispl does not have",
    });
    const append = boolOption(opts.get("append"), node, ctx, false);
    const createEmpty = boolOption(opts.get("create_empty"), node, ctx, false);
    const overrideIfEmpty = boolOption(opts.get("override_if_empty"), node, ctx, true);
    boolOption(opts.get("createinapp"), node, ctx, true);
    for (const k of ["createinapp", "create_context"]) {
      warnNoEffect(opts.get(k), node, ctx, "there are no Splunk app directories offline: the table goes to memory and the first --lookups directory");
    }
    let ok = true;
    const allowed = (key: string, values: readonly string[]) => {
      const o = opts.get(key);
      const v = o ? textOf(o.value, node, ctx, values.join(" or "))?.toLowerCase() : undefined;
      if (o && v !== undefined && !values.includes(v)) {
        ctx.report(diag("bad-argument", { command: "outputlookup", message: `${key} must be ${values.join(" or ")}` }, o.value.span));
        ok = false;
      }
    };
    allowed("create_context", ["app", "user", "system"]);
    allowed("output_format", ["splunk_sv_csv"]);
    const maxOpt = opts.get("max");
    const max = maxOpt ? intValue(maxOpt.value, node, ctx, "max") : null;
    const table = tableName(node, ctx);
    rejectExtraPositionals(node, ctx);
    if (!ok || !table) return null;
    return { kind: "outputlookup", table: table.name, tableSpan: table.span, append, createEmpty, overrideIfEmpty, max, span: node.span, ...(node.origin ? { origin: node.origin } : {}) };
  },
  plan(cmd) {
    return (input, ctx) => {
      const res = ctx.lookups.resolve(cmd.table);
      const fail = (message: string): never => {
        throw new SplRuntimeError(diag("runtime-error", { message: `outputlookup: ${message}` }, cmd.tableSpan, cmd.origin ? { origin: cmd.origin } : {}));
      };
      if (res.filename === null) {
        fail(res.definition
          ? (res.missing ?? `lookup "${cmd.table}" is not a CSV table`)
          : `"${cmd.table}" is neither a lookup definition nor a file name ending in .csv`);
      }
      const filename = res.filename as string;
      let next: LookupTable | null;
      if (input.length === 0) {
        if (!cmd.overrideIfEmpty) return input;
        next = cmd.createEmpty ? EMPTY_LOOKUP : null;
        if (next === null && res.table === null) return input;
      } else {
        const fresh = tableToLookup(input, cmd.max ?? Number.POSITIVE_INFINITY);
        next = cmd.append && res.table && res.table.fields.length > 0 ? appendRows(res.table, fresh) : fresh;
      }
      try {
        ctx.writeLookup({ name: cmd.table, filename, table: next });
      } catch (e) {
        if (e instanceof SplRuntimeError) throw e;
        fail(`cannot write ${filename}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return input;
    };
  },
};
