/**
 * Lookup definitions: what a transforms.conf stanza says about a lookup, read from ESCU's
 * `lookups/*.yml` (contentctl writes each file as one stanza: filename or collection, match_type,
 * case_sensitive_match, min_matches, max_matches, default_match, fields_list).
 *
 * Defaults are transforms.conf.spec's (Admin Manual, transforms.conf, "Lookup tables"):
 * case_sensitive_match = true, max_matches = 100 (not time-bound), min_matches = 0,
 * default_match = "" and EXACT matching for every field not named in match_type.
 */
import { parse as parseYaml } from "yaml";
import type { CsvProblem } from "./csv.js";

export type MatchKind = "EXACT" | "WILDCARD" | "CIDR";

export interface LookupDefinition {
  /** The stanza name a search uses (`lookup <name> …`). */
  readonly name: string;
  /** The CSV (or other) file holding the table; absent for a KV-store collection. */
  readonly filename?: string;
  /** KV-store collection name. */
  readonly collection?: string;
  /** The collection's declared fields (`fields_list`), when given. */
  readonly fieldsList?: readonly string[];
  /** Non-exact match types by lookup field. */
  readonly matchTypes: ReadonlyMap<string, MatchKind>;
  readonly caseSensitive: boolean;
  readonly minMatches: number;
  readonly maxMatches: number;
  readonly defaultMatch: string;
  /** Where the definition came from (a file path, or "file" for a bare CSV used by name). */
  readonly origin: string;
}

export const DEFAULT_MAX_MATCHES = 100;

/** The settings a lookup by CSV file name gets when no definition names it (all defaults). */
export function fileDefinition(filename: string): LookupDefinition {
  return {
    name: filename, filename, matchTypes: new Map(), caseSensitive: true,
    minMatches: 0, maxMatches: DEFAULT_MAX_MATCHES, defaultMatch: "", origin: "file",
  };
}

/** `WILDCARD(a), CIDR(b)` → field → kind ("a comma and space-delimited list", transforms.conf.spec). */
export function parseMatchType(text: string): { types: Map<string, MatchKind>; bad: string[] } {
  const types = new Map<string, MatchKind>();
  const bad: string[] = [];
  const item = /[\s,]*([A-Za-z_]+)\(\s*([^()]*?)\s*\)/y;
  let pos = 0;
  while (text.slice(pos).replace(/[\s,]/g, "") !== "") {
    item.lastIndex = pos;
    const m = item.exec(text);
    if (!m) {
      bad.push(text.slice(pos).replace(/^[\s,]+/, "").trim());
      break;
    }
    const kind = (m[1] as string).toUpperCase();
    if ((kind === "WILDCARD" || kind === "CIDR" || kind === "EXACT") && m[2]) types.set(m[2], kind);
    else bad.push(m[0].replace(/^[\s,]+/, ""));
    pos = item.lastIndex;
  }
  return { types, bad };
}

function boolSetting(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  const t = String(v).trim().toLowerCase();
  if (["true", "t", "1", "yes"].includes(t)) return true;
  if (["false", "f", "0", "no"].includes(t)) return false;
  return null;
}

function intSetting(v: unknown): number | null {
  const t = String(v).trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** contentctl types default_match as a boolean and writes it lower-cased (`default_match = false`). */
function defaultMatchText(v: unknown): string {
  if (v === undefined || v === null) return "";
  const t = String(v);
  return /^(true|false)$/i.test(t.trim()) ? t.trim().toLowerCase() : t;
}

export interface DefinitionParseResult {
  readonly definition: LookupDefinition | null;
  readonly problems: readonly CsvProblem[];
}

/** One ESCU lookup YAML file. Problems name the file; a file without `name` is not a definition. */
export function parseLookupYaml(text: string, file: string): DefinitionParseResult {
  const problems: CsvProblem[] = [];
  const report = (message: string, line = 1) => problems.push({ file, line, message });
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    report((e as Error).message.split("\n")[0] ?? "bad YAML", line);
    return { definition: null, problems };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    report("a lookup definition is a YAML mapping");
    return { definition: null, problems };
  }
  const o = doc as Record<string, unknown>;
  if (typeof o.name !== "string" || o.name.trim() === "") {
    report("a lookup definition needs `name`");
    return { definition: null, problems };
  }
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v).trim());
  const filename = str(o.filename);
  const collection = str(o.collection);
  if (!filename && !collection) report("a lookup definition needs `filename` or `collection`");
  let matchTypes = new Map<string, MatchKind>();
  if (o.match_type !== undefined && o.match_type !== null) {
    const parsed = parseMatchType(String(o.match_type));
    matchTypes = parsed.types;
    for (const b of parsed.bad) report(`match_type "${b}" is not WILDCARD(<field>), CIDR(<field>) or EXACT(<field>)`);
  }
  const setting = <T>(key: string, read: (v: unknown) => T | null, dflt: T, what: string): T => {
    const v = o[key];
    if (v === undefined || v === null) return dflt;
    const got = read(v);
    if (got === null) report(`${key} must be ${what}, got ${JSON.stringify(v)}`);
    return got ?? dflt;
  };
  const maxMatches = setting("max_matches", intSetting, DEFAULT_MAX_MATCHES, "an integer");
  const fieldsList = str(o.fields_list)?.split(/\s*,\s*/).filter((f) => f !== "");
  const definition: LookupDefinition = {
    name: o.name.trim(),
    ...(filename ? { filename } : {}),
    ...(collection && !filename ? { collection } : {}),
    ...(fieldsList ? { fieldsList } : {}),
    matchTypes,
    caseSensitive: setting("case_sensitive_match", boolSetting, true, "true or false"),
    minMatches: setting("min_matches", intSetting, 0, "an integer"),
    // transforms.conf.spec: "range 1 - 1000".
    maxMatches: Math.min(Math.max(maxMatches, 1), 1000),
    defaultMatch: defaultMatchText(o.default_match),
    origin: file,
  };
  return { definition, problems };
}
