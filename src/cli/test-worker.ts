/** A `minispl test` worker: tests its share of the detection files and posts each file's rows. */
import { parentPort, workerData } from "node:worker_threads";
import { loadMacros } from "./load-files.js";
import { testFiles, type TestOptions } from "./test-runner.js";

const { files, opts } = workerData as { files: ReadonlyArray<readonly [number, string]>; opts: TestOptions };
const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
// One run over the whole share, so attack data common to its files is loaded once in this worker.
testFiles(files.map(([, file]) => file), macros.table, opts, (i, rows) => parentPort?.postMessage({ index: files[i]?.[0], rows }));
