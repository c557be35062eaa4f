/**
 * `node:v8` in the browser: the search budget's memory probe. Chromium's non-standard
 * `performance.memory` when present, else zeros (a zero limit share: the memory budget's floor).
 */
interface MemoryInfo { usedJSHeapSize: number; jsHeapSizeLimit: number }

export function getHeapStatistics(): { used_heap_size: number; heap_size_limit: number } {
  const m = (globalThis.performance as unknown as { memory?: MemoryInfo }).memory;
  return { used_heap_size: m?.usedJSHeapSize ?? 0, heap_size_limit: m?.jsHeapSizeLimit ?? 0 };
}
