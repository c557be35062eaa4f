/** A `minispl test` worker: tests its share of the detection files and posts each file's rows. */
import { parentPort, workerData } from "node:worker_threads";
import { loadMacros } from "./load-files.js";
import { testFile, type TestOptions } from "./test-runner.js";

const { files, opts } = workerData as { files: ReadonlyArray<readonly [number, string]>; opts: TestOptions };
const macros = loadMacros(opts.macros);
for (const [index, file] of files) parentPort?.postMessage({ index, rows: testFile(file, macros.table, opts) });
