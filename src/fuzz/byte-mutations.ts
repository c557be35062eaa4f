/**
 * Damage a data file can take on disk or in transit: bit flips, truncation, inserted or deleted
 * bytes, a range duplicated elsewhere, a zeroed range. Positions are fractions of the file
 * (0..1e6 ppm) so one mutation applies to any file and shrinks towards the file's start.
 */
import fc from "fast-check";

export type ByteMutation =
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: "delete" | "zero"; readonly at: number; readonly len: number }
  | { readonly kind: "duplicate"; readonly at: number; readonly len: number; readonly to: number };

export const PPM = 1_000_000;
const at = fc.integer({ min: 0, max: PPM });
const len = fc.integer({ min: 1, max: 70_000 });

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at }),
  fc.record({ kind: fc.constant("insert" as const), at, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constantFrom("delete" as const, "zero" as const), at, len }),
  fc.record({ kind: fc.constant("duplicate" as const), at, len, to: at }),
);

/** 1–3 mutations applied in order. */
export const byteMutations = fc.array(byteMutation, { minLength: 1, maxLength: 3 });

export function mutateBytes(input: Uint8Array, mutations: readonly ByteMutation[]): Buffer {
  let b: Buffer = Buffer.from(input);
  for (const m of mutations) b = applyOne(b, m);
  return b;
}

/** A duplicated range can legitimately repeat whole records, so more events than the original is no bug. */
export function mayAddRecords(mutations: readonly ByteMutation[]): boolean {
  return mutations.some((m) => m.kind === "duplicate");
}

export function describeMutation(m: ByteMutation): string {
  switch (m.kind) {
    case "flip": return `flip bit ${m.bit} at ${m.at}ppm`;
    case "truncate": return `truncate at ${m.at}ppm`;
    case "insert": return `insert ${m.bytes.length} bytes at ${m.at}ppm`;
    case "delete": case "zero": return `${m.kind} ${m.len} bytes at ${m.at}ppm`;
    case "duplicate": return `copy ${m.len} bytes from ${m.at}ppm to ${m.to}ppm`;
  }
}

function applyOne(b: Buffer, m: ByteMutation): Buffer {
  const pos = (ppm: number) => Math.min(b.length, Math.floor((ppm / PPM) * b.length));
  const i = pos(m.at);
  switch (m.kind) {
    case "flip": {
      if (b.length === 0) return b;
      const out = Buffer.from(b);
      const k = Math.min(i, b.length - 1);
      out[k] = (out[k] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case "truncate": return b.subarray(0, i);
    case "insert": return Buffer.concat([b.subarray(0, i), Buffer.from(m.bytes), b.subarray(i)]);
    case "delete": return Buffer.concat([b.subarray(0, i), b.subarray(i + m.len)]);
    case "zero": {
      const out = Buffer.from(b);
      out.fill(0, i, Math.min(b.length, i + m.len));
      return out;
    }
    case "duplicate": {
      const j = pos(m.to);
      return Buffer.concat([b.subarray(0, j), b.subarray(i, i + m.len), b.subarray(j)]);
    }
  }
}
