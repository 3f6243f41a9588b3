import { IntervalSet } from './interval-set.js';

/*
 * IPv4 and IPv6 addresses in one integer space: IPv4 a.b.c.d is its 32-bit value, IPv6 addresses
 * start at 2^32. A rule's CIDR becomes one interval; an IPv4 rule can never match IPv6 traffic.
 */

const V6_BASE = 1n << 32n;
export const ALL_IPV4 = IntervalSet.of(0n, V6_BASE - 1n);
export const ALL_IPV6 = IntervalSet.of(V6_BASE, V6_BASE + (1n << 128n) - 1n);

/** The interval a CIDR covers, or undefined when the text is not a CIDR. */
export function cidrInterval(cidr: string): IntervalSet | undefined {
  const [address, prefixText] = cidr.trim().split('/');
  if (address === undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText))
    return undefined;
  const prefix = BigInt(prefixText);
  const v4 = ipv4Value(address);
  if (v4 !== undefined) {
    if (prefix > 32n) return undefined;
    const size = 1n << (32n - prefix);
    const lo = v4 - (v4 % size);
    return IntervalSet.of(lo, lo + size - 1n);
  }
  const v6 = ipv6Value(address);
  if (v6 === undefined || prefix > 128n) return undefined;
  const size = 1n << (128n - prefix);
  const lo = v6 - (v6 % size);
  return IntervalSet.of(V6_BASE + lo, V6_BASE + lo + size - 1n);
}

/** One address (IPv4 or IPv6) as a single-point set. */
export function addressPoint(address: string): IntervalSet | undefined {
  return cidrInterval(address.includes(':') ? `${address}/128` : `${address}/32`);
}

function ipv4Value(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256n + BigInt(part);
  }
  return value;
}

function ipv6Value(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head = '', tail] = text.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  for (const group of [...left, ...Array<string>(missing).fill('0'), ...right]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) + BigInt(`0x${group}`);
  }
  return value;
}

/**
 * Addresses traffic from the internet can come from: every IPv4 address except the private,
 * shared, loopback, link-local, documentation-free reserved and multicast ranges (RFC 6890), and
 * IPv6 global unicast (2000::/3). A rule open to 10.0.0.0/8 is not internet exposure.
 */
export const INTERNET: IntervalSet = IntervalSet.union(
  ['2000::/3'].map((c) => cidrInterval(c) ?? IntervalSet.EMPTY),
).union(
  ALL_IPV4.minus(
    IntervalSet.union(
      [
        '0.0.0.0/8',
        '10.0.0.0/8',
        '100.64.0.0/10',
        '127.0.0.0/8',
        '169.254.0.0/16',
        '172.16.0.0/12',
        '192.0.0.0/24',
        '192.168.0.0/16',
        '198.18.0.0/15',
        '224.0.0.0/4',
        '240.0.0.0/4',
      ].map((c) => cidrInterval(c) ?? IntervalSet.EMPTY),
    ),
  ),
);
