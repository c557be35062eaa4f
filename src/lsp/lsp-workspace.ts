/**
 * What the server loaded for every document: the macro table (built-ins, then the configured
 * files, later wins) and, on first need, the configured events (an in-memory Engine: the fields
 * completion offers and the data "Run detection" searches). Problems reading them are logged,
 * never fatal: a server without macros or data still checks and completes searches.
 */
import { resolve, sep } from "node:path";
import { builtinMacros, Engine, loadMacroFiles, type MacroTable } from "../index.js";
import type { LspOptions } from "./lsp-options.js";

export class LspWorkspace {
  private table: MacroTable | null = null;
  private engine: Engine | null = null;

  constructor(
    readonly options: LspOptions,
    private readonly log: (message: string) => void,
  ) {}

  /** The macros every search expands with. */
  get macros(): MacroTable {
    if (!this.table) {
      try {
        const loaded = loadMacroFiles(this.options.macros);
        for (const e of loaded.errors) this.log(`macros: ${e}`);
        this.table = builtinMacros().with(loaded.macros);
        if (this.options.macros.length) this.log(`loaded ${loaded.macros.length} macro definition(s) from ${this.options.macros.join(", ")}`);
      } catch (e) {
        // A missing path: the built-ins still expand, and the log says what to fix.
        this.log(`macros: ${(e as Error).message}`);
        this.table = builtinMacros();
      }
    }
    return this.table;
  }

  /** Reads the macro files again on the next use (one of them was saved). */
  reloadMacros(): void {
    this.table = null;
  }

  /** True when a path is one of the macro files or inside a macro folder. */
  isMacroFile(path: string): boolean {
    const file = resolve(path);
    return this.options.macros.map((m) => resolve(m)).some((m) => file === m || file.startsWith(`${m}${sep}`));
  }

  get hasData(): boolean {
    return this.options.data.length > 0;
  }

  /** The events, loaded once on first use (null when no data is configured). */
  events(): Engine | null {
    if (!this.hasData) return null;
    if (!this.engine) {
      const engine = new Engine();
      try {
        engine.loadData(this.options.data);
        const skipped = engine.lastReport?.skipped ?? [];
        this.log(`loaded ${engine.store.length} event(s) from ${this.options.data.join(", ")}${skipped.length ? `; ${skipped.length} record(s) skipped` : ""}`);
        for (const s of skipped.slice(0, 10)) this.log(`data: ${s.file}:${s.line}: ${s.reason}`);
        // Nothing read and something refused (a missing path is one): a run would only say "0 results".
        if (engine.store.length === 0 && skipped.length > 0) {
          this.dataError = `cannot read the data (${this.options.data.join(", ")}): ${skipped.slice(0, 3).map((s) => `${s.file}: ${s.reason}`).join("; ")}`;
        }
      } catch (e) {
        // Kept empty rather than retried at every keystroke; the run says why it found nothing.
        this.dataError = `cannot read the data (${this.options.data.join(", ")}): ${(e as Error).message}`;
        this.log(this.dataError);
      }
      this.engine = engine;
    }
    return this.engine;
  }

  /** Why the configured data could not be read, if it could not. */
  dataError: string | null = null;

  /** Field names of the loaded events ([] without data). */
  fields(): readonly string[] {
    return this.events()?.store.fieldNames() ?? [];
  }
}
