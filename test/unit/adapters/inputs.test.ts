/**
 * Issue 11 item 4, in the adapters: every event names its file in `minispl_file` (absolute path,
 * `archive!member`, `<stdin>`); standard input is read like a file (containers too); files whose
 * name says they are not logs are skipped inside folders and archives, listed once.
 */
import { afterAll, describe, expect, it } from "vitest";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { EventStore, ingestPaths, ingestText } from "../../../src/index.js";
import { FILE_FIELD, isStdinPath, STDIN_NAME } from "../../../src/adapters/file-field.js";
import { ingestStdin } from "../../../src/adapters/stdin-input.js";
import { emptyStreamReport } from "../../../src/adapters/stream-types.js";
import { isNotLog, notLogsSummary, walkPaths } from "../../../src/adapters/walk-paths.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "./fixtures.js";
import { tar, zip } from "./archive-builder.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SYSMON = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n`;
const SECURITY = `${securityXml(4688, "2024-03-09T00:05:31.490Z", SEC_4688)}\n`;

const files = (store: EventStore): unknown[] => Array.from({ length: store.length }, (_, r) => store.value(r, FILE_FIELD));

describe("minispl_file", () => {
  it("is the absolute path of a file, and archive members are named as skipped records name them", () => {
    const sub = join(dir, "case");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "a.xml"), SYSMON);
    writeFileSync(join(sub, "b.zip"), zip([{ name: "in/sec.xml", data: SECURITY }]));
    writeFileSync(join(sub, "c.xml.gz"), gzipSync(SECURITY));
    writeFileSync(join(sub, "d.tar"), tar([{ name: "x.xml", data: SYSMON }]));
    const store = new EventStore();
    // A relative path as given on a command line: the field holds the absolute one.
    const report = ingestPaths(store, [relative(process.cwd(), sub)]);
    expect(report.events).toBe(4);
    expect(files(store)).toEqual([join(sub, "a.xml"), `${join(sub, "b.zip")}!in/sec.xml`, `${join(sub, "c.xml.gz")}!c.xml`, `${join(sub, "d.tar")}!x.xml`]);
  });

  it("is stored as one dictionary value per file and overrides a content field of that name", () => {
    const store = new EventStore();
    ingestText(store, SYSMON + SYSMON + SECURITY, "one.xml");
    const col = store.column(FILE_FIELD);
    expect(col?.kind).toBe("ids");
    if (col?.kind === "ids") expect(col.dict.size).toBe(2); // null + "one.xml"
    expect(files(store)).toEqual(["one.xml", "one.xml", "one.xml"]);
  });
});

describe("standard input", () => {
  it("names `-` and /dev/stdin", () => {
    expect(["-", "/dev/stdin", "./-", "/dev/stdin2"].map(isStdinPath)).toEqual([true, true, false, false]);
  });

  // fd 0 of the test runner cannot be fed; any other descriptor is spooled exactly like a pipe.
  const fromFd = (content: Buffer | string) => {
    const path = join(dir, `stdin-${Math.random().toString(36).slice(2)}`);
    writeFileSync(path, content);
    const fd = openSync(path, "r");
    const store = new EventStore();
    const report = emptyStreamReport();
    try {
      ingestStdin(store, {}, report, fd);
    } finally {
      closeSync(fd);
    }
    return { store, report };
  };

  it("reads text, detecting the format, as <stdin>", () => {
    const { store, report } = fromFd(SYSMON + SECURITY);
    expect(report).toMatchObject({ files: 1, events: 2, skipped: [] });
    expect(files(store)).toEqual([STDIN_NAME, STDIN_NAME]);
    expect(store.value(0, "EventCode")).toBe("1");
  });

  it("reads gzip and zip containers from stdin, members named after <stdin>", () => {
    const gz = fromFd(gzipSync(SYSMON));
    expect(gz.report.events).toBe(1);
    expect(files(gz.store)).toEqual([STDIN_NAME]);
    const z = fromFd(zip([{ name: "m.xml", data: SECURITY }, { name: "bad.json", data: "{oops\n" }]));
    expect(z.report.events).toBe(1);
    expect(files(z.store)).toEqual([`${STDIN_NAME}!m.xml`]);
    expect(z.report.skipped.map((s) => s.file)).toEqual([`${STDIN_NAME}!bad.json`]);
  });

  it("reports unrecognised input as <stdin>", () => {
    const { report } = fromFd("hello\n");
    expect(report.skipped).toEqual([{ file: STDIN_NAME, line: 1, reason: "unrecognised format" }]);
  });
});

describe("files that are not logs", () => {
  it.each([
    ["README.md", true], ["readme", true], ["README.txt", true], ["LICENSE", true], ["COPYING.txt", true], ["x.yml", true], ["x.YAML", true],
    ["shot.png", true], ["a.JPG", true], ["a.gif", true], ["a.svg", true], ["a.pdf", true], ["a.html", true], ["a.py", true], ["a.sh", true],
    ["notes.txt", false], ["security.xml", false], ["a.json", false], ["a.log", false], ["a.evtx", false], ["Makefile", false], ["readmes.xml", false],
  ])("%s → %s", (name, skipped) => {
    expect(isNotLog(join("logs", name))).toBe(skipped);
  });

  it("are skipped inside folders and archives, listed once; a named file is always read", () => {
    const root = join(dir, "dataset");
    mkdirSync(join(root, "docs"), { recursive: true });
    writeFileSync(join(root, "README.md"), "# dataset\n");
    writeFileSync(join(root, "docs", "shot.png"), "png");
    writeFileSync(join(root, "meta.yml"), "name: x\n");
    writeFileSync(join(root, "events.txt"), SYSMON); // .txt: content decides
    writeFileSync(join(root, "bundle.zip"), zip([{ name: "README.md", data: "# hi" }, { name: "sec.xml", data: SECURITY }]));
    const store = new EventStore();
    const report = ingestPaths(store, [root]);
    expect(report.events).toBe(2);
    expect(report.skipped).toEqual([]);
    // Those of the folder walk first, then the archives' members as they are read.
    expect(report.notLogs).toEqual([join(root, "README.md"), join(root, "docs", "shot.png"), join(root, "meta.yml"), `${join(root, "bundle.zip")}!README.md`]);
    expect(notLogsSummary(report.notLogs ?? [])).toBe("skipped 4 files that are not logs: README.md, shot.png, meta.yml (use --data <file> to force)");

    const named = ingestPaths(new EventStore(), [join(root, "README.md")]);
    expect(named.notLogs).toBeUndefined();
    expect(named.skipped).toEqual([{ file: join(root, "README.md"), line: 1, reason: "unrecognised format" }]);
  });

  it("walkPaths lists what `skip` drops, never a named path", () => {
    const root = join(dir, "walk");
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "a.md"), "");
    writeFileSync(join(root, "b.xml"), "");
    const r = walkPaths([root, join(root, "a.md")], { skip: isNotLog });
    expect(r.files).toEqual([join(root, "b.xml")]);
    expect(r.skippedByName).toEqual([join(root, "a.md")]);
    expect(walkPaths([join(root, "a.md")], { skip: isNotLog }).files).toEqual([join(root, "a.md")]);
  });

  it("summarises in one line, the names once and at most five", () => {
    expect(notLogsSummary([])).toBeUndefined();
    expect(notLogsSummary(["x/README.md"])).toBe("skipped 1 file that is not logs: README.md (use --data <file> to force)");
    const many = ["a", "b", "c", "d", "e", "f", "a"].map((n) => `d/${n}.png`);
    expect(notLogsSummary(many)).toBe("skipped 7 files that are not logs: a.png, b.png, c.png, d.png, e.png, … (use --data <file> to force)");
  });
});
