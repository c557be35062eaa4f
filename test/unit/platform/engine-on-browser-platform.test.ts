// The engine on the browser platform (files in memory, fflate, inline regex, JavaScript digests)
// reads the same folder into the same events as on Node's, with the same skipped records, and
// searches them the same way. The folder is written here: Sysmon XML text, NXLog JSON lines, a gzip
// and a zip of them, and a binary EVTX.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { ingestPaths, runSearch } from "../../../src/index.js";
import { FILE_FIELD } from "../../../src/adapters/file-field.js";
import type { IngestReport } from "../../../src/adapters/types.js";
import { browserPlatform } from "../../../src/platform/browser-platform.js";
import { MemoryFileSystem } from "../../../src/platform/memory-file-system.js";
import { nodePlatform } from "../../../src/platform/node-platform.js";
import { platform, usePlatform, type Platform } from "../../../src/platform/platform.js";
import { EventStore } from "../../../src/store/event-store.js";
import type { Value } from "../../../src/values/value.js";
import { zip } from "../adapters/archive-builder.js";
import { evtxFile, sysmonChunk } from "../adapters/evtx-builder.js";

const HOST = "WS-7.example.corp";

function sysmonEvent(eid: number, id: number, data: Record<string, string>): string {
  const fields = Object.entries(data).map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join("");
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/>" +
    `<EventID>${eid}</EventID><Version>5</Version><Level>4</Level><Task>${eid}</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-05-01T10:00:${String(id % 60).padStart(2, "0")}.000Z'/>` +
    `<EventRecordID>${id}</EventRecordID><Correlation/><Execution ProcessID='2204' ThreadID='3016'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${HOST}</Computer><Security UserID='S-1-5-18'/></System>` +
    `<EventData>${fields}</EventData></Event>`
  );
}

const process1 = (id: number, image: string, cmd: string): string =>
  sysmonEvent(1, id, { UtcTime: "2024-05-01 10:00:00.000", ProcessId: String(4000 + id), Image: image, CommandLine: cmd, User: "EXAMPLE\\user01", ParentImage: "C:\\Windows\\explorer.exe" });

const XML_TEXT = `${[
  process1(1, "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c whoami"),
  process1(2, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell -enc ZQBjAGgAbwA="),
  sysmonEvent(3, 3, { UtcTime: "2024-05-01 10:00:03.000", Image: "C:\\Windows\\System32\\svchost.exe", DestinationIp: "10.0.0.9", DestinationPort: "445" }),
  sysmonEvent(11, 4, { UtcTime: "2024-05-01 10:00:04.000", Image: "C:\\Windows\\System32\\cmd.exe", TargetFilename: "C:\\Users\\Public\\é✓.txt" }),
].join("\n")}\n`;

const ZIPPED_XML = `${[process1(20, "C:\\Windows\\System32\\rundll32.exe", "rundll32.exe x.dll,Run"), process1(21, "C:\\Tools\\ssh.exe", "ssh.exe -V")].join("\n")}\n`;

const jsonLine = (i: number): string =>
  JSON.stringify({ EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: HOST, UtcTime: `2024-05-01 11:00:${String(i % 60).padStart(2, "0")}.000`, Image: `C:\\t\\tool${i}.exe`, CommandLine: `tool${i}.exe --run` });
// One broken record in the middle: a skipped record at line 3 on both platforms.
const JSON_LINES = `${jsonLine(1)}\n${jsonLine(2)}\n{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Op\n${jsonLine(4)}\n`;

// A gzip cut in the middle: the whole lines before the cut are read (as much as zlib decodes of
// it with a sync flush), the partial last one is dropped, and the damage is reported.
const LONG_GZ = gzipSync(Array.from({ length: 400 }, (_, i) => jsonLine(i)).join("\n"));
const CUT_GZ = LONG_GZ.subarray(0, LONG_GZ.length >> 1);
const CUT_EVENTS = (gunzipSync(CUT_GZ, { finishFlush: constants.Z_SYNC_FLUSH }).toString().match(/\n/g) ?? []).length;

const EVTX_NAMES = ["RuleName", "UtcTime", "ProcessId", "Image", "CommandLine", "User"];
const EVTX_ROWS = [
  ["-", "2019-04-03 18:11:59.996", "2636", "C:\\Windows\\System32\\wbem\\scrcons.exe", "scrcons.exe -Embedding", "NT AUTHORITY\\SYSTEM"],
  ["-", "2019-04-03 18:12:03.120", "4410", "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c whoami > C:\\t.txt", "EXAMPLE\\user01"],
];

/** The folder, by relative path (hidden and non-log files are part of walking, too). */
const FILES: Record<string, Uint8Array> = {
  "sysmon.xml": Buffer.from(XML_TEXT),
  "nxlog/events.json": Buffer.from(JSON_LINES),
  "nxlog/older.json.gz": gzipSync(JSON_LINES),
  "nxlog/cut.json.gz": CUT_GZ,
  "bundle.zip": zip([{ name: "inner/sysmon.xml", data: ZIPPED_XML }, { name: "README.md", data: "not a log" }]),
  "exported.evtx": evtxFile([sysmonChunk(EVTX_NAMES, EVTX_ROWS, 100)]),
  ".hidden.xml": Buffer.from(XML_TEXT),
};
// Events the files hold: 4 XML + 3 JSON (one line broken) twice + 2 zipped XML + 2 EVTX records + the cut gzip's.
const EVENTS = 4 + 3 + 3 + 2 + 2 + CUT_EVENTS;

let nodeRoot = "";
beforeAll(() => {
  nodeRoot = mkdtempSync(join(tmpdir(), "platform-engine-"));
  for (const [rel, bytes] of Object.entries(FILES)) {
    const path = join(nodeRoot, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
});
afterAll(() => rmSync(nodeRoot, { recursive: true, force: true }));

// Every test leaves Node's platform installed (on() restores in `finally`).
afterEach(() => expect(platform()).toBe(nodePlatform));

const MEM_ROOT = "/dropped/case-1";
function memoryFiles(): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  for (const [rel, bytes] of Object.entries(FILES)) fs.add(`${MEM_ROOT}/${rel}`, bytes, 1_714_557_600_000);
  return fs;
}

interface Loaded {
  readonly store: EventStore;
  readonly report: IngestReport;
}

function loadOnNode(): Loaded {
  const store = new EventStore();
  return { store, report: ingestPaths(store, [nodeRoot]) };
}

/** Runs `f` with `p` installed, putting the previous platform back whatever happens. */
function on<T>(p: Platform, f: () => T): T {
  const restore = usePlatform(p);
  try {
    return f();
  } finally {
    restore();
  }
}

function loadInBrowser(p: Platform = browserPlatform(memoryFiles())): Loaded {
  return on(p, () => {
    const store = new EventStore();
    return { store, report: ingestPaths(store, [MEM_ROOT]) };
  });
}

/** Every event as field → value, the folder's own path replaced by `<root>` so the two compare. */
function events(store: EventStore, root: string): Record<string, Value>[] {
  const out: Record<string, Value>[] = [];
  for (let r = 0; r < store.length; r++) {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const name of store.fieldNames()) {
      const v = store.value(r, name);
      if (v !== null) row[name] = typeof v === "string" ? v.split(root).join("<root>") : v;
    }
    out.push(row);
  }
  return out;
}

const normalised = (report: IngestReport, root: string): unknown =>
  JSON.parse(JSON.stringify(report).split(JSON.stringify(root).slice(1, -1)).join("<root>"));

// Mixed platforms in one process: Node's file system must not see the memory paths.
describe("ingestion on the browser platform", () => {
  it("reads the same events, in the same order, with the same report", () => {
    // Node first, so the browser's run cannot have left anything in Node's platform.
    const node = loadOnNode();
    const browser = loadInBrowser();
    expect(node.report.events).toBe(EVENTS);
    expect(browser.report.events).toBe(EVENTS);
    expect(normalised(browser.report, MEM_ROOT)).toEqual(normalised(node.report, nodeRoot));
    expect(events(browser.store, MEM_ROOT)).toEqual(events(node.store, nodeRoot));
  });

  it("reports the broken JSON line (plain and gzipped) and the cut gzip as skipped records", () => {
    const { report } = loadInBrowser();
    const skipped = report.skipped.map((s) => ({ ...s, file: s.file.replace(MEM_ROOT, "<root>") }));
    expect(skipped).toEqual([
      { file: "<root>/nxlog/cut.json.gz!cut.json", line: 1, reason: expect.stringMatching(/^gzip member 1 \(at byte 0\) is truncated/) },
      { file: "<root>/nxlog/events.json", line: 3, reason: expect.stringMatching(/^invalid JSON/) },
      { file: "<root>/nxlog/older.json.gz!older.json", line: 3, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(report.notLogs?.map((n) => n.replace(MEM_ROOT, "<root>"))).toEqual(["<root>/bundle.zip!README.md"]);
  });

  it("leaves the platform as it was", () => {
    const before = loadOnNode();
    loadInBrowser();
    expect(loadOnNode().report).toEqual(before.report);
  });

  it("reads nothing of the disk: a path that exists only on disk is missing in the browser", () => {
    const { report } = on(browserPlatform(new MemoryFileSystem()), () => {
      const store = new EventStore();
      return { store, report: ingestPaths(store, [nodeRoot]) };
    });
    expect(report.events).toBe(0);
    expect(report.files).toBe(0);
  });
});

describe("searching on the browser platform", () => {
  const searches = [
    "* | stats count by EventCode | sort EventCode",
    "* | stats count by minispl_file | sort minispl_file",
    '* | where like(Image, "%cmd.exe") | stats count',
    "* | eval h=md5(Image) | stats count by h | sort h",
    '* | where match(Image, "(\\\\w)\\\\1") | stats count by Image | sort Image',
    '* | rex field=CommandLine "(?<dup>(\\\\w)\\\\2)" | where isnotnull(dup) | stats count by dup | sort dup',
  ];
  // Loaded once for the searches below (the browser's store is searched with its platform installed).
  let loaded: { node: EventStore; browser: EventStore; p: Platform } | undefined;
  const stores = () => {
    if (!loaded) {
      const p = browserPlatform(memoryFiles());
      loaded = { node: loadOnNode().store, browser: loadInBrowser(p).store, p };
    }
    return loaded;
  };
  it.each(searches)("%s: the same rows as on Node", (q) => {
    const { node, browser, p } = stores();
    const nodeRows = runSearch(q, node).table?.rows();
    const browserRows = on(p, () => runSearch(q, browser).table?.rows());
    expect(nodeRows?.length).toBeGreaterThan(0);
    const strip = (rows: unknown, root: string): unknown => JSON.parse(JSON.stringify(rows).split(JSON.stringify(root).slice(1, -1)).join("<root>"));
    expect(strip(browserRows, MEM_ROOT)).toEqual(strip(nodeRows, nodeRoot));
  });

  it("counts the events of every file by EventCode (the expected counts, from the files written above)", () => {
    const p = browserPlatform(memoryFiles());
    const rows = on(p, () => runSearch("* | stats count by EventCode | sort EventCode", loadInBrowser(p).store).table?.rows());
    // EventCode 1: 2 XML + 2 zipped XML + 3 JSON + 3 gzipped JSON + the cut gzip's + 2 EVTX; 3 and
    // 11: one XML each (sort orders numbers as numbers).
    expect(CUT_EVENTS).toBeGreaterThan(10);
    expect(rows).toEqual([
      { EventCode: "1", count: 12 + CUT_EVENTS },
      { EventCode: "3", count: 1 },
      { EventCode: "11", count: 1 },
    ]);
  });

  it("md5() and a backreference regex run on the browser's digests and inline regex, with the right answers", () => {
    const base = browserPlatform(memoryFiles());
    const used = { digests: 0, regex: 0 };
    const counting: Platform = {
      ...base,
      digests: { ...base.digests, hex: (...a) => (used.digests++, base.digests.hex(...a)) },
      threads: { ...base.threads, runBacktracking: (job, budget) => (used.regex++, base.threads.runBacktracking(job, budget)) },
    };
    const rows = on(counting, () => {
      const { store } = loadInBrowser(counting);
      return runSearch(
        '* | head 1 | eval h=md5("abc"), s=sha256("abc"), twice=if(match("xaay", "(a)\\\\1"), 1, 0), once=if(match("xay", "(a)\\\\1"), 1, 0) | rex field=CommandLine "(?<w>\\\\w)\\\\1" | table h s twice once',
        store,
      ).table?.rows();
    });
    expect(rows).toEqual([
      { h: "900150983cd24fb0d6963f7d28e17f72", s: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", twice: 1, once: 0 },
    ]);
    expect(used.digests).toBeGreaterThan(0);
    expect(used.regex).toBeGreaterThan(0);
  });
});
