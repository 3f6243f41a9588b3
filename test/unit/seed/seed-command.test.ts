import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../src/collectors/snapshot/read-snapshot.js';
import { cairn } from '../../support/cli.js';

// `cairn seed generate` writes an estate `cairn import snapshot` reads back, and refuses bad input.
const fresh = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'cairn-seed-')), 'estate');

describe('cairn seed generate', () => {
  it('writes one valid snapshot per scope, the same for the same seed', async () => {
    const [a, b] = [fresh(), fresh()];
    const first = await cairn(['seed', 'generate', '--scale', '1500', '--out', a]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^wrote 201 scopes \(\d+ resources\) to .*; load them with: cairn import snapshot /,
    );
    await cairn(['seed', 'generate', '--scale', '1500', '--out', b]);
    const files = readdirSync(a).sort();
    expect(files).toEqual(readdirSync(b).sort());
    expect(files).toContain('aws_710000000000.json');
    const records = await readSnapshot(path.join(a, 'aws_710000000000_eu-west-1_ec2.json'));
    expect(records.nodes.some((n) => n.model === 'AWSEC2Instance')).toBe(true);
  }, 60_000);

  it.each([
    [['--scale', 'lots'], '--scale must be a whole number from 1000 to 2000000, not "lots"'],
    [['--scale', '5'], '--scale must be a whole number from 1000 to 2000000, not "5"'],
    [['--scale', '1000', '--seed', '-1'], '--seed must be a whole number'],
  ])('refuses %j in one line (exit 2)', async (args, message) => {
    const result = await cairn(['seed', 'generate', ...args, '--out', fresh()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('refuses a directory that already holds files', async () => {
    const out = fresh();
    await cairn(['seed', 'generate', '--scale', '1000', '--out', out]);
    writeFileSync(path.join(out, 'old.json'), '{}');
    const result = await cairn(['seed', 'generate', '--scale', '1000', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not empty');
  }, 60_000);
});
