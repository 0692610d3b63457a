// Stand-ins for IP addresses keep what the reader needs (public or private) and nothing else.

export function isPrivateIpv4(octets: readonly number[]): boolean {
  const [a = 0, b = 0] = octets;
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Documentation networks (RFC 5737) for public addresses, 10.0.0.0/16 for private ones. */
export function publicAddress(n: number): string {
  if (n <= 254) return `192.0.2.${n}`;
  if (n <= 508) return `198.51.100.${n - 254}`;
  if (n <= 762) return `203.0.113.${n - 508}`;
  return `198.18.${Math.floor((n - 762) / 254) % 256}.${((n - 762) % 254) + 1}`;
}

export function privateAddress(n: number): string {
  return `10.0.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
}

/** The groups of an IPv6 address, or undefined when the text only looks like one (a time of day: `15:59:51`). */
export function ipv6Groups(candidate: string): string[] | undefined {
  const halves = candidate.split("::");
  if (halves.length > 2) return undefined;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  const valid = halves.length === 2 ? groups.length >= 2 && groups.length <= 7 : groups.length === 8;
  return valid ? groups : undefined;
}
