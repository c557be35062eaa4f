/**
 * `map search="<search with $field$ tokens>" [maxsearches=N]`, `map [ <search> ] [maxsearches=N]` or
 * `map <saved search name> [maxsearches=N]` (a loaded detection, ExecContext.savedSearch)
 * (map reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/map):
 * "a looping operator that runs a search repeatedly for each input event or result": for each
 * input result, `$field$` is replaced by that result's value of the field and the search is run;
 * the outputs are concatenated in input order (the input results themselves are not kept).
 * maxsearches defaults to 10; extra input results are skipped with a warning. `$_serial_id$` is the
 * 1-based number of the result. Choices where the reference is silent: a result that lacks a
 * field named by a token runs no search (Splunk would search for the literal token), and a
 * multivalue field substitutes its first value. The text is compiled at run time with the same
 * macros, so ESCU's `search \`wineventlog_security\` … $TargetLogonId$` expands its macro then.
 * The reference sets no upper bound on maxsearches ("Zero ( 0 ) does not equate to unlimited
 * searches"), so `maxsearches=1000000000` is bounded by the search's budget instead: it is
 * checked before each run and each run is held to it (time, rows, memory, cancellation). The
 * outputs are joined once at the end rather than copied again after every search.
 */
import { printPipeline } from "../ast/print.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { checkSubpipeline } from "./combine-subsearch.js";
import type { CommandDef, ExecContext } from "./types.js";
import type { Span } from "../source/source-text.js";
import { didYouMean } from "../diagnostics/suggest.js";

const TOKEN = /\$([^$\s]+)\$/g;

export const map: CommandDef<"map"> = {
  kind: "map",
  summary: "Runs a search once per input result, with $field$ tokens filled from that result.",
  usage: 'map (search="<search with $field$ tokens>" | [<search>] | <saved search>) [maxsearches=<int>]',
  examples: ['| makeresults | eval n=5 | map search="| makeresults | eval doubled=$n$*2"'],
  options: {
    search: { query: "| makeresults | eval n=5 | map search=\"| makeresults | eval d=$n$*2\"", baseline: "| makeresults | eval n=5 | map search=\"| makeresults | eval d=$n$*3\"" },
    maxsearches: { query: "| makeresults count=3 | streamstats count AS n | map maxsearches=1 search=\"| makeresults | eval d=$n$\"", baseline: "| makeresults count=3 | streamstats count AS n | map search=\"| makeresults | eval d=$n$\"" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["search", "maxsearches"], ctx);
    const maxOpt = opts.get("maxsearches");
    const maxsearches = maxOpt ? intValue(maxOpt.value, node, ctx, "maxsearches") ?? 10 : 10;
    const searchOpt = opts.get("search");
    let search: string | null = searchOpt ? textOf(searchOpt.value, node, ctx, "a quoted search") : null;
    let saved: { name: string; span: Span } | undefined;
    for (const p of argsOf(node, "positional")) {
      // `map <savedsplunkoption>`: "Name of a saved search to run for each input result" (Syntax).
      if ((p.value.kind === "word" || p.value.kind === "string") && search === null && saved === undefined) {
        saved = { name: p.value.text, span: p.value.span };
        continue;
      }
      if (p.value.kind !== "subsearch" || search !== null || saved !== undefined) {
        ctx.report(diag("bad-argument", { command: "map", message: 'expected search="…", one [search] or the name of a saved search' }, p.span));
        continue;
      }
      if (!checkSubpipeline(p.value, ctx)) return null;
      search = printPipeline(p.value.pipeline);
    }
    if (search === null && saved === undefined) {
      ctx.report(diag("bad-argument", { command: "map", message: 'needs search="<search>", a [search] or the name of a saved search' }, node.nameSpan));
      return null;
    }
    return { kind: "map", search: search ?? "", maxsearches, ...(saved ? { saved } : {}), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      if (input.length > cmd.maxsearches) {
        ctx.warn(diag("runtime-error", { message: `map: ${input.length} input results but maxsearches=${cmd.maxsearches}; only the first ${cmd.maxsearches} were searched` }, cmd.span, { severity: "warning" }));
      }
      const outputs: Table[] = [];
      let rows = 0;
      for (let r = 0; r < Math.min(input.length, cmd.maxsearches); r++) {
        ctx.budget.check(cmd.span);
        const t = cmd.saved ? runSaved(cmd.saved, input, r, ctx) : runFilled(cmd.search, input, r, ctx);
        if (t === null) continue;
        rows += t.length;
        ctx.budget.rows(rows, "map", cmd.span);
        outputs.push(t);
      }
      return Table.concatAll(outputs);
    };
  },
};

function runFilled(search: string, input: Table, r: number, ctx: ExecContext): Table | null {
  const text = fill(search, input, r);
  return text === null ? null : ctx.runText(text);
}

/** The saved search for row r, its text filled as `search=` is; null when a token's field is missing. */
function runSaved(saved: { name: string; span: Span }, input: Table, r: number, ctx: ExecContext): Table | null {
  let missing = false;
  const out = ctx.savedSearch(saved.name, (spl) => {
    const text = fill(spl, input, r);
    if (text === null) missing = true;
    return text ?? "| makeresults count=0";
  });
  if (out === null) {
    throw new SplRuntimeError(diag("runtime-error", { message: `map: no loaded saved search is named "${saved.name}"` }, saved.span, { hints: didYouMean(saved.name, ctx.savedSearchNames()) }));
  }
  return missing ? null : out;
}


/** The search text for row r, or null when a token names a field the row lacks. */
function fill(search: string, t: Table, r: number): string | null {
  let missing = false;
  const text = search.replace(TOKEN, (_tok, name: string) => {
    if (name === "_serial_id") return String(r + 1);
    const v = t.get(name, r);
    const s = toText(v);
    if (s === null) missing = true;
    return s ?? "";
  });
  return missing ? null : text;
}
