/** Digests on Node: `node:crypto`. */
import { createHash, randomUUID } from "node:crypto";
import type { Digests } from "./digests.js";

export const nodeDigests: Digests = {
  hex(algorithm, ...parts) {
    const h = createHash(algorithm);
    for (const p of parts) h.update(p);
    return h.digest("hex");
  },
  randomUUID: () => randomUUID(),
};
