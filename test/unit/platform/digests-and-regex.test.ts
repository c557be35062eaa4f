// The browser's digests (pure JavaScript) equal node:crypto's, and its inline backtracking-regex
// runner answers every job exactly as Node's worker-thread runner does.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { browserDigests } from "../../../src/platform/browser-digests.js";
import type { DigestAlgorithm } from "../../../src/platform/digests.js";
import { runBacktrackingInline } from "../../../src/platform/inline-backtracking.js";
import { runBacktrackingInWorker } from "../../../src/platform/node-backtracking.js";
import type { BacktrackJob } from "../../../src/platform/threads.js";

const ALGORITHMS: readonly DigestAlgorithm[] = ["md5", "sha1", "sha256", "sha512"];

function nodeHex(algorithm: DigestAlgorithm, ...parts: (string | Uint8Array)[]): string {
  const h = createHash(algorithm);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);

describe("browserDigests.hex", () => {
  // Padding edges: MD5/SHA-1/SHA-256 use 64-byte blocks with 8 length bytes (55 fits one block,
  // 56 needs two); SHA-512 uses 128-byte blocks with 16 (111 fits, 112 needs two).
  const inputs: [string, (string | Uint8Array)[]][] = [
    ["empty", [""]],
    ["no parts", []],
    ["abc", ["abc"]],
    ...[1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000].map((n): [string, Uint8Array[]] => [`${n} bytes`, [bytes(n)]]),
    ["every byte value", [Uint8Array.from({ length: 256 }, (_, i) => i)]],
    ["non-ASCII text (UTF-8)", ["é✓ 😀 Ελληνικά \u0000 end"]],
    ["a lone surrogate (encoded as U+FFFD by both)", ["a\ud800b"]],
    ["several parts, strings and bytes", ["user01", new Uint8Array([0, 255, 10]), "", "cmd.exe /c whoami", bytes(70)]],
    ["a view into a larger buffer", [Buffer.from("<<abc>>").subarray(2, 5)]],
  ];
  it.each(ALGORITHMS.flatMap((a) => inputs.map(([name, parts]) => ({ a, name, parts }))))("$a of $name equals node:crypto's", ({ a, parts }) => {
    expect(browserDigests.hex(a, ...parts)).toBe(nodeHex(a, ...parts));
  });

  it("gives the published test vectors (RFC 1321, FIPS 180-4 examples)", () => {
    expect(browserDigests.hex("md5", "")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(browserDigests.hex("md5", "abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(browserDigests.hex("sha1", "abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(browserDigests.hex("sha256", "abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(browserDigests.hex("sha512", "abc")).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
  });

  it("equals node:crypto on random inputs split into random parts", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALGORITHMS), fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.uint8Array({ maxLength: 300 })), { maxLength: 4 }), (a, parts) => {
        expect(browserDigests.hex(a, ...parts)).toBe(nodeHex(a, ...parts));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses an algorithm it does not have", () => {
    expect(() => browserDigests.hex("md4" as DigestAlgorithm, "x")).toThrow(/not supported/);
  });
});

describe("browserDigests.randomUUID", () => {
  it("is an RFC 4122 version 4 UUID, different each time", () => {
    const ids = Array.from({ length: 50 }, () => browserDigests.randomUUID());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("runBacktrackingInline answers as runBacktrackingInWorker", () => {
  const test = (source: string, flags: string, input: string): BacktrackJob => ({ op: "test", source, flags, input });
  const matches = (source: string, flags: string, input: string, limit: number, spans: boolean): BacktrackJob => ({ op: "matches", source, flags, input, limit, spans });
  const jobs: [string, BacktrackJob][] = [
    ["test: a backreference that matches", test("(a)\\1", "", "xaay")],
    ["test: a backreference that does not", test("(a)\\1", "", "xay")],
    ["test: case-insensitive lookahead", test("^(?=.*POWERSHELL).*-enc", "i", "powershell.exe -enc ZQBj")],
    ["test: the g flag does not carry lastIndex between jobs (1)", test("a", "g", "a")],
    ["test: the g flag does not carry lastIndex between jobs (2)", test("a", "g", "a")],
    ["test: sticky flag ignored", test("b", "y", "ab")],
    ["matches: groups, an unmatched one undefined, spans", matches("(\\w)(\\d)?\\1", "", "aa b1b cc", 10, true)],
    ["matches: no spans asked", matches("(\\w)(\\d)?\\1", "", "aa b1b cc", 10, false)],
    ["matches: limit stops early", matches("(?<=x)(\\d+)", "", "x1 x22 x333 x4", 2, true)],
    ["matches: limit 0", matches("a", "", "aaa", 0, true)],
    ["matches: empty matches advance (unicode)", matches("(?:)", "u", "a😀b", 10, true)],
    ["matches: lazy and dotAll", matches("<(.+?)>", "s", "<a\nb> <c>", 10, true)],
    ["matches: named group", matches("(?<user>\\w+)@(?<host>[\\w.]+)", "", "u1@h.example, u2@h2", 10, true)],
    ["matches: none", matches("(z)\\1", "", "abc", 10, true)],
    ["a bad pattern: the same error", test("(a", "", "a")],
    ["a bad pattern in matches: the same error", matches("a{2,1}", "", "aa", 5, true)],
    ["bad flags: the same error", test("a", "q", "a")],
  ];
  it.each(jobs)("%s", (_name, job) => {
    const inline = runBacktrackingInline(job);
    // A generous budget: a first worker start on a loaded machine takes a while; the answer is what is compared.
    const worker = runBacktrackingInWorker(job, 30_000);
    expect(worker.timedOut).toBe(false);
    expect(inline).toEqual(worker);
  });

  it("the expected answers, written from the RegExp semantics", () => {
    expect(runBacktrackingInline(test("(a)\\1", "", "xaay"))).toEqual({ timedOut: false, value: true });
    expect(runBacktrackingInline(matches("(\\w)(\\d)?\\1", "", "aa b1b", 10, true))).toEqual({
      timedOut: false,
      value: [
        [0, 2, ["aa", "a", undefined], [[0, 2], [0, 1], undefined]],
        [3, 6, ["b1b", "b", "1"], [[3, 6], [3, 4], [4, 5]]],
      ],
    });
    const bad = runBacktrackingInline(test("(a", "", "a"));
    expect(bad).toMatchObject({ timedOut: false, error: expect.stringMatching(/Invalid regular expression/) });
  });
});
