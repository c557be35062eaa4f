/**
 * `minispl --version`, `--help` and usage errors load only the CLI's wiring (src/cli/program.ts):
 * each command's module, and with it the library and the parser, is imported when the command
 * runs. A static import of one of them from the wiring would cost every start ~1 s of CPU again.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const LIGHT = new Set(["commander", "node:fs", "node:os", "node:url", "./exit-codes.js", "./lsp-command.js", "./options.js", "./web-command.js", "./program.js", "./version.js"]);

/** The modules a file loads when it is imported: static imports that are not `import type`. */
function valueImports(file: string): string[] {
  const src = readFileSync(new URL(`../../../src/cli/${file}`, import.meta.url), "utf8");
  return [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1] as string);
}

describe("the CLI's start-up path", () => {
  it.each(["bin.ts", "main.ts", "program.ts", "lsp-command.ts", "web-command.ts", "options.ts", "exit-codes.ts", "version.ts"])("%s imports nothing heavy", (file) => {
    expect(valueImports(file).filter((m) => !LIGHT.has(m))).toEqual([]);
  });

  it("program.ts loads each command when it runs", () => {
    const src = readFileSync(new URL("../../../src/cli/program.ts", import.meta.url), "utf8");
    // One lazy import per subcommand (repl, ingest, hunt…), none at the top of the file.
    const commands = src.match(/\.command\("/g)?.length ?? 0;
    expect(commands).toBeGreaterThanOrEqual(11);
    // A command whose options and action live in a light module of its own (web-command.ts:
    // `defineWeb(program.command("web"))`) imports its work there, when it runs.
    const delegated = src.match(/\bdefine[A-Z]\w*\(/g)?.length ?? 0;
    expect(new Set(src.match(/await import\("\.\/[a-z-]+-command\.js"\)/g)).size + delegated).toBe(commands);
    const web = readFileSync(new URL("../../../src/cli/web-command.ts", import.meta.url), "utf8");
    expect(web).toMatch(/await import\("\.\.\/web\/serve\.js"\)/);
  });
});
