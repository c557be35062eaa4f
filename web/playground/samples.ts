/**
 * The playground's built-in data, bundled at build time: the repository's samples/data files
 * (text: Sysmon and Security XML, NXLog JSON, CrowdStrike FDR) and its detections, by the path
 * they have in the repository (what `minispl_file` and the detections tab show).
 */
/// <reference types="vite/client" />
// (import.meta.glob: Vite resolves it at build time, and vitest in the tests.)
const data = import.meta.glob<string>("../../samples/data/*", { query: "?raw", import: "default", eager: true });
const detections = import.meta.glob<string>("../../samples/detections/*.yml", { query: "?raw", import: "default", eager: true });

const repoPath = (key: string): string => key.replace(/^(\.\.\/)+/, "");

export const SAMPLE_FILES: readonly { readonly name: string; readonly text: string }[] =
  Object.entries(data).map(([k, text]) => ({ name: repoPath(k), text })).sort((a, b) => (a.name < b.name ? -1 : 1));

export const SAMPLE_DETECTIONS: readonly { readonly file: string; readonly yaml: string }[] =
  Object.entries(detections).map(([k, yaml]) => ({ file: repoPath(k), yaml })).sort((a, b) => (a.file < b.file ? -1 : 1));
