import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import { readAuthzDumps } from '../../src/collectors/aws/iam/read-authz.js';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { dropScope, openTestGraph } from '../support/graph.js';
import { syntheticAuthzDump } from '../support/synthetic-authz.js';

// 10,000 principals (6,000 users + 4,000 roles) and 20,000 policies in one account.
const ACCOUNT = '999988887777';
const file = path.join(mkdtempSync(path.join(tmpdir(), 'cairn-bench-')), 'authz.json');
writeFileSync(file, JSON.stringify(syntheticAuthzDump(ACCOUNT, 6_000, 4_000, 20_000)));
let db: Database;
const report: string[] = [];
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

beforeAll(async () => {
  db = await openTestGraph();
  // A run interrupted before its cleanup must not leave edges for this one to delete.
  await dropScope(db, `aws:${ACCOUNT}`);
}, 600_000);

afterAll(async () => {
  clearInterval(sample);
  console.log(
    `${report.join('\n')}\npeak RSS of the Cairn process: ${Math.round(peakRss / 1048576)} MiB`,
  );
  await dropScope(db, `aws:${ACCOUNT}`);
  await db.close();
}, 600_000);

describe('AWS identity at 10,000 principals and 20,000 policies', () => {
  bench(
    'import aws-authz + analyze',
    async () => {
      const t0 = performance.now();
      const [records] = await readAuthzDumps([file]);
      if (!records) throw new Error('no records');
      const t1 = performance.now();
      await loadScope(db, records);
      const t2 = performance.now();
      const analysis = await runAnalysis(db).catch((error: unknown) => {
        // vitest bench reports a failed iteration as zero samples: say why.
        console.error('analysis failed:', error);
        throw error;
      });
      const t3 = performance.now();
      const scope = analysis.awsAdmins.find((s) => s.scope === `aws:${ACCOUNT}`);
      report.push(
        `read+validate ${((t1 - t0) / 1000).toFixed(1)} s (${records.nodes.length} nodes, ${records.relationships.length} rels); ` +
          `load ${((t2 - t1) / 1000).toFixed(1)} s; analyze ${((t3 - t2) / 1000).toFixed(1)} s ` +
          `(${scope?.principals} principals, ${scope?.counts.admin} admin, ${analysis.canAssume.edges} CAN_ASSUME, ` +
          `${analysis.escalations.edges} CAN_ESCALATE); ` +
          `total ${((t3 - t0) / 1000).toFixed(1)} s`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
