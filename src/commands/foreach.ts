/**
 * `foreach [mode=multifield|multivalue|json_array|auto_collections] <wc-field>... [fieldstr=…]
 * [matchstr=…] [matchseg1..3=…] [itemstr=…] [iterstr=…] [ <template> ]` (foreach reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/foreach).
 *
 * multifield (the default) runs the template once for each field whose name matches one of the
 * wildcard patterns, with `<<FIELD>>` replaced by the field name, `<<MATCHSTR>>` by the part
 * matched by the wildcards and `<<MATCHSEG1>>`…`<<MATCHSEG3>>` by the part matched by the
 * first…third wildcard. Substitution is textual, as in Splunk (it also reaches string literals:
 * ESCU writes `"<<MATCHSTR>> higher than average"`), so the template is printed back to SPL at
 * check time and each instance is compiled and run with `ctx.runText` over the current results;
 * an instance whose values are plain identifiers reuses one parse of the template instead
 * (foreach-fast.ts explains why that is the same search). The field list is taken once, from the
 * results foreach receives. A wildcard-matched field's instance runs only on the results that have
 * the field (example 1: the row without www2 keeps `total` = www1; foreach-rows.ts); a name
 * without wildcards is taken as written and runs on every result, existing or not (example 3:
 * `foreach name price category [eval <<FIELD>> = "<<FIELD>>"]` creates the three fields).
 * The other modes iterate over the elements of one field (foreach-items.ts); there "Wildcards are
 * not supported … these modes treat a wildcard as part of the field name".
 *
 * Choices where the reference is silent: a pattern matches internal `_` fields only when it starts
 * with `_` (as wildcard field lists elsewhere leave `_time`/`_raw` alone); with several wildcards
 * `<<MATCHSTR>>` is their matches concatenated. An option of the other group of modes (fieldstr
 * with mode=multivalue, itemstr with multifield) is an error: the page lists each option for its
 * modes only.
 */
import type { ForeachCommand } from "../ast/commands-combine.js";
import { printPipeline } from "../ast/print.js";
import type { CommandNode, Pipeline } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { escapeRegex, fieldPattern } from "../executor/wildcard.js";
import { argsOf, readOptions, rejectKinds, textOf, type OptionArg } from "./args.js";
import { checkSubpipeline, subsearchValue } from "./combine-subsearch.js";
import { foreachFastPath, instantiate, sentinelTemplate, type SentinelTemplate } from "./foreach-fast.js";
import { runItems } from "./foreach-items.js";
import { rowsWith, runOnRows } from "./foreach-rows.js";
import type { CheckContext, CommandDef, ExecContext } from "./types.js";

const MODES = ["multifield", "multivalue", "json_array", "auto_collections"] as const;
const FIELD_OPTIONS = ["fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3"];
const ITEM_OPTIONS = ["itemstr", "iterstr"];

const T = "| makeresults | eval test1ab2=5, test2ab3=10";
const MV = '| makeresults | eval mv=mvappend("5", "15"), total=0';

export const foreach: CommandDef<"foreach"> = {
  kind: "foreach",
  summary: "Runs a template once per field matching wildcard patterns (<<FIELD>>, <<MATCHSTR>>), or per value of a multivalue field or JSON array (<<ITEM>>, <<ITER>>).",
  usage: "foreach [mode=multifield|multivalue|json_array|auto_collections] <wc-field>... [fieldstr=<string>] [matchstr=<string>] [matchseg1=<string>] [itemstr=<string>] [iterstr=<string>] [ <template> ]",
  examples: [
    "| makeresults | eval a_x=1, a_y=2 | foreach a_* [eval 'new_<<MATCHSTR>>' = '<<FIELD>>' * 10]",
    '| makeresults | eval src="null", user="bob" | foreach * [eval \'<<FIELD>>\' = if(\'<<FIELD>>\'="null", null(), \'<<FIELD>>\')]',
    '| makeresults | eval mv=mvappend("1", "2", "3"), total=0 | foreach mode=multivalue mv [eval total = total + <<ITEM>>]',
  ],
  options: {
    mode: { query: `${MV} | foreach mode=multivalue mv [eval total = total + <<ITEM>>]`, baseline: `${MV} | foreach mv [eval total = total + <<FIELD>>]` },
    fieldstr: { query: `${T} | foreach test* fieldstr=F [eval F = F + 1]`, baseline: `${T} | foreach test* [eval F = F + 1]` },
    matchstr: { query: `${T} | foreach test* matchstr=M [eval m_M = 1]`, baseline: `${T} | foreach test* [eval m_M = 1]` },
    matchseg1: { query: `${T} | foreach test*ab* matchseg1=S [eval s_S = 1]`, baseline: `${T} | foreach test*ab* [eval s_S = 1]` },
    matchseg2: { query: `${T} | foreach test*ab* matchseg2=S [eval s_S = 1]`, baseline: `${T} | foreach test*ab* [eval s_S = 1]` },
    matchseg3: { query: "| makeresults | eval a1b2c3=1 | foreach a*b*c* matchseg3=S [eval s_S = 1]", baseline: "| makeresults | eval a1b2c3=1 | foreach a*b*c* [eval s_S = 1]" },
    itemstr: { query: `${MV} | foreach mode=multivalue mv itemstr=NUM [eval total = total + NUM]`, baseline: `${MV} | foreach mode=multivalue mv [eval total = total + NUM]` },
    iterstr: { query: `${MV} | foreach mode=multivalue mv iterstr=I [eval total = total + I]`, baseline: `${MV} | foreach mode=multivalue mv [eval total = total + I]` },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["mode", ...FIELD_OPTIONS, ...ITEM_OPTIONS], ctx);
    const mode = readMode(opts.get("mode"), node, ctx);
    const multifield = mode === "multifield";
    for (const key of multifield ? ITEM_OPTIONS : FIELD_OPTIONS) {
      const o = opts.get(key);
      if (o) ctx.report(diag("bad-argument", { command: "foreach", message: `${key} is not an option of mode=${mode}` }, o.keySpan));
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
    if (!multifield && patterns.length > 1) ctx.report(diag("bad-argument", { command: "foreach", message: `mode=${mode} iterates over one field` }, node.nameSpan));
    const sub = subsearchValue(node, ctx, "a [template]");
    const checked = sub ? checkSubpipeline(sub, ctx) : null;
    if (!sub || !checked || patterns.length === 0) return null;
    if (!multifield && (checked.length !== 1 || checked[0]?.kind !== "eval")) {
      ctx.report(diag("bad-argument", { command: "foreach", message: `with mode=${mode} the template must be a single eval` }, sub.span));
      return null;
    }
    return {
      kind: "foreach",
      patterns,
      template: printTemplate(sub.pipeline),
      tokens: {
        field: token("fieldstr", "<<FIELD>>"),
        matchstr: token("matchstr", "<<MATCHSTR>>"),
        matchseg: [token("matchseg1", "<<MATCHSEG1>>"), token("matchseg2", "<<MATCHSEG2>>"), token("matchseg3", "<<MATCHSEG3>>")],
      },
      mode,
      itemTokens: { item: token("itemstr", "<<ITEM>>"), iter: token("iterstr", "<<ITER>>") },
      span: node.span,
    };
  },
  plan(cmd) {
    if (cmd.mode !== "multifield") return (input, ctx) => runItems(input, cmd, ctx);
    return multifieldStep(cmd);
  },
};

/**
 * The template as SPL text with its tokens as written. The printer quotes every field name that is
 * not an identifier, so a bare `<<MATCHSTR>>` would come back as the quoted name '<<MATCHSTR>>',
 * and `<<FIELD>> + <<MATCHSTR>>` for test1 would add the field named 1 instead of the number 1
 * (example 5 gives 6). A field reference whose span is exactly its placeholder was written bare:
 * it is printed bare (through a stand-in identifier the printer leaves alone).
 */
function printTemplate(p: Pipeline): string {
  const bare: string[] = [];
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if (o.kind === "field" && typeof o.name === "string" && PLACEHOLDER.test(o.name)) {
      const span = o.span as { start: number; end: number } | undefined;
      if (span && span.end - span.start === o.name.length) {
        bare.push(o.name);
        return { ...o, name: `${STAND_IN}${bare.length - 1}x` };
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x);
    return out;
  };
  const text = printPipeline(walk(p) as Pipeline);
  return bare.length === 0 ? text : text.replace(new RegExp(`${STAND_IN}(\\d+)x`, "g"), (_m, i: string) => bare[Number(i)] as string);
}

const PLACEHOLDER = /^<<[A-Z0-9_]+>>$/;
/** Cannot occur in a template that takes the fast path (foreach-fast.ts refuses templates with `zq`). */
const STAND_IN = "zqForeachBare";

function readMode(o: OptionArg | undefined, node: CommandNode, ctx: CheckContext): ForeachCommand["mode"] {
  if (!o) return "multifield";
  const m = textOf(o.value, node, ctx, "a mode")?.toLowerCase();
  if (m !== undefined && (MODES as readonly string[]).includes(m)) return m as ForeachCommand["mode"];
  ctx.report(diag("bad-argument", { command: "foreach", message: `mode must be one of ${MODES.join(", ")}` }, o.value.span));
  return "multifield";
}

/** The template's tokens (`<<FIELD>>`, `<<MATCHSTR>>`, `<<MATCHSEG1..3>>` or renamed) and a regex finding them. */
export function templateTokens(cmd: ForeachCommand): { tokens: string[]; tokenRe: RegExp } {
  const tokens = [cmd.tokens.field, cmd.tokens.matchstr, ...cmd.tokens.matchseg];
  return { tokens, tokenRe: new RegExp(tokens.map(escapeRegex).join("|"), "g") };
}

/** The wildcard patterns' matchers (an internal `_` field only for a pattern starting with `_`). */
export function wildcardMatchers(cmd: ForeachCommand): { re: RegExp; internal: boolean }[] {
  return cmd.patterns.filter((p) => p.includes("*")).map((p) => ({ re: fieldPattern(p), internal: p.startsWith("_") }));
}

/** A token's value in the instance for `field` (captures `segs`); when custom tokens coincide, the later one in this order wins. */
export function tokenValue(cmd: ForeachCommand, field: string, segs: readonly string[]): (tok: string) => string {
  return (tok) => {
    for (let i = 2; i >= 0; i--) if (tok === cmd.tokens.matchseg[i]) return segs[i] ?? "";
    if (tok === cmd.tokens.matchstr) return segs.join("");
    return tok === cmd.tokens.field ? field : tok;
  };
}

function multifieldStep(cmd: ForeachCommand): (input: Table, ctx: ExecContext) => Table {
  const { tokens, tokenRe } = templateTokens(cmd);
  const matchers = wildcardMatchers(cmd);
  const literals = cmd.patterns.filter((p) => !p.includes("*"));
  /** The template parsed once with sentinels (foreach-fast.ts); built on first use, null when unusable. */
  let fast: SentinelTemplate | null | undefined;
  return (input, ctx) => {
    // Fields in the results' order; names written without wildcards that no result has, last.
    const fields: { field: string; segs: string[]; literal: boolean }[] = [];
    for (const field of input.fields) {
      if (literals.includes(field)) fields.push({ field, segs: [], literal: true });
      else {
        const m = matchField(field, matchers);
        if (m) fields.push({ field, segs: m, literal: false });
      }
    }
    for (const field of new Set(literals)) if (!input.has(field)) fields.push({ field, segs: [], literal: true });
    let t: Table = input;
    for (const { field, segs, literal } of fields) {
      const valueOf = tokenValue(cmd, field, segs);
      const textOf = (): string => cmd.template.replace(tokenRe, valueOf);
      const run = (sub: Table): Table => {
        if (!foreachFastPath.enabled) return ctx.runText(textOf(), sub);
        // The same instance without compiling its text (foreach-fast.ts), or its text when it cannot.
        if (fast === undefined) fast = sentinelTemplate(cmd.template, tokens, tokenRe);
        const pipeline = fast ? instantiate(fast, valueOf, textOf) : null;
        const commands = pipeline ? ctx.checkPipeline(pipeline) : null;
        if (commands) {
          foreachFastPath.fast++;
          return ctx.run(commands, sub);
        }
        foreachFastPath.textual++;
        return ctx.runText(textOf(), sub);
      };
      t = literal ? run(t) : runOnRows(t, rowsWith(input.column(field)), run);
    }
    return t;
  };
}

/** The wildcard captures of the first pattern matching the field, or null. */
export function matchField(field: string, matchers: readonly { re: RegExp; internal: boolean }[]): string[] | null {
  for (const { re, internal } of matchers) {
    if (field.startsWith("_") && !internal) continue;
    const m = re.exec(field);
    if (m) return m.slice(1);
  }
  return null;
}
