/**
 * Diagnostics are data: a code, a span, a message and hints. Stages collect them in a bag and return
 * them; only internal bugs throw.
 */
import type { Span } from "../source/source-text.js";
import { CODES, type DiagnosticCode, type DiagnosticParams } from "./codes.js";

/** Where a span came from when it lies inside a macro body: the macro and the call site. */
export interface MacroFrame {
  readonly macro: string;
  readonly callSpan: Span;
  readonly parent?: MacroFrame;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  /** The typed parameters the message was made from (names of commands, functions, macros…). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly span?: Span;
  readonly origin?: MacroFrame;
  readonly hints: readonly string[];
}

/** Builds a diagnostic with a message formatted from the code's table entry. */
export function diag<C extends DiagnosticCode>(
  code: C,
  params: DiagnosticParams<C>,
  span?: Span,
  extra: { hints?: readonly string[]; origin?: MacroFrame; severity?: "error" | "warning" } = {},
): Diagnostic {
  const fmt = CODES[code].format as (p: DiagnosticParams<C>) => string;
  return {
    code,
    params: params as Readonly<Record<string, unknown>>,
    severity: extra.severity ?? "error",
    message: fmt(params),
    ...(span ? { span } : {}),
    ...(extra.origin ? { origin: extra.origin } : {}),
    hints: extra.hints ?? [],
  };
}

/** Collects diagnostics of one run; de-duplicates identical code+span pairs. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(d: Diagnostic): void {
    const key = `${d.code}@${d.span?.source}:${d.span?.start}:${d.span?.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) this.add(d);
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** A fatal error raised while executing; carries a code and span like any diagnostic. */
export class SplRuntimeError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "SplRuntimeError";
  }
}
