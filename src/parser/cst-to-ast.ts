/**
 * CST → AST. One `visitX`-style method per grammar rule (Chevrotain checks that every rule has
 * one); the AST types are in src/ast/nodes.ts. Ordering across differently named children is
 * recovered from token stream order (cst-helpers.ts).
 */
import type { CstNode } from "chevrotain";
import type {
  ArgValue, BinaryOp, CommandArg, CommandNode, Expr, Pipeline, SearchExpr, SearchValue,
} from "../ast/nodes.js";
import { callIsFieldName } from "./command-syntax.js";
import { splParser } from "./parser.js";
import {
  at, child, children, childTok, childToks, isToken, ordered, spanOf, tokensOf, tokSpan, unquote,
  pushAll,
} from "./cst-helpers.js";

const BaseVisitor = splParser.getBaseCstVisitorConstructor();

class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  pipeline(node: CstNode): Pipeline {
    const commands: CommandNode[] = [];
    const implicit = node.children.implicitSearch?.[0];
    if (implicit && !isToken(implicit)) commands.push(this.implicitSearch(implicit));
    for (const c of children(node, "command")) commands.push(this.command(c));
    return { kind: "pipeline", commands, ...at(node) };
  }

  implicitSearch(node: CstNode): CommandNode {
    const kw = childTok(node, "Identifier");
    const body = node.children.searchExpr?.[0];
    const expr = body && !isToken(body) ? this.searchExpr(body) : null;
    const span = spanOf(node);
    const nameSpan = kw ? tokSpan(kw) : { ...span, end: span.start };
    return {
      kind: "command", name: "search", nameSpan, implicit: true,
      args: [{ kind: "search", expr, span }], ...at(node),
    };
  }

  command(node: CstNode): CommandNode {
    const nameTok = childTok(node, "Identifier") ?? childTok(node, "Where");
    if (!nameTok) throw new Error("internal: command without a name");
    const args: CommandArg[] = [];
    const search = node.children.searchExpr?.[0];
    if (search && !isToken(search)) args.push({ kind: "search", expr: this.searchExpr(search), span: spanOf(search) });
    else if (nameTok.image.toLowerCase() === "search") args.push({ kind: "search", expr: null, span: tokSpan(nameTok) });
    const assigns = node.children.assignments?.[0];
    if (assigns && !isToken(assigns)) pushAll(args, this.assignments(assigns));
    const expr = node.children.expression?.[0];
    if (expr && !isToken(expr)) args.push({ kind: "expr", expr: this.expression(expr), span: spanOf(expr) });
    const generic = node.children.genericArgs?.[0];
    if (generic && !isToken(generic)) pushAll(args, this.genericArgs(generic, nameTok.image));
    return { kind: "command", name: nameTok.image, nameSpan: tokSpan(nameTok), implicit: false, args, ...at(node) };
  }

  /** `command`: the command's name, which decides whether a call-shaped positional is a field name. */
  genericArgs(node: CstNode, command = ""): CommandArg[] {
    const out: CommandArg[] = [];
    for (const c of ordered(node, ["byClause", "whereClause", "optionArg", "positional"])) {
      if (isToken(c)) continue;
      if (c.name === "byClause") pushAll(out, this.byClause(c));
      else if (c.name === "whereClause") out.push(this.whereClause(c));
      else if (c.name === "optionArg") out.push(this.optionArg(c));
      else out.push(this.positional(c, command));
    }
    return out;
  }

  optionArg(node: CstNode): CommandArg {
    const key = childTok(node, "Identifier");
    if (!key) throw new Error("internal: option without key");
    const search = node.children.searchExpr?.[0];
    const value: ArgValue = search && !isToken(search)
      ? { kind: "search", expr: this.searchExpr(search), span: spanOf(search) }
      : this.argValue(child(node, "argValue"));
    const op = childTok(node, "NotEq") ? { op: "!=" as const } : {};
    return { kind: "option", key: key.image, keySpan: tokSpan(key), value, ...op, span: spanOf(node) };
  }

  positional(node: CstNode, command = ""): CommandArg {
    const arg = child(node, "argValue");
    const value = this.fieldNameCall(arg, command) ?? this.argValue(arg);
    const alias = node.children.name?.[0];
    if (alias && !isToken(alias)) {
      return { kind: "positional", value, alias: { name: this.name(alias), span: spanOf(alias) }, span: spanOf(node) };
    }
    return { kind: "positional", value, span: spanOf(node) };
  }

  /**
   * `rename dc(clientip) AS customers`, `table _time delta(_time)`: in a command whose arguments
   * are field names (command-syntax.ts), a call-shaped argument names the column stats or delta
   * made, so it is a word with its text as written (spaces kept where the source has them).
   */
  private fieldNameCall(arg: CstNode, command: string): ArgValue | null {
    const call = arg.children.callValue?.[0];
    if (!call || isToken(call)) return null;
    const name = childTok(call, "Identifier")?.image ?? "";
    if (!callIsFieldName(command, name)) return null;
    return { kind: "word", text: this.word(call), span: spanOf(call) };
  }

  /** The BY list, then any options written among its fields. */
  byClause(node: CstNode): CommandArg[] {
    const fields = children(node, "name").map((n) => ({ name: this.name(n), span: spanOf(n) }));
    const options = children(node, "optionArg").map((o) => this.optionArg(o));
    return [{ kind: "by", fields, span: spanOf(node) }, ...options];
  }

  whereClause(node: CstNode): CommandArg {
    return { kind: "where", expr: this.searchExpr(child(node, "searchExpr")), span: spanOf(node) };
  }

  argValue(node: CstNode): ArgValue {
    const str = childTok(node, "StringLiteral") ?? childTok(node, "QuotedName");
    if (str) return { kind: "string", text: unquote(str.image), span: tokSpan(str) };
    const sub = node.children.subsearch?.[0];
    if (sub && !isToken(sub)) return this.subsearch(sub);
    const call = node.children.callValue?.[0];
    if (call && !isToken(call)) return this.callValue(call);
    const paren = node.children.parenExpr?.[0];
    if (paren && !isToken(paren)) return this.parenExpr(paren);
    const kw = childTok(node, "In");
    if (kw) return { kind: "word", text: kw.image, span: tokSpan(kw) };
    const w = child(node, "word");
    return { kind: "word", text: this.word(w), span: spanOf(w) };
  }

  parenExpr(node: CstNode): ArgValue {
    return { kind: "expr", expr: this.expression(child(node, "expression")), span: spanOf(node) };
  }

  callValue(node: CstNode): ArgValue {
    const name = childTok(node, "Identifier")?.image ?? "";
    const expr = node.children.expression?.[0];
    if (expr && !isToken(expr)) {
      const e = this.expression(expr);
      return { kind: "call", name, args: [{ kind: "expr", expr: e, span: e.span, text: this.word(expr) }], span: spanOf(node) };
    }
    const prefix = node.children.prefixText?.[0];
    if (prefix && !isToken(prefix)) return { kind: "call", name, args: [this.prefixText(prefix)], span: spanOf(node) };
    return { kind: "call", name, args: children(node, "argValue").map((a) => this.argValue(a)), span: spanOf(node) };
  }

  /** `exec_time=` inside `PREFIX(…)`: one word, its text as written. */
  prefixText(node: CstNode): ArgValue {
    const eq = childTok(node, "Eq");
    return { kind: "word", text: this.word(child(node, "word")) + (eq ? "=" : ""), span: spanOf(node) };
  }

  subsearch(node: CstNode): ArgValue & { kind: "subsearch" } {
    return { kind: "subsearch", pipeline: this.pipeline(child(node, "pipeline")), span: spanOf(node) };
  }

  name(node: CstNode): string {
    const str = childTok(node, "StringLiteral") ?? childTok(node, "QuotedName");
    return str ? unquote(str.image) : this.word(child(node, "word"));
  }

  /** The word's text: its tokens, with a space where the source had one (inside glued groups). */
  word(node: CstNode): string {
    return tokensOf(node).map((t, i) => (i > 0 && !t.glued ? ` ${t.image}` : t.image)).join("");
  }

  gluedGroup(node: CstNode): string {
    return this.word(node);
  }

  // ---------- search expressions ----------

  searchExpr(node: CstNode): SearchExpr {
    const items = children(node, "searchOr").map((c) => this.searchOr(c));
    return items.length === 1 ? (items[0] as SearchExpr) : { kind: "and", items, ...at(node) };
  }

  searchOr(node: CstNode): SearchExpr {
    const items = children(node, "searchNot").map((c) => this.searchNot(c));
    return items.length === 1 ? (items[0] as SearchExpr) : { kind: "or", items, ...at(node) };
  }

  searchNot(node: CstNode): SearchExpr {
    const inner = node.children.searchNot?.[0];
    if (inner && !isToken(inner)) return { kind: "not", operand: this.searchNot(inner), ...at(node) };
    return this.searchPrimary(child(node, "searchPrimary"));
  }

  searchPrimary(node: CstNode): SearchExpr {
    const paren = node.children.searchExpr?.[0];
    if (paren && !isToken(paren)) return this.searchExpr(paren);
    const sub = node.children.subsearch?.[0];
    if (sub && !isToken(sub)) return { kind: "subsearch", pipeline: this.subsearch(sub).pipeline, ...at(node) };
    return this.searchTerm(child(node, "searchTerm"));
  }

  searchTerm(node: CstNode): SearchExpr {
    const values = children(node, "searchValue").map((v) => this.searchValue(v));
    const first = values[0] as SearchValue;
    const op = childTok(node, "ComparisonOp");
    const sub = node.children.subsearch?.[0];
    if (op && sub && !isToken(sub)) {
      const cmp = op.image === "==" ? "=" : (op.image as "=" | "!=" | "<" | ">" | "<=" | ">=");
      return { kind: "subsearch", pipeline: this.subsearch(sub).pipeline, compare: { field: first.text, fieldSpan: first.span, op: cmp }, ...at(node) };
    }
    if (op && values[1]) {
      const cmp = op.image === "==" ? "=" : (op.image as "=" | "!=" | "<" | ">" | "<=" | ">=");
      return { kind: "compare", field: first.text, fieldSpan: first.span, op: cmp, value: values[1], ...at(node) };
    }
    if (childTok(node, "In")) {
      return { kind: "in", field: first.text, fieldSpan: first.span, values: values.slice(1), ...at(node) };
    }
    return { kind: "term", value: first, ...at(node) };
  }

  searchValue(node: CstNode): SearchValue {
    const str = childTok(node, "StringLiteral") ?? childTok(node, "QuotedName");
    if (str) return { text: unquote(str.image), quoted: true, ...at(node) };
    const dir = node.children.directive?.[0];
    if (dir && !isToken(dir)) return { text: this.directive(dir), quoted: false, ...at(node) };
    return { text: this.word(child(node, "word")), quoted: false, ...at(node) };
  }

  /** The directive as written, with a quoted inner value unquoted: `CASE(x)`. */
  directive(node: CstNode): string {
    const name = childTok(node, "Identifier")?.image ?? "";
    const str = childTok(node, "StringLiteral");
    return `${name}(${str ? unquote(str.image) : this.word(child(node, "word"))})`;
  }

  // ---------- eval / where expressions ----------

  assignments(node: CstNode): CommandArg[] {
    const targets = children(node, "assignTarget");
    const exprs = children(node, "expression");
    return targets.map((n, i) => {
      const e = this.expression(exprs[i] as CstNode);
      return { kind: "assign", field: this.assignTarget(n), fieldSpan: spanOf(n), expr: e, span: spanOf(n) };
    });
  }

  assignTarget(node: CstNode): string {
    const quoted = childTok(node, "QuotedName") ?? childTok(node, "StringLiteral");
    return quoted ? unquote(quoted.image) : this.word(child(node, "word"));
  }

  /**
   * OR and XOR share one grammar level (the OrOp token category), but XOR binds last: "The order
   * in which Boolean expressions are evaluated with the where command is: NOT, AND, OR, XOR"
   * (Search Reference, where). So the ORs between two XORs fold first, then the XORs, left to right.
   */
  expression(node: CstNode): Expr {
    const operands = children(node, "andExpr").map((c) => this.andExpr(c));
    const ops = childToks(node, "OrOp").map((t) => t.image.toUpperCase() as BinaryOp);
    const segments: Expr[] = [];
    let acc = operands[0] as Expr;
    ops.forEach((op, i) => {
      const right = operands[i + 1] as Expr;
      if (op === "XOR") {
        segments.push(acc);
        acc = right;
      } else acc = binary("OR", acc, right);
    });
    segments.push(acc);
    return segments.reduce((l, r) => binary("XOR", l, r));
  }

  andExpr(node: CstNode): Expr {
    return this.chain(node, "notExpr", "And", (c) => this.notExpr(c));
  }

  notExpr(node: CstNode): Expr {
    const inner = node.children.notExpr?.[0];
    if (inner && !isToken(inner)) return { kind: "unary", op: "NOT", operand: this.notExpr(inner), ...at(node) };
    return this.comparison(child(node, "comparison"));
  }

  comparison(node: CstNode): Expr {
    const sides = children(node, "additive").map((c) => this.additive(c));
    const left = sides[0] as Expr;
    const op = childTok(node, "ComparisonOp") ?? childTok(node, "Like");
    if (op && sides[1]) {
      const o = op.image.toUpperCase() as BinaryOp;
      return { kind: "binary", op: o, left, right: sides[1], ...at(node) };
    }
    if (childTok(node, "In") || childTok(node, "Identifier")) {
      return { kind: "in", subject: left, values: children(node, "expression").map((e) => this.expression(e)), ...at(node) };
    }
    return left;
  }

  additive(node: CstNode): Expr {
    return this.chain(node, "multiplicative", "AdditiveOp", (c) => this.multiplicative(c));
  }

  multiplicative(node: CstNode): Expr {
    return this.chain(node, "unary", "MultiplicativeOp", (c) => this.unary(c));
  }

  unary(node: CstNode): Expr {
    const inner = node.children.unary?.[0];
    if (inner && !isToken(inner)) {
      const operand = this.unary(inner);
      // A unary plus changes nothing: the operand itself, spanning the `+` too.
      return childTok(node, "Plus") ? { ...operand, ...at(node) } : { kind: "unary", op: "-", operand, ...at(node) };
    }
    return this.primary(child(node, "primary"));
  }

  primary(node: CstNode): Expr {
    const num = childTok(node, "Number");
    if (num) {
      const value = Number(num.image);
      return String(value) === num.image ? { kind: "literal", value, ...at(node) } : { kind: "literal", value, raw: num.image, ...at(node) };
    }
    const str = childTok(node, "StringLiteral");
    if (str) return { kind: "literal", value: unquote(str.image), ...at(node) };
    const paren = node.children.expression?.[0];
    if (paren && !isToken(paren)) return this.expression(paren);
    const call = node.children.functionCall?.[0];
    if (call && !isToken(call)) return this.functionCall(call);
    const sub = node.children.subsearch?.[0];
    if (sub && !isToken(sub)) return { kind: "subsearch", pipeline: this.subsearch(sub).pipeline, ...at(node) };
    return this.fieldName(child(node, "fieldName"));
  }

  functionCall(node: CstNode): Expr {
    const nameTok = childTok(node, "Identifier") ?? childTok(node, "In") ?? childTok(node, "Like");
    if (!nameTok) throw new Error("internal: call without name");
    const args = children(node, "expression").map((e) => this.expression(e));
    return { kind: "call", name: nameTok.image, nameSpan: tokSpan(nameTok), args, ...at(node) };
  }

  fieldName(node: CstNode): Expr & { kind: "field" } {
    const quoted = childTok(node, "QuotedName");
    const name = quoted ? unquote(quoted.image) : tokensOf(node).map((t) => t.image).join("");
    return { kind: "field", name, ...at(node) };
  }

  /** Left-associative operator chains: operands and operator tokens interleave in stream order. */
  private chain(node: CstNode, operand: string, opName: string, visit: (c: CstNode) => Expr): Expr {
    const operands = children(node, operand);
    const ops = childToks(node, opName);
    let acc = visit(operands[0] as CstNode);
    for (let i = 0; i < ops.length; i++) {
      const right = visit(operands[i + 1] as CstNode);
      const op = (ops[i] as { image: string }).image.toUpperCase() as BinaryOp;
      acc = binary(op, acc, right);
    }
    return acc;
  }
}

/** `left op right`, spanning both (the right end only when it is in the same source text). */
function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  const end = Math.max(left.span.end, right.span.source === left.span.source ? right.span.end : left.span.end);
  return { kind: "binary", op, left, right, span: { ...left.span, end }, ...(left.origin ? { origin: left.origin } : {}) };
}

/** The shared AST builder. */
export const astBuilder = new AstBuilder();
