// A symlink inside a folder the user named that leads outside every named path is skipped with a
// warning, unless --follow-symlinks (a planted link must not pull a file from elsewhere into a
// run). Links that stay inside, and paths named explicitly, are read as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { walkPaths } from "../../src/adapters/walk-paths.js";
import { Engine } from "../../src/engine/engine.js";
import { runCli } from "../support/cli.js";
import { SYSMON_1, sysmonXml } from "../unit/adapters/fixtures.js";

let dir = "";
let data = "";
let lookups = "";
let outside = "";
const XML = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-follow-"));
  outside = join(dir, "outside");
  data = join(dir, "data");
  lookups = join(dir, "lookups");
  for (const d of [outside, join(data, "sub"), lookups]) mkdirSync(d, { recursive: true });
  writeFileSync(join(outside, "far.xml"), XML);
  writeFileSync(join(outside, "far.csv"), "k,v\nsecret,1\n");
  writeFileSync(join(data, "sub", "near.xml"), XML);
  symlinkSync(join(outside, "far.xml"), join(data, "far.xml")); // leaves the root
  symlinkSync(outside, join(data, "far-dir")); // a directory leaving the root
  symlinkSync(join(data, "sub"), join(data, "inside")); // stays inside: same directory, read once
  symlinkSync(join(outside, "far.csv"), join(lookups, "far.csv"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outsideWarning = /symlink to \S+, outside the paths given; skipped \(--follow-symlinks reads it\)/;

describe("links out of the named paths", () => {
  const cases: { name: string; follow: boolean; files: string[]; outsideWarnings: number }[] = [
    // "inside" (a link to data/sub) sorts before "sub": a link that stays inside is followed either way.
    { name: "skipped by default", follow: false, files: ["inside/near.xml"], outsideWarnings: 2 },
    { name: "read with followSymlinks", follow: true, files: ["far-dir/far.csv", "far-dir/far.xml", "inside/near.xml"], outsideWarnings: 0 },
  ];
  it.each(cases)("walkPaths: $name", ({ follow, files, outsideWarnings }) => {
    const r = walkPaths([data], { followSymlinks: follow });
    expect(r.files).toEqual(files.map((f) => join(data, f)));
    expect(r.warnings.filter((w) => outsideWarning.test(w.reason))).toHaveLength(outsideWarnings);
  });

  it("a path named explicitly is read wherever it leads", () => {
    expect(walkPaths([join(data, "far.xml")]).files).toEqual([join(data, "far.xml")]);
  });

  it("Engine.loadData skips with a reported warning unless followSymlinks", () => {
    const safe = new Engine().loadData([data]);
    expect(safe.lastReport?.events).toBe(1);
    expect(safe.lastReport?.skipped.map((s) => s.reason)).toContainEqual(expect.stringMatching(outsideWarning));
    expect(new Engine().loadData([data], { followSymlinks: true }).lastReport?.events).toBe(2);
  });

  const cli: { name: string; args: (extra: string[]) => string[]; count: (stdout: string) => number; without: number; with: number }[] = [
    {
      name: "ingest",
      args: (extra) => ["ingest", data, "--format", "json", ...extra],
      count: (out) => (JSON.parse(out) as { events: number }).events,
      without: 1,
      with: 2,
    },
    {
      name: "search --data (no cache)",
      args: (extra) => ["search", "index=* | stats count", "--data", data, "--no-cache", "--format", "json", ...extra],
      count: (out) => (JSON.parse(out) as { count: number }[])[0]?.count ?? 0,
      without: 1,
      with: 2,
    },
    {
      name: "search --lookups",
      args: (extra) => ["search", "| inputlookup far.csv | stats count", "--lookups", lookups, "--format", "json", ...extra],
      count: (out) => (JSON.parse(out) as { count: number }[])[0]?.count ?? 0,
      without: 0,
      with: 1,
    },
  ];
  it.each(cli)("minispl $name: warning without --follow-symlinks, read with it", async ({ args, count, without, with: withFollow }) => {
    const safe = await runCli(args([]));
    // ingest lists skipped paths in its report (stdout); the others warn on stderr.
    expect(safe.stderr + safe.stdout).toMatch(outsideWarning);
    if (safe.code === 0) expect(count(safe.stdout)).toBe(without);
    const followed = await runCli(args(["--follow-symlinks"]));
    expect(followed.code).toBe(0);
    expect(followed.stderr + followed.stdout).not.toMatch(outsideWarning);
    expect(count(followed.stdout)).toBe(withFollow);
  });
});
