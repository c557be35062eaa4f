/**
 * AST → canonical SPL text: the REPL's and `explain`'s view of a parsed (macro-expanded) search,
 * and the basis of round-trip tests. Binary expressions are parenthesised so precedence is visible,
 * except that a left-associative chain at one precedence level (`1 + 2 - 3`, `a AND b AND c`) and a
 * chain of `NOT`s or `-`s print inside one pair: the parser accepts a flat chain of any length, but
 * limits nesting to 100 levels, so a printed 101-operator chain must not nest (issue 10).
 */
import type { ArgValue, BinaryOp, CommandArg, CommandNode, Expr, Pipeline, SearchExpr, SearchValue } from "./nodes.js";

export function printPipeline(p: Pipeline): string {
  // An empty leading search (`search | rex …`) prints its keyword: printed as nothing it reparsed
  // as a pipeline without it and printed differently (" | rex" → "| rex").
  return p.commands.map((c, i) => (i === 0 && c.implicit ? printArgs(c) || "search" : `| ${printCommand(c)}`)).join(" ");
}

export function printCommand(c: CommandNode): string {
  const args = printArgs(c);
  return args ? `${c.name} ${args}` : c.name;
}

function printArgs(c: CommandNode): string {
  const assigns = c.args.filter((a) => a.kind === "assign");
  if (assigns.length > 0) return assigns.map(printArg).join(", ");
  return c.args.map(printArg).filter(Boolean).join(" ");
}

function printArg(a: CommandArg): string {
  switch (a.kind) {
    case "option": return `${a.key}=${printValue(a.value)}`;
    case "positional": return a.alias ? `${printValue(a.value)} AS ${quoteWord(a.alias.name)}` : printValue(a.value);
    case "by": return `BY ${a.fields.map((f) => quoteWord(f.name)).join(" ")}`;
    case "where": return `WHERE ${printSearch(a.expr)}`;
    case "search": return a.expr ? printSearch(a.expr) : "";
    case "expr": return printExpr(a.expr);
    case "assign": return `${quoteName(a.field)}=${printExpr(a.expr)}`;
  }
}

function printValue(v: ArgValue): string {
  switch (v.kind) {
    case "word": return v.text;
    case "string": return splString(v.text);
    case "call": return `${v.name}(${v.args.map(printValue).join(", ")})`;
    case "expr": return printExpr(v.expr).startsWith("(") ? printExpr(v.expr) : `(${printExpr(v.expr)})`;
    case "search": return `(${printSearch(v.expr)})`;
    case "subsearch": return `[${printPipeline(v.pipeline)}]`;
  }
}

export function printSearch(e: SearchExpr): string {
  switch (e.kind) {
    case "and": return e.items.map((i) => (i.kind === "or" ? `(${printSearch(i)})` : printSearch(i))).join(" ");
    case "or": return e.items.map((i) => (i.kind === "and" ? `(${printSearch(i)})` : printSearch(i))).join(" OR ");
    case "not": return `NOT ${e.operand.kind === "and" || e.operand.kind === "or" ? `(${printSearch(e.operand)})` : printSearch(e.operand)}`;
    case "term": return searchValue(e.value);
    case "compare": return `${e.field}${e.op}${searchValue(e.value)}`;
    case "in": return `${e.field} IN (${e.values.map(searchValue).join(", ")})`;
    case "subsearch": return `${e.compare ? `${e.compare.field}${e.compare.op}` : ""}[${printPipeline(e.pipeline)}]`;
  }
}

function searchValue(v: SearchValue): string {
  return v.quoted ? splString(v.text) : v.text;
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case "literal": return typeof e.value === "number" ? String(e.value) : splString(e.value);
    case "field": return quoteName(e.name);
    case "call": return `${e.name}(${e.args.map(printExpr).join(", ")})`;
    case "binary": return `(${binaryChain(e)})`;
    case "unary": return `(${unaryChain(e)})`;
    case "in": return `(${printExpr(e.subject)} IN (${e.values.map(printExpr).join(", ")}))`;
    case "subsearch": return `[${printPipeline(e.pipeline)}]`;
    case "error": return "<error>";
  }
}

/** Precedence levels of the left-associative chains (parser.ts: expression, andExpr, additive, multiplicative). */
const CHAIN_LEVEL: Partial<Record<BinaryOp, number>> = {
  OR: 1, XOR: 1, AND: 2, "+": 5, "-": 5, ".": 5, "*": 6, "/": 6, "%": 6,
};

/** `a op b` without the outer parentheses; a left operand at the same chain level is not wrapped. */
function binaryChain(e: Expr & { kind: "binary" }): string {
  const parts: string[] = [];
  let cur: Expr = e;
  const level = CHAIN_LEVEL[e.op];
  // Iterative on the left spine: a 100,000-operand chain is a 100,000-deep left spine.
  while (cur.kind === "binary" && level !== undefined && CHAIN_LEVEL[cur.op] === level) {
    parts.push(printExpr(cur.right), cur.op);
    cur = cur.left;
  }
  if (cur === e) return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
  parts.push(printExpr(cur));
  return parts.reverse().join(" ");
}

/** `NOT NOT x` / `- -x` without the outer parentheses. */
function unaryChain(e: Expr & { kind: "unary" }): string {
  const ops: string[] = [];
  let cur: Expr = e;
  while (cur.kind === "unary" && cur.op === e.op) {
    ops.push(e.op);
    cur = cur.operand;
  }
  const operand = printExpr(cur);
  return e.op === "NOT" || operand.startsWith("-") ? `${ops.join(" ")} ${operand}` : `${ops.join(" ")}${operand}`;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

function quoteWord(name: string): string {
  return /^[^\s"',()|[\]=]+$/.test(name) ? name : splString(name);
}

/** An SPL string literal: only `\\` and `"` are escaped (the lexer's unquote undoes exactly these). */
export function splString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
