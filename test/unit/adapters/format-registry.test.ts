// The format registry (formats.ts): every registered format is found from a small head written
// here, forced sourcetypes pick their reader (with the JSON/text split of the Windows sourcetypes),
// registry order is the precedence, every entry's handler reads its own sample through the text
// session, and a format that exists only in this file is read end to end by passing a registry.
import { describe, expect, it } from "vitest";
import type { EventInput } from "../../../src/store/event-store.js";
import { detectFormat, FORMATS, linuxSysmon, mappedEvents, parseMapping, TextSession } from "../../../src/adapters/index.js";
import type { HandlerContext, IngestOptions, LogFormat } from "../../../src/adapters/index.js";
import { lineHandler } from "../../../src/adapters/line-handler.js";
import { newFields } from "../../../src/adapters/fields.js";
import { HOST, SYSMON_1, sysmonXml } from "./fixtures.js";
import { classic4104 } from "./classic-fixtures.js";

// Heads: only what detection needs to see, not necessarily records a handler would accept.
const XML_HEAD = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1</EventID>\n";
const CLASSIC_HEAD = "03/09/2024 12:05:32 AM\nLogName=Security\nEventCode=4688\nMessage=A new process has been created.\n";
const FDR_HEAD = '{"event_simpleName":"ProcessRollup2","timestamp":"1709942731120"}\n';
const NXLOG_HEAD = '{"EventID":4688,"Channel":"Security","Hostname":"ws-01"}\n';
const LINUX_HEAD = "<Event><System><Provider Name=\"Linux-Sysmon\"/><EventID>1</EventID></System></Event>\n";
const SYSLOG_LINUX_HEAD = `Mar  5 08:01:02 web-07 sysmon: ${LINUX_HEAD}`;
const UNKNOWN_JSON = '{"ts":"2024-03-09T00:05:31Z","user":"r.moreau"}\n';
const MAPPING = parseMapping("sourcetype: acme:edr\ntime: { field: ts }\n", "acme.yml");

describe("every registered format is detected", () => {
  const rows: ReadonlyArray<readonly [string, string, IngestOptions]> = [
    ["xmlwineventlog", XML_HEAD, {}],
    ["wineventlog", CLASSIC_HEAD, {}],
    ["nxlog-json", NXLOG_HEAD, { sourcetype: "XmlWinEventLog" }],
    ["crowdstrike-fdr", FDR_HEAD, { sourcetype: "crowdstrike:events:sensor" }],
    ["json-events", FDR_HEAD, {}],
    ["json-events", NXLOG_HEAD, {}],
    ["sysmon-linux", LINUX_HEAD, {}],
    ["sysmon-linux", SYSLOG_LINUX_HEAD, {}],
    ["mapped", UNKNOWN_JSON, { mapping: MAPPING }],
  ];

  it.each(rows)("%s from %j", (name, head, opts) => {
    expect(detectFormat(head, opts)?.name).toBe(name);
  });

  it("the table covers the whole registry", () => {
    expect(new Set(rows.map(([name]) => name))).toEqual(new Set(FORMATS.map((f) => f.name)));
  });

  it.each([["plain text", "hello world\n"], ["JSON without known keys", UNKNOWN_JSON], ["empty", ""], ["a date line without a header", "03/09/2024 12:05:32 AM\nhello\n"]])(
    "nothing claims %s without a mapping",
    (_what, head) => expect(detectFormat(head)).toBeUndefined(),
  );
});

describe("forced sourcetypes", () => {
  it.each([
    ["XmlWinEventLog", XML_HEAD, "xmlwineventlog"],
    ["XmlWinEventLog", CLASSIC_HEAD, "xmlwineventlog"],
    ["XmlWinEventLog", "anything\n", "xmlwineventlog"],
    ["xmlwineventlog", NXLOG_HEAD, "nxlog-json"],
    ["XmlWinEventLog", FDR_HEAD, "nxlog-json"],
    ["WinEventLog", XML_HEAD, "wineventlog"],
    ["WINEVENTLOG", "anything\n", "wineventlog"],
    ["WinEventLog", NXLOG_HEAD, "nxlog-json"],
    ["crowdstrike:events:sensor", NXLOG_HEAD, "crowdstrike-fdr"],
    ["CrowdStrike:Events:Sensor", "not json\n", "crowdstrike-fdr"],
    ["sysmon:linux", XML_HEAD, "sysmon-linux"],
    ["sysmon:linux", FDR_HEAD, "sysmon-linux"],
    // Any other sourcetype only renames the field: content decides.
    ["acme:edr", XML_HEAD, "xmlwineventlog"],
    ["json", FDR_HEAD, "json-events"],
    ["", LINUX_HEAD, "sysmon-linux"],
  ])("%s on %j → %s", (sourcetype, head, name) => {
    expect(detectFormat(head, { sourcetype })?.name).toBe(name);
  });

  it("an unknown sourcetype on unknown content is unrecognised, or mapped with a mapping", () => {
    expect(detectFormat(UNKNOWN_JSON, { sourcetype: "acme:edr" })).toBeUndefined();
    expect(detectFormat(UNKNOWN_JSON, { sourcetype: "acme:edr", mapping: MAPPING })?.name).toBe("mapped");
  });

  it("a forced sourcetype wins over a mapping", () => {
    expect(detectFormat(UNKNOWN_JSON, { sourcetype: "crowdstrike:events:sensor", mapping: MAPPING })?.name).toBe("crowdstrike-fdr");
  });
});

describe("precedence", () => {
  it.each([
    ["XML over classic in a mixed export (classic first)", `${CLASSIC_HEAD}${XML_HEAD}`, "xmlwineventlog"],
    ["Windows before Linux Sysmon", `${LINUX_HEAD}${CLASSIC_HEAD}`, "wineventlog"],
    ["Windows XML before Linux Sysmon", `${LINUX_HEAD}${XML_HEAD}`, "xmlwineventlog"],
    ["JSON before Linux Sysmon", `{"Message":"<Event><System>","EventID":1}\n`, "json-events"],
    ["Linux Sysmon never on JSON content", `{"Message":"<Event><System>"}\n${LINUX_HEAD}`, undefined],
    ["XML anywhere in the first 64 KB", `${"preamble\n".repeat(1000)}${XML_HEAD}`, "xmlwineventlog"],
    ["nothing after the first 64 KB", `${"preamble\n".repeat(8000)}${XML_HEAD}`, undefined],
  ])("%s", (_what, head, name) => {
    expect(detectFormat(head)?.name).toBe(name);
  });

  it.each([XML_HEAD, CLASSIC_HEAD, FDR_HEAD, NXLOG_HEAD, LINUX_HEAD])("a mapping does not take over known content: %j", (head) => {
    expect(detectFormat(head, { mapping: MAPPING })?.name).toBe(detectFormat(head)?.name);
  });

  it("the registry order is the precedence", () => {
    const linuxFirst = [linuxSysmon, ...FORMATS.filter((f) => f !== linuxSysmon)];
    expect(detectFormat(`${LINUX_HEAD}${XML_HEAD}`, {}, linuxFirst)?.name).toBe("sysmon-linux");
  });
});

interface Collected {
  readonly events: Array<{ readonly format: string; readonly event: EventInput }>;
  readonly skipped: Array<{ readonly line: number; readonly reason: string }>;
}

/** Streams `text` through a text session in `chunk`-byte pieces, as files and archive members are read. */
function session(text: string, opts: IngestOptions = {}, formats?: readonly LogFormat[], chunk = 7): Collected {
  const out: Collected = { events: [], skipped: [] };
  const ctx: HandlerContext = {
    file: "inline",
    opts,
    emit: (event, format) => void out.events.push({ format, event }),
    skip: (line, reason) => void out.skipped.push({ line, reason }),
  };
  const s = formats ? new TextSession(ctx, formats) : new TextSession(ctx);
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += chunk) s.pushBytes(bytes.subarray(i, i + chunk));
  s.end();
  return out;
}

describe("each registered format's handler reads its sample through the text session", () => {
  const XML = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n`;
  const NXLOG = `${JSON.stringify({ EventID: 4688, Channel: "Security", Hostname: HOST, "@timestamp": "2024-03-09T00:05:31.490Z", NewProcessName: "C:\\Windows\\System32\\whoami.exe" })}\n`;
  const FDR = `${JSON.stringify({ event_simpleName: "ProcessRollup2", timestamp: "1709942731120", ImageFileName: "\\Device\\HarddiskVolume3\\Windows\\System32\\whoami.exe", event_platform: "Win" })}\n`;
  const LINUX =
    '<Event><System><Provider Name="Linux-Sysmon"/><EventID>1</EventID><TimeCreated SystemTime="2024-03-05T08:01:02.123456000Z"/>' +
    '<Channel>Linux-Sysmon/Operational</Channel><Computer>web-07</Computer></System><EventData><Data Name="UtcTime">2024-03-05 08:01:02.130</Data>' +
    '<Data Name="Image">/usr/bin/curl</Data></EventData></Event>\n';

  it.each([
    ["xmlwineventlog", XML, {}, ["xmlwineventlog"]],
    ["wineventlog", classic4104("03/09/2024 12:05:32 AM", 7001, "Get-Date"), {}, ["wineventlog"]],
    ["mixed Windows text", `${classic4104("03/09/2024 12:05:32 AM", 7001, "Get-Date")}${XML}`, {}, ["wineventlog", "xmlwineventlog"]],
    ["nxlog-json (forced)", NXLOG, { sourcetype: "XmlWinEventLog" }, ["nxlog-json"]],
    ["crowdstrike-fdr (forced)", FDR, { sourcetype: "crowdstrike:events:sensor" }, ["crowdstrike-fdr"]],
    ["json-events", `${FDR}${NXLOG}`, {}, ["crowdstrike-fdr", "nxlog-json"]],
    ["sysmon-linux", LINUX, {}, ["sysmon-linux"]],
    ["mapped", UNKNOWN_JSON, { mapping: MAPPING }, ["mapped"]],
  ])("%s", (_what, text, opts, formats) => {
    const out = session(text, opts);
    expect(out.skipped).toEqual([]);
    expect(out.events.map((e) => e.format)).toEqual(formats);
  });

  it("a file nothing claims is one skipped record", () => {
    expect(session("hello\nworld\n")).toEqual({ events: [], skipped: [{ line: 1, reason: "unrecognised format" }] });
  });
});

describe("a format registered only here", () => {
  // `PSV|<epoch>|<host>|<action>` lines: a made-up pipe-separated audit log. Everything the format
  // needs is in this object; no file under src/ knows it.
  const PSV_LINE = /^PSV\|/m;
  const psv: LogFormat = {
    name: "psv-audit",
    forcedBy: { sourcetypes: ["Acme:PSV"] },
    recognises: (head) => !head.json && PSV_LINE.test(head.text),
    open(ctx) {
      let line = 0;
      return lineHandler((text) => {
        line++;
        const raw = text.replace(/\r$/, "");
        if (raw.trim() === "") return;
        const cells = raw.split("|");
        const [tag = "", epoch = "", host = "", action = ""] = cells;
        if (tag !== "PSV" || cells.length !== 4 || !/^\d+$/.test(epoch)) return ctx.skip(line, "not a PSV record");
        const fields = newFields();
        fields._raw = raw;
        fields.host = ctx.opts.host ?? host;
        fields.source = ctx.opts.source ?? ctx.file;
        fields.sourcetype = ctx.opts.sourcetype ?? "acme:psv";
        fields.index = ctx.opts.index ?? "main";
        fields.action = action;
        ctx.emit({ time: Number(epoch), fields }, "psv-audit");
      });
    },
  };
  const PSV = "PSV|1709942731|ws-01|login\r\nPSV|1709942790|ws-02|logout\r\nbroken\nPSV|1709942800|ws-01|login\n";
  // Before the mapping entry, so a mapping still only takes content nothing else knows.
  const registry = [...FORMATS.filter((f) => f !== mappedEvents), psv, mappedEvents];

  it("is unknown to the default registry", () => {
    expect(detectFormat(PSV)).toBeUndefined();
    expect(session(PSV).skipped).toEqual([{ line: 1, reason: "unrecognised format" }]);
  });

  it.each([1, 5, 4096])("is detected and read end to end through the text session (%i-byte chunks)", (chunk) => {
    expect(detectFormat(PSV, {}, registry)?.name).toBe("psv-audit");
    const out = session(PSV, {}, registry, chunk);
    expect(out.events.map(({ format, event }) => [format, event.time, event.fields.host, event.fields.action, event.fields.sourcetype])).toEqual([
      ["psv-audit", 1709942731, "ws-01", "login", "acme:psv"],
      ["psv-audit", 1709942790, "ws-02", "logout", "acme:psv"],
      ["psv-audit", 1709942800, "ws-01", "login", "acme:psv"],
    ]);
    expect(out.skipped).toEqual([{ line: 3, reason: "not a PSV record" }]);
  });

  it("its forced sourcetype selects it, and it leaves the other formats alone", () => {
    expect(detectFormat("PSV|x\n", { sourcetype: "acme:psv" }, registry)?.name).toBe("psv-audit");
    expect(detectFormat(XML_HEAD, {}, registry)?.name).toBe("xmlwineventlog");
    expect(detectFormat(UNKNOWN_JSON, { mapping: MAPPING }, registry)?.name).toBe("mapped");
    expect(detectFormat(PSV, { mapping: MAPPING }, registry)?.name).toBe("psv-audit");
  });
});
