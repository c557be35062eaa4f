/**
 * `outputcsv [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [singlefile=<bool>]
 * <file>|[<subsearch>]` (SPL Search Reference, outputcsv): "saves search results to the specified
 * CSV file" of the CSV folder (ExecContext.csv: `--csv-dir`, else this search's memory) and passes
 * them on. Rules from the page:
 * - "The .csv file extension is appended to the filename if the filename has no file extension";
 *   "Directory separators are not permitted in the filename";
 * - append=true appends to an existing file, and "If there is an existing file that has a CSV
 *   header already, the command only emits the fields that are referenced by that header";
 * - no results: override_if_empty=true (the default) deletes the existing file, false keeps it;
 *   create_empty=true writes "a zero-length file", false none;
 * - "merges values in a multivalued field into single space-delimited value";
 * - a subsearch gives the name (example 2): its first result's `search` field.
 * The results' fields are written as they are: minispl has no _indextime, _serial, _sourcetype or
 * _subsecond to add. Without a file name Splunk writes each row into an `_xml` field (usexml=):
 * not supported; dispatch=true (a job's dispatch folder) neither. singlefile=true is moot: the
 * output is always one file.
 */
import type { OutputcsvCommand } from "../ast/commands-store.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { formatCsv, parseCsv } from "../lookups/csv.js";
import { appendRows, tableToLookup } from "../lookups/table.js";
import { toText } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds } from "./args.js";
import { csvNameProblem } from "../executor/csv-folder.js";
import { fileArg, outputName } from "./csv-file.js";
import type { CommandDef, ExecContext } from "./types.js";

const BACK = "| inputcsv append=true t.csv";

export const outputcsv: CommandDef<"outputcsv"> = {
  kind: "outputcsv",
  summary: "Writes the results to a CSV file of the CSV folder (--csv-dir) and passes them on.",
  usage: "outputcsv [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [singlefile=<bool>] <file>",
  examples: ["| makeresults count=2 | streamstats count AS n | outputcsv mysearch", "| makeresults | eval a=1 | outputcsv t.csv | inputcsv append=true t.csv"],
  options: {
    append: {
      query: `| makeresults | eval n=1 | outputcsv t.csv | eval n=2 | outputcsv append=true t.csv | where n=0 ${BACK}`,
      baseline: `| makeresults | eval n=1 | outputcsv t.csv | eval n=2 | outputcsv t.csv | where n=0 ${BACK}`,
    },
    // No results and create_empty=false: no file is left, which the read back reports (an empty file reads as no rows, silently).
    create_empty: { query: `| makeresults | eval n=1 | outputcsv t.csv | where n=0 | outputcsv create_empty=false t.csv ${BACK}`, warning: "no file t.csv" },
    override_if_empty: {
      query: `| makeresults | eval n=1 | outputcsv t.csv | where n=0 | outputcsv override_if_empty=false t.csv ${BACK}`,
      baseline: `| makeresults | eval n=1 | outputcsv t.csv | where n=0 | outputcsv t.csv ${BACK}`,
    },
    singlefile: { moot: "singlefile=true collapses output that spans several files into one; minispl always writes one file" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["append", "create_empty", "override_if_empty", "singlefile"], ctx, {
      dispatch: "it writes into a search job's dispatch folder, and minispl runs no search jobs",
      usexml: "it encodes the rows written into _xml when no file is named; minispl needs a file name",
    });
    boolOption(opts.get("singlefile"), node, ctx, true);
    const [first, ...rest] = argsOf(node, "positional");
    for (const p of rest) ctx.report(diag("bad-argument", { command: "outputcsv", message: "takes one file name" }, p.span));
    if (!first) {
      ctx.report(diag("bad-argument", { command: "outputcsv", message: "needs a CSV file name (writing rows into _xml without one is not supported)" }, node.span));
      return null;
    }
    const base = {
      kind: "outputcsv" as const, fileSpan: first.value.span, span: node.span,
      append: boolOption(opts.get("append"), node, ctx, false),
      createEmpty: boolOption(opts.get("create_empty"), node, ctx, false),
      overrideIfEmpty: boolOption(opts.get("override_if_empty"), node, ctx, true),
    };
    if (first.value.kind === "subsearch") {
      const commands = ctx.checkPipeline(first.value.pipeline);
      return commands ? ({ ...base, file: null, fileSearch: commands } satisfies OutputcsvCommand) : null;
    }
    const file = fileArg(node, first.value, first.value.span, ctx);
    return file === null ? null : ({ ...base, file } satisfies OutputcsvCommand);
  },
  plan(cmd) {
    return (input, ctx) => {
      const name = outputName(cmd.file ?? nameFromSubsearch(cmd, ctx));
      const fail = (message: string): never => {
        throw new SplRuntimeError(diag("runtime-error", { message: `outputcsv: ${message}` }, cmd.fileSpan));
      };
      try {
        if (input.length === 0) {
          if (!cmd.overrideIfEmpty) return input;
          ctx.csv.write(name, cmd.createEmpty ? "" : null);
          return input;
        }
        let table = tableToLookup(input);
        if (cmd.append) {
          const old = ctx.csv.read(name);
          const base = old === null ? null : parseCsv(old, name).table;
          if (base && base.fields.length > 0) table = appendRows(base, table);
        }
        ctx.csv.write(name, formatCsv(table));
      } catch (e) {
        if (e instanceof SplRuntimeError) throw e;
        fail(`cannot write ${name} in ${ctx.csv.label}: ${(e as Error).message}`);
      }
      return input;
    };
  },
};

/** The subsearch's first result's `search` field, checked as a file name. */
function nameFromSubsearch(cmd: OutputcsvCommand, ctx: ExecContext): string {
  const t = ctx.run(cmd.fileSearch ?? []);
  const v = t.length > 0 ? t.get("search", 0) : null;
  const name = v === null || Array.isArray(v) ? null : toText(v);
  const problem = name === null ? "the subsearch gave no `search` field to name the file" : csvNameProblem(name);
  if (problem) throw new SplRuntimeError(diag("runtime-error", { message: `outputcsv: ${problem}` }, cmd.fileSpan));
  return name as string;
}
