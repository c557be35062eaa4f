/**
 * A sink that keeps at most one batch of events: they fill a fresh EventStore, which is handed to
 * `onBatch` when full (and at `flush`) and then dropped. Anything computed per event — datamodel
 * membership, field counts — can be summed over batches, so statistics over a 1 GB input need
 * the memory of one batch, not of every event.
 */
import { EventStore, type EventInput } from "../store/event-store.js";
import type { EventSink } from "./stream-types.js";

export class BatchSink implements EventSink {
  private store = new EventStore();
  private formats: string[] = [];

  constructor(
    private readonly onBatch: (store: EventStore, formats: readonly string[]) => void,
    private readonly size = 20_000,
  ) {}

  append(event: EventInput, format: string): void {
    this.store.append(event);
    this.formats.push(format);
    if (this.store.length >= this.size) this.flush();
  }

  /** Hands over the events collected so far (call once more after ingestion). */
  flush(): void {
    if (this.store.length === 0) return;
    const store = this.store;
    const formats = this.formats;
    this.store = new EventStore();
    this.formats = [];
    this.onBatch(store, formats);
  }
}
