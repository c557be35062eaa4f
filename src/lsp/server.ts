/**
 * The language server: one connection over a pair of streams (stdin/stdout for `minispl lsp
 * --stdio`, in-memory streams in tests), the open documents, and the handlers, each a function of
 * a document and the workspace (macros, data). Diagnostics are published on every change; a
 * saved macro file reloads the macros and re-checks every open document. The data loads in a
 * worker thread from `initialized` on (lsp-data.ts) and "Run detection" runs there, so every
 * request is answered while they go on; a saved data file reloads the data.
 *
 * Built on vscode-languageserver's protocol-neutral connection with our own exit handling: the
 * package's Node entry point calls process.exit on `exit` and when its input ends, and polls the
 * client's process id with a timer that is never cleared. Here `exit` calls `onExit`, and the
 * caller (src/lsp/stdio.ts for the CLI, the tests) decides what ending means.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createConnection } from "vscode-languageserver/lib/common/server.js";
import {
  createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, ErrorCodes, LSPErrorCodes, MessageType, ShowMessageNotification, type CancellationToken, type InitializeResult,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AsyncEngine } from "../index.js";
import { documentCodeLenses } from "./code-lens.js";
import { documentCompletion, TRIGGER_CHARACTERS } from "./completion.js";
import { documentDefinition } from "./definition.js";
import { documentDiagnostics } from "./diagnostics.js";
import { pathOf } from "./document-search.js";
import { documentHover } from "./hover.js";
import type { DataEngine, LspDataDeps } from "./lsp-data.js";
import { withInitOptions, type LspOptions } from "./lsp-options.js";
import { LspWorkspace } from "./lsp-workspace.js";
import { CANCELLED, RUN_DETECTION, runDetectionText, type RunSummary } from "./run-detection.js";

export interface LspServerOptions extends LspOptions {
  /** The `exit` notification arrived: 0 after a `shutdown` request, else 1 (the protocol's rule). */
  onExit?(code: number): void;
  /** Reported as serverInfo.version. */
  readonly version?: string;
  /** Each run's wall-time budget (`--timeout`; default the engine's, 300 s; 0: none). */
  readonly timeoutMs?: number;
  /** Makes the engine the data loads into (default: an AsyncEngine; tests give the built worker, or hold a load back). */
  readonly createEngine?: (options: { timeoutMs?: number; onWarning: (message: string) => void }) => DataEngine;
}

export interface LspServer {
  /** True once the client sent `shutdown`. */
  readonly shutdownReceived: boolean;
  /** Stops listening, releases the streams' listeners and ends the data's worker (resolved once it has ended). */
  dispose(): Promise<void>;
}

export function startLspServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, opts: LspServerOptions): LspServer {
  let shutdownReceived = false;
  const watchDog = {
    get shutdownReceived() {
      return shutdownReceived;
    },
    set shutdownReceived(v: boolean) {
      shutdownReceived = v;
    },
    initialize: () => undefined,
    exit: (code: number) => opts.onExit?.(code),
  };
  const connection = createConnection((logger) => createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output), logger), watchDog);
  const log = (m: string) => connection.console.log(m);
  const documents = new TextDocuments(TextDocument);
  const engineOptions = { ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}), onWarning: (m: string) => log(`data: ${m}`) };
  const data: Omit<LspDataDeps, "log"> = {
    createEngine: () => (opts.createEngine ? opts.createEngine(engineOptions) : new AsyncEngine(engineOptions)),
    // A no-op reporter when the client did not advertise window.workDoneProgress.
    progress: () => connection.window.createWorkDoneProgress(),
  };
  let ws = new LspWorkspace(opts, log, data);

  /** A handler's last net: a bug in one request is logged and answered with nothing. */
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`minispl: internal error in ${what}: ${(e as Error).stack ?? String(e)}`);
      return fallback;
    }
  };
  const onDoc = <T>(what: string, uri: string, fallback: T, fn: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? guard(what, fallback, () => fn(doc)) : fallback;
  };
  const publish = (doc: TextDocument) => {
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: guard("diagnostics", [], () => documentDiagnostics(doc, ws)) });
  };

  connection.onInitialize((params): InitializeResult => {
    const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? null);
    const { options, warnings } = withInitOptions(opts, params.initializationOptions, root);
    ws = new LspWorkspace(options, log, data);
    for (const w of warnings) connection.console.warn(w);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        hoverProvider: true,
        definitionProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [RUN_DETECTION] },
      },
      serverInfo: { name: "minispl", ...(opts.version ? { version: opts.version } : {}) },
    };
  });
  // Right after the handshake, in the background: requests are answered meanwhile.
  connection.onInitialized(() => ws.data.load());
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (ws.data.isDataFile(path)) {
      log(`${path} was saved: reloading the data`);
      ws.data.load();
    }
    if (!ws.isMacroFile(path)) return;
    ws.reloadMacros();
    for (const doc of documents.all()) publish(doc);
  });
  connection.onCompletion((p) => onDoc("completion", p.textDocument.uri, null, (doc) => documentCompletion(doc, p.position, ws)));
  connection.onHover((p) => onDoc("hover", p.textDocument.uri, null, (doc) => documentHover(doc, p.position, ws)));
  connection.onDefinition((p) => onDoc("definition", p.textDocument.uri, null, (doc) => documentDefinition(doc, p.position, ws)));
  connection.onCodeLens((p) => onDoc("code lens", p.textDocument.uri, [], (doc) => documentCodeLenses(doc, ws)));
  connection.onExecuteCommand(async (p, token) => {
    if (p.command !== RUN_DETECTION) return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}; the server runs ${RUN_DETECTION}`);
    const uri = p.arguments?.[0];
    if (typeof uri !== "string") return new ResponseError(ErrorCodes.InvalidParams, `${RUN_DETECTION} takes the detection document's URI`);
    const text = documents.get(uri)?.getText() ?? readText(pathOf(uri));
    const summary = text === null ? { ok: false, message: `cannot read ${pathOf(uri)}` } : await runCancellable(text, pathOf(uri), token);
    if (summary === CANCELLED) return new ResponseError(LSPErrorCodes.RequestCancelled, `${RUN_DETECTION} was cancelled`);
    // A notification (window/showMessage), not showMessageRequest: nothing waits for the user.
    void connection.sendNotification(ShowMessageNotification.type, { type: summary.ok ? MessageType.Info : MessageType.Warning, message: summary.message });
    return summary;
  });

  /**
   * A run that ends on the client's $/cancelRequest, or on Cancel in its own progress (a client
   * with window.workDoneProgress shows one; the only way to stop a run a code lens started).
   */
  const runCancellable = async (text: string, file: string, token: CancellationToken): Promise<RunSummary | typeof CANCELLED> => {
    const abort = new AbortController();
    const onCancel = token.onCancellationRequested(() => abort.abort());
    // A request cancelled before it was dispatched comes with a token that never fires.
    if (token.isCancellationRequested) abort.abort();
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    const onProgressCancel = progress?.token.onCancellationRequested(() => abort.abort());
    progress?.begin("minispl: Run detection", undefined, basename(file), true);
    try {
      return await runDetectionText(text, file, ws, {
        signal: abort.signal,
        onStep: (step) => progress?.report(step === "waiting" ? "waiting for the data to load" : "running the search"),
      });
    } catch (e) {
      connection.console.error(`minispl: internal error in run detection: ${(e as Error).stack ?? String(e)}`);
      return { ok: false, message: "internal error: see the server's log" };
    } finally {
      onCancel.dispose();
      onProgressCancel?.dispose();
      progress?.done();
    }
  };
  documents.listen(connection);
  connection.listen();
  return {
    get shutdownReceived() {
      return shutdownReceived;
    },
    dispose: () => {
      connection.dispose();
      // A run or a load under way stops with its worker.
      return ws.data.close();
    },
  };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}
