/**
 * Dictionary encoding for strings: each distinct string is stored once and referred to by a small
 * integer. Id 0 is reserved for "null" so typed arrays can be zero-initialised.
 */
export class StringDict {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [""];

  /** The id of `s`, adding it if new. */
  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of `s` or undefined when the store has never seen it. */
  lookup(s: string): number | undefined {
    return this.ids.get(s);
  }

  /** The string of a non-null id. */
  get(id: number): string {
    const s = this.strings[id];
    if (s === undefined || id === 0) throw new Error(`internal: bad string id ${id}`);
    return s;
  }

  /** Number of ids in use, including the reserved null id. */
  get size(): number {
    return this.strings.length;
  }
}
