/**
 * Custom vitest matchers for SPL:
 *   expect(q).toParse()                    — lex, expand and parse without diagnostics
 *   expect(q).toLog("unknown-command")     — compile reports that code (optionally at a span)
 *   expect(expr).printsAs("(1 + (2 * 3))") — eval expression precedence, via the printer
 */
import { expect } from "vitest";
import { compile, parseSearch } from "../../src/index.js";
import { printExpr } from "../../src/ast/print.js";

interface CustomMatchers<R = unknown> {
  toParse(): R;
  toLog(code: string, span?: { start: number; end: number }): R;
  printsAs(expected: string): R;
}

declare module "vitest" {
  interface Matchers<T = any> extends CustomMatchers<T> {}
}

expect.extend({
  toParse(received: string) {
    const r = parseSearch(received);
    const pass = r.diagnostics.length === 0 && r.pipeline !== null;
    return {
      pass,
      message: () => (pass ? `expected ${received} not to parse` : `expected ${received} to parse, got ${r.diagnostics.map((d) => `${d.code}: ${d.message}`).join("; ")}`),
    };
  },
  toLog(received: string, code: string, span?: { start: number; end: number }) {
    const r = compile(received);
    const hit = r.diagnostics.find((d) => d.code === code && (!span || (d.span?.start === span.start && d.span?.end === span.end)));
    return {
      pass: hit !== undefined,
      message: () => `expected ${received} to log ${code}${span ? ` at ${span.start}-${span.end}` : ""}, got ${JSON.stringify(r.diagnostics.map((d) => ({ code: d.code, span: d.span, message: d.message })))}`,
    };
  },
  printsAs(received: string, expected: string) {
    const r = parseSearch(`| eval x=${received}`);
    const arg = r.pipeline?.commands[0]?.args[0];
    const printed = arg?.kind === "assign" ? printExpr(arg.expr) : `<no parse: ${r.diagnostics.map((d) => d.message).join("; ")}>`;
    return { pass: printed === expected, message: () => `expected ${received} to print as ${expected}, got ${printed}` };
  },
});
