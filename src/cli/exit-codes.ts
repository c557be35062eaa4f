/** Process exit codes (documented in README.md). */
export const EXIT = {
  ok: 0,
  /** A detection test or check failed. */
  failed: 1,
  /** Bad usage or an SPL error (syntax, macro, unknown command…). */
  spl: 2,
  /** Input problem: a file that cannot be read, a detection file that does not parse. */
  input: 3,
} as const;
