/**
 * Child-process task: the throughput anchor — fast-xml-parser's `new XMLParser().parse(text)` (a
 * generic XML parser) over the first `maxBytes` of the incident set, in record-aligned slices of
 * about 8 MB (parsing a whole 128 MB file at once would measure its object tree, not its
 * scanner), and a regex pass over the `<Data Name=…>` pairs (the floor for any scanner).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { XMLParser } from "fast-xml-parser";

export interface XmlAnchorArgs {
  readonly files: readonly string[];
  readonly maxBytes: number;
}

export interface Rate {
  readonly ms: number;
  readonly cpuMs: number;
}

export interface XmlAnchorResult {
  readonly bytes: number;
  readonly files: number;
  readonly fastXmlParser: Rate;
  readonly regexScan: Rate;
}

const SLICE_CHARS = 8 << 20;
const DATA_PAIR = /<Data Name=(?:'([^']*)'|"([^"]*)")>([^<]*)<\/Data>/g;

function slices(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const cut = text.indexOf("\n<Event xmlns=", at + SLICE_CHARS);
    const end = cut < 0 ? text.length : cut + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

function timed(fn: () => void): Rate {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

export function xmlAnchorTask(a: XmlAnchorArgs): XmlAnchorResult {
  let bytes = 0;
  let files = 0;
  const fxp: Rate[] = [];
  const scan: Rate[] = [];
  for (const file of a.files) {
    if (bytes >= a.maxBytes) break;
    const buf = readFileSync(file);
    bytes += buf.length;
    files++;
    const parts = slices(buf.toString("utf8"));
    fxp.push(timed(() => {
      for (const p of parts) new XMLParser().parse(p);
    }));
    scan.push(timed(() => {
      for (const p of parts) for (DATA_PAIR.lastIndex = 0; DATA_PAIR.exec(p); );
    }));
  }
  const sum = (rs: Rate[]): Rate => ({ ms: rs.reduce((n, r) => n + r.ms, 0), cpuMs: rs.reduce((n, r) => n + r.cpuMs, 0) });
  return { bytes, files, fastXmlParser: sum(fxp), regexScan: sum(scan) };
}
