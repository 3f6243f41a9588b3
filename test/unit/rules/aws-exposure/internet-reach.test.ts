import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import {
  internetReachOf,
  rangesOpenOn,
  viaIds,
} from '../../../../src/rules/aws-exposure/internet-reach.js';

const exposure = [
  { protocol: 'tcp', fromPort: 20, toPort: 25, via: ['igw', 'rtb', 'acl', 'sg-a'], rules: [] },
  { protocol: 'udp', fromPort: 3389, toPort: 3389, via: ['igw', 'sg-b'], rules: [] },
];

describe('internetReachOf', () => {
  it('parses the stored exposure text of a reached resource', () => {
    const reach = internetReachOf({
      resource: 'i-1',
      evidence: {
        reached: true,
        ports: ['tcp:20-25', 'udp:3389'],
        exposure: JSON.stringify(exposure),
      },
    });
    expect(reach.ports).toEqual(['tcp:20-25', 'udp:3389']);
    expect(viaIds(reach.ranges)).toEqual(['igw', 'rtb', 'acl', 'sg-a', 'sg-b']);
  });

  it('reads nothing more when the resource is not reached', () => {
    expect(
      internetReachOf({ resource: 'i-1', evidence: { reached: false, exposure: 'junk' } }),
    ).toEqual({ reached: false, ports: [], ranges: [] });
  });

  it('names the resource when the exposure is not JSON or not a list of ranges', () => {
    const bad = (value: unknown) => () =>
      internetReachOf({ resource: 'i-9', evidence: { reached: true, exposure: value } });
    expect(bad('{oops')).toThrow(BadInputError);
    expect(bad('{oops')).toThrow(/i-9: REACHES exposure is not valid JSON/);
    expect(bad('{"a":1}')).toThrow(/is not a list/);
    expect(bad('[{"protocol":"tcp","fromPort":"22","toPort":22}]')).toThrow(/fromPort\/toPort/);
  });
});

describe('rangesOpenOn', () => {
  it('matches TCP ranges that contain the port and protocol "all", never UDP', () => {
    const ranges = [
      { protocol: 'tcp', fromPort: 20, toPort: 25, via: [] },
      { protocol: 'udp', fromPort: 3389, toPort: 3389, via: [] },
    ];
    expect(rangesOpenOn(ranges, 22)).toHaveLength(1);
    expect(rangesOpenOn(ranges, 26)).toEqual([]);
    expect(rangesOpenOn(ranges, 3389)).toEqual([]);
    expect(
      rangesOpenOn([{ protocol: 'all', fromPort: 0, toPort: 65535, via: [] }], 3389),
    ).toHaveLength(1);
  });
});
