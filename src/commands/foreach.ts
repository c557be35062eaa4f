/**
 * `foreach [mode=multifield] <wc-field>... [fieldstr=…] [matchstr=…] [matchseg1=…] [ <template> ]`
 * (foreach reference, help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/foreach):
 * runs the template once for each field whose name matches one of the wildcard patterns, with
 * `<<FIELD>>` replaced by the field name, `<<MATCHSTR>>` by the part matched by the wildcards and
 * `<<MATCHSEG1>>`…`<<MATCHSEG3>>` by the part matched by the first…third wildcard. Substitution
 * is textual, as in Splunk (it also reaches string literals: ESCU writes
 * `"<<MATCHSTR>> higher than average"`), so the template is printed back to SPL at check time
 * and each instance is compiled and run with `ctx.runText` over the current results; an instance
 * whose values are plain identifiers reuses one parse of the template instead (foreach-fast.ts
 * explains why that is the same search). The field list is taken once, from the results foreach
 * receives.
 * Choices where the reference is silent: a pattern matches internal `_` fields only when it starts
 * with `_` (as wildcard field lists elsewhere leave `_time`/`_raw` alone); with several wildcards
 * `<<MATCHSTR>>` is their matches concatenated. Only the multifield mode is supported.
 */
import { printPipeline } from "../ast/print.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { escapeRegex, fieldPattern } from "../executor/wildcard.js";
import { argsOf, readOptions, rejectKinds, textOf } from "./args.js";
import { checkSubpipeline, subsearchValue } from "./combine-subsearch.js";
import { foreachFastPath, instantiate, sentinelTemplate, type SentinelTemplate } from "./foreach-fast.js";
import type { CommandDef } from "./types.js";

export const foreach: CommandDef<"foreach"> = {
  kind: "foreach",
  summary: "Runs a template once per field matching wildcard patterns, substituting <<FIELD>> and <<MATCHSTR>>.",
  usage: "foreach <wc-field>... [fieldstr=<string>] [matchstr=<string>] [matchseg1=<string>] [ <template> ]",
  examples: [
    "| makeresults | eval a_x=1, a_y=2 | foreach a_* [eval 'new_<<MATCHSTR>>' = '<<FIELD>>' * 10]",
    '| makeresults | eval src="null", user="bob" | foreach * [eval \'<<FIELD>>\' = if(\'<<FIELD>>\'="null", null(), \'<<FIELD>>\')]',
  ],
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["mode", "fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3"], ctx);
    const modeOpt = opts.get("mode");
    const mode = modeOpt ? textOf(modeOpt.value, node, ctx, "a mode")?.toLowerCase() : "multifield";
    if (modeOpt && mode !== "multifield") {
      ctx.report(diag("bad-argument", { command: "foreach", message: `mode=${mode ?? "?"} is not supported (only multifield)` }, modeOpt.value.span));
    }
    const token = (key: string, dflt: string): string => {
      const o = opts.get(key);
      return (o ? textOf(o.value, node, ctx, "a token") : null) ?? dflt;
    };
    const patterns: string[] = [];
    for (const p of argsOf(node, "positional")) {
      if (p.value.kind === "subsearch") continue;
      const t = textOf(p.value, node, ctx, "a field name or wildcard");
      if (t !== null) patterns.push(...t.split(",").map((s) => s.trim()).filter(Boolean));
    }
    if (patterns.length === 0) ctx.report(diag("bad-argument", { command: "foreach", message: "needs at least one field or wildcard pattern" }, node.nameSpan));
    const sub = subsearchValue(node, ctx, "a [template]");
    const checked = sub ? checkSubpipeline(sub, ctx) : null;
    if (!sub || !checked || patterns.length === 0) return null;
    return {
      kind: "foreach",
      patterns,
      template: printPipeline(sub.pipeline),
      tokens: {
        field: token("fieldstr", "<<FIELD>>"),
        matchstr: token("matchstr", "<<MATCHSTR>>"),
        matchseg: [token("matchseg1", "<<MATCHSEG1>>"), token("matchseg2", "<<MATCHSEG2>>"), token("matchseg3", "<<MATCHSEG3>>")],
      },
      span: node.span,
    };
  },
  plan(cmd) {
    const tokens = [cmd.tokens.field, cmd.tokens.matchstr, ...cmd.tokens.matchseg];
    const tokenRe = new RegExp(tokens.map(escapeRegex).join("|"), "g");
    const matchers = cmd.patterns.map((p) => ({ re: fieldPattern(p), internal: p.startsWith("_") }));
    /** The template parsed once with sentinels (foreach-fast.ts); built on first use, null when unusable. */
    let fast: SentinelTemplate | null | undefined;
    return (input, ctx) => {
      let t: Table = input;
      for (const field of input.fields) {
        const m = matchField(field, matchers);
        if (!m) continue;
        // A token's value; when custom tokens coincide, the later one in this order wins.
        const valueOf = (tok: string): string => {
          for (let i = 2; i >= 0; i--) if (tok === cmd.tokens.matchseg[i]) return m[i] ?? "";
          if (tok === cmd.tokens.matchstr) return m.join("");
          return tok === cmd.tokens.field ? field : tok;
        };
        const textOf = (): string => cmd.template.replace(tokenRe, valueOf);
        if (!foreachFastPath.enabled) {
          t = ctx.runText(textOf(), t);
          continue;
        }
        // The same instance without compiling its text (foreach-fast.ts), or its text when it cannot.
        if (fast === undefined) fast = sentinelTemplate(cmd.template, tokens, tokenRe);
        const pipeline = fast ? instantiate(fast, valueOf, textOf) : null;
        const commands = pipeline ? ctx.checkPipeline(pipeline) : null;
        if (commands) {
          foreachFastPath.fast++;
          t = ctx.run(commands, t);
        } else {
          foreachFastPath.textual++;
          t = ctx.runText(textOf(), t);
        }
      }
      return t;
    };
  },
};

/** The wildcard captures of the first pattern matching the field, or null. */
function matchField(field: string, matchers: readonly { re: RegExp; internal: boolean }[]): string[] | null {
  for (const { re, internal } of matchers) {
    if (field.startsWith("_") && !internal) continue;
    const m = re.exec(field);
    if (m) return m.slice(1);
  }
  return null;
}
