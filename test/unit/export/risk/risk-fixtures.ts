import type { RiskPathRow, RiskSource } from '../../../../src/export/risk/risk-output.js';

export const A = '111111111111';
export const B = '222222222222';
export const INSTANCE = `arn:aws:ec2:us-east-1:${A}:instance/i-0abc`;
export const WEB_ROLE = `arn:aws:iam::${A}:role/web`;
export const BUCKET = 'arn:aws:s3:::customer-data';
export const ALICE = `arn:aws:iam::${A}:user/alice`;
export const B_ROLE = `arn:aws:iam::${B}:role/deploy`;
export const BOB = `arn:aws:iam::${B}:user/bob`;
export const B_ADMIN = `arn:aws:iam::${B}:role/admin`;

interface PathSpec {
  runId: string;
  key: string;
  score: number;
  band: string;
  hops: [string, string, string][];
  entryReason?: string;
}

/** A `CairnAttackPath` as the database returns it. */
export function storedPath(spec: PathSpec): Record<string, unknown> {
  const steps = spec.hops.map(([from, to, technique]) => ({
    from,
    to,
    technique,
    likelihood: 0.9,
    ref: `${from}->${to}`,
  }));
  return {
    id: `${spec.runId}/${spec.key}`,
    pathKey: spec.key,
    runId: spec.runId,
    score: spec.score,
    band: spec.band,
    entry: steps[0]!.from,
    entryReason: spec.entryReason ?? 'internet',
    jewel: steps[steps.length - 1]!.to,
    jewelReason: 'tagged-sensitive',
    hopCount: steps.length,
    steps: JSON.stringify(steps),
  };
}

/**
 * Two runs: k1 (internet → instance → web role → bucket) in both, its score up from 75 to 80;
 * k2 (alice → a role of account B) new; k3 (bob → B's admin role) gone.
 */
export const LATEST: RiskPathRow[] = [
  {
    path: storedPath({
      runId: 'run-2',
      key: 'k1',
      score: 80,
      band: 'critical',
      hops: [
        ['internet', INSTANCE, 'network.Reach'],
        [INSTANCE, WEB_ROLE, 'aws.ec2.InstanceRoleCredentials'],
        [WEB_ROLE, BUCKET, 'data.Access'],
      ],
    }),
    otherScore: 75,
  },
  {
    path: storedPath({
      runId: 'run-2',
      key: 'k2',
      score: 40,
      band: 'medium',
      hops: [[ALICE, B_ROLE, 'aws.sts.AssumeRole']],
      entryReason: 'old-access-key',
    }),
    otherScore: null,
  },
];

export const PREVIOUS: RiskPathRow[] = [
  {
    path: storedPath({
      runId: 'run-1',
      key: 'k1',
      score: 75,
      band: 'critical',
      hops: [
        ['internet', INSTANCE, 'network.Reach'],
        [INSTANCE, WEB_ROLE, 'aws.ec2.InstanceRoleCredentials'],
        [WEB_ROLE, BUCKET, 'data.Access'],
      ],
    }),
    otherScore: 80,
  },
  {
    path: storedPath({
      runId: 'run-1',
      key: 'k3',
      score: 60,
      band: 'high',
      hops: [[BOB, B_ADMIN, 'aws.iam.AttachUserPolicy']],
    }),
    otherScore: null,
  },
];

/** An in-memory source; each row its own page, so the output is shown to span pages. */
export function memorySource(
  latest: RiskPathRow[] = LATEST,
  previous: RiskPathRow[] | null = PREVIOUS,
): RiskSource & { previousReads: number } {
  const source = {
    runId: 'run-2',
    previousRunId: previous === null ? null : 'run-1',
    previousReads: 0,
    async *pages(run: 'latest' | 'previous') {
      if (run === 'previous') source.previousReads += 1;
      for (const row of run === 'latest' ? latest : (previous ?? [])) {
        await Promise.resolve();
        yield [row];
      }
    },
  };
  return source;
}

export async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}
