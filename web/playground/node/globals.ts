/**
 * Node's globals the engine uses, installed in the playground's worker before any engine module
 * runs (this module is the worker's first import): `Buffer` and a minimal `process`; and
 * `SharedArrayBuffer` where the page is not cross-origin isolated (a static host need not send
 * those headers): an engine module makes a one-cell flag at load time (output/fd-writer.ts), and a
 * plain ArrayBuffer serves such a flag within one thread.
 */
import { BrowserBuffer } from "./buffer.js";
import { browserProcess } from "./process.js";

const g = globalThis as Record<string, unknown>;
g.Buffer ??= BrowserBuffer;
g.process ??= browserProcess;
g.SharedArrayBuffer ??= ArrayBuffer;
