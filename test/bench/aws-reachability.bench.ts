import { afterAll, beforeAll, bench, describe } from 'vitest';
import { analyzeReachability } from '../../src/analyze/aws/network/analyze-reachability.js';
import { computeExposure } from '../../src/analyze/aws/network/compute-exposure.js';
import { readNetworkEstate } from '../../src/analyze/aws/network/read-network-estate.js';
import { ec2OutputsToRecords } from '../../src/collectors/aws/ec2/ec2-to-records.js';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { dropScope, openTestGraph } from '../support/graph.js';
import { syntheticNetwork } from '../../src/seed/synthetic/network.js';

// 50,000 instances, 20,000 security groups and 5,000 subnets in 100 VPCs, with 500 ALBs.
const ACCOUNT = '999988886666';
const REGION = 'eu-central-1';
const SCOPE = `aws:${ACCOUNT}/${REGION}/ec2`;
const SIZES = { vpcs: 100, subnets: 5_000, groups: 20_000, instances: 50_000, albs: 500 };
let db: Database;
const report: string[] = [];
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

beforeAll(async () => {
  db = await openTestGraph();
  await dropScope(db, SCOPE);
  const t0 = performance.now();
  const records = ec2OutputsToRecords(syntheticNetwork(ACCOUNT, REGION, SIZES), 'synthetic');
  const t1 = performance.now();
  await loadScope(db, records);
  const t2 = performance.now();
  report.push(
    `setup: convert ${seconds(t1 - t0)} (${records.nodes.length} nodes, ${records.relationships.length} rels); load ${seconds(t2 - t1)}`,
  );
}, 900_000);

afterAll(async () => {
  clearInterval(sample);
  console.log(
    `${report.join('\n')}\npeak RSS of the Cairn process: ${Math.round(peakRss / 1048576)} MiB`,
  );
  await dropScope(db, SCOPE);
  await db.close();
}, 600_000);

describe('AWS reachability at 50,000 instances, 20,000 security groups, 5,000 subnets', () => {
  bench(
    'analyze reachability (read, compute, write REACHES)',
    async () => {
      const t0 = performance.now();
      const estate = await readNetworkEstate(db);
      const t1 = performance.now();
      const { exposure } = computeExposure(estate);
      const t2 = performance.now();
      const summary = await analyzeReachability(
        db,
        `analysis-bench-${Date.now()}`,
        new Date().toISOString(),
      );
      const t3 = performance.now();
      report.push(
        `read ${seconds(t1 - t0)}; compute ${seconds(t2 - t1)} (${exposure.size} reached of ${estate.endpoints.length} endpoints, ${estate.loadBalancers.length} load balancers); ` +
          `whole stage (read + compute + write) ${seconds(t3 - t2)} for ${summary.reached} REACHES edges`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
