import { exposureRanges, type ExposureRange, type Piece } from './exposure-ranges.js';
import { functionUrlReach } from './function-url-reach.js';
import { loadBalancerReach } from './load-balancer-reach.js';
import type { NetworkEstate } from './network-estate.js';
import { NetworkView } from './network-view.js';

export interface ExposureResult {
  /** Resource id → how the internet reaches it (resources it cannot reach are absent). */
  readonly exposure: ReadonlyMap<string, readonly ExposureRange[]>;
  /** Rules that could not be read, each left unreachable rather than guessed at. */
  readonly problems: readonly string[];
}

/** Internet reachability of every interface owner, load balancer, target and function URL. */
export function computeExposure(estate: NetworkEstate): ExposureResult {
  const view = new NetworkView(estate);
  const pieces = new Map<string, Piece[]>();
  const add = (owner: string, more: readonly Piece[]): void => {
    if (more.length === 0) return;
    const list = pieces.get(owner);
    if (list) list.push(...more);
    else pieces.set(owner, [...more]);
  };
  for (const endpoint of estate.endpoints) add(endpoint.owner, view.endpointIngress(endpoint));
  for (const lb of estate.loadBalancers) {
    const reach = loadBalancerReach(view, lb);
    add(lb.id, reach.pieces);
    for (const [instance, list] of reach.targets) add(instance, list);
  }
  for (const url of estate.functionUrls) {
    const piece = functionUrlReach(url);
    if (piece) add(url.id, [piece]);
  }
  const exposure = new Map<string, ExposureRange[]>();
  for (const [owner, list] of pieces) {
    const ranges = exposureRanges(list);
    if (ranges.length > 0) exposure.set(owner, ranges);
  }
  return { exposure, problems: [...new Set(view.problems)] };
}
