/**
 * A JSON array printed an element at a time, byte for byte what `JSON.stringify(items, null, 2)`
 * and a newline print, without holding the whole array's text.
 */
import { ChunkWriter, type Writer } from "./writer.js";

export class JsonArrayWriter {
  private readonly w: ChunkWriter;
  private count = 0;

  constructor(out: Writer) {
    this.w = new ChunkWriter(out);
  }

  add(item: unknown): void {
    this.w.write(this.count++ === 0 ? "[\n  " : ",\n  ");
    // Inside the array every line of the element is indented two more spaces; a JSON text has
    // line breaks only between tokens (strings escape theirs), so indenting after each is exact.
    // JSON.stringify gives undefined for undefined (and functions), which an array prints as null.
    this.w.write((JSON.stringify(item, null, 2) ?? "null").replace(/\n/g, "\n  "));
  }

  /** Closes the array (`[]` when empty) with a newline and passes on what is left. */
  end(): void {
    this.w.write(this.count === 0 ? "[]\n" : "\n]\n");
    this.w.end();
  }
}
