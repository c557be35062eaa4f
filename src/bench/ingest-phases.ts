/**
 * `node --expose-gc dist/bench/ingest-phases.js <XmlWinEventLog file> [events] [runs]` (not a test):
 * where an index build's CPU goes, phase by phase, in CPU seconds per 100,000 events. Each phase
 * runs alone over the same records (the output of the phase before it, kept in memory), `runs`
 * times, and the fastest run counts: on shared cores the minimum is the figure least disturbed by
 * other work. Kept arrays make caches colder and the GC busier than the streaming build, so the
 * phases sum to somewhat more than `indexFile` alone, which is measured last for comparison.
 * Phases: decode (UTF-8, 4 MB chunks), record split, XML scan, add-on fields (TA emulation and
 * eventtypes), store append without and with the Brotli of `_raw` pages, the term filter,
 * datamodel membership, and the Parquet part (writePart, its own Brotli included).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextDecoder } from "node:util";
import { WinTextSplitter } from "../adapters/win-text-split.js";
import { parseXmlRecord, type XmlRecord } from "../adapters/xml-record.js";
import { winEvent } from "../adapters/win-event.js";
import { memberships } from "../datamodels/memberships.js";
import { PAGE_CHARS } from "../store/blob-column.js";
import { DATASETS_FIELD, EventStore, type EventInput } from "../store/event-store.js";
import { encodeBlobPage } from "../storage/parquet/index.js";
import { TermBlocksBuilder } from "../storage/terms/part-terms.js";
import { writePart } from "../storage/index/write-part.js";
import { indexFile } from "../storage/index/build-index.js";

const [file, eventsArg, runsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: node --expose-gc dist/bench/ingest-phases.js <XmlWinEventLog file> [events] [runs]");
const maxEvents = Number(eventsArg ?? 30_000);
const runs = Number(runsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** The fastest of `runs` runs of `fn` (CPU seconds) and the last result. */
function fastest<T>(fn: () => T): { s: number; out: T } {
  let s = Number.POSITIVE_INFINITY;
  let out: T | undefined;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const t = cpuSeconds();
    out = fn();
    s = Math.min(s, cpuSeconds() - t);
  }
  return { s, out: out as T };
}

const bytes = readFileSync(file);
const decoded = fastest(() => {
  const d = new TextDecoder();
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4 << 20) parts.push(d.decode(bytes.subarray(i, i + (4 << 20)), { stream: true }));
  return parts;
});
// Joined outside the timing: the streaming reader hands its chunks over as they are.
const text = decoded.out.join("");
const split = fastest(() => {
  const out: string[] = [];
  const s = new WinTextSplitter((r) => void (out.length < maxEvents && r.closed && r.kind === "xml" && out.push(r.text)), () => {});
  s.feed(text);
  s.end();
  return out;
});
const records = split.out;
const n = records.length;
const chars = records.reduce((k, r) => k + r.length, 0);
const scan = fastest(() => records.map((r) => parseXmlRecord(r)).filter((r): r is XmlRecord => typeof r !== "string"));
const addOn = fastest(() => scan.out.map((r) => winEvent(r, {})).filter((e): e is EventInput => typeof e !== "string"));
const events = addOn.out;
const terms = fastest(() => {
  const t = new TermBlocksBuilder();
  for (const e of events) t.add(e.fields._raw);
  return t.finish();
});
const brotli = fastest(() => {
  let page: string[] = [];
  let c = 0;
  for (const r of records) {
    page.push(r);
    c += r.length;
    if (c >= PAGE_CHARS) {
      encodeBlobPage(page);
      page = [];
      c = 0;
    }
  }
  if (page.length > 0) encodeBlobPage(page);
});
const append = fastest(() => {
  const store = new EventStore();
  for (const e of events) store.append(e);
  return store;
});
const store = append.out;
const members = fastest(() => memberships(store));
store.derive(DATASETS_FIELD, (r) => members.out.perRow[r] ?? null);
const dir = mkdtempSync(join(tmpdir(), "minispl-phases-"));
mkdirSync(join(dir, "events"));
try {
  const part = fastest(() => writePart(join(dir, "part.parquet"), store));
  // The whole build of the file (all its events) for comparison, scaled per event like the rest.
  const whole = fastest(() => indexFile(file, statSync(file), dir, {}));
  const per = (s: number, events = n): number => Math.round((s * 100_000 * 100) / events) / 100;
  const decodeShare = (decoded.s * chars) / text.length;
  console.log(
    JSON.stringify(
      {
        file,
        events: n,
        chars_per_event: Math.round(chars / n),
        runs,
        cpu_s_per_100k_events: {
          decode: per(decodeShare),
          record_split: per((split.s * chars) / text.length),
          xml_scan: per(scan.s),
          add_on_fields: per(addOn.s),
          store_append_without_brotli: per(append.s - brotli.s),
          brotli_raw_pages: per(brotli.s),
          term_filter: per(terms.s),
          datamodel_membership: per(members.s),
          parquet_part: per(part.s),
        },
        index_file_whole: { events: whole.out.events, cpu_s_per_100k_events: per(whole.s, whole.out.events) },
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
