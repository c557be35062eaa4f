/**
 * Record-by-record comparison of what ingestion read from a damaged file with what it read from
 * the undamaged one (issue 10 acceptance: the damaged file's events are the original's minus the
 * records that overlap the damage). Events are equal when all their fields are (event-records.ts);
 * each original event is placed at its bytes in the original (file-units.ts), so a lost one is
 * either allowed (its bytes meet the damage's reach) or a bug; an event of the damaged file that
 * equals no original one is allowed only where the damage reaches, or as a repeat of an original
 * record inside a copied range.
 */
import { damageMap, insideCopy, originalOffset, overlaps, type DamageMap, type Range } from "./damage-map.js";
import type { ByteMutation } from "./byte-mutations.js";
import type { EventRecord } from "./event-records.js";
import { fileUnits, type Unit } from "./file-units.js";

export interface RecordCounts {
  /** Original events found unchanged in the damaged file's events. */
  equal: number;
  /** Original events missing whose bytes the damage reaches (allowed). */
  lostInDamage: number;
  /** Of those, EVTX records lost through their chunk's header or an earlier record (templates, strings). */
  lostViaChunk: number;
  /** Original events missing whose bytes the damage does not reach (a bug). */
  lostElsewhere: number;
  /** Events of the damaged file equal to no original one, where the damage reaches (allowed). */
  changedInDamage: number;
  /** Events of the damaged file equal to no original one, away from the damage (a bug). */
  changedElsewhere: number;
  /** Extra copies of original records that a duplicated range repeats (allowed). */
  repeated: number;
  /** Original events whose bytes could not be found (not classified). */
  unlocated: number;
}

export function emptyCounts(): RecordCounts {
  return { equal: 0, lostInDamage: 0, lostViaChunk: 0, lostElsewhere: 0, changedInDamage: 0, changedElsewhere: 0, repeated: 0, unlocated: 0 };
}

export function addCounts(a: RecordCounts, b: RecordCounts): void {
  for (const k of Object.keys(emptyCounts()) as (keyof RecordCounts)[]) a[k] += b[k];
}

/** The original's units and where each original event lies, computed once per file. */
export interface Baseline {
  readonly bytes: Buffer;
  readonly units: readonly Unit[];
  readonly records: readonly EventRecord[];
  /** Per record: its unit and byte range in that unit, or undefined when not found. */
  readonly places: readonly (Place | undefined)[];
}

interface Place {
  readonly unit: Unit;
  readonly range: Range;
  /** EVTX: the chunk header and the earlier records of the chunk. */
  readonly shared?: Range;
}

export function baselineOf(bytes: Buffer, records: readonly EventRecord[]): Baseline {
  const units = fileUnits(bytes);
  const cursors = new Map<Unit, number>();
  const places = records.map((r) => place(r, units, cursors));
  return { bytes, units, records, places };
}

function place(r: EventRecord, units: readonly Unit[], cursors: Map<Unit, number>): Place | undefined {
  const unit = units.find((u) => u.member === (r.member ?? "")) ?? (units.length === 1 ? units[0] : undefined);
  if (!unit) return undefined;
  if (unit.kind === "evtx") {
    const hit = unit.evtxRecords?.get(recordId(r.raw) ?? "");
    return hit ? { unit, range: hit.range, shared: { start: hit.chunk, end: hit.range.start } } : undefined;
  }
  const needle = Buffer.from(r.raw, "utf8");
  if (needle.length === 0) return undefined;
  let at = unit.content.indexOf(needle, cursors.get(unit) ?? 0);
  if (at < 0) at = unit.content.indexOf(needle);
  if (at < 0) return undefined;
  cursors.set(unit, at + needle.length);
  // A record includes its line end (`\r\n` at most): a reader that loses it cannot tell the line was whole.
  return { unit, range: { start: at, end: at + needle.length + 2 } };
}

function recordId(raw: string): string | undefined {
  const open = raw.indexOf("<EventRecordID>");
  if (open < 0) return undefined;
  const from = open + "<EventRecordID>".length;
  const close = raw.indexOf("<", from);
  return close < 0 ? undefined : raw.slice(from, close);
}

export function compareRecords(base: Baseline, damaged: Buffer, mutations: readonly ByteMutation[], got: readonly EventRecord[]): RecordCounts {
  const map = damageMap(base.bytes.length, mutations);
  const reach = new Map(base.units.map((u) => [u, u.reach(map.ranges)] as const));
  const c = emptyCounts();
  const byFp = new Map<string, number[]>();
  got.forEach((r, i) => {
    const list = byFp.get(r.fp);
    if (list) list.push(i);
    else byFp.set(r.fp, [i]);
  });
  const matched = new Set<number>();
  // Identical records (a dataset may hold the same event twice) are interchangeable: when fewer
  // come out than went in, the ones lost are those the damage reaches, whichever copy the
  // emitted events would be paired with in file order.
  const where = (k: number): "damage" | "chunk" | "elsewhere" | "unlocated" => {
    const p = base.places[k];
    if (!p) return "unlocated";
    if (overlaps(p.range, reach.get(p.unit) ?? [])) return "damage";
    return p.shared && overlaps(p.shared, reach.get(p.unit) ?? []) ? "chunk" : "elsewhere";
  };
  const rank = { damage: 0, chunk: 1, unlocated: 2, elsewhere: 3 } as const;
  const byOriginalFp = new Map<string, number[]>();
  base.records.forEach((r, k) => {
    const list = byOriginalFp.get(r.fp);
    if (list) list.push(k);
    else byOriginalFp.set(r.fp, [k]);
  });
  for (const [fp, ks] of byOriginalFp) {
    const out = byFp.get(fp) ?? [];
    const pairs = Math.min(ks.length, out.length);
    for (const i of out.splice(0, pairs)) matched.add(i);
    c.equal += pairs;
    const lost = ks.map(where).sort((a, b) => rank[a] - rank[b]).slice(0, ks.length - pairs);
    for (const w of lost) {
      if (w === "unlocated") c.unlocated++;
      else if (w === "elsewhere") c.lostElsewhere++;
      else {
        c.lostInDamage++;
        if (w === "chunk") c.lostViaChunk++;
      }
    }
  }
  const originalFps = new Set(base.records.map((r) => r.fp));
  got.forEach((r, i) => {
    if (matched.has(i)) return;
    const where = originalFps.has(r.fp) && inCopy(r, damaged, map) ? "copy" : extraPlace(r, base, damaged, map, reach);
    if (where === "copy") c.repeated++;
    else if (where === "outside") c.changedElsewhere++;
    else c.changedInDamage++;
  });
  return c;
}

/** Whether some occurrence of the event's text in the damaged file lies inside a copied range. */
function inCopy(r: EventRecord, damaged: Buffer, map: DamageMap): boolean {
  if (!map.pieces.some((p) => p.copy)) return false;
  const needle = Buffer.from(r.raw, "utf8");
  if (needle.length === 0) return false;
  for (let at = damaged.indexOf(needle); at >= 0; at = damaged.indexOf(needle, at + 1)) {
    if (insideCopy(map.pieces, at, at + needle.length)) return true;
  }
  return false;
}

/** Where an event of the damaged file that matches no original event comes from. */
function extraPlace(r: EventRecord, base: Baseline, damaged: Buffer, map: DamageMap, reach: Map<Unit, readonly Range[]>): "copy" | "damage" | "outside" {
  const unit = base.units.find((u) => u.member === (r.member ?? "")) ?? (base.units.length === 1 ? base.units[0] : undefined);
  if (!unit) return "damage";
  if (unit.kind === "evtx") {
    const hit = unit.evtxRecords?.get(recordId(r.raw) ?? "");
    if (!hit) return map.ranges.length > 0 ? "damage" : "outside";
    // A copied range repeats records; read in another chunk they render with that chunk's
    // templates and strings, so they need not equal the original. Their id is the original's.
    if (map.pieces.some((p) => p.copy)) return "damage";
    const own = overlaps(hit.range, map.ranges) || overlaps({ start: hit.chunk, end: hit.range.start }, map.ranges);
    return own ? "damage" : "outside";
  }
  if (unit.content !== base.bytes) return (reach.get(unit) ?? []).length > 0 ? "damage" : "outside";
  const needle = Buffer.from(r.raw, "utf8");
  if (needle.length === 0 || damaged.indexOf(needle) < 0) return "damage";
  // The text may occur more than once (multi-line records share long prefixes, and a record cut
  // by the damage is a prefix of a whole one): it is away from the damage only if no occurrence
  // touches it.
  for (let at = damaged.indexOf(needle); at >= 0; at = damaged.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const o1 = originalOffset(map.pieces, at);
    const o2 = originalOffset(map.pieces, end - 1);
    if (o1 === undefined || o2 === undefined || o2 - o1 !== end - 1 - at) return "damage";
    if (overlaps({ start: o1, end: o2 + 3 }, map.ranges)) return "damage";
  }
  return "outside";
}
