/**
 * streamstats `reset_before="(<eval-expression>)"` / `reset_after="(<eval-expression>)"`
 * (streamstats reference: "Before the streamstats calculations are produced for an event,
 * reset_before specifies that all of the accumulated statistics are reset when the
 * eval-expression returns true"; reset_after does so after). The value is one quoted string
 * holding the expression, inner quotes escaped: `reset_after="(match(test,\"yes\"))"`, or the
 * page's own spelling `reset_after="("match(test,\"yes\")")"`, where the expression sits between
 * a quoted "(" and a quoted ")" (the generic parser reads those as separate arguments, which
 * `gatherResets` puts back together). It is parsed as the right side of an eval; problems are
 * reported at the option's value.
 */
import type { Expr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { parseSearch } from "../frontend.js";
import type { ArgValue, CommandArg, CommandNode } from "../ast/nodes.js";
import type { OptionArg } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CheckContext } from "./types.js";

/** The expression of a reset_before/reset_after option, or null (with a diagnostic). */
export function readResetExpr(o: OptionArg, node: CommandNode, ctx: CheckContext): Expr | null {
  const bad = (why: string): null => {
    ctx.report(diag("bad-argument", {
      command: node.name, message: `${o.key} takes an eval expression in one quoted string, e.g. ${o.key}="(count>=2)": ${why}`,
    }, o.value.span));
    return null;
  };
  if (o.value.kind !== "string") return bad("found no quoted string");
  const text = o.value.text.trim();
  if (text === "") return bad("the string is empty");
  const parsed = parseSearch(`| eval __reset=${text}`);
  const first = parsed.diagnostics.find((d) => d.severity === "error");
  if (first) return bad(first.message);
  const cmd = parsed.pipeline?.commands[0];
  const assign = cmd?.args.length === 1 && cmd.args[0]?.kind === "assign" ? cmd.args[0] : undefined;
  if (!assign) return bad("it is not one expression");
  // The expression's spans point into its own text: report its problems at the option instead.
  const span = o.value.span;
  checkExpr(assign.expr, { ...ctx, report: (d) => ctx.report({ ...d, span }) });
  return assign.expr;
}

/**
 * Rewrites the page's spelling `key="("<expr>")"` into one option whose string is `(<expr>)`,
 * dropping the positionals it was read from; other arguments are left as they are.
 */
export function gatherResets(node: CommandNode): CommandNode {
  const args: CommandArg[] = [];
  for (let i = 0; i < node.args.length; i++) {
    const a = node.args[i] as CommandArg;
    const key = a.kind === "option" ? a.key.toLowerCase() : "";
    if (a.kind !== "option" || (key !== "reset_before" && key !== "reset_after") || a.value.kind !== "string" || a.value.text !== "(") {
      args.push(a);
      continue;
    }
    let text = "(";
    let end = a.span.end;
    let j = i + 1;
    let closed = false;
    for (; j < node.args.length; j++) {
      const p = node.args[j] as CommandArg;
      if (p.kind !== "positional" || p.alias) break;
      const piece = sourceOf(p.value);
      if (piece === null) break;
      if (p.span.start > end) text += " ";
      end = p.span.end;
      if (p.value.kind === "string" && p.value.text === ")") {
        text += ")";
        closed = true;
        break;
      }
      text += piece;
    }
    if (!closed) {
      args.push(a);
      continue;
    }
    const span = { ...a.value.span, end };
    args.push({ ...a, value: { kind: "string", text: text.replace(/\\"/g, '"'), span }, span: { ...a.span, end } });
    i = j;
  }
  return args.length === node.args.length ? node : { ...node, args };
}

/** The text an argument value was written as, near enough to parse again; null for others. */
function sourceOf(v: ArgValue): string | null {
  if (v.kind === "word") return v.text;
  if (v.kind === "string") return JSON.stringify(v.text);
  if (v.kind === "call") {
    const parts = v.args.map(sourceOf);
    return parts.some((x) => x === null) ? null : `${v.name}(${parts.join(",")})`;
  }
  return null;
}
