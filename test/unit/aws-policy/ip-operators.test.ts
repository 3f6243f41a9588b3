import { describe, expect, it } from 'vitest';
import {
  parseCidr,
  parseIp,
  rangeContains,
} from '../../../src/analyze/aws/policy/conditions/ip-address.js';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'aws:SourceIp';

describe('IP address parsing', () => {
  it.each([
    ['10.1.2.3', 4],
    ['::1', 6],
    ['2001:db8::', 6],
    ['::ffff:192.0.2.1', 6],
    ['fe80:0:0:0:0:0:0:1', 6],
  ] as const)('parses %s as IPv%s', (text, version) => {
    expect(parseIp(text)?.version).toBe(version);
  });

  it.each(['256.1.1.1', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'abc', '10.0.0.0/33'])(
    'rejects %s',
    (text) => {
      expect(text.includes('/') ? parseCidr(text) : parseIp(text)).toBeUndefined();
    },
  );

  it('compares prefixes', () => {
    const range = parseCidr('2001:db8::/32')!;
    expect(rangeContains(range, parseIp('2001:db8:ffff::1')!)).toBe(true);
    expect(rangeContains(range, parseIp('2001:db9::1')!)).toBe(false);
    expect(rangeContains(parseCidr('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
  });
});

describe('IpAddress / NotIpAddress', () => {
  it.each([
    ['IpAddress', '10.0.0.0/8', '10.200.1.1', true],
    ['IpAddress', '10.0.0.0/8', '11.0.0.1', false],
    ['IpAddress', '192.0.2.7', '192.0.2.7', true],
    ['IpAddress', '2001:db8::/32', '2001:DB8::abcd', true],
    ['IpAddress', '0.0.0.0/0', '2001:db8::1', false],
    ['IpAddress', 'not-a-cidr', '10.0.0.1', false],
    ['NotIpAddress', '10.0.0.0/8', '11.0.0.1', true],
    ['NotIpAddress', '10.0.0.0/8', '10.0.0.1', false],
  ] as const)('%s %s vs %s is %s', (operator, policy, actual, expected) => {
    expect(evaluateCondition(operator, K, policy, { [K]: actual })).toBe(expected);
  });

  it('NotIpAddress on an absent key holds; on an unknown key it is unknown', () => {
    expect(evaluateCondition('NotIpAddress', K, '10.0.0.0/8', { [K]: null })).toBe(true);
    expect(evaluateCondition('NotIpAddress', K, '10.0.0.0/8', {})).toBe('unknown');
  });
});
