/**
 * A minimal LSP client for tests: JSON-RPC messages framed with Content-Length headers, written
 * and read by hand (so the tests check the wire format, not a library's view of it), over any pair
 * of streams: in-memory PassThrough streams to an in-process server, or a child process's pipes.
 * The in-process server loads its data in the built worker (dist/, made by `pretest`): a worker
 * cannot load the TypeScript sources.
 */
import { PassThrough, type Readable, type Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { AsyncEngine } from "../../../src/index.js";
import { ENGINE_WORKER_URL } from "../../support/engine-worker-url.js";
import { startLspServer, type LspServer, type LspServerOptions } from "../../../src/lsp/server.js";

/** The built engine worker, for the AsyncEngine an in-process server loads its data into. */
export const WORKER_URL = ENGINE_WORKER_URL;

export interface Message {
  readonly jsonrpc: "2.0";
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

export class LspClient {
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve(m: Message): void }>();
  /** Every notification received, in order. */
  readonly notifications: Message[] = [];
  /** Every request the server sent (each answered with a null result), in order. */
  readonly serverRequests: Message[] = [];
  private waiters: { test(m: Message): boolean; resolve(m: Message): void }[] = [];

  constructor(
    private readonly toServer: Writable,
    fromServer: Readable,
  ) {
    fromServer.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  /** Sends a request and resolves with the whole response message (result or error). */
  request(method: string, params: unknown): Promise<Message> {
    return this.start(method, params).response;
  }

  /** Sends a request; its id (for `cancel`) and its response to come. */
  start(method: string, params: unknown): { id: number; response: Promise<Message> } {
    const id = this.nextId++;
    const response = new Promise<Message>((resolve) => this.pending.set(id, { resolve }));
    this.send({ jsonrpc: "2.0", id, method, params });
    return { id, response };
  }

  /** `$/cancelRequest` for a request sent with `start`. */
  cancel(id: number): void {
    this.notify("$/cancelRequest", { id });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** The first notification (already received or to come) of `method` that passes `test`. */
  notification(method: string, test: (params: any) => boolean = () => true): Promise<Message> {
    const match = (m: Message) => m.method === method && test(m.params);
    const seen = this.notifications.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test: match, resolve }));
  }

  /** initialize + initialized. */
  async initialize(initializationOptions?: unknown, rootUri: string | null = null, capabilities: object = {}): Promise<Message> {
    const r = await this.request("initialize", { processId: null, rootUri, capabilities, ...(initializationOptions !== undefined ? { initializationOptions } : {}) });
    this.notify("initialized", {});
    return r;
  }

  open(uri: string, text: string, languageId: string): void {
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }

  /** The diagnostics published for `uri` (the first notification for it). */
  async diagnostics(uri: string): Promise<any[]> {
    const m = await this.notification("textDocument/publishDiagnostics", (p) => p.uri === uri);
    return (m.params as { diagnostics: any[] }).diagnostics;
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), "utf8");
    this.toServer.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.toServer.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      this.pending.get(m.id)?.resolve(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.id !== undefined) {
      // A request from the server (window/workDoneProgress/create): answered so it never waits.
      this.serverRequests.push(m);
      this.send({ jsonrpc: "2.0", id: m.id, result: null });
      return;
    }
    this.notifications.push(m);
    const ready = this.waiters.filter((w) => w.test(m));
    this.waiters = this.waiters.filter((w) => !w.test(m));
    for (const w of ready) w.resolve(m);
  }
}

/** An in-process server on PassThrough streams, its client, and a close that releases both. */
export function inProcessServer(opts: LspServerOptions): { client: LspClient; server: LspServer; close(): Promise<void> } {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = startLspServer(toServer, fromServer, { createEngine: (o) => new AsyncEngine({ ...o, workerUrl: WORKER_URL }), ...opts });
  const client = new LspClient(toServer, fromServer);
  return {
    client,
    server,
    close: async () => {
      const ended = server.dispose();
      toServer.destroy();
      fromServer.destroy();
      await ended;
    },
  };
}

export const fileUri = (path: string): string => pathToFileURL(path).href;
