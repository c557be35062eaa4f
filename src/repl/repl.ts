/**
 * The REPL's core, independent of the terminal: takes complete entries (a search or a dot
 * command), asks the engine, prints the answer with a footer (row count, elapsed time when
 * `.time on`), and keeps what completion needs. session.ts feeds it from node:readline.
 */
import { COMMANDS, DATAMODELS, FUNCTIONS, datamodelFieldNames } from "../index.js";
import type { CompletionCatalog } from "./completion.js";
import { DOT_COMMANDS, FORMATS, findDot, parseDot } from "./dot-commands.js";
import type { ReplFormat } from "./engine.js";
import { CancelledError, type ReplEngine } from "./engine-client.js";
import { helpText } from "./help.js";
import { renderInternal } from "../diagnostics/internal-error.js";
import { footer } from "./table-render.js";

export interface ReplIo {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  /** Terminal columns now (Infinity when not a terminal). */
  width(): number;
}

export interface ReplSettings {
  format: ReplFormat;
  time: boolean;
  /** `--debug`: an internal error shows its JavaScript stack. */
  debug?: boolean;
}

export type Outcome = "continue" | "exit";

export class Repl {
  private catalogCache: CompletionCatalog;

  constructor(
    private readonly engine: ReplEngine,
    private readonly io: ReplIo,
    readonly settings: ReplSettings,
  ) {
    this.catalogCache = staticCatalog([], []);
  }

  /** Names for tab completion (refreshed after each load). */
  get catalog(): CompletionCatalog {
    return this.catalogCache;
  }

  async refreshCatalog(): Promise<void> {
    const c = await this.engine.catalog();
    this.catalogCache = staticCatalog(c.macros, c.fields);
  }

  /**
   * Runs one complete entry. A cancelled search prints "cancelled" and the REPL goes on; so does
   * any other failure (a crashed engine worker, a bug), as one `error[internal]` line: a session's
   * state is worth more than the entry that failed.
   */
  async handle(entry: string): Promise<Outcome> {
    try {
      return await this.dispatch(entry.trim());
    } catch (e) {
      if (e instanceof CancelledError) {
        this.io.err("cancelled\n");
        return "continue";
      }
      this.io.err(renderInternal(e, "this entry", "running", { color: this.io.color, debug: this.settings.debug === true }));
      return "continue";
    }
  }

  private async dispatch(entry: string): Promise<Outcome> {
    if (entry === "") return "continue";
    const dot = parseDot(entry);
    if (!dot) {
      await this.search(entry);
      return "continue";
    }
    const { io } = this;
    switch (dot.name) {
      case ".exit":
      case ".quit":
        return "exit";
      case ".help":
        io.out(helpText(dot.arg, io.width()));
        break;
      case ".explain":
        if (dot.arg === "") io.err("usage: .explain <spl>\n");
        else this.print(await this.engine.explain(dot.arg, io.color));
        break;
      case ".load":
        await this.load(dot.arg);
        break;
      case ".macros":
        this.print(await this.engine.macros(dot.arg));
        break;
      case ".datamodels":
        this.print(await this.engine.datamodels(io.width(), io.color));
        break;
      case ".fields":
        this.print(await this.engine.fields(dot.arg, io.width(), io.color));
        break;
      case ".format":
        this.setFormat(dot.arg);
        break;
      case ".time":
        if (dot.arg === "on" || dot.arg === "off") this.settings.time = dot.arg === "on";
        else io.err(`usage: .time on|off (now ${this.settings.time ? "on" : "off"})\n`);
        break;
      default:
        io.err(`unknown command ${dot.name}; .help lists the commands\n`);
    }
    return "continue";
  }

  private setFormat(arg: string): void {
    const f = FORMATS.find((x) => x === arg);
    if (f) this.settings.format = f;
    else this.io.err(`usage: ${findDot(".format")?.usage ?? ".format"} (now ${this.settings.format})\n`);
  }

  async load(arg: string): Promise<void> {
    const paths = arg.split(/\s+/).filter(Boolean);
    if (paths.length === 0) {
      this.io.err("usage: .load <path>...\n");
      return;
    }
    this.print(await this.engine.load(paths, (line) => this.io.err(`${line}\n`)));
    await this.refreshCatalog();
  }

  private async search(spl: string): Promise<void> {
    const started = performance.now();
    const r = await this.engine.run({ spl, format: this.settings.format, width: this.io.width(), color: this.io.color });
    const elapsed = performance.now() - started;
    this.print(r);
    if (r.rows === undefined) return;
    // The footer goes with a table on stdout; after JSON/CSV it goes to stderr so stdout stays parseable.
    const line = `${footer(r.rows, this.settings.time ? elapsed : null)}\n`;
    if (this.settings.format === "table") this.io.out(line);
    else this.io.err(line);
  }

  private print(r: { out: string; err: string }): void {
    if (r.err) this.io.err(r.err);
    if (r.out) this.io.out(r.out);
  }
}

export function staticCatalog(macros: readonly string[], fields: readonly string[]): CompletionCatalog {
  return {
    dotCommands: DOT_COMMANDS.map((d) => d.name),
    commands: Object.keys(COMMANDS),
    functions: [...FUNCTIONS.keys()],
    macros,
    fields,
    datasets: DATAMODELS.flatMap((m) => m.datasets.map((d) => `${m.name}.${d.name}`)),
    datasetFields: datamodelFieldNames(),
    dotArgs: new Map(DOT_COMMANDS.filter((d) => d.choices).map((d) => [d.name, d.choices ?? []])),
  };
}
