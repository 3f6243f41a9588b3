import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { writeNamed, writeTransaction } from '../../src/db/transactions.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';
import { storedPath } from '../unit/export/risk/risk-fixtures.js';

// Two analysis runs of stored paths, written with the analysis's own query: k1 in both (75 → 80),
// k2 new, k3 gone, and 1,001 new low paths with one score, so keyset pages (1,000) must break ties.
// Each run also gets its run record (`CairnPathRun`), which newer analyses write last.
const PREVIOUS = 'analysis-20260101T000000Z';
const LATEST = 'analysis-20260102T000000Z';
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const FILLERS = 1_001;

let db: Database;
const risk = (args: string[]) => cairn(['export', 'risk', ...args]);

function k1(runId: string, score: number) {
  return storedPath({
    runId,
    key: 'k1',
    score,
    band: 'critical',
    hops: [
      ['internet', `arn:aws:ec2:us-east-1:${A}:instance/i-0abc`, 'network.Reach'],
      [
        `arn:aws:ec2:us-east-1:${A}:instance/i-0abc`,
        `arn:aws:iam::${A}:role/web`,
        'aws.ec2.InstanceRoleCredentials',
      ],
      [`arn:aws:iam::${A}:role/web`, 'arn:aws:s3:::customer-data', 'data.Access'],
    ],
  });
}

async function writeRuns(ids: string[]): Promise<void> {
  await writeTransaction(db, (tx) =>
    tx.run('UNWIND $ids AS id MERGE (r:CairnPathRun {id: id}) SET r.createdAt = id', { ids }),
  );
}

async function dropRuns(): Promise<void> {
  await writeTransaction(db, (tx) => tx.run('MATCH (r:CairnPathRun) DELETE r'));
}

async function writePaths(rows: Record<string, unknown>[]): Promise<void> {
  for (let at = 0; at < rows.length; at += 500) {
    await writeNamed(db, 'paths/write-attack-paths', { rows: rows.slice(at, at + 500) });
  }
}

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
}, 240_000);

afterAll(async () => {
  await resetGraph(db);
  await dropRuns();
  await db.close();
});

describe('cairn export risk before any analysis', () => {
  it('exits 2 with one line saying to run cairn analyze', async () => {
    const result = await risk(['--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cairn: no attack paths stored yet: run `cairn analyze` first\n');
  });

  it('exits 2 on a bad format or level, naming the choices', async () => {
    const format = await risk(['--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('cairn: --format: "xlsx" is not one of csv, json, ndjson\n');
    const level = await risk(['--format', 'csv', '--level', 'org']);
    expect(level.code).toBe(2);
    expect(level.stderr).toBe('cairn: --level: "org" is not one of path, asset, account\n');
  });
});

describe('cairn export risk after two analyses', () => {
  beforeAll(async () => {
    const fillers = Array.from({ length: FILLERS }, (_, i) =>
      storedPath({
        runId: LATEST,
        key: `f${String(i).padStart(4, '0')}`,
        score: 5,
        band: 'low',
        hops: [[`arn:aws:iam::${C}:user/u${i}`, `arn:aws:iam::${C}:role/r`, 'aws.sts.AssumeRole']],
      }),
    );
    await writePaths([
      k1(PREVIOUS, 75),
      storedPath({
        runId: PREVIOUS,
        key: 'k3',
        score: 60,
        band: 'high',
        hops: [
          [
            `arn:aws:iam::${B}:user/bob`,
            `arn:aws:iam::${B}:role/admin`,
            'aws.iam.AttachUserPolicy',
          ],
        ],
      }),
      k1(LATEST, 80),
      storedPath({
        runId: LATEST,
        key: 'k2',
        score: 40,
        band: 'medium',
        hops: [
          [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${B}:role/deploy`, 'aws.sts.AssumeRole'],
        ],
      }),
      ...fillers,
    ]);
    await writeRuns([PREVIOUS, LATEST]);
  }, 120_000);

  it("csv: the latest run's paths, highest score first, every page read", async () => {
    const result = await risk(['--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(
      'id,path_key,score,band,entry,entry_reason,jewel,jewel_reason,hops,techniques,accounts,change,previous_score',
    );
    expect(lines).toHaveLength(1 + 2 + FILLERS);
    expect(lines[1]).toMatch(
      new RegExp(`^${LATEST}/k1,k1,80,critical,internet,.*,${A},UNCHANGED,75$`),
    );
    expect(lines[2]).toContain(`,${A} ${B},NEW,`);
    const ids = lines.slice(3).map((line) => line.split(',')[0]);
    expect(new Set(ids).size).toBe(FILLERS);
    expect(ids).toEqual([...ids].sort());
    expect(result.stdout).not.toContain('GONE');
  });

  it('json: one document with paths (GONE included), assets and accounts', async () => {
    const result = await risk(['--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      runId: string;
      previousRunId: string;
      level: string;
      paths: { id: string; change: string; score: number }[];
      assets: { id: string; paths: number; previousPaths: number; pathsDelta: number }[];
      accounts: { account: string; paths: number; new: number; gone: number; maxScore: number }[];
    };
    expect(doc).toMatchObject({ runId: LATEST, previousRunId: PREVIOUS, level: 'all' });
    expect(doc.paths).toHaveLength(2 + FILLERS + 1);
    expect(doc.paths.at(-1)).toMatchObject({ id: `${PREVIOUS}/k3`, change: 'GONE', score: 60 });
    expect(doc.paths.filter((p) => p.change === 'NEW')).toHaveLength(1 + FILLERS);
    expect(doc.assets.find((a) => a.id === `arn:aws:iam::${C}:role/r`)).toMatchObject({
      paths: FILLERS,
    });
    expect(doc.assets.find((a) => a.id === `arn:aws:iam::${B}:user/bob`)).toMatchObject({
      paths: 0,
      previousPaths: 1,
      pathsDelta: -1,
    });
    expect(doc.accounts).toEqual([
      expect.objectContaining({ account: A, paths: 2, new: 1, gone: 0, maxScore: 80 }),
      expect.objectContaining({ account: B, paths: 1, new: 1, gone: 1, maxScore: 40 }),
      expect.objectContaining({ account: C, paths: FILLERS, new: FILLERS, gone: 0, maxScore: 5 }),
    ]);
  });

  it('ndjson --level account --out: one record per line with its kind, written to the file', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cairn-risk-')), 'accounts.ndjson');
    const result = await risk(['--format', 'ndjson', '--level', 'account', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        kind: 'account',
        account: A,
        paths: 2,
        maxScore: 80,
        critical: 1,
        high: 0,
        medium: 1,
        low: 0,
        new: 1,
        gone: 0,
        previousPaths: 1,
        previousMaxScore: 75,
      },
      {
        kind: 'account',
        account: B,
        paths: 1,
        maxScore: 40,
        critical: 0,
        high: 0,
        medium: 1,
        low: 0,
        new: 1,
        gone: 1,
        previousPaths: 1,
        previousMaxScore: 60,
      },
      {
        kind: 'account',
        account: C,
        paths: FILLERS,
        maxScore: 5,
        critical: 0,
        high: 0,
        medium: 0,
        low: FILLERS,
        new: FILLERS,
        gone: 0,
        previousPaths: 0,
        previousMaxScore: 0,
      },
    ]);
  });

  it('csv --level asset: one row per asset with the previous run beside it', async () => {
    const result = await risk(['--format', 'csv', '--level', 'asset']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,account,paths,max_score,sum_score,as_entry,as_jewel,previous_paths,previous_max_score,paths_delta,max_score_delta',
    );
    expect(lines).toContain(`arn:aws:iam::${A}:role/web,${A},1,80,80,0,0,1,75,0,5`);
    expect(lines).toContain(
      `arn:aws:iam::${C}:role/r,${C},${FILLERS},5,${5 * FILLERS},0,${FILLERS},0,0,${FILLERS},5`,
    );
  });
});
