// Hostile directory trees under --data / --lookups / --macros / detection folders: symlink loops,
// several links to one file, FIFOs. Each real file is read once, and every oddity is a warning
// naming the path — never ELOOP, a hang or repeated events. Trees are built in the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { walkPaths } from "../../../src/adapters/walk-paths.js";
import { listFiles } from "../../../src/engine/files.js";
import { loadMacroFiles } from "../../../src/engine/macro-files.js";
import { SYSMON_1, sysmonXml } from "./fixtures.js";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-walk-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh tree: `data/a.xml` with `n` events, plus whatever `build` adds. */
function tree(name: string, n: number, build: (root: string) => void): string {
  const root = join(dir, name);
  mkdirSync(join(root, "sub"), { recursive: true });
  const xml = Array.from({ length: n }, (_x, i) => sysmonXml(1, `2024-03-09T00:05:3${i}.120Z`, SYSMON_1)).join("\n");
  writeFileSync(join(root, "sub", "a.xml"), `${xml}\n`);
  build(root);
  return root;
}

const fifo = (p: string): void => void execFileSync("mkfifo", [p]);
const canFifo = process.platform !== "win32";

const cases: { name: string; build: (root: string) => void; warn: RegExp[] }[] = [
  { name: "loop to the root", build: (r) => symlinkSync(r, join(r, "sub", "up")), warn: [/symlink loop/] },
  {
    name: "two loops (exponential before)",
    build: (r) => {
      symlinkSync(r, join(r, "sub", "up1"));
      symlinkSync(join(r, "sub"), join(r, "sub", "up2"));
    },
    warn: [/symlink loop/, /symlink loop/],
  },
  { name: "self link", build: (r) => symlinkSync(join(r, "self"), join(r, "self")), warn: [/symlink loop/] },
  { name: "second link to a file", build: (r) => symlinkSync(join(r, "sub", "a.xml"), join(r, "b.xml")), warn: [/same file as .*b\.xml \(a link\)/] },
  { name: "link to a sibling directory", build: (r) => symlinkSync(join(r, "sub"), join(r, "zz")), warn: [/same directory as/] },
  { name: "broken link", build: (r) => symlinkSync(join(r, "nowhere"), join(r, "gone.xml")), warn: [/broken symlink/] },
  ...(canFifo ? [{ name: "FIFO", build: (r: string) => fifo(join(r, "pipe.xml")), warn: [/FIFO/] }] : []),
];

describe("--data walking", () => {
  it.each(cases)("$name: 6 events, once, with a warning", ({ name, build, warn }) => {
    const root = tree(name.replace(/\W+/g, "-"), 6, build);
    const store = new EventStore();
    const report = ingestStream(store, [root]);
    expect(report.events).toBe(6);
    expect(report.skipped.map((s) => s.reason)).toEqual(warn.map((w) => expect.stringMatching(w)));
    for (const s of report.skipped) expect(s.file.startsWith(root)).toBe(true);
  });

  it("a loop named explicitly is a warning, not ELOOP", () => {
    const loop = join(dir, "explicit-loop");
    symlinkSync(loop, loop);
    const report = ingestStream(new EventStore(), [loop]);
    expect(report.skipped).toEqual([{ file: loop, line: 1, reason: expect.stringMatching(/symlink loop/) }]);
  });
});

describe("listFiles (--lookups, --macros, detection folders)", () => {
  it("lists each real file once and warns about loops instead of throwing ELOOP", () => {
    const root = tree("list", 1, (r) => {
      writeFileSync(join(r, "sub", "d.yml"), "name: x\n");
      symlinkSync(r, join(r, "sub", "loop"));
      symlinkSync(join(r, "sub", "d.yml"), join(r, "e.yml"));
      if (canFifo) fifo(join(r, "f.yml"));
    });
    const warnings: string[] = [];
    const files = listFiles([root], [".yml"], (w) => warnings.push(`${w.path}: ${w.reason}`));
    expect(files).toEqual([join(root, "e.yml")]);
    expect(warnings).toEqual([
      ...(canFifo ? [expect.stringMatching(/f\.yml: a FIFO/)] : []),
      expect.stringMatching(/sub\/d\.yml: same file as/),
      expect.stringMatching(/sub\/loop: symlink loop/),
    ]);
  });

  it("a missing named path still throws (the CLI reports it as an input error)", () => {
    expect(() => listFiles([join(dir, "missing")], [".yml"], () => {})).toThrow(/ENOENT/);
  });

  it("macro loading reports loops with its definition errors", () => {
    const root = join(dir, "macros");
    mkdirSync(root);
    symlinkSync(root, join(root, "again"));
    expect(loadMacroFiles([root]).errors).toEqual([expect.stringMatching(/again: symlink loop/)]);
  });

  it("walkPaths keeps the order it is given unless asked to sort", () => {
    const a = join(dir, "order-a.txt");
    const b = join(dir, "order-b.txt");
    writeFileSync(a, "x");
    writeFileSync(b, "y");
    expect(walkPaths([b, a]).files).toEqual([b, a]);
    expect(walkPaths([b, a], { sortRoots: true }).files).toEqual([a, b]);
  });
});
