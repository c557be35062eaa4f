/**
 * `lookup [local=<bool>] [update=<bool>] <table> <lookup-field> [AS <event-field>]…
 *  [OUTPUT | OUTPUTNEW <lookup-destfield> [AS <event-destfield>]…]` (SPL Search Reference,
 * lookup). The generic command shape delivers the fields as positionals (with AS aliases) and
 * OUTPUT/OUTPUTNEW as a bare word among them; a quoted "OUTPUT" is a field name. `local` and
 * `update` only concern distributed and real-time searches: a historical search on one machine (the
 * only kind minispl runs) gives the same rows with either, in Splunk too, so they are read and
 * change nothing (options.test.ts: moot). ESCU writes `lookup update=true` 21 times.
 * Matching and output rules: lookup-run.ts.
 */
import type { LookupFieldPair } from "../ast/commands-lookup.js";
import { diag } from "../diagnostics/diagnostic.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { runLookup } from "./lookup-run.js";
import { tableName } from "./lookup-shared.js";
import type { CommandDef } from "./types.js";

export const lookup: CommandDef<"lookup"> = {
  kind: "lookup",
  summary: "Adds fields from a lookup table to each result whose fields match a row of the table.",
  usage: "lookup [local=<bool>] [update=<bool>] <table> <field> [AS <event-field>]... [OUTPUT|OUTPUTNEW <field> [AS <event-field>]...]",
  examples: [
    '| makeresults | eval host="web1", owner="alice" | outputlookup owners.csv | eval host="web1", owner=null() | lookup owners.csv host OUTPUT owner',
    '| makeresults | eval process_name="cmd.exe" | lookup is_windows_system_file filename AS process_name OUTPUTNEW systemFile',
  ],
  options: {
    local: { moot: "it keeps the lookup on the search head instead of the indexers; with no indexers the same table gives the same rows" },
    update: { moot: "it reloads a table changed on disk during a real-time search; a historical search reads the table once, in Splunk as here" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["local", "update"], ctx);
    boolOption(opts.get("local"), node, ctx, false);
    boolOption(opts.get("update"), node, ctx, false);
    const table = tableName(node, ctx);
    const inputs: LookupFieldPair[] = [];
    const outputs: LookupFieldPair[] = [];
    let mode: "output" | "outputnew" | "all" = "all";
    let clauseSpan = node.span;
    let ok = table !== null;
    for (const p of argsOf(node, "positional").slice(1)) {
      const v = p.value;
      if (v.kind === "word" && /^outputnew$|^output$/i.test(v.text)) {
        if (mode !== "all") {
          ctx.report(diag("bad-argument", { command: "lookup", message: "takes one OUTPUT or OUTPUTNEW clause" }, v.span));
          ok = false;
        }
        if (p.alias) ctx.report(diag("bad-argument", { command: "lookup", message: `expected a field after ${v.text}, not AS` }, p.alias.span));
        mode = v.text.toLowerCase() as "output" | "outputnew";
        clauseSpan = v.span;
        continue;
      }
      const field = textOf(v, node, ctx, "a field name");
      if (field === null) {
        ok = false;
        continue;
      }
      (mode === "all" ? inputs : outputs).push({ lookupField: field, eventField: p.alias?.name ?? field, span: p.span });
    }
    if (table && inputs.length === 0) {
      ctx.report(diag("bad-argument", { command: "lookup", message: "needs at least one lookup field to match on, e.g. lookup <table> <field> AS <event-field>" }, node.span));
      ok = false;
    }
    if (mode !== "all" && outputs.length === 0) {
      ctx.report(diag("bad-argument", { command: "lookup", message: `${mode.toUpperCase()} needs at least one field` }, clauseSpan));
      ok = false;
    }
    if (!ok || !table) return null;
    return { kind: "lookup", table: table.name, tableSpan: table.span, inputs, mode, outputs, span: node.span, ...(node.origin ? { origin: node.origin } : {}) };
  },
  plan(cmd) {
    return (input, ctx) => runLookup(cmd, input, ctx);
  },
};
