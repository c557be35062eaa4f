/**
 * Starts `minispl web` from the command's options: the macros and detections read here (the
 * language services and the detections tab need them), the events in the engine's worker, then
 * the server on 127.0.0.1. Tests call it in-process with port 0.
 */
import type { CommonOptions } from "../cli/options.js";
import { EXIT } from "../cli/exit-codes.js";
import { loadMacros } from "../cli/load-files.js";
import { parseAttackDataMaps } from "../cli/test-attack-data.js";
import { listDetections } from "./detection-list.js";
import { startWebServer, type RunningServer } from "./server.js";
import { WebEngine } from "./web-engine.js";

export interface WebOptions extends CommonOptions {
  /** 0: any free port. */
  port: number;
  /** `--attack-data <dir>`: the detections tab's "Run tests" finds attack_data files here, as `minispl test` does. */
  attackData?: string;
  /** `--attack-data-map <url-prefix=dir>` values. */
  attackDataMap?: string[];
}

export interface ServeExtras {
  /** The engine worker's script (tests running the sources pass dist/web/web-engine.js). */
  readonly workerUrl?: URL;
  /** The built app (default: dist/web/app). */
  readonly appDir?: string | null;
}

export async function serveWeb(opts: WebOptions, extras: ServeExtras = {}): Promise<RunningServer> {
  const maps = parseAttackDataMaps(opts.attackDataMap ?? []);
  if ("error" in maps) throw new Error(maps.error);
  let warnings = "";
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) warnings += `warning: ${e}\n`;
  const detections = listDetections(opts.detections ?? [], (s) => void (warnings += s));
  const engine = new WebEngine(opts, extras.workerUrl);
  try {
    return await startWebServer({ engine, macros: macros.table, detections, warnings, ...(extras.appDir !== undefined ? { appDir: extras.appDir } : {}) }, opts.port);
  } catch (e) {
    await engine.close();
    throw e;
  }
}

/** The command: serves until Ctrl-C (or SIGTERM), then closes the server and the engine. */
export async function webCommand(opts: WebOptions): Promise<number> {
  let server: RunningServer;
  try {
    server = await serveWeb(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "EADDRINUSE" ? `port ${opts.port} is in use (choose another with --port, or 0 for any free one)` : err.message;
    process.stderr.write(`error: minispl web: ${why}\n`);
    return EXIT.input;
  }
  // As `minispl search` loads: the load summary and warnings, or why loading failed (exit 3).
  const ready = await server.ready;
  if (!opts.quiet || !ready.ok) process.stderr.write(ready.log);
  if (!ready.ok) {
    await server.close();
    return EXIT.input;
  }
  process.stderr.write(`minispl web: ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  return EXIT.ok;
}
