/**
 * A private copy of the built code for one bench run. The checkout is shared: another engineer's
 * `tsc` can replace dist/ while the bench runs (it happened: the index was built by one index
 * format and read by the next), so every child process runs the code the bench started with.
 * node_modules is linked, not copied, and package.json is copied for `"type": "module"`.
 */
import { copyFileSync, cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Copies dist/ under `root` and returns the copy's dist folder. */
export function snapshotCode(root: string): string {
  const dist = fileURLToPath(new URL("../", import.meta.url));
  const repo = join(dist, "..");
  const code = join(root, "code");
  mkdirSync(code);
  cpSync(dist, join(code, "dist"), { recursive: true, filter: (src) => !src.endsWith(".map") && !src.endsWith(".d.ts") });
  symlinkSync(join(repo, "node_modules"), join(code, "node_modules"), "dir");
  copyFileSync(join(repo, "package.json"), join(code, "package.json"));
  return join(code, "dist");
}
