/** Where the page loop puts a leaf's values: the dictionary page, PLAIN values, or dictionary indices. */
export interface ValueSink {
  readonly hasDictionary: boolean;
  dictionary(body: Uint8Array, n: number): void;
  /** `n` PLAIN values from body[pos..end). */
  plain(body: Uint8Array, pos: number, end: number, n: number): void;
  /** `n` dictionary indices, hybrid-encoded at `width` bits, from body[pos..end). */
  indices(body: Uint8Array, pos: number, end: number, width: number, n: number): void;
}
