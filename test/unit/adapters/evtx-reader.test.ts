// The EVTX reader on hand-built chunks: Windows' compact rendering of a System template with
// optional substitutions, nested EventData BinXML, template and name reuse by offset, escaping,
// and corrupt chunks/records reported (with the chunk number) while reading moves on.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEvtxBytes, readEvtxFile, type EvtxItem } from "../../../src/adapters/evtx/reader.js";
import { ChunkBuilder, EVENT_NS, VT, eventDataTemplate, eventTemplate, evtxFile, fixChunkCrcs, val, type Val } from "./evtx-builder.js";

const SYSMON = "Microsoft-Windows-Sysmon";
const SYSMON_GUID = "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}";
const DATA_NAMES = ["RuleName", "UtcTime", "Image", "CommandLine", "LogonId"];
const DATA_TYPES = [VT.String, VT.String, VT.String, VT.String, VT.HexInt64];

function systemValues(id: number, data: Val, extra: { activity?: string; qualifiers?: number; user?: string } = {}): Val[] {
  return [
    val.guid(SYSMON_GUID), val.u16(1), extra.qualifiers === undefined ? val.null() : val.u16(extra.qualifiers),
    val.u8(5), val.u8(4), val.u16(1), val.u8(0), val.u64(0x8000000000000000n, VT.HexInt64),
    val.fileTime("2019-04-03T18:11:59.996Z", 1234), val.u64(BigInt(id)),
    extra.activity ? val.guid(extra.activity) : val.null(), val.null(),
    val.u32(3036), val.u32(3780), val.str("PC04.example.corp"), extra.user ? val.sid(extra.user) : val.null(), data,
  ];
}

/** One chunk with three records: the first defines both templates inline, the others reuse them. */
function sysmonChunk(): { chunk: Buffer; ids: number[] } {
  const b = new ChunkBuilder();
  let eventDef = 0;
  let dataDef = 0;
  const record = (id: number, data: string[], extra: Parameters<typeof systemValues>[2] = {}): void => {
    b.record(BigInt(id), (r) => {
      r.fragment();
      const nested = val.binXml((n) => {
        n.fragment();
        const values = data.map((d, i) => (i === 4 ? val.u64(BigInt(d), VT.HexInt64) : d === "" ? val.null() : val.str(d)));
        dataDef = n.template(dataDef || eventDataTemplate(DATA_NAMES, DATA_TYPES), values);
      });
      eventDef = r.template(eventDef || eventTemplate("Microsoft-Windows-Sysmon/Operational", SYSMON), systemValues(id, nested, extra));
      r.eof();
    });
  };
  record(101, ["-", "2019-04-03 18:11:59.996", "C:\\Windows\\system32\\wbem\\scrcons.exe", "scrcons.exe -Embedding", "999"], { user: "S-1-5-18" });
  record(102, ["", "2019-04-03 18:12:00.001", "C:\\a&b\\<x>.exe", `cmd /c "echo 'q'" > o.txt`, "0"], { activity: "{5965e1c0-dda7-0003-d8e1-6559a7ddd801}" });
  record(103, ["r", "2019-04-03 18:12:01.000", "C:\\x.exe", "x", "4096"], { qualifiers: 16384 });
  return { chunk: b.finish(), ids: [101, 102, 103] };
}

const SYSTEM_HEAD = `<Event xmlns='${EVENT_NS}'><System><Provider Name='${SYSMON}' Guid='${SYSMON_GUID}'/>`;
const expected = (id: number, eventId: string, correlation: string, security: string, data: string): string =>
  `${SYSTEM_HEAD}${eventId}<Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
  `<TimeCreated SystemTime='2019-04-03T18:11:59.996123400Z'/><EventRecordID>${id}</EventRecordID>${correlation}` +
  `<Execution ProcessID='3036' ThreadID='3780'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>PC04.example.corp</Computer>` +
  `${security}</System><EventData>${data}</EventData></Event>`;

const records = (items: Iterable<EvtxItem>): EvtxItem[] => [...items];
const xmlOf = (items: EvtxItem[]): string[] => items.flatMap((i) => (i.kind === "record" ? [i.xml] : []));

describe("EVTX rendering", () => {
  it("renders Windows' compact XML: optional attributes left out, empty Data kept open/close, nested EventData", () => {
    const { chunk } = sysmonChunk();
    const items = records(readEvtxBytes(evtxFile([chunk])));
    expect(items.filter((i) => i.kind === "error")).toEqual([]);
    const xml = xmlOf(items);
    expect(xml[0]).toBe(
      expected(101, "<EventID>1</EventID>", "<Correlation/>", "<Security UserID='S-1-5-18'/>",
        "<Data Name='RuleName'>-</Data><Data Name='UtcTime'>2019-04-03 18:11:59.996</Data><Data Name='Image'>C:\\Windows\\system32\\wbem\\scrcons.exe</Data>" +
        "<Data Name='CommandLine'>scrcons.exe -Embedding</Data><Data Name='LogonId'>0x3e7</Data>"),
    );
    expect(xml[1]).toBe(
      expected(102, "<EventID>1</EventID>", "<Correlation ActivityID='{5965E1C0-DDA7-0003-D8E1-6559A7DDD801}'/>", "<Security/>",
        "<Data Name='RuleName'></Data><Data Name='UtcTime'>2019-04-03 18:12:00.001</Data><Data Name='Image'>C:\\a&amp;b\\&lt;x&gt;.exe</Data>" +
        `<Data Name='CommandLine'>cmd /c "echo 'q'" &gt; o.txt</Data><Data Name='LogonId'>0x0</Data>`),
    );
    expect(xml[2]).toContain("<EventID Qualifiers='16384'>1</EventID>");
    expect(xml[2]).toContain("<Data Name='LogonId'>0x1000</Data>");
  });

  it("numbers chunks from 1 and gives each record's file offset and header id", () => {
    const { chunk, ids } = sysmonChunk();
    const items = records(readEvtxBytes(evtxFile([chunk, chunk])));
    expect(items.map((i) => (i.kind === "record" ? [i.chunk, i.recordId] : i.reason))).toEqual([...ids.map((id) => [1, id]), ...ids.map((id) => [2, id])]);
    expect(items[0]).toMatchObject({ offset: 4096 + 512 });
    expect(items[3]).toMatchObject({ offset: 4096 + 65536 + 512 });
  });

  it("renders text escaping, character/entity references and attribute quotes", () => {
    const b = new ChunkBuilder();
    b.record(1n, (r) => {
      r.fragment().open("Event", true).attr("a").text("it's <1> & 2").closeStart();
      r.text(`"q" & <t>`).u8(0x08).u16(169).u8(0x09).name("amp").end().eof();
    });
    expect(xmlOf(records(readEvtxBytes(evtxFile([b.finish()]))))).toEqual([`<Event a='it&apos;s &lt;1&gt; &amp; 2'>"q" &amp; &lt;t&gt;&#169;&amp;</Event>`]);
  });

  it("drops the manifest compiler's xmlns:auto-ns declarations (Windows does not render them)", () => {
    const b = new ChunkBuilder();
    b.record(1n, (r) => {
      r.fragment().open("LogFileCleared", true).attr("xmlns:auto-ns3").text("http://schemas.microsoft.com/win/2004/08/events");
      r.attr("xmlns").text("http://manifests.microsoft.com/win/2004/08/windows/eventlog").closeEmpty().eof();
    });
    expect(xmlOf(records(readEvtxBytes(evtxFile([b.finish()]))))).toEqual(["<LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'/>"]);
  });
});

describe("EVTX corruption", () => {
  it("reads a chunk whose CRC does not match record by record, says so at its chunk number, and reads the next chunk", () => {
    const good = sysmonChunk().chunk;
    const bad = Buffer.from(good);
    bad[700] = bad[700]! ^ 0xff;
    const items = records(readEvtxBytes(evtxFile([bad, good])));
    expect(items.filter((i) => i.kind === "error")).toEqual([
      {
        kind: "error", chunk: 1, offset: 4096,
        reason: "chunk 1 at 0x1000: event records CRC-32 mismatch; records read one by one: 3 recovered (not verified by the CRC: a value in them may be corrupted), 0 damaged skipped",
      },
    ]);
    expect(xmlOf(items)).toHaveLength(6);
    const header = Buffer.from(good);
    header[20] = 0x7f; // last record number, covered by the header CRC
    expect(records(readEvtxBytes(evtxFile([good, header]))).filter((i) => i.kind === "error")).toEqual([
      expect.objectContaining({ chunk: 2, reason: "chunk 2 at 0x11000: chunk header CRC-32 mismatch; records read one by one: 3 recovered (verified by the records CRC-32), 0 damaged skipped" }),
    ]);
  });

  it("reports an undecodable record with its id and keeps the records after it", () => {
    const b = new ChunkBuilder();
    b.record(7n, (r) => r.fragment().open("A").closeStart().u8(0x1f).end().eof());
    b.record(8n, (r) => r.fragment().open("B").closeEmpty().eof());
    const items = records(readEvtxBytes(evtxFile([b.finish()])));
    expect(items[0]).toMatchObject({ kind: "error", chunk: 1, reason: expect.stringMatching(/^chunk 1 at 0x1000: record 7 at 0x1200: unexpected BinXML token 0x1f/) });
    expect(xmlOf(items)).toEqual(["<B/>"]);
  });

  it("stops a chunk at a record with a bad size, reporting it, and skips all-zero chunk slots silently", () => {
    const b = new ChunkBuilder();
    b.record(1n, (r) => r.fragment().open("A").closeEmpty().eof());
    b.record(2n, (r) => r.fragment().open("B").closeEmpty().eof());
    const chunk = b.finish();
    chunk.writeUInt32LE(9999, 512 + chunk.readUInt32LE(516) + 4);
    fixChunkCrcs(chunk);
    const items = records(readEvtxBytes(evtxFile([chunk, Buffer.alloc(65536)])));
    expect(xmlOf(items)).toEqual(["<A/>"]);
    expect(items.filter((i) => i.kind === "error").map((i) => (i.kind === "error" ? i.reason : ""))).toEqual([
      expect.stringMatching(/^chunk 1 at 0x1000: bad record size 9999 at chunk offset 0x2[0-9a-f]+; rest of chunk skipped$/),
    ]);
  });

  it("rejects a file without the ElfFile signature and flags a header CRC mismatch but reads on", () => {
    expect(records(readEvtxBytes(Buffer.from("<Event xmlns='x'/>".padEnd(200))))).toEqual([
      { kind: "error", chunk: 0, offset: 0, reason: 'file header: no "ElfFile" signature' },
    ]);
    const file = evtxFile([sysmonChunk().chunk]);
    file[60] = 1;
    const items = records(readEvtxBytes(file));
    expect(items[0]).toEqual({ kind: "error", chunk: 0, offset: 0, reason: "file header: CRC-32 mismatch (chunks read anyway)" });
    expect(xmlOf(items)).toHaveLength(3);
  });

  it("reports a truncated last chunk", () => {
    const file = evtxFile([sysmonChunk().chunk, sysmonChunk().chunk]).subarray(0, 4096 + 65536 + 1000);
    const items = records(readEvtxBytes(file));
    expect(xmlOf(items)).toHaveLength(3);
    expect(items.filter((i) => i.kind === "error").map((i) => (i.kind === "error" ? i.reason : ""))).toEqual([
      "file is truncated: 70632 bytes, its header counts 2 chunk(s) (135168 bytes)",
      "chunk 2 at 0x11000: 488 damaged byte(s) at 0x11200 hold no valid record; skipped",
      "chunk 2 at 0x11000: truncated (1000 of 65536 bytes); records read one by one: 0 recovered, 1 damaged skipped; the rest of the chunk is missing",
    ]);
  });

  it("guards against a template that instantiates itself", () => {
    const b = new ChunkBuilder();
    b.record(1n, (r) => {
      r.fragment();
      // The definition's body is a template instance pointing back at the definition itself.
      r.template((d) => {
        const self = d.pos - 24; // the definition header (next offset, GUID, size) precedes its body
        d.fragment().u8(0x0c).u8(1).u32(0).u32(self).u32(0).eof();
      }, []);
      r.eof();
    });
    const items = records(readEvtxBytes(evtxFile([b.finish()])));
    expect(items).toEqual([expect.objectContaining({ kind: "error", reason: expect.stringMatching(/nested too deeply|outside the chunk/) })]);
  });
});

describe("EVTX fuzzing", () => {
  it("never throws or loops on corrupted record bytes (CRCs fixed so the damage reaches the decoder)", () => {
    const good = sysmonChunk().chunk;
    const end = good.readUInt32LE(48);
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let records = 0;
    let errors = 0;
    for (let round = 0; round < 400; round++) {
      const c = Buffer.from(good);
      for (let k = 0, flips = 1 + rand(6); k < flips; k++) c[512 + rand(end - 512)] = rand(256);
      fixChunkCrcs(c);
      for (const item of readEvtxBytes(evtxFile([c]))) {
        if (item.kind === "record") records++;
        else errors++;
        expect(item.kind === "record" ? item.xml : item.reason).toEqual(expect.any(String));
      }
    }
    expect(records).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(0);
  });
});

describe("EVTX streaming from disk", () => {
  it("reads one chunk at a time: a chunk rewritten on disk after the first record is read is seen new", () => {
    const dir = mkdtempSync(join(tmpdir(), "evtx-"));
    try {
      const file = join(dir, "two.evtx");
      const first = sysmonChunk().chunk;
      const replacement = new ChunkBuilder();
      replacement.record(900n, (r) => r.fragment().open("Replaced").closeEmpty().eof());
      writeFileSync(file, evtxFile([first, first]));
      const it = readEvtxFile(file);
      expect(it.next().value).toMatchObject({ kind: "record", recordId: 101 });
      writeFileSync(file, evtxFile([first, replacement.finish()]));
      const rest = [...it];
      expect(xmlOf(rest)).toEqual([expect.stringContaining("<EventRecordID>102<"), expect.stringContaining("<EventRecordID>103<"), "<Replaced/>"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
