/**
 * The syntax tree the parser produces: a pipeline of commands in one generic shape (name, options,
 * positionals, BY list, AS renames, and the bodies of search/eval/where), plus the two expression
 * languages: eval/where expressions and search expressions. Commands are given their typed form by
 * their registry entry (src/commands), not by the grammar.
 */
import type { Span } from "../source/source-text.js";
import type { MacroFrame } from "../diagnostics/diagnostic.js";

/** Fields every node has: where it is and, when it came from a macro, the expansion frame. */
export interface NodeBase {
  readonly span: Span;
  readonly origin?: MacroFrame;
}

// ---------- eval / where expressions ----------

/** A string or number literal (`"abc"`, `42`). */
export interface ExprLiteral extends NodeBase {
  readonly kind: "literal";
  readonly value: string | number;
  /** A number's text when it says more than the value (`8.250`, `0.20`): its precision (values/numeric-precision.ts). */
  readonly raw?: string;
}
/** A field reference (`process_name`, `'Processes.dest'`). */
export interface ExprField extends NodeBase {
  readonly kind: "field";
  readonly name: string;
}
/** A function call (`lower(x)`). */
export interface ExprCall extends NodeBase {
  readonly kind: "call";
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
}
export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%" | "."
  | "=" | "==" | "!=" | "<" | ">" | "<=" | ">="
  | "AND" | "OR" | "XOR" | "LIKE";
/** A binary operation (`a + b`, `x = "y"`, `a AND b`). */
export interface ExprBinary extends NodeBase {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** `NOT x` or `-x`. */
export interface ExprUnary extends NodeBase {
  readonly kind: "unary";
  readonly op: "NOT" | "-";
  readonly operand: Expr;
}
/** `x IN ("a", "b")` — no wildcards in eval (spl-semantics.md §5.1). */
export interface ExprIn extends NodeBase {
  readonly kind: "in";
  readonly subject: Expr;
  readonly values: readonly Expr[];
}
/**
 * `[ subsearch ]` in an expression (`eval nextid = 1 + [search user=* | return $id]`, return
 * reference): eval runs it and puts its search text in its place (commands/eval-subsearch.ts).
 */
export interface ExprSubsearch extends NodeBase {
  readonly kind: "subsearch";
  readonly pipeline: Pipeline;
}
/** Placeholder left where a subexpression failed to parse, so checking can go on. */
export interface ExprError extends NodeBase {
  readonly kind: "error";
}
export type Expr = ExprLiteral | ExprField | ExprCall | ExprBinary | ExprUnary | ExprIn | ExprSubsearch | ExprError;

// ---------- search expressions ----------

/** A value in a search: a bare word (may hold `*` wildcards) or a quoted string. */
export interface SearchValue extends NodeBase {
  readonly text: string;
  readonly quoted: boolean;
}
/** `field=value`, `field!=value`, `field<value`… The value is always a literal (§5.3). */
export interface SearchCompare extends NodeBase {
  readonly kind: "compare";
  readonly field: string;
  readonly fieldSpan: Span;
  readonly op: "=" | "!=" | "<" | ">" | "<=" | ">=";
  readonly value: SearchValue;
}
/** A free-text term matched against `_raw`. */
export interface SearchTerm extends NodeBase {
  readonly kind: "term";
  readonly value: SearchValue;
}
/** `field IN (v1, v2*)`. */
export interface SearchIn extends NodeBase {
  readonly kind: "in";
  readonly field: string;
  readonly fieldSpan: Span;
  readonly values: readonly SearchValue[];
}
export interface SearchAnd extends NodeBase {
  readonly kind: "and";
  readonly items: readonly SearchExpr[];
}
export interface SearchOr extends NodeBase {
  readonly kind: "or";
  readonly items: readonly SearchExpr[];
}
export interface SearchNot extends NodeBase {
  readonly kind: "not";
  readonly operand: SearchExpr;
}
/** `[ subsearch ]` inside a search expression. */
export interface SearchSubsearch extends NodeBase {
  readonly kind: "subsearch";
  readonly pipeline: Pipeline;
  /** `field=[ subsearch ]`: the subsearch's text is the value compared (format reference, example 5). */
  readonly compare?: { readonly field: string; readonly fieldSpan: Span; readonly op: SearchCompare["op"] };
}
export type SearchExpr = SearchCompare | SearchTerm | SearchIn | SearchAnd | SearchOr | SearchNot | SearchSubsearch;

// ---------- commands ----------

/** An argument value of a generic command. */
export type ArgValue =
  | { readonly kind: "word"; readonly text: string; readonly span: Span }
  | { readonly kind: "string"; readonly text: string; readonly span: Span }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly ArgValue[]; readonly span: Span }
  /** `text`: the expression as written, where it names a result (`count(eval(a>1))`). */
  | { readonly kind: "expr"; readonly expr: Expr; readonly span: Span; readonly text?: string }
  /** `key=(search terms)` — a parenthesised option value (transaction's startswith/endswith). */
  | { readonly kind: "search"; readonly expr: SearchExpr; readonly span: Span }
  | { readonly kind: "subsearch"; readonly pipeline: Pipeline; readonly span: Span };

export type CommandArg =
  /** `key=value` */
  /** `key=value`; `op: "!="` for `key!=value`, which only regex accepts (executor/check.ts). */
  | { readonly kind: "option"; readonly key: string; readonly keySpan: Span; readonly value: ArgValue; readonly op?: "!="; readonly span: Span }
  /** A positional value, optionally renamed: `min(_time) AS firstTime`. */
  | { readonly kind: "positional"; readonly value: ArgValue; readonly alias?: { readonly name: string; readonly span: Span }; readonly span: Span }
  /** `BY a, b` */
  | { readonly kind: "by"; readonly fields: readonly { readonly name: string; readonly span: Span }[]; readonly span: Span }
  /** `WHERE <search expression>` (tstats). */
  | { readonly kind: "where"; readonly expr: SearchExpr; readonly span: Span }
  /** The body of `search`. */
  | { readonly kind: "search"; readonly expr: SearchExpr | null; readonly span: Span }
  /** One `field = expr` of `eval`. */
  | { readonly kind: "assign"; readonly field: string; readonly fieldSpan: Span; readonly expr: Expr; readonly span: Span }
  /** The expression of `where`. */
  | { readonly kind: "expr"; readonly expr: Expr; readonly span: Span };

/** A command as written: `| name args…`. */
export interface CommandNode extends NodeBase {
  readonly kind: "command";
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly CommandArg[];
  /** True for the implicit search before the first pipe. */
  readonly implicit: boolean;
}

export interface Pipeline extends NodeBase {
  readonly kind: "pipeline";
  readonly commands: readonly CommandNode[];
}
