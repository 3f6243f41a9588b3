import { describe, expect, it } from 'vitest';
import {
  addressPoint,
  cidrInterval,
  INTERNET,
} from '../../../../src/analyze/aws/network/address-space.js';
import { IntervalSet } from '../../../../src/analyze/aws/network/interval-set.js';

const set = (cidr: string): IntervalSet => {
  const s = cidrInterval(cidr);
  if (!s) throw new Error(`bad ${cidr}`);
  return s;
};

describe('address space', () => {
  it('reads IPv4 and IPv6 CIDRs, aligning host bits down', () => {
    expect(set('10.0.1.77/24').equals(set('10.0.1.0/24'))).toBe(true);
    expect(set('0.0.0.0/0').ranges).toEqual([[0n, 4294967295n]]);
    expect(set('2001:db8::/32').overlaps(set('2001:db8:1::/48'))).toBe(true);
    expect(set('::/0').overlaps(set('0.0.0.0/0'))).toBe(false);
  });

  it('refuses what is not a CIDR', () => {
    for (const bad of [
      '10.0.0.0',
      '10.0.0.256/8',
      '10.0.0.0/33',
      '::1::2/64',
      'fe80::/129',
      'x/1',
      '',
    ]) {
      expect(cidrInterval(bad), bad).toBeUndefined();
    }
  });

  it('counts public addresses as the internet, private ranges not', () => {
    for (const inside of ['203.0.113.9', '8.8.8.8', '2a05:d018::1']) {
      expect(INTERNET.overlaps(addressPoint(inside) ?? IntervalSet.EMPTY), inside).toBe(true);
    }
    for (const outside of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '127.0.0.1',
      'fe80::1',
      'fd00::1',
    ]) {
      expect(INTERNET.overlaps(addressPoint(outside) ?? IntervalSet.EMPTY), outside).toBe(false);
    }
  });

  it('subtracts and intersects interval sets exactly', () => {
    const a = IntervalSet.union([IntervalSet.of(0n, 10n), IntervalSet.of(20n, 30n)]);
    expect(a.minus(IntervalSet.of(5n, 25n)).ranges).toEqual([
      [0n, 4n],
      [26n, 30n],
    ]);
    expect(a.intersect(IntervalSet.of(8n, 22n)).ranges).toEqual([
      [8n, 10n],
      [20n, 22n],
    ]);
    expect(IntervalSet.of(1n, 2n).union(IntervalSet.of(3n, 4n)).ranges).toEqual([[1n, 4n]]);
  });
});
