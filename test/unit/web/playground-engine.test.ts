// The playground's engine (web/playground/engine-session.ts) run in Node, as the browser worker
// runs it: the bundled samples load, dropped bytes are detected (EVTX by signature, text by
// content), the seed detection runs with its notables, and every lesson's solution passes its
// check while its example does not (the lessons' expected rows are the engine's real answers).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EngineSession } from "../../../web/playground/engine-session.js";
import { checkLesson } from "../../../web/playground/lesson-check.js";
import { LESSONS } from "../../../web/playground/lessons.js";
import { SAMPLE_DETECTIONS, SAMPLE_FILES } from "../../../web/playground/samples.js";
import { gzipSync } from "node:zlib";
import { zip } from "../adapters/archive-builder.js";
import { evtxFile, sysmonChunk } from "../adapters/evtx-builder.js";

const SEED = "samples/detections/script_execution_via_wmi.yml";
const session = new EngineSession(SAMPLE_FILES, SAMPLE_DETECTIONS);

const bytesOf = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe("the playground's engine", () => {
  it("loads the bundled samples and lists the seed detection", () => {
    expect(SAMPLE_FILES.map((f) => f.name)).toEqual(["samples/data/crowdstrike-fdr.json", "samples/data/nxlog.json", "samples/data/security.xml", "samples/data/sysmon.xml"]);
    const info = session.info();
    expect(info.ok).toBe(true);
    expect(info.events).toBe(16);
    expect(info.detections).toEqual([{ name: "Script Execution via WMI", file: SEED }]);
    expect(info.macros).toContain("security_content_summariesonly");
  });

  it("runs the seed detection with its notables and verdict", () => {
    const r = session.detection(SEED);
    expect(r.ok).toBe(true);
    expect(r.total).toBe(3);
    expect(r.detection?.verdict.status).toBe("pass");
    expect(r.detection?.notables.map((n) => n.message)).toContain("A wmic.exe process scrcons.exe that execute script in host unknown");
    expect(session.detection("../etc/passwd").diagnostics[0]?.message).toMatch(/no such detection/);
  });

  it("passes every lesson's check with its solution and not with its example", () => {
    for (const lesson of LESSONS) {
      expect(checkLesson(lesson, session.search(lesson.solution)), lesson.id).toEqual({ pass: true, message: expect.stringMatching(/^Correct/) });
      if (lesson.query !== lesson.solution) expect(checkLesson(lesson, session.search(lesson.query)).pass, lesson.id).toBe(false);
    }
    expect(checkLesson(LESSONS[0]!, session.search("| statz")).message).toMatch(/search failed/);
  });

  it("parses dropped EVTX bytes and text, each detected from its content", () => {
    const s = new EngineSession([], []);
    const evtx = evtxFile([sysmonChunk(["Image", "CommandLine"], [["C:\\Windows\\System32\\cmd.exe", "cmd /c whoami"], ["C:\\x\\scrcons.exe", "scrcons.exe -Embedding"]], 7)]);
    const xml = readFileSync("samples/data/sysmon.xml");
    const [e, x, junk] = s.add([
      { name: "lab.evtx", bytes: bytesOf(evtx) }, { name: "sysmon.log", bytes: bytesOf(xml) }, { name: "notes.txt", bytes: bytesOf(Buffer.from("hello\n")) },
    ]);
    expect(e).toMatchObject({ file: "lab.evtx", format: "evtx", events: 2, skippedCount: 0 });
    expect(x).toMatchObject({ file: "sysmon.log", format: "xmlwineventlog", skippedCount: 0 });
    expect(junk).toMatchObject({ events: 0, skippedCount: 1, skipped: ["/dropped/notes.txt:1: unrecognised format"] });
    const r = s.search('minispl_file="/dropped/lab.evtx" | stats count by Image');
    expect(r.rows).toEqual([{ Image: "C:\\Windows\\System32\\cmd.exe", count: 1 }, { Image: "C:\\x\\scrcons.exe", count: 1 }]);
    // The dropped file's fields complete in the search bar.
    expect(s.complete("search Comm", 11).items.map((i) => i.label)).toContain("CommandLine");
  });

  it("opens dropped gzip and zip files in place, as --data does, and names a second file of the same name apart", () => {
    const s = new EngineSession([], []);
    const xml = readFileSync("samples/data/sysmon.xml");
    const plain = s.add([{ name: "sysmon.xml", bytes: bytesOf(xml) }])[0]!;
    const [gz, zipped, again] = s.add([
      { name: "sysmon.xml.gz", bytes: bytesOf(gzipSync(xml)) },
      { name: "logs.zip", bytes: bytesOf(zip([{ name: "inner/sysmon.xml", data: xml }])) },
      { name: "sysmon.xml", bytes: bytesOf(xml) },
    ]);
    expect(plain.events).toBeGreaterThan(0);
    for (const r of [gz, zipped, again]) expect(r).toMatchObject({ format: "xmlwineventlog", events: plain.events, skippedCount: 0 });
    expect(again!.file).toBe("sysmon.xml (2)");
    const r = s.search("* | stats count by minispl_file");
    expect(r.rows).toEqual([
      { minispl_file: "/dropped/logs.zip!inner/sysmon.xml", count: plain.events },
      { minispl_file: "/dropped/sysmon.xml", count: plain.events },
      { minispl_file: "/dropped/sysmon.xml (2)", count: plain.events },
      // A gzip member is named as `--data` names it: the archive, `!`, the name without `.gz`.
      { minispl_file: "/dropped/sysmon.xml.gz!sysmon.xml", count: plain.events },
    ]);
  });
});
