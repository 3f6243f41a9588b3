import { BadInputError } from '../../errors/cairn-error.js';
import {
  isObject,
  optionalBoolean,
  storedJson,
  stringList,
  type Facts,
} from './evidence-fields.js';

/** One protocol and port range of a REACHES edge's `exposure`. */
export interface ReachRange {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly via: readonly string[];
}

/** What the Internet reaches on one resource, from the `reached`, `ports`, `exposure` facts. */
export interface InternetReach {
  readonly reached: boolean;
  /** Short forms, e.g. `tcp:22`, `all`. */
  readonly ports: readonly string[];
  readonly ranges: readonly ReachRange[];
}

export function internetReachOf(facts: Facts): InternetReach {
  const reached = optionalBoolean(facts, 'reached') === true;
  if (!reached) return { reached, ports: [], ranges: [] };
  const where = `${facts.resource}: REACHES exposure`;
  const parsed = storedJson(facts.evidence['exposure'], where);
  if (!Array.isArray(parsed)) throw new BadInputError(`${where} is not a list`);
  return {
    reached,
    ports: stringList(facts, 'ports'),
    ranges: parsed.map((line, index) => rangeOf(line, `${where}[${index}]`)),
  };
}

function rangeOf(line: unknown, where: string): ReachRange {
  if (!isObject(line)) throw new BadInputError(`${where} is not a map`);
  const { protocol, fromPort, toPort, via } = line;
  if (typeof protocol !== 'string') throw new BadInputError(`${where}: protocol is not a string`);
  if (typeof fromPort !== 'number' || typeof toPort !== 'number')
    throw new BadInputError(`${where}: fromPort/toPort are not numbers`);
  const ids = Array.isArray(via) ? via.filter((v): v is string => typeof v === 'string') : [];
  return { protocol, fromPort, toPort, via: ids };
}

/** Every gateway, table, ACL, group and load balancer on the way, once each, in order seen. */
export function viaIds(ranges: readonly ReachRange[]): string[] {
  return [...new Set(ranges.flatMap((r) => r.via))];
}

/** The ranges that let TCP traffic in on `port` (protocol `all` included). */
export function rangesOpenOn(ranges: readonly ReachRange[], port: number): ReachRange[] {
  return ranges.filter(
    (r) => r.protocol === 'all' || (r.protocol === 'tcp' && r.fromPort <= port && port <= r.toPort),
  );
}
