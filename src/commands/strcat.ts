/**
 * `strcat [allrequired=<bool>] <source-fields> <dest-field>` (strcat reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/strcat): "Concatenates
 * string values from 2 or more fields. Combines together string values and literals into a new
 * field", named last. "Literal values must be enclosed in quotation marks"; an unquoted word is a
 * field. With allrequired=f (the default) "the destination field is always written and source
 * fields that do not exist are treated as empty strings"; with allrequired=t "the values are
 * written to destination field only if all source fields exist" (otherwise it is left as it was).
 * A multivalue source contributes its first value (a choice: the page is silent).
 */
import type { StrcatPart } from "../ast/commands-series.js";
import { diag } from "../diagnostics/diagnostic.js";
import { toText, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, rejectKinds } from "./args.js";
import type { CommandDef } from "./types.js";

const ROWS = '| makeresults format=csv data="a,b\n1,x\n2,"';

export const strcat: CommandDef<"strcat"> = {
  kind: "strcat",
  summary: "Concatenates field values and quoted literals into a new field.",
  usage: "strcat [allrequired=<bool>] <source-field-or-\"literal\">... <dest-field>",
  examples: [`${ROWS} | strcat a "/" b ab`, `${ROWS} | strcat allrequired=t a "::" b ab`],
  options: { allrequired: { query: `${ROWS} | strcat allrequired=t a "/" b ab`, baseline: `${ROWS} | strcat a "/" b ab` } },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["allrequired"], ctx);
    const allRequired = boolOption(opts.get("allrequired"), node, ctx, false);
    const ps = argsOf(node, "positional");
    const parts: StrcatPart[] = [];
    let ok = true;
    for (const p of ps) {
      if (p.alias) {
        ctx.report(diag("bad-argument", { command: "strcat", message: "does not take AS; the destination field comes last" }, p.alias.span));
        ok = false;
      }
      const v = p.value;
      if (v.kind === "word") parts.push({ field: v.text });
      else if (v.kind === "string") parts.push({ literal: v.text });
      else {
        ctx.report(diag("bad-argument", { command: "strcat", message: "expected a field name or a quoted literal" }, v.span));
        ok = false;
      }
    }
    const last = ps.at(-1);
    const dest = parts.pop();
    if (!last || !dest || parts.length === 0) {
      ctx.report(diag("bad-argument", { command: "strcat", message: "needs source fields or literals and then the destination field" }, node.span));
      return null;
    }
    if (!("field" in dest)) {
      ctx.report(diag("bad-argument", { command: "strcat", message: "the last argument is the destination field, not a quoted literal" }, last.value.span));
      return null;
    }
    return ok ? { kind: "strcat", allRequired, parts, dest: dest.field, span: node.span } : null;
  },
  plan(cmd) {
    return (input) => {
      const cols = cmd.parts.map((p) => ("field" in p ? (input.column(p.field) ?? null) : null));
      const old = input.column(cmd.dest);
      const out = new Array<Value>(input.length);
      for (let i = 0; i < input.length; i++) {
        let s = "";
        let complete = true;
        cmd.parts.forEach((p, k) => {
          if ("literal" in p) {
            s += p.literal;
            return;
          }
          const v = cols[k]?.[i] ?? null;
          if (v === null) complete = false;
          else s += toText(v) ?? "";
        });
        out[i] = complete || !cmd.allRequired ? s : (old?.[i] ?? null);
      }
      return input.withColumn(cmd.dest, out);
    };
  },
};
