/** Files under paths (directories walked recursively, sorted so runs are deterministic). */
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** Files under the paths whose extension is in `exts`; a path named explicitly is always kept. */
export function listFiles(paths: readonly string[], exts: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    } else if (explicit || exts.includes(extname(p).toLowerCase())) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}
