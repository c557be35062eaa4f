/**
 * `format [mvsep="<string>"] [maxresults=<int>] ["<row prefix>" "<column prefix>" "<column
 * separator>" "<column end>" "<row separator>" "<row end>"] [emptystr="<string>"]` (format
 * reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/format):
 * "takes the results of a subsearch, formats the results into a single result and places that
 * result into a new field called search". Defaults `"(" "(" "AND" ")" "OR" ")"`, mvsep `OR`,
 * maxresults 0 (no limit), emptystr `NOT( )` ("if the results generated up to that point are
 * empty and no fields or values other than internal fields are returned"); "If you want to
 * specify a row or column options, you must specify all of the row and column options".
 *
 * The page's examples fix the shape: `( ( host="mylaptop" AND source="syslog.log" AND
 * sourcetype="syslog" ) OR ( … ) )` — the fields of a result in name order, each `field="value"`,
 * the parts separated by single spaces — and a multivalue field becomes `( foo="a" <mvsep>
 * foo="b" )`. The empty string is the one the argument list gives, `NOT( )` (the page's example
 * table shows `NOT ( )`). Fields whose name
 * starts with `_` are left out; a `search` field's value is written as it is and a `query` field's
 * as a quoted term (Search Manual, "Change the format of subsearch results").
 */
import type { FormatFrame } from "../ast/commands-multi.js";
import { diag } from "../diagnostics/diagnostic.js";
import { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import type { CommandDef } from "./types.js";

export const DEFAULT_FRAME: FormatFrame = { rowPrefix: "(", colPrefix: "(", colSep: "AND", colEnd: ")", rowSep: "OR", rowEnd: ")" };
const DATA = '| makeresults format=csv data="host,source\nwww1,/var/log/a\nwww2,/var/log/b\nwww3,/var/log/c"';

export const format: CommandDef<"format"> = {
  kind: "format",
  summary: "Turns the results into one search string in a field named search.",
  usage: 'format [mvsep="<string>"] [maxresults=<int>] ["<row prefix>" "<column prefix>" "<column separator>" "<column end>" "<row separator>" "<row end>"] [emptystr="<string>"]',
  examples: [
    `${DATA} | format maxresults=2`,
    `${DATA} | format "[" "[" "&&" "]" "||" "]"`,
    '| makeresults | eval foo=split("eventtype,log_level", ",") | fields foo | format mvsep="mvseparator" "{" "[" "AND" "]" "AND" "}"',
  ],
  options: {
    maxresults: { query: `${DATA} | format maxresults=2`, baseline: `${DATA} | format` },
    mvsep: {
      query: '| makeresults | eval foo=split("a,b", ",") | fields foo | format mvsep="||"',
      baseline: '| makeresults | eval foo=split("a,b", ",") | fields foo | format',
    },
    emptystr: { query: `${DATA} | where host="none" | format emptystr="Error Found"`, baseline: `${DATA} | where host="none" | format` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["mvsep", "maxresults", "emptystr"], ctx);
    const frameArgs = argsOf(node, "positional");
    const texts = frameArgs.map((p) => textOf(p.value, node, ctx, "a quoted row or column string"));
    if (texts.some((t) => t === null)) return null;
    if (frameArgs.length !== 0 && frameArgs.length !== 6) {
      ctx.report(diag("bad-argument", {
        command: "format",
        message: `takes all six row and column strings ("<row prefix>" "<column prefix>" "<column separator>" "<column end>" "<row separator>" "<row end>") or none, got ${frameArgs.length}`,
      }, frameArgs[0]?.span ?? node.span));
      return null;
    }
    const [rowPrefix, colPrefix, colSep, colEnd, rowSep, rowEnd] = texts as string[];
    const frame = frameArgs.length === 6 ? { rowPrefix, colPrefix, colSep, colEnd, rowSep, rowEnd } as FormatFrame : DEFAULT_FRAME;
    const mvsepOpt = opts.get("mvsep");
    const emptyOpt = opts.get("emptystr");
    const maxOpt = opts.get("maxresults");
    return {
      kind: "format", frame,
      mvsep: (mvsepOpt ? textOf(mvsepOpt.value, node, ctx, "a separator") : null) ?? "OR",
      maxresults: maxOpt ? intValue(maxOpt.value, node, ctx, "maxresults") ?? 0 : 0,
      emptystr: (emptyOpt ? textOf(emptyOpt.value, node, ctx, "a string") : null) ?? "NOT( )",
      span: node.span,
    };
  },
  plan(cmd) {
    return (input) => Table.fromRows([{ search: formatSearch(input, cmd) }]);
  },
};

/** A value as a quoted search string (`"` and `\` escaped). */
export function quoteValue(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** One field of a result in search syntax, or null when it has no value. */
function fieldTerm(field: string, v: Value, mvsep: string): string | null {
  if (v === null) return null;
  const texts = (Array.isArray(v) ? v : [v]).map((x) => toText(x as string | number) ?? "");
  if (field === "search") return texts[0] ?? null;
  const one = (t: string) => (field === "query" ? quoteValue(t) : `${field}=${quoteValue(t)}`);
  if (texts.length === 1) return one(texts[0] as string);
  return `( ${texts.map(one).join(` ${mvsep} `)} )`;
}

/** The search string of a result set (exported for return's and the tests' use). */
export function formatSearch(t: Table, opts: { frame: FormatFrame; mvsep: string; maxresults: number; emptystr: string }): string {
  const fields = t.fields.filter((f) => !f.startsWith("_")).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = opts.maxresults > 0 ? Math.min(opts.maxresults, t.length) : t.length;
  const f = opts.frame;
  const rows: string[] = [];
  for (let r = 0; r < n; r++) {
    const terms = fields.map((name) => fieldTerm(name, t.get(name, r), opts.mvsep)).filter((x): x is string => x !== null);
    if (terms.length > 0) rows.push(`${f.colPrefix} ${terms.join(` ${f.colSep} `)} ${f.colEnd}`);
  }
  if (rows.length === 0) return opts.emptystr;
  return `${f.rowPrefix} ${rows.join(` ${f.rowSep} `)} ${f.rowEnd}`;
}
