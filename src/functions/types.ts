/**
 * Eval/where function definitions as data: signature, docs and examples (the REPL's help reads
 * them) and a null-safe implementation over evaluated arguments.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EvalValue, Value } from "../values/value.js";

/** What a function may read besides its arguments. */
export interface FnContext {
  /** "now" in epoch seconds: the time the search started, or `--now` when given. */
  readonly now: number;
  /** IANA zone used to render and parse times (`--tz`, default UTC). */
  readonly tz: string;
  /** Reports a warning for the search (e.g. a regular expression built from data that does not compile). */
  readonly warn?: (d: Diagnostic) => void;
  /**
   * Counts `work` units (rows scanned, values built) against the search's budget and, every few
   * thousand, checks its time, memory and cancellation; throws an SplRuntimeError
   * (`error[budget]`, `error[cancelled]`) when the search must end. Cheap enough for inner loops
   * that only see an FnContext (the store scan, long function calls). Absent outside a search.
   */
  readonly checkpoint?: (work: number) => void;
}

export interface FunctionExample {
  /** Eval assignments run before the example, e.g. `f=split("a,b", ",")` (for functions over fields). */
  readonly setup?: string;
  /** An eval expression, e.g. `lower("ABC")`. */
  readonly expr: string;
  /** Its result. */
  readonly result: Value | boolean;
}

export interface FunctionDef {
  readonly name: string;
  /** Signature as shown in help, e.g. `if(<condition>, <then>, <else>)`. */
  readonly signature: string;
  readonly summary: string;
  readonly category: "comparison" | "conversion" | "cryptographic" | "datetime" | "informational" | "math" | "multivalue" | "string" | "text" | "trig";
  readonly minArgs: number;
  /** Infinity for variadic. */
  readonly maxArgs: number;
  readonly examples: readonly FunctionExample[];
  impl(args: readonly EvalValue[], ctx: FnContext): EvalValue;
}
