import { describe, expect, it } from 'vitest';
import { planBatches, type StoredNodeRow } from '../../../src/load/batch-plan.js';
import { sampleAccount } from '../../support/records.js';

describe('planBatches', () => {
  it('orders full nodes, then stubs, then relationships, and splits by batch size', () => {
    const batches = planBatches(sampleAccount('222222222222', { roles: 5 }), 3);
    const phases = batches.map((b) => b.phase);
    expect(phases.lastIndexOf('node')).toBeLessThan(phases.indexOf('stub'));
    expect(phases.lastIndexOf('stub')).toBeLessThan(phases.indexOf('rel'));
    expect(batches.every((b) => b.rows.length <= 3)).toBe(true);
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i));
    const roleRows = batches.filter((b) => b.phase === 'node' && b.model === 'AWSRole');
    expect(roleRows.reduce((n, b) => n + b.rows.length, 0)).toBe(6);
  });

  it('lists every declared property of a full record (null when absent) so removals clear', () => {
    const batches = planBatches(sampleAccount('222222222222'), 100);
    const user = batches.find((b) => b.model === 'AWSUser')?.rows[0] as StoredNodeRow;
    expect(user.props).toMatchObject({ name: 'alice', path: null, userId: null });
    expect(user.props['tags']).toBe('{"team":"red"}');
  });

  it('gives stubs only what they know', () => {
    const batches = planBatches(sampleAccount('222222222222'), 100);
    const stub = batches.find((b) => b.phase === 'stub')?.rows[0] as StoredNodeRow;
    expect(stub).toEqual({ id: 'arn:aws:iam::999999999999:role/partner', props: {} });
  });
});
