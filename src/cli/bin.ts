#!/usr/bin/env node
/**
 * The `minispl` bin (package.json "bin"): runs the bundled CLI, dist/bundle/main.js (written
 * after tsc by scripts/bundle.mjs: ~20 files to load for a search instead of ~490 modules), or
 * tsc's dist/cli/main.js, the same code, when the bundle is missing or older than tsc's output
 * (plain `tsc` after a build: the bundle would run yesterday's code). Incremental tsc rewrites
 * only the files that changed, and dist/tsconfig.tsbuildinfo; a full tsc rewrites main.js. The
 * launcher costs one small module and three stats (npm pack gives every file one mtime: the
 * bundle is used).
 *
 * It calls runMain itself: main.js runs on its own only when node was started on it (its
 * startedAsScript), and here node was started on this file.
 */
import { statSync } from "node:fs";
import { VERSION } from "./version.js";

// `minispl --version` alone is answered here: loading even the bundle's entry costs as much as
// node's own start.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) process.stdout.write(`${VERSION}\n`);
else await run();

async function run(): Promise<void> {
  const bundled = mtime("../bundle/main.js");
  const fresh = bundled >= Math.max(mtime("./main.js"), mtime("../tsconfig.tsbuildinfo"));
  const entry: string = fresh ? "../bundle/main.js" : "./main.js";
  const main = (await import(entry)) as typeof import("./main.js");
  process.exitCode = await main.runMain(args);
}

function mtime(rel: string): number {
  return statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? Number.NEGATIVE_INFINITY;
}

