import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import { riskExportOptions } from '../../../../src/export/risk/risk-options.js';
import { riskOutput } from '../../../../src/export/risk/risk-output.js';
import {
  A,
  ALICE,
  B,
  B_ADMIN,
  B_ROLE,
  BOB,
  BUCKET,
  LATEST,
  memorySource,
  storedPath,
  text,
  WEB_ROLE,
} from './risk-fixtures.js';

const NOW = '2026-03-01T06:00:00.000Z';

async function json(level?: string): Promise<Record<string, unknown>> {
  const out = await text(riskOutput(riskExportOptions('json', level), memorySource(), NOW));
  return JSON.parse(out) as Record<string, unknown>;
}

async function ndjson(level?: string): Promise<Record<string, unknown>[]> {
  const out = await text(riskOutput(riskExportOptions('ndjson', level), memorySource(), NOW));
  return out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('risk export, path level', () => {
  it('marks paths NEW or UNCHANGED against the previous run and adds the GONE ones', async () => {
    const doc = await json('path');
    expect(doc).toMatchObject({ generatedAt: NOW, runId: 'run-2', previousRunId: 'run-1' });
    expect(doc['level']).toBe('path');
    expect(doc['records']).toEqual([
      {
        id: 'run-2/k1',
        pathKey: 'k1',
        score: 80,
        band: 'critical',
        entry: 'internet',
        entryReason: 'internet',
        jewel: BUCKET,
        jewelReason: 'tagged-sensitive',
        hops: 3,
        techniques: ['network.Reach', 'aws.ec2.InstanceRoleCredentials', 'data.Access'],
        accounts: [A],
        change: 'UNCHANGED',
        previousScore: 75,
      },
      expect.objectContaining({
        id: 'run-2/k2',
        change: 'NEW',
        previousScore: null,
        accounts: [A, B],
      }),
      // Gone since the previous run: that run's id and score.
      expect.objectContaining({
        id: 'run-1/k3',
        change: 'GONE',
        score: 60,
        band: 'high',
        accounts: [B],
      }),
    ]);
  });

  it('calls every path NEW when there is no previous run, without reading one', async () => {
    const source = memorySource(LATEST, null);
    const out = await text(riskOutput(riskExportOptions('ndjson', 'path'), source, NOW));
    const changes = out
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { change: string }).change);
    expect(changes).toEqual(['NEW', 'NEW']);
    expect(source.previousReads).toBe(0);
  });

  it('writes CSV with a header, the latest paths only and no GONE rows', async () => {
    const source = memorySource();
    const out = await text(riskOutput(riskExportOptions('csv', undefined), source, NOW));
    const lines = out.split('\r\n');
    expect(lines[0]).toBe(
      'id,path_key,score,band,entry,entry_reason,jewel,jewel_reason,hops,techniques,accounts,change,previous_score',
    );
    expect(lines[1]).toBe(
      `run-2/k1,k1,80,critical,internet,internet,${BUCKET},tagged-sensitive,3,network.Reach > aws.ec2.InstanceRoleCredentials > data.Access,${A},UNCHANGED,75`,
    );
    expect(lines[2]).toContain(`,${A} ${B},NEW,`);
    expect(lines.slice(3)).toEqual(['']);
    expect(source.previousReads).toBe(0);
  });

  it('defuses formula-looking ids and quotes commas and quotes in CSV cells', async () => {
    const hostile = storedPath({
      runId: 'run-2',
      key: 'kx',
      score: 10,
      band: 'low',
      hops: [[ALICE, '=HYPERLINK("http://x"),1', 'data.Access']],
      entryReason: '@cmd',
    });
    const out = await text(
      riskOutput(
        riskExportOptions('csv', 'path'),
        memorySource([{ path: hostile, otherScore: null }], null),
        NOW,
      ),
    );
    const row = out.split('\r\n')[1]!;
    expect(row).toContain(`,'@cmd,"'=HYPERLINK(""http://x""),1",`);
  });
});

describe('risk export, asset level', () => {
  it('counts paths through each asset in both runs, with deltas', async () => {
    const records = (await json('asset'))['records'] as Record<string, unknown>[];
    const byId = new Map(records.map((r) => [r['id'], r]));
    expect(byId.get(WEB_ROLE)).toEqual({
      id: WEB_ROLE,
      account: A,
      paths: 1,
      maxScore: 80,
      sumScore: 80,
      asEntry: 0,
      asJewel: 0,
      previousPaths: 1,
      previousMaxScore: 75,
      pathsDelta: 0,
      maxScoreDelta: 5,
    });
    expect(byId.get(ALICE)).toMatchObject({
      asEntry: 1,
      paths: 1,
      previousPaths: 0,
      pathsDelta: 1,
    });
    expect(byId.get(B_ROLE)).toMatchObject({ asJewel: 1, account: B, maxScore: 40 });
    expect(byId.get('internet')).toMatchObject({ account: null, asEntry: 1 });
    expect(byId.get(BUCKET)).toMatchObject({ account: null, asJewel: 1 });
    // Only on a gone path: still listed, so what got better shows too.
    expect(byId.get(BOB)).toMatchObject({
      paths: 0,
      previousPaths: 1,
      previousMaxScore: 60,
      pathsDelta: -1,
      maxScoreDelta: -60,
    });
    expect(byId.has(B_ADMIN)).toBe(true);
    // Highest max score first.
    expect(records[0]!['maxScore']).toBe(80);
    expect(records.at(-1)!['paths']).toBe(0);
  });

  it('sums scores of every path through an asset', async () => {
    const two = [
      ...LATEST,
      {
        path: storedPath({
          runId: 'run-2',
          key: 'k9',
          score: 12.3,
          band: 'low',
          hops: [[ALICE, WEB_ROLE, 'aws.sts.AssumeRole']],
        }),
        otherScore: null,
      },
    ];
    const out = await text(
      riskOutput(riskExportOptions('json', 'asset'), memorySource(two, null), NOW),
    );
    const records = (JSON.parse(out) as { records: Record<string, unknown>[] }).records;
    expect(records.find((r) => r['id'] === WEB_ROLE)).toMatchObject({
      paths: 2,
      sumScore: 92.3,
      maxScore: 80,
    });
    expect(records.find((r) => r['id'] === ALICE)).toMatchObject({ paths: 2, asEntry: 2 });
  });
});

describe('risk export, account level', () => {
  it('counts paths per account by band, new and gone, against the previous run', async () => {
    const records = (await json('account'))['records'];
    expect(records).toEqual([
      {
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
    ]);
  });

  it('writes the account table as CSV', async () => {
    const out = await text(riskOutput(riskExportOptions('csv', 'account'), memorySource(), NOW));
    expect(out).toBe(
      'account,paths,max_score,critical,high,medium,low,new,gone,previous_paths,previous_max_score\r\n' +
        `${A},2,80,1,0,1,0,1,0,1,75\r\n` +
        `${B},1,40,0,0,1,0,1,1,1,60\r\n`,
    );
  });
});

describe('risk export, every level', () => {
  it('json holds paths, assets and accounts in one document', async () => {
    const doc = await json();
    expect(doc['level']).toBe('all');
    expect(Object.keys(doc)).toEqual([
      'generatedAt',
      'runId',
      'previousRunId',
      'level',
      'paths',
      'assets',
      'accounts',
    ]);
    expect((doc['paths'] as unknown[]).length).toBe(3);
    expect((doc['accounts'] as unknown[]).length).toBe(2);
  });

  it('ndjson writes every record on its own line with its kind', async () => {
    const lines = await ndjson();
    const kinds = lines.map((line) => line['kind']);
    expect(kinds.filter((k) => k === 'path')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'account')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'asset').length).toBeGreaterThan(5);
    expect(kinds.indexOf('asset')).toBeGreaterThan(kinds.lastIndexOf('path'));
    expect(lines[0]).toMatchObject({ kind: 'path', id: 'run-2/k1' });
  });

  it('json with no paths is still one valid document', async () => {
    const out = await text(
      riskOutput(riskExportOptions('json', undefined), memorySource([], null), NOW),
    );
    expect(JSON.parse(out)).toEqual({
      generatedAt: NOW,
      runId: 'run-2',
      previousRunId: null,
      level: 'all',
      paths: [],
      assets: [],
      accounts: [],
    });
  });
});

describe('risk export input', () => {
  it('refuses a stored path whose steps are not JSON, naming the path', async () => {
    const broken = {
      ...storedPath({
        runId: 'run-2',
        key: 'kb',
        score: 5,
        band: 'low',
        hops: [[ALICE, BOB, 't']],
      }),
      steps: '[{',
    };
    await expect(
      text(
        riskOutput(
          riskExportOptions('json', 'path'),
          memorySource([{ path: broken, otherScore: null }], null),
          NOW,
        ),
      ),
    ).rejects.toThrow(
      new BadInputError('stored attack path run-2/kb: steps is not JSON; run cairn analyze again'),
    );
  });

  it('refuses a stored path with an unknown band', async () => {
    const odd = {
      ...storedPath({
        runId: 'run-2',
        key: 'kc',
        score: 5,
        band: 'low',
        hops: [[ALICE, BOB, 't']],
      }),
      band: 'severe',
    };
    await expect(
      text(
        riskOutput(
          riskExportOptions('csv', 'path'),
          memorySource([{ path: odd, otherScore: null }], null),
          NOW,
        ),
      ),
    ).rejects.toThrow(/stored attack path run-2\/kc: field "band"/);
  });

  it('checks --format and --level with one line naming the choices', () => {
    expect(() => riskExportOptions('xml', undefined)).toThrow(
      '--format: "xml" is not one of csv, json, ndjson',
    );
    expect(() => riskExportOptions('csv', 'org')).toThrow(
      '--level: "org" is not one of path, asset, account',
    );
    expect(() => riskExportOptions(undefined, undefined)).toThrow(/--format is required/);
    expect(riskExportOptions('csv', undefined).levels).toEqual(['path']);
    expect(riskExportOptions('ndjson', undefined).levels).toEqual(['path', 'asset', 'account']);
  });
});
