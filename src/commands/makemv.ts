/**
 * `makemv [delim=<string> | tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>`
 * (makemv reference): splits a single value into a multivalue field at every occurrence of `delim`
 * (default a single space), or takes each match of `tokenizer` (its first capturing group when it
 * has one) as a value. Empty values are dropped unless allowempty=true. setsv=true keeps the field
 * single-valued (Splunk then holds both forms at once; this engine keeps the original text).
 * "The makemv command does not apply to internal fields": `makemv _raw` is an error.
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { safeRegex, warnBudget } from "../functions/safe-regex.js";
import { mv, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds, textOf } from "./args.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

const S = '| makeresults | eval s="a b,,c"';

export const makemv: CommandDef<"makemv"> = {
  kind: "makemv",
  summary: "Splits a field's value into a multivalue field by a delimiter or a tokenizer regex.",
  usage: "makemv [delim=<string> | tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>",
  options: {
    delim: { query: `${S} | makemv delim="," s`, baseline: `${S} | makemv s` },
    tokenizer: { query: `${S} | makemv tokenizer="([a-z]+)" s`, baseline: `${S} | makemv s` },
    allowempty: { query: `${S} | makemv delim="," allowempty=true s`, baseline: `${S} | makemv delim="," s` },
    setsv: { query: `${S} | makemv delim="," setsv=true s`, baseline: `${S} | makemv delim="," s` },
  },
  examples: ['| makeresults | eval s="a b c" | makemv s', '| makeresults | eval s="a,,b" | makemv delim="," allowempty=t s', '| makeresults | eval s="x1y22" | makemv tokenizer="(\\d+)" s'],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["delim", "tokenizer", "allowempty", "setsv"], ctx);
    const pos = argsOf(node, "positional");
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "makemv", message: "takes one field" }, p.span));
    if (!pos[0]) {
      ctx.report(diag("bad-argument", { command: "makemv", message: "needs a field" }, node.span));
      return null;
    }
    const field = textOf(pos[0].value, node, ctx, "a field name");
    if (field?.startsWith("_")) {
      ctx.report(diag("bad-argument", { command: "makemv", message: `does not apply to internal fields such as ${field}` }, pos[0].span));
      return null;
    }
    const d = opts.get("delim");
    const delim = (d ? textOf(d.value, node, ctx, "a delimiter") : null) ?? " ";
    const tk = opts.get("tokenizer");
    const tokenizer = tk ? (textOf(tk.value, node, ctx, "a regular expression") ?? undefined) : undefined;
    if (tk && d) ctx.report(diag("bad-argument", { command: "makemv", message: "use delim or tokenizer, not both" }, tk.span));
    if (tokenizer !== undefined) {
      try {
        safeRegex(tokenizer);
      } catch (e) {
        if (!(e instanceof SplRuntimeError)) throw e;
        ctx.report(diag("bad-argument", { command: "makemv", message: e.message }, tk?.value.span ?? node.span));
        return null;
      }
    }
    if (field === null) return null;
    return {
      kind: "makemv", field, delim, ...(tokenizer !== undefined ? { tokenizer } : {}),
      allowempty: boolOption(opts.get("allowempty"), node, ctx, false),
      setsv: boolOption(opts.get("setsv"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const split = (s: string): string[] => {
        if (cmd.tokenizer === undefined) return cmd.delim === "" ? [s] : s.split(cmd.delim);
        const re = safeRegex(cmd.tokenizer);
        const found = re.matches(s);
        // Over the backtracking budget (safe-regex.ts): the value stays whole, with a warning.
        if (found === null) {
          warnBudget(ctx, re, "makemv", cmd.span);
          return [s];
        }
        return found.map((m) => m.groups[1] ?? m.groups[0] ?? "");
      };
      const col = input.column(cmd.field);
      if (!col || cmd.setsv) return input;
      const out = col.map((v): Value => {
        if (v === null) return v;
        const parts = texts(v).flatMap(split);
        return mv(cmd.allowempty ? parts : parts.filter((p) => p !== ""));
      });
      return input.withColumn(cmd.field, out);
    };
  },
};
