/**
 * `openIndex(dir)`: an index folder as a read-only EventStore. Reads the manifest and the parts'
 * footers only; columns are read when a search first needs them (open-parts.ts).
 */
import { join } from "node:path";
import type { EventStore } from "../../store/event-store.js";
import { INDEX_FORMAT, MAPPING_VERSION, readManifest, type Manifest } from "./manifest.js";
import { openParts, type OpenPartsOptions } from "./open-parts.js";
import { manifestIdentity, setStoreIdentity } from "../clickhouse/store-identity.js";

export interface OpenedIndex {
  readonly store: EventStore;
  readonly manifest: Manifest;
  close(): void;
}

export function openIndex(dir: string, opts: OpenPartsOptions = {}): OpenedIndex {
  const manifest = readManifest(dir);
  if (!manifest) throw new Error(`${dir}: not a minispl index (no manifest.json; build one with \`minispl index <files> --out ${dir}\`)`);
  if (manifest.format !== INDEX_FORMAT || manifest.mapping !== MAPPING_VERSION) {
    throw new Error(`${dir}: index format ${manifest.format}/mapping ${manifest.mapping} was built by another minispl version (this one writes ${INDEX_FORMAT}/${MAPPING_VERSION}); rebuild it with \`minispl index <files> --out ${dir}\``);
  }
  const opened = openParts(manifest.files.flatMap((f) => f.parts.map((info) => ({ path: join(dir, info.name), info }))), opts);
  // What a ClickHouse server's loaded tables are matched against, in any later process.
  setStoreIdentity(opened.store, manifestIdentity(manifest));
  return { store: opened.store, manifest, close: opened.close };
}
