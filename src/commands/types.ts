/**
 * The command registry contract: each command validates the generic shape into its typed node
 * (reporting diagnostics with spans) and plans it into an executable step.
 */
import type { Command, CommandKind, CommandOf } from "../ast/commands.js";
import type { CommandNode, Pipeline } from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FnContext } from "../functions/types.js";
import type { EventStore } from "../store/event-store.js";
import type { Table } from "../table/table.js";
import type { GeoIpDatabase } from "../geoip/geo.js";
import type { LookupStore, LookupWrite } from "../lookups/store.js";
import type { SearchBudget } from "../executor/budget.js";
import type { CsvFolder } from "../executor/csv-folder.js";

export interface CheckContext {
  report(d: Diagnostic): void;
  /** Position of the command in the pipeline (0 = first). */
  readonly index: number;
  /** Checks a nested pipeline (subsearch, template); its problems are reported here. Null on error. */
  checkPipeline(p: Pipeline): readonly Command[] | null;
}

export interface ExecContext {
  readonly store: EventStore;
  readonly fn: FnContext;
  warn(d: Diagnostic): void;
  /** Runs a checked nested pipeline (a subsearch) from an empty input, with the same store and clock. */
  run(commands: readonly Command[], input?: Table): Table;
  /**
   * Compiles and runs SPL text made at run time (`map`'s search with `$field$` filled in), with the
   * same macros, store and clock; errors are raised as SplRuntimeError.
   */
  runText(spl: string, input?: Table): Table;
  /**
   * Checks a pipeline built at run time without text (foreach's fast path, foreach.ts) as `runText`
   * checks its parse: the typed commands, or null when the check reports an error.
   */
  checkPipeline(p: Pipeline): readonly Command[] | null;
  /** Lookup definitions and tables (`lookup`, `inputlookup`, `outputlookup`); empty unless given. */
  readonly lookups: LookupStore;
  /**
   * Stores an `outputlookup` table: in `lookups`, and through ExecuteOptions.writeLookup when given
   * (the CLI writes a CSV file). Throws an Error when the write is refused.
   */
  writeLookup(write: LookupWrite): void;
  /** The GeoIP database for `iplocation` (ExecuteOptions.geoip); undefined when none was given. */
  readonly geoip?: GeoIpDatabase;
  /**
   * The search's time, row and memory budget and its cancellation (executor/budget.ts). The
   * executor checks it between commands; a command whose work is not bounded by its input
   * (makeresults, mvexpand, map, join) checks `rows()` before it allocates and `tick()`s in its loop.
   */
  readonly budget: SearchBudget;
  /**
   * `savedsearch`: runs the saved search (a loaded detection, ExecuteOptions.savedSearches) of that
   * name from an empty input, its text first passed through `substitute` (`$key$` replacements),
   * with its own macros and this search's store, clock and budget; errors in it are raised as
   * SplRuntimeError. Null when no saved search has that name.
   */
  savedSearch(name: string, substitute: (spl: string) => string): Table | null;
  /** Every saved search's name (for did-you-mean). */
  savedSearchNames(): readonly string[];
  /** The folder of inputcsv/outputcsv (ExecuteOptions.csv; else one in memory for this search). */
  readonly csv: CsvFolder;
  /**
   * The search's time range (`addinfo`): the base search's earliest=/latest= as epoch seconds,
   * -Infinity/+Infinity where unbounded. Absent outside executePlan (then all time).
   */
  readonly searchTime?: () => { readonly earliest: number; readonly latest: number };
}

/** One planned command: input table → output table. */
export type Step = (input: Table, ctx: ExecContext) => Table;

/**
 * The proof that an accepted option is honoured (options.test.ts checks each):
 * - `query` uses the option, `baseline` is the same search without it (or with its default), and
 *   their rows differ;
 * - or `query` uses an option that only a Splunk server could act on (a dispatch timeout, a
 *   cluster peer) and the run warns with `warning` that it has no effect here;
 * - or, `moot`, the option cannot change a result in minispl's model and this says why (tstats
 *   `summariesonly`: every event counts as summarised). The README lists these.
 */
export type OptionProof =
  | { readonly query: string; readonly baseline: string }
  | { readonly query: string; readonly warning: string }
  | { readonly moot: string };

export interface CommandDef<K extends CommandKind> {
  readonly kind: K;
  readonly summary: string;
  readonly usage: string;
  /** Runnable examples (the registry test runs each). */
  readonly examples: readonly string[];
  /** A generating command produces rows without input and must come first (`| tstats`, `| makeresults`). */
  readonly generating?: boolean;
  /**
   * Every `key=` option check() accepts (the names it passes to readOptions), each with its proof.
   * An option accepted without an entry here fails options.test.ts: never accept and ignore.
   */
  readonly options?: Readonly<Record<string, OptionProof>>;
  check(node: CommandNode, ctx: CheckContext): CommandOf<K> | null;
  plan(cmd: CommandOf<K>): Step;
}

export type CommandTable = { readonly [K in CommandKind]: CommandDef<K> };
