/**
 * Macro definitions keyed by name and arity (`name` or `name(n)`, as Splunk's macros.conf writes
 * them). Later definitions replace earlier ones, which is how `--macros` files override builtins.
 */

export interface MacroDef {
  readonly name: string;
  /** Argument names, in order; `$name$` in the definition is replaced by the argument text. */
  readonly args: readonly string[];
  readonly definition: string;
  /** Where the definition came from (file path or "builtin"), for messages. */
  readonly origin: string;
}

export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

export class MacroTable {
  private readonly defs = new Map<string, MacroDef>();

  constructor(defs: Iterable<MacroDef> = []) {
    for (const d of defs) this.define(d);
  }

  define(def: MacroDef): void {
    this.defs.set(macroKey(def.name, def.args.length), def);
  }

  get(name: string, arity: number): MacroDef | undefined {
    return this.defs.get(macroKey(name, arity));
  }

  has(name: string, arity: number): boolean {
    return this.defs.has(macroKey(name, arity));
  }

  /** `name` / `name(n)` keys, for did-you-mean hints and the REPL. */
  keys(): string[] {
    return [...this.defs.keys()];
  }

  values(): MacroDef[] {
    return [...this.defs.values()];
  }

  /** A copy with more definitions added (later wins). */
  with(defs: Iterable<MacroDef>): MacroTable {
    const t = new MacroTable(this.defs.values());
    for (const d of defs) t.define(d);
    return t;
  }
}
