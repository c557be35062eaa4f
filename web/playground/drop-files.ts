/**
 * Files into the playground: dropped anywhere on the page or picked with the file button, read
 * with the File API and handed to the engine worker. Nothing is uploaded: the bytes go from the
 * browser's File object to the worker in this page. A gzip file is inflated here (the browser's
 * DecompressionStream; the engine's own inflate is synchronous Node zlib).
 */
import type { DroppedFile } from "./protocol.js";

export async function readDropped(files: readonly File[]): Promise<DroppedFile[]> {
  return Promise.all(files.map(async (f) => {
    const bytes = await f.arrayBuffer();
    const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const inflated = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      return { name: f.name.replace(/\.gz$/i, ""), bytes: inflated };
    }
    return { name: f.name, bytes };
  }));
}

/** Calls `onFiles` for files dropped anywhere on the page (and highlights the page while dragging). */
export function acceptDrops(target: HTMLElement, onFiles: (files: File[]) => void): void {
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
  target.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    target.classList.add("dragging");
  });
  target.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) target.classList.remove("dragging");
  });
  target.addEventListener("drop", (e) => {
    target.classList.remove("dragging");
    if (!hasFiles(e)) return;
    e.preventDefault();
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  });
}
