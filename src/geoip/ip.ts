/**
 * IP address text → big-endian bytes, the form the MaxMind DB search tree walks bit by bit
 * (MaxMind DB File Format Specification v2.0, "Search Lookup Algorithm": "convert the IP address to
 * its big-endian binary representation … 32 bits … 128 bits"). Pure: no node:net, so the reader
 * runs anywhere a Uint8Array does.
 */

/** 4 bytes for dotted-quad IPv4, 16 for IPv6 (RFC 4291 text forms, `::`, a trailing dotted quad, a `%zone`); null otherwise. */
export function parseIp(text: string): Uint8Array | null {
  const s = text.trim();
  if (s.includes(":")) return parseIpv6(s);
  return parseIpv4(s);
}

function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? "";
    // Decimal only: "010" is refused rather than guessed as octal (inet_aton) or decimal.
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  // A zone index (fe80::1%eth0) names an interface, not part of the address.
  const s = text.replace(/%[^%]+$/, "");
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  const words = [...head, ...tail];
  // A dotted quad may end the address (::ffff:1.2.3.4); it fills the last two groups.
  const last = halves.length === 2 ? tail : head;
  const dotted = words.filter((g) => g.includes(".")).length;
  if (dotted > 1 || (dotted === 1 && !(last.at(-1) ?? "").includes("."))) return null;
  const count = words.length + dotted;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const out = new Uint8Array(16);
  const put = (list: readonly string[], start: number): boolean => {
    let at = start;
    for (const g of list) {
      if (g.includes(".")) {
        const v4 = parseIpv4(g);
        if (!v4) return false;
        out.set(v4, at);
        at += 4;
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(g)) return false;
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

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else null. */
export function mappedIpv4(addr: Uint8Array): Uint8Array | null {
  if (addr.length !== 16) return null;
  for (let i = 0; i < 10; i++) if (addr[i] !== 0) return null;
  return addr[10] === 0xff && addr[11] === 0xff ? addr.slice(12) : null;
}
