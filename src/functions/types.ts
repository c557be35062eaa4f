/**
 * Eval/where function definitions as data: signature, docs and examples (the REPL's help reads
 * them) and a null-safe implementation over evaluated arguments.
 */
import type { Expr } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LookupStore } from "../lookups/store.js";
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
  /** The search's lookups, for the lookup() eval function; absent outside a search. */
  readonly lookups?: LookupStore;
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
  readonly category:
    | "bitwise" | "comparison" | "conversion" | "cryptographic" | "datetime" | "informational" | "json" | "math"
    | "multivalue" | "statistical" | "string" | "text" | "trig";
  readonly minArgs: number;
  /** Infinity for variadic. */
  readonly maxArgs: number;
  readonly examples: readonly FunctionExample[];
  impl(args: readonly EvalValue[], ctx: FnContext): EvalValue;
  /**
   * Checks the written arguments before the search runs, for rules Splunk enforces on the text of
   * the call rather than on values, e.g. sum()/avg() refuse a quoted string literal ("returns an
   * error because one of the arguments in the function is a string"). Returns the problem and the
   * argument it is about, or null.
   */
  checkArgs?(args: readonly Expr[]): { readonly message: string; readonly at: Expr } | null;
  /**
   * Hand a number argument as eval stores it, trailing zeros of its precision kept as text
   * (values/numeric-precision.ts `storedNumber`), instead of as the double: `tostring(3.50)` is
   * "3.50", as `eval x=3.50` stores "3.50". Other functions get the double (rounded the same way).
   */
  readonly numbersAsStored?: boolean;
  /**
   * An implementation for these written arguments, when how an argument is written decides the
   * answer: a quoted string literal is a String even when it reads as a number (Informational
   * functions: `isnum("NaN")` is false, while a field holding "NaN" is a number). Called once per
   * call site, when the expression is compiled; null keeps `impl`.
   */
  specialize?(args: readonly Expr[]): FunctionDef["impl"] | null;
}
