/**
 * `appendpipe [run_in_preview=bool] [subpipeline]` (appendpipe reference,
 * help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendpipe):
 * "Appends the result of the subpipeline to the search results. Unlike a subsearch, the
 * subpipeline is not run first. The subpipeline is run when the search reaches the appendpipe
 * command", over "the search results from the commands that occur in the search before" it.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { argsOf, boolOption, readOptions, rejectKinds, warnNoEffect } from "./args.js";
import { readSubsearch } from "./combine-subsearch.js";
import type { CommandDef } from "./types.js";

export const appendpipe: CommandDef<"appendpipe"> = {
  kind: "appendpipe",
  summary: "Runs a subpipeline over the current results and appends its output to them.",
  usage: "appendpipe [run_in_preview=<bool>] [ <subpipeline> ]",
  examples: [
    '| makeresults count=3 | eval n=1 | appendpipe [| stats sum(n) as total]',
    '| makeresults | eval user="bob" | stats count by user | appendpipe [| eval user="TOTAL"]',
  ],
  options: {
    run_in_preview: { query: "| makeresults | appendpipe run_in_preview=false [| stats count]", warning: "run_in_preview= has no effect" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["run_in_preview"], ctx);
    boolOption(opts.get("run_in_preview"), node, ctx, true);
    warnNoEffect(opts.get("run_in_preview"), node, ctx, "minispl shows no preview: the subpipeline always runs on the final results");
    for (const p of argsOf(node, "positional")) {
      if (p.value.kind !== "subsearch") ctx.report(diag("bad-argument", { command: "appendpipe", message: "expected a [subpipeline]" }, p.span));
    }
    const subpipeline = readSubsearch(node, ctx, "a [subpipeline]");
    return subpipeline ? { kind: "appendpipe", subpipeline, span: node.span } : null;
  },
  plan(cmd) {
    return (input, ctx) => Table.concat(input, ctx.run(cmd.subpipeline, input));
  },
};
