/**
 * A depth limit on the syntax tree, checked without recursion. Operator chains are loops in the
 * parser but left-deep trees in the AST (`1+1+…+1` with n operands is n-1 levels deep), and the
 * later stages (check, plan, compile, print) walk the tree recursively: ~5,000 levels overflowed
 * the stack in `check` (issue 10). The deepest ESCU tree is 33 nodes; 1,000 keeps 30× headroom and
 * stays 5× below the overflow.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Pipeline } from "../ast/nodes.js";
import type { Span } from "../source/source-text.js";
import type { MacroFrame } from "../diagnostics/diagnostic.js";

export const MAX_AST_DEPTH = 1000;

type Node = { readonly kind: string; readonly span?: Span; readonly origin?: MacroFrame };

/** A `too-deep` diagnostic at the first node found deeper than `limit` (nodes are objects with a `kind`). */
export function checkAstDepth(pipeline: Pipeline, limit = MAX_AST_DEPTH): Diagnostic | null {
  const over = walk(pipeline, limit).over;
  return over ? tooDeep(over, limit) : null;
}

/** The depth of the deepest node (for tests and for measuring ESCU). */
export function astDepth(pipeline: Pipeline): number {
  return walk(pipeline, Number.POSITIVE_INFINITY).max;
}

function walk(root: Pipeline, limit: number): { max: number; over?: Node } {
  const stack: [unknown, number][] = [[root, 0]];
  let max = 0;
  while (stack.length > 0) {
    const [value, above] = stack.pop() as [unknown, number];
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === "object") stack.push([v, above]);
      continue;
    }
    const obj = value as Record<string, unknown>;
    const depth = above + (typeof obj.kind === "string" ? 1 : 0);
    if (depth > limit) return { max: depth, over: obj as Node };
    max = Math.max(max, depth);
    for (const key in obj) {
      const v = obj[key];
      if (v === null || typeof v !== "object") continue;
      // Positions and macro frames are not tree structure.
      if (key === "origin" || key === "span" || key.endsWith("Span")) continue;
      stack.push([v, depth]);
    }
  }
  return { max };
}

function tooDeep(node: Node, limit: number): Diagnostic {
  return diag("too-deep", { what: "expressions and operator chains", limit }, node.span, {
    ...(node.origin ? { origin: node.origin } : {}),
    hints: ["a chain of n operators is n levels deep; split the expression over several eval assignments"],
  });
}
