/**
 * IP addresses and subnets, one reading for every place minispl meets them: search-time CIDR
 * terms (`src=10.0.0.0/8`, `src=2001:db8::/32`), cidrmatch() and ipmask(), CIDR lookups and the
 * GeoIP reader. Before this module four parsers disagreed (geoip refused `010.1.2.3`, the others
 * read it as 10.1.2.3).
 *
 * The rules are inet_pton's (POSIX; Splunk runs on it): IPv4 is four decimal parts 0–255 without
 * leading zeros (`010` is refused, as inet_pton refuses it, rather than guessed as octal like
 * inet_aton or as decimal); IPv6 is RFC 4291 text (`::`, a trailing dotted quad). A `%zone`
 * suffix names an interface, not part of the address, and is dropped. Addresses are big-endian
 * bytes, the form the MaxMind tree walks and a prefix compares cheaply. Every step is linear in
 * the text: values come from the machine under investigation.
 */

export interface IpAddress {
  readonly v6: boolean;
  /** 4 bytes (IPv4) or 16 (IPv6), big-endian. */
  readonly bytes: Uint8Array;
}

export interface Subnet {
  readonly v6: boolean;
  /** The network's bytes with the host bits cleared. */
  readonly bytes: Uint8Array;
  /** Prefix length: 0–32 or 0–128. */
  readonly bits: number;
}

/** The longest address text, zone dropped: 8 groups of 4 and 7 colons, or 6 groups and a quad. */
const MAX_TEXT = 45;

/** Drops an IPv6 zone suffix (`fe80::1%eth0`): from the first `%`. */
function withoutZone(s: string): string {
  const at = s.indexOf("%");
  return at < 0 ? s : s.slice(0, at);
}

/** An IPv4 or IPv6 address; null when the text is neither (surrounding whitespace is ignored). */
export function parseIp(text: string): IpAddress | null {
  const s = withoutZone(text.trim());
  if (s.length === 0 || s.length > MAX_TEXT) return null;
  if (s.includes(":")) {
    const bytes = parseV6(s);
    return bytes ? { v6: true, bytes } : null;
  }
  const bytes = parseV4(s);
  return bytes ? { v6: false, bytes } : null;
}

function parseV4(s: string): Uint8Array | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] as string;
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseV6(s: string): Uint8Array | null {
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (head === null || tail === null) return null;
  // A dotted quad may only end the address (::ffff:1.2.3.4); it fills two groups.
  const all = [...head, ...tail];
  const quads = all.filter((g) => g.includes(".")).length;
  const last = (halves.length === 2 ? tail : head).at(-1) ?? "";
  if (quads > 1 || (quads === 1 && !last.includes("."))) return null;
  const count = all.length + quads;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const out = new Uint8Array(16);
  const put = (list: readonly string[], start: number): boolean => {
    let at = start;
    for (const g of list) {
      if (g.includes(".")) {
        const v4 = parseV4(g);
        if (!v4) return false;
        out.set(v4, at);
        at += 4;
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
        const n = parseInt(g, 16);
        out[at] = n >> 8;
        out[at + 1] = n & 0xff;
        at += 2;
      }
    }
    return true;
  };
  const tailBytes = tail.reduce((n, g) => n + (g.includes(".") ? 4 : 2), 0);
  return put(head, 0) && put(tail, 16 - tailBytes) ? out : null;
}

/** The colon-separated groups of one side of `::`; "" is no groups, an empty group is an error. */
function groups(s: string): string[] | null {
  if (s === "") return [];
  const gs = s.split(":");
  return gs.some((g) => g === "") ? null : gs;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a /32 or /128); null when not a subnet. */
export function parseSubnet(text: string): Subnet | null {
  const s = text.trim();
  const slash = s.indexOf("/");
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (!ip) return null;
  const width = ip.v6 ? 128 : 32;
  const bitsText = slash < 0 ? String(width) : s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > width) return null;
  const bits = Number(bitsText);
  const bytes = ip.bytes.slice();
  for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i] as number) & byteMask(bits - i * 8);
  return { v6: ip.v6, bytes, bits };
}

/** The mask of one byte whose first `bits` bits (clamped to 0–8) belong to the prefix. */
function byteMask(bits: number): number {
  return bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
}

/** True when the address (text or parsed) lies in the subnet; families never mix. */
export function inSubnet(address: string | IpAddress, net: Subnet): boolean {
  const ip = typeof address === "string" ? parseIp(address) : address;
  if (!ip || ip.v6 !== net.v6) return false;
  for (let i = 0; i < ip.bytes.length; i++) {
    if (((ip.bytes[i] as number) & byteMask(net.bits - i * 8)) !== net.bytes[i]) return false;
  }
  return true;
}

/** True when `ip` lies in `cidr` (cidrmatch's argument order reversed); false when either is not one. */
export function inCidr(cidr: string, ip: string): boolean {
  const net = parseSubnet(cidr);
  return net !== null && inSubnet(ip, net);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else null. */
export function mappedIpv4(addr: Uint8Array): Uint8Array | null {
  if (addr.length !== 16) return null;
  for (let i = 0; i < 10; i++) if (addr[i] !== 0) return null;
  return addr[10] === 0xff && addr[11] === 0xff ? addr.slice(12) : null;
}

/** Bitwise AND of two IPv4 addresses as dotted quads (ipmask), or null when either is not IPv4. */
export function maskIpv4(mask: string, ip: string): string | null {
  const m = parseIp(mask);
  const a = parseIp(ip);
  if (!m || !a || m.v6 || a.v6) return null;
  return Array.from(a.bytes, (b, i) => b & (m.bytes[i] as number)).join(".");
}
