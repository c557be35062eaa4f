/**
 * `npm run fuzz`: long fuzz runs from dist/ (the unit suite holds the short fixed-seed versions
 * under test/unit/fuzz). Prints a JSON summary; exits 1 when anything was found, 2 on bad usage.
 *
 *   queries: generators + mutated ESCU searches → worker (compile + runSearch + round trip)
 *   --data:  real files from <shared>/datasets, damaged → temp file → worker (ingestPaths)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataFuzz } from "./data-fuzz.js";
import { fuzzOptions, UsageError } from "./fuzz-options.js";
import { queryFuzz } from "./query-fuzz.js";

async function main(): Promise<number> {
  let o;
  try {
    o = fuzzOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return e instanceof UsageError && (e as Error).message.startsWith("usage") ? 0 : 2;
  }
  const t0 = performance.now();
  const result = o.data ? await dataFuzz(o) : await queryFuzz(o);
  const found = Object.values(result.counts).reduce((a, b) => a + b, 0);
  const summary = {
    mode: o.data ? "data" : "query",
    seed: o.seed,
    maxMs: o.maxMs,
    seconds: Math.round((performance.now() - t0) / 1000),
    ...result,
    // Inputs can be megabytes (huge literals): the summary clips them, the file keeps them whole.
    examples: result.examples.map((e) => ({ ...e, input: clip(e.input), ...(e.minimal ? { minimal: clip(e.minimal) } : {}) })),
    ...(found > 0 ? { findings: o.out } : {}),
  };
  if (found > 0) {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(join(o.out, "examples.json"), JSON.stringify(result.examples, null, 2));
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return found > 0 ? 1 : 0;
}

function clip(s: string, n = 400): string {
  return s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s;
}

process.exitCode = await main();
