/**
 * What the server loaded for every document: the macro table (built-ins, then the configured
 * files, later wins) and the events (lsp-data.ts: loaded in a worker thread in the background, the
 * fields completion offers and the data "Run detection" searches). Problems reading them are
 * logged, never fatal: a server without macros or data still checks and completes searches.
 */
import { builtinMacros, loadMacroFiles, type MacroTable } from "../index.js";
import { LspData, type LspDataDeps } from "./lsp-data.js";
import { isInside, type LspOptions } from "./lsp-options.js";

export class LspWorkspace {
  private table: MacroTable | null = null;
  readonly data: LspData;

  constructor(
    readonly options: LspOptions,
    private readonly log: (message: string) => void,
    data: Omit<LspDataDeps, "log">,
  ) {
    this.data = new LspData(options, { ...data, log });
  }

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
    return isInside(path, this.options.macros);
  }

  /** Field names of the loaded events: none before the first load ends, never a wait. */
  fields(): readonly string[] {
    return this.data.fields;
  }
}
