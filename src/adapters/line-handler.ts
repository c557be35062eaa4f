/** A RecordHandler for line-oriented formats: text arrives in chunks, `one` sees whole lines. */
import type { RecordHandler } from "./stream-types.js";

export function lineHandler(one: (line: string) => void, onEnd?: () => void): RecordHandler {
  let carry = "";
  return {
    feed(text) {
      const lines = (carry + text).split("\n");
      carry = lines.pop() ?? "";
      for (const l of lines) one(l);
    },
    end() {
      if (carry !== "") one(carry);
      carry = "";
      onEnd?.();
    },
  };
}
