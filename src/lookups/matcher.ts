/**
 * Finding the lookup rows that match an event (Knowledge Manager Manual, "Add field matching rules
 * to your lookup configuration"): every lookup field must match; EXACT compares text, WILDCARD
 * lets `*` in the lookup cell match any run of characters, CIDR treats the cell as a subnet.
 * case_sensitive_match=false makes every field case-insensitive. Rows are returned in file order,
 * at most max_matches of them ("Splunk software uses the first <integer> entries, in file order").
 *
 * An event field with several values matches a row when any of its values does (multivalue input
 * is undocumented; this is the search language's rule). A lookup cell that is empty never matches.
 * The first field narrows the candidates through a hash index; results are memoised per distinct
 * input, so a million events with a thousand distinct process names do a thousand searches.
 */
import { inSubnet, parseSubnet, type Subnet } from "../values/ip.js";
import type { LookupDefinition, MatchKind } from "./definition.js";
import type { LookupTable } from "./table.js";
import { wildcardTest } from "../executor/wildcard.js";

type CellTest = (value: string) => boolean;

interface FieldMatcher {
  readonly col: number;
  readonly kind: MatchKind;
  /** Rows whose cell equals the (normalised) value; for WILDCARD/CIDR, only cells without pattern syntax. */
  readonly index: Map<string, number[]>;
  /** WILDCARD/CIDR rows whose cell is a pattern, with their tests. */
  readonly patterns: readonly { readonly row: number; readonly test: CellTest }[];
  /** Per-row test of one event value (null for an empty cell). */
  readonly tests: readonly (CellTest | null)[];
}

const MEMO_LIMIT = 50_000;

export class LookupMatcher {
  private readonly fields: FieldMatcher[];
  private readonly memo = new Map<string, readonly number[]>();
  private readonly norm: (s: string) => string;

  /** `lookupFields` must be fields of `table` (the caller checks and reports). */
  constructor(private readonly table: LookupTable, private readonly def: Pick<LookupDefinition, "matchTypes" | "caseSensitive" | "maxMatches">, lookupFields: readonly string[]) {
    this.norm = def.caseSensitive ? (s) => s : (s) => s.toLowerCase();
    this.fields = lookupFields.map((f) => this.build(f));
  }

  private build(field: string): FieldMatcher {
    const col = this.table.fields.indexOf(field);
    const kind = this.def.matchTypes.get(field) ?? "EXACT";
    const index = new Map<string, number[]>();
    const patterns: { row: number; test: CellTest }[] = [];
    const tests: (CellTest | null)[] = [];
    const cache = new Map<string, CellTest>();
    this.table.rows.forEach((r, row) => {
      const cell = r[col] ?? null;
      if (cell === null) {
        tests.push(null);
        return;
      }
      const literal = kind === "EXACT" || (kind === "WILDCARD" && !cell.includes("*")) || (kind === "CIDR" && parseSubnet(cell) === null);
      if (literal) {
        const key = this.norm(cell);
        const hit = index.get(key);
        if (hit) hit.push(row);
        else index.set(key, [row]);
        tests.push((v) => this.norm(v) === key);
        return;
      }
      let test = cache.get(cell);
      if (!test) {
        test = kind === "CIDR" ? cidrTest(parseSubnet(cell) as Subnet) : wildcardTest(cell, this.def.caseSensitive);
        cache.set(cell, test);
      }
      patterns.push({ row, test });
      tests.push(test);
    });
    return { col, kind, index, patterns, tests };
  }

  /**
   * Matching rows for one event: `values[i]` are the event's values for the i-th lookup field
   * (each non-empty). File order, at most max_matches.
   */
  match(values: readonly (readonly string[])[]): readonly number[] {
    const key = JSON.stringify(values);
    const known = this.memo.get(key);
    if (known) return known;
    const result = this.search(values);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, result);
    return result;
  }

  private search(values: readonly (readonly string[])[]): readonly number[] {
    const first = this.fields[0];
    if (!first) return [];
    const candidates = new Set<number>();
    for (const v of values[0] ?? []) {
      for (const row of first.index.get(this.norm(v)) ?? []) candidates.add(row);
      for (const p of first.patterns) if (p.test(v)) candidates.add(p.row);
    }
    const rows = [...candidates].sort((a, b) => a - b).filter((row) => this.fields.every((f, i) => {
      if (i === 0) return true;
      const test = f.tests[row];
      return test ? (values[i] ?? []).some(test) : false;
    }));
    return rows.slice(0, this.def.maxMatches);
  }
}


function cidrTest(net: Subnet): CellTest {
  return (v) => inSubnet(v, net);
}
