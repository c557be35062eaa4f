/**
 * `classify` with a memo, for the Windows event path where it ran ~20 eventtype searches per
 * event (a quarter of `winEvent`'s time on Sysmon EID 1). An eventtype search is a pure function of the
 * fields it reads, and the Windows tables read only a few fields (source, sourcetype, EventCode,
 * action) whose values repeat across millions of events. On a miss the searches run over a proxy
 * that records every field they read; when all of them are key fields, the outcome is stored
 * under the key fields' values. That is exact: searches that read the same values must answer
 * the same. A search that reads anything else (or any multivalue key field) is never cached and
 * is classified as before, so a new eventtype cannot be served a stale answer.
 */
import { classify, type EventtypeDef } from "./eventtypes.js";
import { newFields, type Fields } from "./fields.js";
import { intern } from "./name-predictor.js";

/** What `classify` writes: the sorted eventtype and tag lists, when non-empty. */
interface Outcome {
  readonly eventtype: string[] | undefined;
  readonly tag: string[] | undefined;
}

/** Keys beyond this many are classified without the memo (bounded memory on odd input). */
const MAX_ENTRIES = 10_000;

type Node = Map<string | undefined, Node | Outcome | null>;

export class EventtypeMemo {
  private readonly root: Node = new Map();
  private entries = 0;

  constructor(
    private readonly defs: readonly EventtypeDef[],
    private readonly keyFields: readonly string[],
  ) {}

  /** Sets `eventtype` and `tag` exactly as `classify(f, defs)` does. */
  classify(f: Fields): void {
    let node = this.root;
    const last = this.keyFields.length - 1;
    for (let i = 0; i <= last; i++) {
      const v = f[this.keyFields[i]!];
      if (typeof v === "object") return classify(f, this.defs);
      const next = node.get(v);
      if (next === null) return classify(f, this.defs);
      if (next === undefined) {
        if (this.entries >= MAX_ENTRIES) return classify(f, this.defs);
        this.entries++;
        // A key cut from a record would keep its whole input chunk alive: store a flat copy.
        const key = v === undefined ? v : intern(v);
        if (i === last) return this.apply(f, this.learn(f, node, key));
        const child: Node = new Map();
        node.set(key, child);
        node = child;
      } else if (i < last) node = next as Node;
      else return this.apply(f, next as Outcome);
    }
  }

  private apply(f: Fields, outcome: Outcome): void {
    // Fresh arrays: a later `append` to `tag` must not change another event's list.
    if (outcome.eventtype) f.eventtype = outcome.eventtype.slice();
    if (outcome.tag) f.tag = outcome.tag.slice();
  }

  /** Runs the searches over a recording view of `f`; caches the outcome when that is exact. */
  private learn(f: Fields, node: Node, v: string | undefined): Outcome {
    const keys = new Set(this.keyFields);
    let cacheable = true;
    const written = newFields();
    const view = new Proxy(f, {
      get(target, name) {
        if (typeof name !== "string" || !keys.has(name)) cacheable = false;
        return Reflect.get(target, name);
      },
      has(target, name) {
        if (typeof name !== "string" || !keys.has(name)) cacheable = false;
        return Reflect.has(target, name);
      },
      ownKeys(target) {
        cacheable = false;
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, name) {
        cacheable = false;
        return Reflect.getOwnPropertyDescriptor(target, name);
      },
      // classify's own writes are captured, so the outcome does not depend on f's prior fields.
      set(_target, name, value) {
        if (typeof name === "string") written[name] = value as string[];
        else cacheable = false;
        return true;
      },
    });
    classify(view, this.defs);
    const outcome: Outcome = { eventtype: list(written.eventtype), tag: list(written.tag) };
    const onlyResults = Object.keys(written).every((k) => k === "eventtype" || k === "tag");
    node.set(v, cacheable && onlyResults ? outcome : null);
    return outcome;
  }
}

function list(v: string | string[] | undefined): string[] | undefined {
  return v === undefined ? undefined : typeof v === "string" ? [v] : v;
}
