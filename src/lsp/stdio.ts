/**
 * `minispl lsp --stdio`: the server on this process's stdin/stdout. Resolves with the exit code
 * when the client sends `exit` (0 after `shutdown`, else 1) or closes stdin, or when the client
 * process named by `--clientProcessId` is gone (checked every 3 s, as vscode-languageserver does).
 * Nothing else may write to stdout: it carries the protocol.
 */
import { startLspServer } from "./server.js";
import type { LspOptions } from "./lsp-options.js";

export interface StdioOptions extends LspOptions {
  readonly version?: string;
  readonly clientProcessId?: number;
  /** Each run's wall-time budget (`--timeout`). */
  readonly timeoutMs?: number;
}

export function serveStdio(opts: StdioOptions): Promise<number> {
  return new Promise((resolveExit) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      if (timer) clearInterval(timer);
      Object.assign(console, saved);
      void server.dispose();
      process.stdin.destroy();
      resolveExit(code);
    };
    // stdout carries the protocol: a stray console.log (a dependency's) would corrupt it.
    const saved = { log: console.log, info: console.info, debug: console.debug };
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    const server = startLspServer(process.stdin, process.stdout, { ...opts, onExit: finish });
    process.stdin.on("end", () => finish(server.shutdownReceived ? 0 : 1));
    const pid = opts.clientProcessId;
    if (pid !== undefined) {
      timer = setInterval(() => {
        if (!alive(pid)) finish(server.shutdownReceived ? 0 : 1);
      }, 3000);
      timer.unref();
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
