/**
 * Fields as one flat name/value array in document order. The XML scanner collects a record's
 * System and EventData fields here instead of in `Fields` bags: a bag costs a dictionary insert
 * per field (null-prototype objects are V8 dictionaries), and `winEvent` copies every field into
 * the event's own bag anyway, so filling a bag first would pay that cost twice per field.
 */
import { append, newFields, type Fields } from "./fields.js";

export class FieldList {
  /** name0, value0, name1, value1, … (one array: fewer allocations than two). */
  readonly items: string[] = [];

  push(name: string, value: string): void {
    this.items.push(name, value);
  }

  /** The first value of `name`, or undefined. Lists are short (≤ a few dozen), so a scan is cheapest. */
  first(name: string): string | undefined {
    const items = this.items;
    for (let i = 0; i < items.length; i += 2) if (items[i] === name) return items[i + 1];
    return undefined;
  }

  /** REPORT without MV_ADD: keeps the first value of a name. */
  setIfAbsent(name: string, value: string): void {
    if (this.first(name) === undefined) this.items.push(name, value);
  }

  /** The list as a bag; a repeated name becomes multivalue in order (MV_ADD). */
  toFields(): Fields {
    const f = newFields();
    const items = this.items;
    for (let i = 0; i < items.length; i += 2) append(f, items[i]!, items[i + 1]!);
    return f;
  }
}
