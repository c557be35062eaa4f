/**
 * CIDR matching for `match_type = CIDR(<field>)`: the lookup cell holds a subnet, the event an
 * address. Splunk's lookup "supports IPv4 and IPv6 addresses and subnets that use CIDR notation"
 * (SPL Search Reference, lookup), so both families are handled here (executor/wildcard.ts only
 * needs IPv4 for search terms). A cell without `/n` is a single address.
 */

export interface Subnet {
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
}

function parseV4(s: string): bigint | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  let n = 0n;
  for (const part of m.slice(1)) {
    const x = Number(part);
    if (x > 255) return null;
    n = (n << 8n) | BigInt(x);
  }
  return n;
}

function parseV6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split("::").length > 2) return null;
  let text = s;
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups. It is the text after the last colon,
  // found without a regex: the unanchored /(\d+\.\d+\.\d+\.\d+)$/ used before retried every
  // start position, quadratic in a crafted value ("1.1.1.…" from the event being looked up).
  const colon = text.lastIndexOf(":");
  const tail = text.slice(colon + 1);
  if (tail.includes(".")) {
    const v4 = parseV4(tail);
    if (v4 === null) return null;
    text = `${text.slice(0, colon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const groups = (x: string) => (x === "" ? [] : x.split(":"));
  const h = groups(head);
  const t = rest === undefined ? [] : groups(rest);
  const missing = 8 - h.length - t.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...h, ...new Array<string>(rest === undefined ? 0 : missing).fill("0"), ...t];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

/** An address as a number, with its family; null when the text is not an IP address. */
export function parseIp(s: string): { v6: boolean; n: bigint } | null {
  const t = s.trim();
  const v4 = parseV4(t);
  if (v4 !== null) return { v6: false, n: v4 };
  const v6 = t.includes(":") ? parseV6(t) : null;
  return v6 === null ? null : { v6: true, n: v6 };
}

/** `10.0.0.0/8`, `2001:db8::/32` or a bare address; null when not a subnet. */
export function parseSubnet(s: string): Subnet | null {
  const slash = s.indexOf("/");
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (!ip) return null;
  const width = ip.v6 ? 128 : 32;
  const bitsText = slash < 0 ? String(width) : s.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > width) return null;
  const bits = Number(bitsText);
  return { v6: ip.v6, base: ip.n & mask(width, bits), bits };
}

function mask(width: number, bits: number): bigint {
  const all = (1n << BigInt(width)) - 1n;
  return bits === 0 ? 0n : (all >> BigInt(width - bits)) << BigInt(width - bits);
}

export function inSubnet(address: string, net: Subnet): boolean {
  const ip = parseIp(address);
  if (!ip || ip.v6 !== net.v6) return false;
  return (ip.n & mask(net.v6 ? 128 : 32, net.bits)) === net.base;
}
