// The REPL history file stays owner-only and is never read or written through a symlink (a link
// planted at ~/.minispl_history or $MINISPL_HISTORY would otherwise get every search appended).
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HistoryFile, historyPath } from "../../../src/repl/history.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== "win32";

const modeOf = (p: string): number => statSync(p).mode & 0o777;

describe.runIf(posix)("history file mode", () => {
  const cases: { name: string; setup: (p: string) => void; before: string[] }[] = [
    { name: "created 0600", setup: () => {}, before: [] },
    { name: "an existing 0644 file is narrowed", setup: (p) => (writeFileSync(p, "| makeresults\n"), chmodSync(p, 0o644)), before: ["| makeresults"] },
    { name: "an existing 0666 file is narrowed", setup: (p) => (writeFileSync(p, ""), chmodSync(p, 0o666)), before: [] },
  ];
  it.each(cases)("$name", ({ name, setup, before }) => {
    const path = join(dir, name.replace(/\W+/g, "-"));
    setup(path);
    const warnings: string[] = [];
    const h = new HistoryFile(path, (m) => warnings.push(m));
    expect(h.load()).toEqual([...before].reverse());
    h.append("| stats count");
    expect(modeOf(path)).toBe(0o600);
    expect(readFileSync(path, "utf8")).toBe([...before, "| stats count", ""].join("\n"));
    expect(warnings).toEqual([]);
  });
});

describe.runIf(posix)("history through a symlink", () => {
  const cases: { name: string; link: (target: string, path: string) => void }[] = [
    { name: "to a file", link: (t, p) => (writeFileSync(t, "secret\n"), symlinkSync(t, p)) },
    { name: "dangling (append would create its target)", link: (t, p) => symlinkSync(t, p) },
  ];
  it.each(cases)("$name: refused with one warning, target untouched, session without history", ({ name, link }) => {
    const sub = join(dir, name.replace(/\W+/g, "-"));
    mkdirSync(sub);
    const target = join(sub, "target");
    const path = join(sub, "history");
    link(target, path);
    const before = lstatSync(path).isSymbolicLink() ? safeRead(target) : null;
    const warnings: string[] = [];
    const h = new HistoryFile(historyPath({ MINISPL_HISTORY: path }), (m) => warnings.push(m));
    expect(h.load()).toEqual([]);
    h.append("| makeresults");
    h.append("| stats count");
    expect(safeRead(target)).toBe(before);
    expect(warnings).toEqual([`history file ${path} is a symlink (history is never written through one); this session keeps no history`]);
  });

  it("a link swapped in after the check is not followed either (O_NOFOLLOW)", () => {
    const sub = join(dir, "swap");
    mkdirSync(sub);
    const path = join(sub, "history");
    const target = join(sub, "target");
    writeFileSync(target, "");
    const warnings: string[] = [];
    const h = new HistoryFile(path, (m) => warnings.push(m));
    h.append("| makeresults");
    rmSync(path);
    symlinkSync(target, path);
    h.append("| stats count");
    expect(readFileSync(target, "utf8")).toBe("");
    expect(warnings).toEqual([expect.stringContaining("is a symlink")]);
  });
});

function safeRead(p: string): string | null {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return null;
  }
}
