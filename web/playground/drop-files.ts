/**
 * Files into the playground: dropped anywhere on the page or picked with the file button, read
 * with the File API and handed to the engine worker. Nothing is uploaded: the bytes go from the
 * browser's File object to the worker in this page, which reads them as `--data` reads a file
 * (gzip, zip and tar included: the engine's platform inflates them, src/platform/).
 */
import type { DroppedFile } from "./protocol.js";

export async function readDropped(files: readonly File[]): Promise<DroppedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
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
