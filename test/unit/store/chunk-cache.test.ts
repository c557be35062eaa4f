/** chunk-cache.ts: the byte budget over an opened index's loaded chunks (least recently used go first). */
import { describe, expect, it } from "vitest";
import { ChunkCache } from "../../../src/store/chunk-cache.js";

function tracked(cache: ChunkCache, dropped: string[]) {
  return (key: string, bytes: number) => cache.loaded(key, { bytes, evict: () => dropped.push(key) });
}

describe("ChunkCache", () => {
  it("drops the least recently used chunks once past the budget, never the one just loaded", () => {
    const dropped: string[] = [];
    const cache = new ChunkCache(100);
    const load = tracked(cache, dropped);
    load("a", 40);
    load("b", 40);
    cache.touch("a"); // b is now the oldest
    load("c", 40);
    expect(dropped).toEqual(["b"]);
    expect(cache.bytes).toBe(80);
    load("big", 500); // larger than the budget: everything else goes, it stays
    expect(dropped).toEqual(["b", "a", "c"]);
    expect(cache.bytes).toBe(500);
    expect(cache.evictions).toBe(3);
  });

  it("a chunk loaded again replaces its old entry instead of counting twice", () => {
    const dropped: string[] = [];
    const cache = new ChunkCache(100);
    const load = tracked(cache, dropped);
    load("a", 60);
    load("a", 60);
    expect(cache.bytes).toBe(60);
    expect(dropped).toEqual([]);
  });
});
