/**
 * Where a detection test's attack data lives locally: contentctl downloads each
 * `tests[].attack_data[].data` URL; minispl maps it to a file under a local root by stripping the
 * attack_data repository prefix and keeping the rest of the path (issue: Detection testing).
 */

const PREFIXES = [
  "https://media.githubusercontent.com/media/splunk/attack_data/master/",
  "https://raw.githubusercontent.com/splunk/attack_data/master/",
];

/** The path of a URL's file relative to the attack_data root, or null for a URL of another host. */
export function attackDataRelativePath(url: string): string | null {
  const prefix = PREFIXES.find((p) => url.startsWith(p));
  if (!prefix) return null;
  const rest = decodeURIComponent(url.slice(prefix.length));
  // Never let a URL escape the root.
  if (rest.split("/").some((seg) => seg === ".." || seg === "")) return null;
  return rest;
}

export interface AttackDataEntry {
  readonly data: string;
  readonly source?: string;
  readonly sourcetype?: string;
}

export interface DetectionTest {
  readonly name: string;
  readonly attackData: readonly AttackDataEntry[];
}

/** The `tests:` entries of a detection YAML object. */
export function detectionTests(doc: unknown): DetectionTest[] {
  const tests = (doc as { tests?: unknown }).tests;
  if (!Array.isArray(tests)) return [];
  return tests.map((t, i) => {
    const o = (t ?? {}) as Record<string, unknown>;
    const entries = Array.isArray(o.attack_data) ? o.attack_data : [];
    return {
      name: typeof o.name === "string" ? o.name : `test ${i + 1}`,
      attackData: entries.map((e) => {
        const a = (e ?? {}) as Record<string, unknown>;
        return {
          data: String(a.data ?? ""),
          ...(typeof a.source === "string" ? { source: a.source } : {}),
          ...(typeof a.sourcetype === "string" ? { sourcetype: a.sourcetype } : {}),
        };
      }),
    };
  });
}
