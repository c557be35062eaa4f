/**
 * Typed nodes of one command group. Lookup commands: lookup, inputlookup, outputlookup.
 * Each group lives in its own file so groups can grow independently; `Command` in commands.ts is
 * the union of all groups.
 */
import type { Span } from "../source/source-text.js";
import type { MacroFrame } from "../diagnostics/diagnostic.js";
import type { SearchExpr } from "./nodes.js";

/** `<lookup-field> [AS <event-field>]` or `<lookup-destfield> [AS <event-destfield>]`. */
export interface LookupFieldPair {
  /** The field in the lookup table. */
  readonly lookupField: string;
  /** The field in the events (defaults to the lookup field's name). */
  readonly eventField: string;
  readonly span: Span;
}

/** `lookup [local=] [update=] <table> <field> [AS <event-field>]… [OUTPUT|OUTPUTNEW <field> [AS <new>]…]`. */
export interface FieldLookupCommand {
  readonly kind: "lookup";
  readonly span: Span;
  readonly table: string;
  readonly tableSpan: Span;
  /** The macro expansion the command came from, for run-time diagnostics' backtrace. */
  readonly origin?: MacroFrame;
  readonly inputs: readonly LookupFieldPair[];
  /** `all`: no OUTPUT clause, every table field but the input fields is output (and overwrites). */
  readonly mode: "output" | "outputnew" | "all";
  readonly outputs: readonly LookupFieldPair[];
}

/** `inputlookup [append=] [strict=] [start=] [max=] <table> [WHERE <search>]`. */
export interface InputlookupCommand {
  readonly kind: "inputlookup";
  readonly span: Span;
  readonly table: string;
  readonly tableSpan: Span;
  /** The macro expansion the command came from, for run-time diagnostics' backtrace. */
  readonly origin?: MacroFrame;
  readonly append: boolean;
  readonly strict: boolean;
  readonly start: number;
  readonly max: number;
  readonly where: SearchExpr | null;
}

/** `outputlookup [append=] [create_empty=] [override_if_empty=] [max=] <table>`. */
export interface OutputlookupCommand {
  readonly kind: "outputlookup";
  readonly span: Span;
  readonly table: string;
  readonly tableSpan: Span;
  /** The macro expansion the command came from, for run-time diagnostics' backtrace. */
  readonly origin?: MacroFrame;
  readonly append: boolean;
  readonly createEmpty: boolean;
  readonly overrideIfEmpty: boolean;
  /** Row limit; null for none. */
  readonly max: number | null;
}

/** The union of this group's typed command nodes. */
export type LookupCommand = FieldLookupCommand | InputlookupCommand | OutputlookupCommand;
