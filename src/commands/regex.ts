/**
 * `regex [<field>=]"<regex>"` keeps the results whose field matches the (unanchored PCRE)
 * expression; `<field>!="<regex>"` keeps those that do not (regex reference: "Removes results that
 * match or do not match the specified regular expression"; the field defaults to `_raw`).
 * Choices where the docs are silent: a multivalue field matches when any value matches; a result
 * without the field does not match, so `=` drops it and `!=` keeps it.
 * `field!="…"` parses as an option carrying `op: "!="` (executor/check.ts refuses it for every other
 * command).
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { safeRegex, warnBudget } from "../functions/safe-regex.js";
import { argsOf, rejectKinds } from "./args.js";
import { texts } from "./stream-columns.js";
import type { CommandDef } from "./types.js";

export const regex: CommandDef<"regex"> = {
  kind: "regex",
  summary: "Keeps (or with != removes) the results whose field matches a regular expression.",
  usage: 'regex [<field>=|<field>!=]"<regex>"',
  examples: [
    '| makeresults | eval p="rundll32.exe" | regex p="(?i)^rundll"',
    '| makeresults | eval _raw="error 42" | regex "\\d+"',
  ],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = argsOf(node, "option");
    const pos = argsOf(node, "positional");
    const all = [...opts, ...pos];
    for (const extra of all.slice(1)) ctx.report(diag("bad-argument", { command: "regex", message: "takes one <field>=\"<regex>\"" }, extra.span));
    const first = all[0];
    if (!first) {
      ctx.report(diag("bad-argument", { command: "regex", message: 'needs <field>="<regex>" or "<regex>"' }, node.span));
      return null;
    }
    const value = first.value;
    if (value.kind !== "string" && value.kind !== "word") {
      ctx.report(diag("bad-argument", { command: "regex", message: "expected a quoted regular expression" }, value.span));
      return null;
    }
    try {
      safeRegex(value.text);
    } catch (e) {
      if (!(e instanceof SplRuntimeError)) throw e;
      ctx.report(diag("bad-argument", { command: "regex", message: e.message }, value.span));
      return null;
    }
    const field = first.kind === "option" ? first.key : "_raw";
    const negate = first.kind === "option" && "op" in first && first.op === "!=";
    return { kind: "regex", field, pattern: value.text, negate, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const re = safeRegex(cmd.pattern);
      const col = input.column(cmd.field);
      const keep: number[] = [];
      // A value over the backtracking budget does not match, like a missing field (safe-regex.ts).
      const test = (s: string): boolean => {
        const hit = re.test(s);
        if (hit === null) warnBudget(ctx, re, "regex", cmd.span);
        return hit === true;
      };
      for (let r = 0; r < input.length; r++) {
        const hit = texts(col?.[r] ?? null).some(test);
        if (hit !== cmd.negate) keep.push(r);
      }
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};
