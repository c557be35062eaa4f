/**
 * Test helper: calls a registered eval function's implementation directly on literal arguments,
 * with a fixed clock (2020-10-08T11:03:46.615Z) and zone, so no parser or evaluator is involved.
 */
import { lookupFunction } from "../../../src/functions/registry.js";
import type { Expr } from "../../../src/ast/nodes.js";
import type { FnContext } from "../../../src/functions/types.js";
import type { EvalValue } from "../../../src/values/value.js";

export const CTX: FnContext = { now: 1602155026.615, tz: "UTC" };

/** Runs `name(...args)` in `ctx`; throws for an unknown name so a typo fails loudly. */
export function callIn(ctx: FnContext, name: string, ...args: EvalValue[]): EvalValue {
  const def = lookupFunction(name);
  if (!def) throw new Error(`no function ${name}`);
  return def.impl(args, ctx);
}

/** Runs `name(...args)` in the default test context (UTC). */
export function call(name: string, ...args: EvalValue[]): EvalValue {
  return callIn(CTX, name, ...args);
}

/**
 * Runs `name(...args)` with each argument written as a literal in the call, so the function's
 * `specialize` sees how it is written (`typeof("5")` is "String", a field holding "5" a Number).
 */
export function callWritten(name: string, ...args: (string | number)[]): EvalValue {
  const def = lookupFunction(name);
  if (!def) throw new Error(`no function ${name}`);
  const written: Expr[] = args.map((value) => ({ kind: "literal", value, span: { start: 0, end: 0, source: 0 } }));
  return (def.specialize?.(written) ?? def.impl)(args, CTX);
}
