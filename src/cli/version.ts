/**
 * The package's version, in one place: `program.ts` gives it to commander and `bin.ts` answers
 * `--version` with it before loading anything else (a test checks it against package.json).
 */
export const VERSION = "0.1.0";
