/**
 * `rex [field=<field>] (<regex> [max_match=<int>] [offset_field=<field>] | mode=sed <sed-expr>)`.
 * rex reference: "matches the value of the specified field against the unanchored regular
 * expression and extracts the named groups into fields of the corresponding names"; the field
 * defaults to `_raw`; max_match default 1, "If greater than 1, the resulting fields are multivalued
 * fields", 0 means unlimited; with mode=sed the sed expression rewrites the field (stream-sed.ts).
 * Named groups are `(?<name>…)` or Python's `(?P<name>…)`. The pattern runs in linear time unless
 * it needs backtracking (functions/safe-regex.ts); a value over that path's budget extracts nothing
 * (sed: stays as it was), with a warning.
 * A regex without a named group is an error, as in Splunk ("The regex … does not extract
 * anything"). Choices where the docs are silent: a value that does not match leaves the target
 * fields as they were; a multivalue input is matched value by value, all matches counting towards
 * max_match; offset_field holds `name=start-end` (end inclusive) pairs joined by `&`.
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { translatePcre } from "../functions/regex.js";
import { safeRegex, warnBudget } from "../functions/safe-regex.js";
import { mv, type Atom } from "../values/value.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { ColumnWriter, mapValues, texts } from "./stream-columns.js";
import { applySed, parseSed } from "./stream-sed.js";
import type { CommandDef } from "./types.js";

export const rex: CommandDef<"rex"> = {
  kind: "rex",
  summary: "Extracts named regex groups into fields, or rewrites a field with a sed expression.",
  usage: 'rex [field=<field>] "<regex>" [max_match=<int>] [offset_field=<field>] | rex [field=<field>] mode=sed "<sed-expression>"',
  examples: [
    '| makeresults | eval u="alice@example.com" | rex field=u "(?<user>[^@]+)@(?P<domain>.+)"',
    '| makeresults | eval ip="10.1.2.3" | rex field=ip max_match=0 "(?<octet>\\d+)"',
    '| makeresults | eval s="a-b-c" | rex field=s mode=sed "s/-/_/g"',
  ],
  options: {
    field: { query: "| makeresults | eval f=\"ab12\", _raw=\"zz99\" | rex field=f \"(?<d>\\\\d+)\"", baseline: "| makeresults | eval f=\"ab12\", _raw=\"zz99\" | rex \"(?<d>\\\\d+)\"" },
    max_match: { query: "| makeresults | eval _raw=\"1 2\" | rex max_match=0 \"(?<d>\\\\d)\"", baseline: "| makeresults | eval _raw=\"1 2\" | rex \"(?<d>\\\\d)\"" },
    offset_field: { query: "| makeresults | eval _raw=\"a1\" | rex offset_field=off \"(?<d>\\\\d)\"", baseline: "| makeresults | eval _raw=\"a1\" | rex \"(?<d>\\\\d)\"" },
    mode: { query: "| makeresults | eval _raw=\"a1\" | rex mode=sed \"s/a/b/\"", baseline: "| makeresults | eval _raw=\"a1\"" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["field", "max_match", "offset_field", "mode"], ctx);
    const fieldOpt = opts.get("field");
    const field = (fieldOpt ? textOf(fieldOpt.value, node, ctx, "a field name") : null) ?? "_raw";
    const modeOpt = opts.get("mode");
    const mode = modeOpt ? textOf(modeOpt.value, node, ctx, "sed")?.toLowerCase() : undefined;
    if (modeOpt && mode !== undefined && mode !== "sed") {
      ctx.report(diag("bad-argument", { command: "rex", message: `mode must be sed, got "${mode}"` }, modeOpt.value.span));
    }
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "rex", message: "takes one quoted regular expression" }, p.span));
    const first = pos[0];
    if (!first) {
      ctx.report(diag("bad-argument", { command: "rex", message: 'needs a quoted regular expression, e.g. "(?<name>\\w+)"' }, node.span));
      return null;
    }
    if (first.value.kind !== "string") {
      ctx.report(diag("bad-argument", { command: "rex", message: "the regular expression must be in double quotes" }, first.value.span));
      return null;
    }
    const text = first.value.text;
    const mm = opts.get("max_match");
    const maxMatch = mm ? (intValue(mm.value, node, ctx, "max_match") ?? 1) : 1;
    const off = opts.get("offset_field");
    const offsetField = off ? (textOf(off.value, node, ctx, "a field name") ?? undefined) : undefined;
    if (modeOpt) {
      const sed = parseSed(text);
      if (typeof sed === "string") {
        ctx.report(diag("bad-argument", { command: "rex", message: sed }, first.value.span));
        return null;
      }
      if (sed.op === "s" && !compiles(sed.pattern)) {
        ctx.report(diag("bad-argument", { command: "rex", message: `invalid regular expression ${JSON.stringify(sed.pattern)}` }, first.value.span));
        return null;
      }
      return { kind: "rex", field, groups: [], maxMatch, sed, span: node.span };
    }
    if (!compiles(text)) {
      ctx.report(diag("bad-argument", { command: "rex", message: `invalid regular expression ${JSON.stringify(text)}` }, first.value.span));
      return null;
    }
    const groups = namedGroups(text);
    if (groups.length === 0) {
      ctx.report(diag("bad-argument", { command: "rex", message: "the regex does not extract anything: it needs at least one named group (?<name>…)" }, first.value.span));
      return null;
    }
    return { kind: "rex", field, pattern: text, groups, maxMatch, ...(offsetField ? { offsetField } : {}), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const col = input.column(cmd.field);
      if (!col) return input;
      const out = new ColumnWriter(input);
      if (cmd.sed) {
        const sed = cmd.sed;
        const overBudget = (re: Parameters<typeof warnBudget>[1]) => warnBudget(ctx, re, "rex", cmd.span);
        for (let r = 0; r < input.length; r++) {
          const v = col[r] ?? null;
          if (v !== null) out.set(cmd.field, r, mapValues(v, (s) => applySed(sed, s, overBudget)));
        }
        return out.table();
      }
      const re = safeRegex(cmd.pattern as string);
      const limit = cmd.maxMatch === 0 ? Number.POSITIVE_INFINITY : cmd.maxMatch;
      const groups = cmd.groups.map((g) => ({ name: g, index: re.names.get(g) }));
      for (let r = 0; r < input.length; r++) {
        const found = new Map<string, Atom[]>();
        const offsets: string[] = [];
        let n = 0;
        for (const s of texts(col[r] ?? null)) {
          if (n >= limit) break;
          const matches = re.matches(s, limit - n, cmd.offsetField !== undefined);
          if (matches === null) {
            warnBudget(ctx, re, "rex", cmd.span);
            continue;
          }
          for (const m of matches) {
            n += 1;
            for (const g of groups) {
              const val = g.index === undefined ? undefined : m.groups[g.index];
              if (val === undefined) continue;
              const list = found.get(g.name) ?? [];
              list.push(val);
              found.set(g.name, list);
              const span = g.index === undefined ? undefined : m.spans?.[g.index];
              if (span) offsets.push(`${g.name}=${span[0]}-${span[1] - 1}`);
            }
          }
        }
        for (const [g, list] of found) out.set(g, r, mv(list));
        if (cmd.offsetField && offsets.length) out.set(cmd.offsetField, r, offsets.join("&"));
      }
      return out.table();
    };
  },
};

/** True when the pattern compiles (checked up front so the error points at the query). */
function compiles(pattern: string): boolean {
  try {
    safeRegex(pattern);
    return true;
  } catch (e) {
    if (e instanceof SplRuntimeError) return false;
    throw e;
  }
}

/** Names of the named groups, in order, from the translated pattern (escaped parens skipped). */
export function namedGroups(pattern: string): string[] {
  const src = translatePcre(pattern).source;
  const out: string[] = [];
  for (const m of src.matchAll(/(\\*)\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) {
    if ((m[1] ?? "").length % 2 === 0 && !out.includes(m[2]!)) out.push(m[2]!);
  }
  return out;
}
