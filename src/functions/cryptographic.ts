/**
 * Cryptographic functions: md5, sha1, sha256, sha512 of a string's UTF-8 bytes, as lower-case
 * hex (the platform's digests). Each hashes every value of a multivalue field separately (args.ts).
 */
import { platform } from "../platform/platform.js";
import type { DigestAlgorithm } from "../platform/digests.js";
import { liftText } from "./args.js";
import type { FunctionDef } from "./types.js";

function hash(name: DigestAlgorithm, example: string): FunctionDef {
  return {
    name, category: "cryptographic", minArgs: 1, maxArgs: 1, signature: `${name}(<str>)`,
    summary: `The ${name.toUpperCase()} digest of the string, in hexadecimal.`,
    examples: [{ expr: `${name}("abc")`, result: example }],
    impl: ([v]) => liftText(v, (s) => platform().digests.hex(name, s)),
  };
}

/** The cryptographic functions. */
export const CRYPTOGRAPHIC_FUNCTIONS: readonly FunctionDef[] = [
  hash("md5", "900150983cd24fb0d6963f7d28e17f72"),
  hash("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d"),
  hash("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
  hash("sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
];
