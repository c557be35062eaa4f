/**
 * `npm run bench` (not a test): ingest throughput of XmlWinEventLog and the seed detection's
 * search over a generated store of 1M Endpoint.Processes events. Prints one JSON object.
 * Sizes can be lowered for a quick look: `node dist/bench/run.js 200000 50000`.
 */
import { performance } from "node:perf_hooks";
import { builtinMacros, EventStore, ingestText, runSearch } from "../index.js";
import { generateProcessEvents, generateSysmonXml } from "./generate.js";

const storeSize = Number(process.argv[2] ?? 1_000_000);
const xmlEvents = Number(process.argv[3] ?? 100_000);

const SEED = "| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_name=scrcons.exe by Processes.dest Processes.user Processes.parent_process Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` | `script_execution_via_wmi_filter`";

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

const xml = generateSysmonXml(xmlEvents);
const bytes = Buffer.byteLength(xml);
const [report, ingestMs] = time(() => ingestText(new EventStore(), xml, "generated.xml", {}));

const store = new EventStore();
const [, buildMs] = time(() => generateProcessEvents(store, storeSize));
const macros = builtinMacros().with([{ name: "script_execution_via_wmi_filter", args: [], definition: "search *", origin: "bench" }]);
const [first, firstMs] = time(() => runSearch(SEED, store, { macros, now: 1_700_000_000 }));
const [, secondMs] = time(() => runSearch(SEED, store, { macros, now: 1_700_000_000 }));
const mem = process.memoryUsage();

process.stdout.write(`${JSON.stringify({
  node: process.version,
  ingest_xmlwineventlog: {
    events: report.events,
    bytes,
    ms: Math.round(ingestMs),
    mb_per_s: Number((bytes / 1e6 / (ingestMs / 1000)).toFixed(2)),
    events_per_s: Math.round(report.events / (ingestMs / 1000)),
  },
  seed_search: {
    store_events: store.length,
    store_build_ms: Math.round(buildMs),
    first_run_ms: Math.round(firstMs),
    cached_datamodel_run_ms: Math.round(secondMs),
    rows: first.table?.length ?? null,
    errors: first.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
  },
  memory_mb: { rss: Math.round(mem.rss / 1e6), heap_used: Math.round(mem.heapUsed / 1e6) },
}, null, 2)}\n`);
