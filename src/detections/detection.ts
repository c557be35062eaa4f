/**
 * ESCU detection YAML → the parts minispl runs: the search, the filter macro it calls, the
 * message template and the observables. Parsing is pure; the CLI reads the file.
 */
import { parseLenientYaml as parseYaml } from "../yaml/lenient-yaml.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { MacroTable } from "../macros/macro-table.js";
import { detectionTests, type DetectionTest } from "../testing/attack-data.js";

export interface Observable {
  readonly name: string;
  readonly type: string;
  readonly role: readonly string[];
}

/** A `drilldown_searches` entry, tokens (`$field$`, `%original_detection_search%`) unfilled. */
export interface DrilldownSearch {
  readonly name: string;
  readonly search: string;
  readonly earliestOffset?: string;
  readonly latestOffset?: string;
}

export interface Detection {
  readonly file: string;
  readonly name: string;
  readonly id?: string;
  readonly status?: string;
  readonly type?: string;
  readonly search: string;
  /** `tags.message`, with `$field$` placeholders. */
  readonly message?: string;
  readonly observables: readonly Observable[];
  readonly riskScore?: number;
  /** `tags.analytic_story` (the notables' `analyticstories`). */
  readonly analyticStories?: readonly string[];
  /** `tags.mitre_attack_id`. */
  readonly mitreAttackIds?: readonly string[];
  /** `drilldown_searches`. */
  readonly drilldowns?: readonly DrilldownSearch[];
  /** `tests:` entries (attack data per test). */
  readonly tests: readonly DetectionTest[];
}

export interface DetectionResult {
  readonly detection: Detection | null;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The file is YAML but not a detection (an ESCU macro, lookup, data source, story, investigation):
   * callers that walk a folder skip it and count it. `diagnostics` then says why.
   */
  readonly notDetection?: true;
  /** Where a YAML syntax error is (1-based), when the file does not parse. */
  readonly errorAt?: { readonly line: number; readonly col: number };
}

/**
 * The `type:` values of a detection, lower-cased: contentctl's analytic types (TTP, Anomaly,
 * Hunting, Correlation) and Baseline (ESCU baselines are searches run the same way). ESCU's other
 * YAML has no `search:` (macros: `definition`, lookups: `filename`, data sources, stories) or a
 * type of its own (`Investigation`).
 */
export const DETECTION_TYPES: ReadonlySet<string> = new Set(["ttp", "anomaly", "hunting", "correlation", "baseline"]);

/**
 * Whether a parsed YAML document is a detection, by its content (not its folder): a mapping whose
 * `type:` is a detection type, or, without a `type:`, one with a string `search:` (a hand-written
 * detection). A detection type with a missing `search:` is still a detection, a broken one.
 */
export function isDetectionDocument(doc: unknown): boolean {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return false;
  const o = doc as Record<string, unknown>;
  if (o.type === undefined || o.type === null) return typeof o.search === "string";
  return typeof o.type === "string" && DETECTION_TYPES.has(o.type.trim().toLowerCase());
}

/** The one line a command prints for the files it skipped as not detections (check, detect). */
export function notDetectionsNote(skipped: number): string {
  const what = skipped === 1 ? "file that is not a detection" : "files that are not detections";
  return `skipped ${skipped} YAML ${what} (macros, lookups, data sources, stories: no search: with a detection type:)`;
}

export function parseDetection(text: string, file: string): DetectionResult {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const pos = (e as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const line = pos?.line ?? 1;
    return { detection: null, diagnostics: [bad(`${file}:${line}: ${(e as Error).message.split("\n")[0] ?? "bad YAML"}`)], errorAt: { line, col: pos?.col ?? 1 } };
  }
  if (!isDetectionDocument(doc)) {
    // The wording keeps "needs string fields …", which readers of this message (hunt) look for.
    return { detection: null, notDetection: true, diagnostics: [bad(`${file}: not a detection: a detection needs string fields "name" and "search", and a type: TTP, Anomaly, Hunting, Correlation or Baseline`)] };
  }
  const o = doc as Record<string, unknown>;
  if (typeof o.name !== "string" || typeof o.search !== "string") {
    return { detection: null, diagnostics: [bad(`${file}: a detection needs string fields "name" and "search"`)] };
  }
  const tags = (o.tags ?? {}) as Record<string, unknown>;
  const observables = Array.isArray(tags.observable)
    ? (tags.observable as Record<string, unknown>[]).map((x) => ({
        name: String(x.name ?? ""),
        type: String(x.type ?? ""),
        role: Array.isArray(x.role) ? x.role.map(String) : [],
      }))
    : [];
  const drilldowns = Array.isArray(o.drilldown_searches)
    ? (o.drilldown_searches as unknown[]).filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && typeof (x as Record<string, unknown>).search === "string").map((x) => ({
        name: String(x.name ?? ""),
        search: String(x.search),
        ...(x.earliest_offset !== undefined && x.earliest_offset !== null ? { earliestOffset: String(x.earliest_offset) } : {}),
        ...(x.latest_offset !== undefined && x.latest_offset !== null ? { latestOffset: String(x.latest_offset) } : {}),
      }))
    : [];
  const detection: Detection = {
    file,
    name: o.name,
    search: o.search.trim(),
    observables,
    tests: detectionTests(o),
    ...(typeof o.id === "string" ? { id: o.id } : {}),
    ...(typeof o.status === "string" ? { status: o.status } : {}),
    ...(typeof o.type === "string" ? { type: o.type } : {}),
    ...(typeof tags.message === "string" ? { message: tags.message } : {}),
    ...(typeof tags.risk_score === "number" ? { riskScore: tags.risk_score } : {}),
    analyticStories: strings(tags.analytic_story),
    mitreAttackIds: strings(tags.mitre_attack_id),
    drilldowns,
  };
  return { detection, diagnostics: [] };
}

/** A YAML list of scalars (or one scalar) as strings. */
function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== null && typeof x !== "object").map(String);
}

function bad(message: string): Diagnostic {
  return diag("bad-detection", { message });
}

/**
 * The filter macro contentctl generates for a detection: the name lower-cased with spaces, `-`,
 * `.` and `/` replaced by `_`, plus `_filter` (escu-corpus.md "Reading the tables").
 */
export function filterMacroName(detectionName: string): string {
  return `${detectionName.replace(/[ \-./]/g, "_").toLowerCase()}_filter`;
}

/** The search as contentctl runs it: prefixed with `search ` unless it starts with a pipe. */
export function runnableSearch(search: string): string {
  return search.trimStart().startsWith("|") ? search : `search ${search}`;
}

/**
 * The macro table a detection runs with: the given one plus its filter macro as contentctl
 * generates it (`search *`), unless the table already defines it (a user's own filter).
 */
export function withFilterMacro(det: Detection, macros: MacroTable): MacroTable {
  const filter = filterMacroName(det.name);
  if (macros.has(filter, 0)) return macros;
  return macros.with([{ name: filter, args: [], definition: "search *", origin: "generated (contentctl default)" }]);
}
