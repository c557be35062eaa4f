/**
 * The XmlWinEventLog parse path without the event store: each text goes through its own
 * TextSession (format detection, record splitting, the XML scanner and the add-on emulation, as
 * `ingestStream` runs them per file) into an emit that only counts. Returns the events emitted.
 */
import { TextSession } from "../adapters/text-session.js";

export function parseOnly(texts: readonly string[]): number {
  let events = 0;
  for (const text of texts) {
    const session = new TextSession({
      file: "bench.xml",
      opts: {},
      emit: () => void events++,
      skip: () => undefined,
    });
    session.pushText(text);
    session.end();
  }
  return events;
}
