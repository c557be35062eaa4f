/**
 * Search-language value matching: `*` wildcards and case-insensitive comparison
 * (spl-semantics.md §5.1), plus CIDR values (§5.3). Patterns compile once per distinct text.
 */

const cache = new Map<string, (s: string) => boolean>();

/** A matcher for a search value (with or without `*`): case-insensitive unless asked (CASE()). */
export function valueMatcher(pattern: string, caseSensitive = false): (s: string) => boolean {
  const key = `${caseSensitive ? "C" : "i"}${pattern}`;
  let m = cache.get(key);
  if (!m) {
    m = build(pattern, caseSensitive);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, m);
  }
  return m;
}

function build(pattern: string, caseSensitive: boolean): (s: string) => boolean {
  if (/^\*+$/.test(pattern)) return () => true;
  const cidr = parseCidr(pattern);
  if (cidr) return (s) => s.toLowerCase() === pattern.toLowerCase() || inCidr(s, cidr);
  if (!pattern.includes("*")) {
    if (caseSensitive) return (s) => s === pattern;
    const p = pattern.toLowerCase();
    return (s) => s.length === p.length && s.toLowerCase() === p;
  }
  const re = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, caseSensitive ? "s" : "is");
  return (s) => re.test(s);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex for field-name patterns (`Processes.*`), case-sensitive, capturing each `*`. */
export function fieldPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map(escapeRegex).join("(.*)")}$`, "s");
}

interface Cidr {
  readonly base: number;
  readonly mask: number;
}

function parseIpv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return (((parts[0] as number) << 24) | ((parts[1] as number) << 16) | ((parts[2] as number) << 8) | (parts[3] as number)) >>> 0;
}

function parseCidr(s: string): Cidr | null {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s);
  if (!m) return null;
  const ip = parseIpv4(m[1] as string);
  const bits = Number(m[2]);
  if (ip === null || bits > 32) return null;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ip & mask) >>> 0, mask };
}

function inCidr(s: string, c: Cidr): boolean {
  const ip = parseIpv4(s);
  return ip !== null && ((ip & c.mask) >>> 0) === c.base;
}
