/**
 * IP address parsing for cidrmatch() and ipmask(). Addresses become bigints so IPv4 (32 bits)
 * and IPv6 (128 bits, COND: "This function is compatible with IPv6") share one CIDR test.
 */

export interface Ip {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

function parseV4(s: string): bigint | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  let v = 0n;
  for (const part of m.slice(1)) {
    const n = Number(part);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseGroups(s: string): number[] | null {
  if (s === "") return [];
  const out: number[] = [];
  for (const g of s.split(":")) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

/**
 * Drops an IPv6 zone suffix (`%eth0`) as input.replace(/%.*$/, "") did (from the first `%` after
 * the last line break), without that regex: it is quadratic on a value of many `%`.
 */
export function withoutZone(input: string): string {
  const lineStart = 1 + Math.max(input.lastIndexOf("\n"), input.lastIndexOf("\r"), input.lastIndexOf("\u2028"), input.lastIndexOf("\u2029"));
  const zone = input.indexOf("%", lineStart);
  return zone < 0 ? input : input.slice(0, zone);
}

function parseV6(input: string): bigint | null {
  let s = withoutZone(input);
  const tail: number[] = [];
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    const n = parseV4(v4[1]!);
    if (n === null) return null;
    tail.push(Number(n >> 16n), Number(n & 0xffffn));
    s = s.slice(0, v4.index);
    // `::1.2.3.4`: the slice leaves one `:` of the `::`; restore it.
    if (s.endsWith(":")) s += ":";
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0]!);
  const rest = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === null || rest === null) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const groups = [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses an IPv4 or IPv6 address (no prefix); null when it is neither. */
export function parseIp(s: string): Ip | null {
  const t = s.trim();
  const v4 = parseV4(t);
  if (v4 !== null) return { bits: 32, value: v4 };
  if (!t.includes(":")) return null;
  const v6 = parseV6(t);
  return v6 === null ? null : { bits: 128, value: v6 };
}

/** True when `ip` lies in `cidr` (`10.0.0.0/8`, `2001:db8::/32`, or a bare address = exact match). */
export function inCidr(cidr: string, ip: string): boolean {
  const [base = "", prefixText] = cidr.trim().split("/");
  const net = parseIp(base);
  const addr = parseIp(ip);
  if (!net || !addr || net.bits !== addr.bits) return false;
  const prefix = prefixText === undefined ? net.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > net.bits || !/^\d*$/.test(prefixText ?? "")) return false;
  const shift = BigInt(net.bits - prefix);
  return net.value >> shift === addr.value >> shift;
}

/** Bitwise AND of two IPv4 addresses as dotted quads (ipmask), or null when either is not IPv4. */
export function maskIpv4(mask: string, ip: string): string | null {
  const m = parseIp(mask);
  const a = parseIp(ip);
  if (!m || !a || m.bits !== 32 || a.bits !== 32) return null;
  const v = m.value & a.value;
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join(".");
}
