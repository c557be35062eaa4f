/**
 * The diagnostic table: every code, its family and how its message is formatted from typed
 * parameters. A typo in a code or a missing parameter is a compile error at the call site.
 *
 * Families: syntax (lexer/parser), macro (expansion), semantic (check/plan), runtime (execute),
 * input (data files and detection files).
 */

type Fmt<P> = { family: "syntax" | "macro" | "semantic" | "runtime" | "input"; format: (p: P) => string };

function code<P>(family: Fmt<P>["family"], format: (p: P) => string): Fmt<P> {
  return { family, format };
}

export const CODES = {
  "unterminated-string": code<{ quote: string }>("syntax", (p) => `unterminated string: missing closing ${p.quote}`),
  "unterminated-macro": code<Record<string, never>>("syntax", () => "unterminated macro call: missing closing `"),
  "unterminated-comment": code<Record<string, never>>("syntax", () => "unterminated comment: missing closing ```"),
  "unexpected-character": code<{ char: string }>("syntax", (p) => `unexpected character ${JSON.stringify(p.char)}`),
  "syntax-error": code<{ message: string }>("syntax", (p) => p.message),
  "empty-pipeline": code<Record<string, never>>("syntax", () => "empty search"),
  "too-deep": code<{ what: string; limit: number }>("syntax", (p) => `${p.what} nested deeper than ${p.limit} levels`),
  "too-long": code<{ limit: number }>(
    "syntax",
    (p) => `the search is longer than ${p.limit.toLocaleString("en-US")} tokens after macro expansion`,
  ),
  "more-problems": code<{ count: number; limit: number }>(
    "semantic",
    (p) => `${p.count} more problem${p.count === 1 ? "" : "s"} not shown (only the first ${p.limit} are reported)`,
  ),
  "unknown-macro": code<{ name: string; arity: number }>(
    "macro",
    (p) => `unknown macro \`${p.name}\`${p.arity > 0 ? ` with ${p.arity} argument${p.arity === 1 ? "" : "s"}` : ""}`,
  ),
  "macro-depth": code<{ name: string; limit: number }>(
    "macro",
    (p) => `macro expansion of \`${p.name}\` exceeds the depth limit of ${p.limit}`,
  ),
  "macro-cycle": code<{ chain: string }>("macro", (p) => `macro expansion cycle: ${p.chain}`),
  "macro-size": code<{ name: string; limit: string }>(
    "macro",
    (p) => `macro expansion passes ${p.limit} in total at \`${p.name}\``,
  ),
  "macro-args": code<{ name: string; message: string }>("macro", (p) => `macro \`${p.name}\`: ${p.message}`),
  "unknown-command": code<{ name: string }>("semantic", (p) => `unknown command "${p.name}"`),
  "unsupported-command": code<{ name: string; reason: string }>(
    "semantic",
    (p) => `command "${p.name}" is not supported: ${p.reason}`,
  ),
  "option-no-effect": code<{ command: string; option: string; reason: string }>(
    "semantic",
    (p) => `${p.command}: ${p.option}= has no effect in minispl: ${p.reason}`,
  ),
  "bad-argument": code<{ command: string; message: string; allowed?: readonly string[]; unsupported?: Readonly<Record<string, string>> }>("semantic", (p) => `${p.command}: ${p.message}`),
  "unknown-function": code<{ name: string }>("semantic", (p) => `unknown function "${p.name}"`),
  "unsupported-function": code<{ name: string; reason: string }>(
    "semantic",
    (p) => `function ${p.name}() is not supported: ${p.reason}`,
  ),
  "function-arity": code<{ name: string; expected: string; got: number }>(
    "semantic",
    (p) => `function ${p.name}() takes ${p.expected} argument(s), got ${p.got}`,
  ),
  "unknown-aggregate": code<{ name: string }>("semantic", (p) => `unknown aggregate function "${p.name}"`),
  "unknown-datamodel": code<{ name: string }>("semantic", (p) => `unknown datamodel "${p.name}"`),
  "runtime-error": code<{ message: string }>("runtime", (p) => p.message),
  "unknown-field": code<{ command: string; field: string }>("runtime", (p) => `${p.command}: no event or result has the field "${p.field}"`),
  "unknown-value": code<{ field: string; value: string }>("runtime", (p) => `search: no loaded event has ${p.field}="${p.value}"`),
  "value-too-large": code<{ what: string; limit: string }>("runtime", (p) => `${p.what} would be larger than ${p.limit}`),
  "budget": code<{ budget: "time" | "rows" | "memory"; limit: string; message: string }>("runtime", (p) => p.message),
  "cancelled": code<{ by: string }>("runtime", (p) => `the search was cancelled (${p.by})`),
  "internal": code<{ stage: string; message: string; stack?: string }>(
    "runtime",
    (p) => `internal error while ${p.stage} the search: ${p.message}`,
  ),
  "bad-record": code<{ message: string }>("input", (p) => p.message),
  "bad-detection": code<{ message: string }>("input", (p) => p.message),
} as const;

export type DiagnosticCode = keyof typeof CODES;
export type DiagnosticParams<C extends DiagnosticCode> = (typeof CODES)[C] extends Fmt<infer P> ? P : never;
