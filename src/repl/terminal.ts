/**
 * The REPL on node:readline: prompts (only on a terminal), continuation lines, completion,
 * history, and Ctrl-C. Lines are read with the async iterator, so lines piped in while a search
 * runs wait their turn and scripts run in order. Ctrl-C cancels a running search (it ends with
 * `error[cancelled]`; the engine's worker is replaced only if it does not stop within 2 s),
 * otherwise drops the line being typed; Ctrl-D or `.exit` leaves.
 */
import { createInterface, type Interface } from "node:readline";
import { complete } from "./completion.js";
import { LineAccumulator } from "./continuation.js";
import type { ReplEngine } from "./engine-client.js";
import { HistoryFile, collapseEntry, entryLine } from "./history.js";
import type { Repl, ReplIo } from "./repl.js";

export interface TerminalOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** True when both ends are a terminal: prompts, raw-mode keys, completion and history. */
  readonly terminal: boolean;
  readonly history: HistoryFile;
}

const PROMPT = "minispl> ";
const MORE = "     ... ";

export async function runTerminal(repl: Repl, engine: ReplEngine, io: ReplIo, opts: TerminalOptions): Promise<void> {
  const acc = new LineAccumulator();
  const rl: Interface = createInterface({
    input: opts.input,
    output: opts.output,
    terminal: opts.terminal,
    history: opts.terminal ? opts.history.load() : [],
    historySize: 1000,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(line, repl.catalog, acc.pendingText),
    prompt: PROMPT,
  });
  let busy = false;
  /** The engine's restart after a cancel; the next prompt waits for it so output stays in order. */
  let cancelling: Promise<void> | null = null;
  const onInterrupt = (): void => {
    if (busy) {
      if (cancelling || !engine.cancellable) return;
      io.err("\ncancelling…\n");
      cancelling = engine.cancel((line) => io.err(`reloading: ${line}\n`)).finally(() => {
        cancelling = null;
      });
      return;
    }
    if (acc.pending || rl.line !== "") {
      acc.reset();
      rl.write("", { ctrl: true, name: "u" });
      io.out("^C\n");
    } else io.out("\n(To exit, press Ctrl-D or type .exit)\n");
    rl.setPrompt(PROMPT);
    rl.prompt();
  };
  rl.on("SIGINT", onInterrupt);
  // Without a terminal, Ctrl-C arrives as a signal (e.g. `kill -INT`): cancel a search, else leave.
  const onSignal = (): void => (busy ? onInterrupt() : rl.close());
  if (!opts.terminal) process.on("SIGINT", onSignal);

  const run = async (entry: string): Promise<boolean> => {
    if (opts.terminal) {
      // readline kept each typed line as an entry of its own: make the search one entry (Up recalls it whole).
      const live = (rl as unknown as { history?: string[] }).history;
      if (live) collapseEntry(live, entry);
      opts.history.append(entryLine(entry));
    }
    busy = true;
    try {
      return (await repl.handle(entry)) === "exit";
    } finally {
      if (cancelling) await cancelling;
      busy = false;
    }
  };

  if (opts.terminal) rl.prompt();
  let exited = false;
  for await (const line of rl) {
    const entry = acc.push(line);
    if (entry !== null && (await run(entry))) {
      exited = true;
      break;
    }
    if (opts.terminal) {
      rl.setPrompt(acc.pending ? MORE : PROMPT);
      rl.prompt();
    }
  }
  // Ctrl-D leaves the cursor after the prompt; end that line before the shell's prompt comes back.
  if (!exited && opts.terminal) io.out("\n");
  // End of input: a script's last search is run even when it was left open.
  const rest = exited ? null : acc.flush();
  if (rest !== null) await run(rest);
  rl.close();
  if (!opts.terminal) process.off("SIGINT", onSignal);
}
