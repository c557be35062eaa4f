// The XmlWinEventLog scanner and the Sysmon TA helpers read text with character tests where they
// used regexes (for speed); each must answer exactly as its regex did. Inputs are the fixture
// records and seeded random mutations of them (a failure reproduces), biased towards the
// characters and tags the scanners branch on.
import { describe, expect, it } from "vitest";
import { parseXmlRecord } from "../../../src/adapters/xml-record.js";
import { sysmonBasename, stripDomain } from "../../../src/adapters/sysmon-text.js";
import { parseUtc } from "../../../src/adapters/win-time.js";
import { sysmonTa } from "../../../src/adapters/ta-sysmon.js";
import { EventtypeMemo } from "../../../src/adapters/eventtype-memo.js";
import { classify, type EventtypeDef } from "../../../src/adapters/eventtypes.js";
import { get, newFields, type Fields } from "../../../src/adapters/fields.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "./fixtures.js";
import { parseWithRegexes } from "./xml-record-regex.js";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const PIECES = [
  "<", ">", "/", "'", '"', "=", " ", "\n", "\u00a0", "\u2028", "x", "_", "9", "Data", "<Data", "</Data>",
  "<Data Name='x'>v</Data>", "<Data Name='Image'>", " Name='", "<Data>u</Data>", "<Data Name='z'/>", "<UserData>",
  "</UserData>", "<EventData>", "</EventData>", "<RenderingInfo Culture='en'>", "<Message>m</Message>", "</System>",
  "<EventID>", "</EventID>", "<Channel/>", "<Channel>", "EventIDx", "SystemTime='", "<EventID>4</EventID>",
];
const ANCHORS = ["<System>", "</System>", "<EventData>", "</EventData>", "</Data>", "<Data ", "'>", "/>", "</EventID>", "<Provider"];

function mutate(record: string, r: () => number): string {
  let s = record;
  for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
    const anchor = s.indexOf(ANCHORS[Math.floor(r() * ANCHORS.length)]!);
    const at = r() < 0.5 && anchor >= 0 ? anchor + Math.floor(r() * 12) : Math.floor(r() * (s.length + 1));
    s = r() < 0.6 ? s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(at) : s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 6));
  }
  return s;
}

/** Comparable form: bags as entry lists, so key order counts too. */
function shape(rec: ReturnType<typeof parseWithRegexes> | ReturnType<typeof parseXmlRecord>): unknown {
  if (typeof rec === "string") return rec;
  const { eventId, channel, systemTime } = rec;
  return { eventId, channel, systemTime, system: Object.entries(rec.system), data: Object.entries(rec.data), extra: Object.entries(rec.extra) };
}

describe("XML record scanner = the regex scanner it replaced", () => {
  const records = [
    sysmonXml(1, "2023-11-07T09:41:12.523Z", SYSMON_1),
    securityXml(4688, "2023-11-07T09:41:12.490Z", SEC_4688),
    securityXml(4688, "2023-11-07T09:41:12.490Z", SEC_4688).replace("<EventID>4688</EventID>", "<EventID Qualifiers='16384'>7045</EventID>"),
    sysmonXml(1, "2023-11-07T09:41:12.523Z", SYSMON_1).replace(/'/g, '"'),
  ];

  it("on the fixture records and 6,000 mutations of them", () => {
    const r = random(20240601);
    for (let i = 0; i < 6000; i++) {
      const base = records[i % records.length]!;
      // Intact records between mutated ones keep the name predictors' guesses warm.
      const text = i % 3 === 0 ? base : mutate(base, r);
      expect(shape(parseXmlRecord(text)), text).toEqual(shape(parseWithRegexes(text)));
    }
  });
});

describe("Sysmon TA rewrites = their regexes", () => {
  const IMAGE_PREFIX = /(.*\\)(?=.*(\.\w*)$|(\w+)$)/;
  const DOMAIN_PREFIX = /(.*)\\(.+)$/;
  const PARTS = ["\\", ".", "a", "Z", "_", "0", " ", "-", "\n", "\r", "\u2028", "é", "exe", "C:", "\\\\"];

  it("on 20,000 short strings over the characters they branch on", () => {
    const r = random(7);
    for (let i = 0; i < 20000; i++) {
      let s = "";
      for (let n = Math.floor(r() * 10); n > 0; n--) s += PARTS[Math.floor(r() * PARTS.length)];
      expect(sysmonBasename(s), s).toBe(s.replace(IMAGE_PREFIX, ""));
      expect(stripDomain(s), s).toBe(s.replace(DOMAIN_PREFIX, "$2"));
    }
  });
});

describe("Sysmon TA hash and SID tests = their regexes", () => {
  it("take the leftmost match, as the regexes did", () => {
    const HEX = {
      MD5: /MD5=([a-fA-F0-9]{32})/,
      SHA1: /SHA1=([a-fA-F0-9]{40})/,
      SHA256: /SHA256=([a-fA-F0-9]{64})/,
      IMPHASH: /IMPHASH=([a-fA-F0-9]{32})/,
    };
    const values = [
      `MD5=abc,MD5=${"a".repeat(32)}`, `SHA256=${"F".repeat(70)}`, `XMD5=${"0".repeat(32)}`, `IMPHASH=${"g".repeat(32)}`,
      `SHA1=${"1".repeat(39)},SHA1=${"2".repeat(40)}`, `MD5=${"A".repeat(31)}`, "",
    ];
    for (const hashes of values) {
      const f = newFields();
      f.EventCode = "1";
      f.Hashes = hashes;
      f.UserID = hashes === "" ? "'S-1-5-18'" : "'S-1-5-1x'";
      sysmonTa(f);
      for (const [name, re] of Object.entries(HEX)) expect(f[name], `${name} ${hashes}`).toBe(re.exec(hashes)?.[1]);
      expect(f.SecurityID).toBe(hashes === "" ? "S-1-5-18" : undefined);
    }
  });
});

describe("parseUtc = its regex", () => {
  const SHAPE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?$/;
  function regexUtc(text: string): number | undefined {
    const m = SHAPE.exec(text.trim());
    if (!m) return undefined;
    const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    const frac = m[7];
    if (frac === undefined) return ms / 1000;
    return (ms + (frac.length <= 3 ? +frac.padEnd(3, "0") : +`${frac.slice(0, 3)}.${frac.slice(3)}`)) / 1000;
  }

  it("bit for bit, on 20,000 timestamps with 0–19 fraction digits and stray characters", () => {
    const r = random(11);
    const two = (n: number): string => String(Math.floor(r() * n)).padStart(2, "0");
    for (let i = 0; i < 20000; i++) {
      let t = `${String(Math.floor(r() * 10000)).padStart(4, "0")}-${two(14)}-${two(33)}${r() < 0.5 ? "T" : " "}${two(25)}:${two(61)}:${two(61)}`;
      const digits = Math.floor(r() * 20);
      if (digits > 0) t += `.${Array.from({ length: digits - 1 }, () => Math.floor(r() * 10)).join("")}`;
      if (r() < 0.5) t += "Z";
      if (r() < 0.1) {
        const at = Math.floor(r() * t.length);
        t = t.slice(0, at) + " .Z:\n9"[Math.floor(r() * 6)] + t.slice(at + 1);
      }
      expect(Object.is(parseUtc(t), regexUtc(t)), t).toBe(true);
    }
  });
});

describe("EventtypeMemo", () => {
  const event = (source: string, code: string, action?: string): Fields => {
    const f = newFields();
    f.source = source;
    f.sourcetype = "XmlWinEventLog";
    f.EventCode = code;
    if (action) f.action = action;
    return f;
  };
  const bySource: EventtypeDef = { name: "b", tags: ["y", "x"], matches: (f) => get(f, "source") === "S" && get(f, "EventCode") === "1" };
  const always: EventtypeDef = { name: "a", tags: ["x"], matches: () => true };

  it("gives classify's eventtype and tag lists, as fresh arrays per event", () => {
    const memo = new EventtypeMemo([bySource, always], ["source", "sourcetype", "EventCode", "action"]);
    for (const [source, code] of [["S", "1"], ["S", "2"], ["S", "1"], ["T", "1"]] as const) {
      const a = event(source, code);
      const b = event(source, code);
      classify(a, [bySource, always]);
      memo.classify(b);
      expect(b).toEqual(a);
    }
    const one = event("S", "1");
    const two = event("S", "1");
    memo.classify(one);
    memo.classify(two);
    expect(one.tag).not.toBe(two.tag);
  });

  it("never caches an outcome that read a field outside the key", () => {
    let calls = 0;
    const byUser: EventtypeDef = { name: "u", tags: ["t"], matches: (f) => (calls++, get(f, "user") === "root") };
    const memo = new EventtypeMemo([byUser], ["source", "sourcetype", "EventCode", "action"]);
    const root = event("S", "1");
    root.user = "root";
    const other = event("S", "1");
    other.user = "alice";
    memo.classify(root);
    memo.classify(other);
    expect(root.eventtype).toEqual(["u"]);
    expect(other.eventtype).toBeUndefined();
    expect(calls).toBe(2);
  });
});
