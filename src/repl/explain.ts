/**
 * What `.explain <spl>` and `minispl explain <spl>` print: the macro-expanded search text, the
 * parsed pipeline (canonical SPL, binary expressions parenthesised) and the logical plan (one node
 * per operator, with what pushdown gave the scan). Stops at the first stage that reports an error and
 * shows the diagnostics there, so a broken macro is explained as far as it got.
 */
import { COMMANDS, compile, printPipeline, printPlan, renderDiagnostic, type MacroTable } from "../index.js";

export interface ExplainOptions {
  readonly macros?: MacroTable;
  readonly color?: boolean;
}

export interface Explanation {
  /** The sections as text (ends with a newline). */
  readonly text: string;
  /** Rendered diagnostics (errors and warnings), each ending with a newline. */
  readonly diagnostics: string;
  /** False when a stage reported an error. */
  readonly ok: boolean;
}

type Token = { readonly image: string; readonly glued: boolean };

/** Tokens back to text: a space between tokens unless the lexer saw none. */
export function tokensText(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (i === 0 || t.glued ? t.image : ` ${t.image}`)).join("");
}

export function explainSearch(spl: string, opts: ExplainOptions = {}): Explanation {
  const res = compile(spl, { name: "query", ...(opts.macros ? { macros: opts.macros } : {}) });
  const diagnostics = res.diagnostics.map((d) => `${renderDiagnostic(d, res.sources, { color: opts.color ?? false })}\n`).join("");
  const ok = !res.diagnostics.some((d) => d.severity === "error");
  const out: string[] = ["expanded:", `  ${tokensText(res.tokens).replace(/\n/g, "\n  ")}`];
  const pipeline = res.pipeline;
  if (pipeline) out.push("", "pipeline:", ...pipeline.commands.map((c) => `  ${printPipeline({ ...pipeline, commands: [c] })}`));
  if (res.plan) {
    out.push("", "plan:", ...printPlan(res.plan.logical, (kind) => COMMANDS[kind as keyof typeof COMMANDS].summary));
  }
  return { text: `${out.join("\n")}\n`, diagnostics, ok };
}
