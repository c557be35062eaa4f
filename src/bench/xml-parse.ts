/**
 * `node dist/bench/xml-parse.js [generated events] [runs] [datasets dir]` (not a test): parse-only
 * throughput of the XmlWinEventLog path — record text to the field object the adapter emits, into
 * a sink that only counts — so the event store's cost is not in the number. Two corpora:
 * (a) `generateSysmonXml`, (b) every XmlWinEventLog text file under the datasets directory
 * (default `../shared/datasets`; EVTX binaries and mixed classic exports are left out so the
 * anchors parse the same bytes). Anchors, run on the same text in the same process, say whether
 * a change is in the scanner or in the machine: fast-xml-parser's `XMLParser().parse` (a generic
 * XML parser; on record-aligned pieces of about 8 MB, as the issue-9 bench's xml-anchor-task
 * does) and one regex pass over the `<Data Name=…>` pairs (the floor for any scanner).
 * Prints one JSON object with the median of `runs` runs per measurement.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { XMLParser } from "fast-xml-parser";
import { parseOnly } from "./parse-only.js";
import { generateSysmonXml } from "./generate.js";

const generatedEvents = Number(process.argv[2] ?? 20_000);
const runs = Number(process.argv[3] ?? 3);
const datasets = process.argv[4] ?? "../shared/datasets";

interface Corpus {
  readonly name: string;
  readonly texts: readonly string[];
  readonly bytes: number;
}

/** Rates from CPU time (user + system): on shared cores wall time also counts waiting. */
interface Rate {
  readonly cpu_ms: number;
  readonly wall_ms: number;
  readonly mb_per_s: number;
  readonly events_per_s?: number;
}

/** Record-aligned pieces of about 8 MB: one parse of a whole large file would time its object tree. */
const SLICE_CHARS = 8 << 20;

function fastXmlParser(texts: readonly string[]): number {
  let n = 0;
  const parser = new XMLParser();
  for (const text of texts) {
    for (let at = 0; at < text.length; ) {
      const cut = text.indexOf("\n<Event xmlns=", at + SLICE_CHARS);
      const end = cut < 0 ? text.length : cut + 1;
      if (parser.parse(text.slice(at, end))) n++;
      at = end;
    }
  }
  return n;
}

const DATA_PAIR = /<Data Name=(?:'([^']*)'|"([^"]*)")>([^<]*)<\/Data>/g;

function regexScan(texts: readonly string[]): number {
  let n = 0;
  for (const text of texts) for (DATA_PAIR.lastIndex = 0; DATA_PAIR.exec(text); ) n++;
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs each measurement `runs` times, interleaved so drift hits all of them alike. */
function measure(corpus: Corpus): Record<string, Rate | number> {
  const fns = { minispl: parseOnly, fast_xml_parser: fastXmlParser, regex_data_scan: regexScan };
  const cpu: Record<string, number[]> = {};
  const wall: Record<string, number[]> = {};
  let events = 0;
  for (const fn of Object.values(fns)) fn(corpus.texts); // warm-up (JIT)
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const n = fn(corpus.texts);
      (wall[name] ??= []).push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      (cpu[name] ??= []).push((c.user + c.system) / 1000);
      if (name === "minispl") events = n;
    }
  }
  const out: Record<string, Rate | number> = { events, bytes: corpus.bytes };
  for (const name of Object.keys(fns)) {
    const ms = median(cpu[name]!);
    const rate: Rate = { cpu_ms: Math.round(ms), wall_ms: Math.round(median(wall[name]!)), mb_per_s: round(corpus.bytes / 1e6 / (ms / 1000)) };
    out[name] = name === "minispl" ? { ...rate, events_per_s: Math.round(events / (ms / 1000)) } : rate;
  }
  return out;
}

function round(x: number): number {
  return Number(x.toFixed(1));
}

/** XmlWinEventLog files under `dir`: text whose first record line starts `<Event xmlns=`. */
function realCorpus(dir: string): Corpus {
  const texts: string[] = [];
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const n of readdirSync(p).sort()) if (!n.startsWith(".")) walk(join(p, n));
      return;
    }
    if (!/\.(xml|log)$/.test(p)) return;
    const text = readFileSync(p, "utf8");
    if (/^\uFEFF?<Event xmlns=/.test(text)) texts.push(text);
  };
  walk(dir);
  return corpus(`real XML files in ${dir} (${texts.length})`, texts);
}

function corpus(name: string, texts: string[]): Corpus {
  return { name, texts, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0) };
}

const results: Record<string, unknown> = { node: process.version, runs };
results[`generated Sysmon EID 1 (${generatedEvents})`] = measure(corpus("generated", [generateSysmonXml(generatedEvents)]));
const real = realCorpus(datasets);
results[real.name] = measure(real);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
