import type { BaseOperator } from './base-operator.js';
import { defineOperators, NEVER } from './base-operator.js';
import { parseCidr, parseIp, rangeContains } from './ip-address.js';

function inRange(text: string) {
  const range = parseCidr(text);
  if (!range) return NEVER;
  return (value: string) => {
    const ip = parseIp(value);
    return ip !== undefined && rangeContains(range, ip);
  };
}

/** IpAddress/NotIpAddress: IPv4 and IPv6 CIDRs (a bare address is a single-host range). */
export const IP_OPERATORS: readonly BaseOperator[] = defineOperators({
  IpAddress: { negated: false, prepare: inRange },
  NotIpAddress: { negated: true, prepare: inRange },
});
