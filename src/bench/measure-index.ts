/**
 * The indexing rows of the table: throughput (wall and CPU MB/s) beside fast-xml-parser on the
 * same files, peak RSS while indexing, and the index's size against the source text.
 */
import type { IncidentSet } from "./incident.js";
import { dirBytes } from "./dir-bytes.js";
import { runTask } from "./spawn-task.js";
import { MB, round } from "./stats.js";

export interface IndexRows {
  readonly index_throughput: Record<string, unknown>;
  readonly peak_rss_indexing: Record<string, unknown>;
  readonly index_size: Record<string, unknown>;
}

export async function measureIndex(dist: string, set: IncidentSet, dir: string, jobs: number): Promise<IndexRows> {
  const idx = (await runTask(dist, "index", { files: set.files, dir, jobs })).result;
  const indexBytes = dirBytes(dir);
  return {
    index_throughput: {
      mb_per_s: round(idx.inputBytes / MB / (idx.ms / 1000), 1), mb_per_cpu_s: round(idx.inputBytes / MB / (idx.cpuMs / 1000), 1), jobs, cores_busy: round(idx.cpuMs / idx.ms, 2),
      seconds: round(idx.ms / 1000, 1), events: idx.events, events_per_s: round(idx.events / (idx.ms / 1000)), parts: idx.parts, skipped_records: idx.skipped, datasets: idx.datasets,
      target: "≥ 150 MB/s on 2 cores; ≥ 5× fast-xml-parser",
    },
    peak_rss_indexing: { mb: round(idx.peakRssBytes / MB), events: idx.events, target: "≤ 1.5 GB at 10M events", met: idx.peakRssBytes <= 1.5e9 },
    index_size: { index_mb: round(indexBytes / MB, 1), source_mb: round(set.bytes / MB, 1), ratio: round(indexBytes / set.bytes, 3), target: "≤ 20% of the source text", met: indexBytes <= 0.2 * set.bytes },
  };
}

/** fast-xml-parser and the regex floor on the first `maxBytes` of the set, set beside the index rate. */
export async function measureXmlAnchor(dist: string, set: IncidentSet, maxBytes: number, indexMbPerS: number): Promise<Record<string, unknown>> {
  const a = (await runTask(dist, "xml-anchor", { files: set.files, maxBytes })).result;
  const fxp = a.bytes / MB / (a.fastXmlParser.ms / 1000);
  return {
    anchor_fast_xml_parser: { mb_per_s: round(fxp, 1), mb_per_cpu_s: round(a.bytes / MB / (a.fastXmlParser.cpuMs / 1000), 1), over_mb: round(a.bytes / MB), files: a.files },
    regex_data_scan_mb_per_s: round(a.bytes / MB / (a.regexScan.ms / 1000), 1),
    ratio_vs_fast_xml_parser: round(indexMbPerS / fxp, 2),
    met: indexMbPerS >= 150 && indexMbPerS / fxp >= 5,
  };
}
