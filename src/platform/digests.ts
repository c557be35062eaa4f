/** Digests the engine uses: eval's md5()…sha512() and content keys of caches and tables. */

export type DigestAlgorithm = "md5" | "sha1" | "sha256" | "sha512";

export interface Digests {
  /** Lower-case hex digest of the parts, in order (a string is its UTF-8 bytes). */
  hex(algorithm: DigestAlgorithm, ...parts: (string | Uint8Array)[]): string;
  /** A random RFC 4122 version 4 UUID. */
  randomUUID(): string;
}
