/** ChunkWriter: small pieces gathered, big ones cut, never a surrogate pair split. */
import { describe, expect, it } from "vitest";
import { ChunkWriter, CHUNK_UNITS, collect } from "../../../src/output/writer.js";

function chunksOf(pieces: readonly string[], size?: number): string[] {
  const got: string[] = [];
  const w = new ChunkWriter((c) => got.push(c), size);
  for (const p of pieces) w.write(p);
  w.end();
  return got;
}

describe("ChunkWriter", () => {
  it("gathers small pieces into chunks of the given size", () => {
    const got = chunksOf(Array.from({ length: 100 }, (_, i) => `${i % 10}`), 16);
    expect(got.join("")).toBe("0123456789".repeat(10));
    expect(got.map((c) => c.length)).toEqual([16, 16, 16, 16, 16, 16, 4]);
  });

  it("cuts a piece bigger than a chunk", () => {
    const big = "x".repeat(5 * CHUNK_UNITS + 7);
    const got = chunksOf(["ab", big, "cd"]);
    expect(got.join("")).toBe(`ab${big}cd`);
    expect(Math.max(...got.map((c) => c.length))).toBe(CHUNK_UNITS);
  });

  it("never ends a chunk between the two halves of a surrogate pair", () => {
    const text = `a${"😀".repeat(100)}`;
    const got = chunksOf([text], 8);
    expect(got.join("")).toBe(text);
    // A chunk with a lone surrogate would not survive a round trip through UTF-8.
    for (const c of got) expect(Buffer.from(c, "utf8").toString("utf8")).toBe(c);
  });

  it("writes nothing for nothing", () => {
    expect(chunksOf([])).toEqual([]);
    expect(chunksOf(["", ""])).toEqual([]);
  });

  it("collect returns the printed text", () => {
    expect(collect((out) => { out("a"); out("b"); })).toBe("ab");
  });
});
