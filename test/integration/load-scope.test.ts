import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { recoverPendingLoads } from '../../src/load/roll-forward.js';
import type { GraphRecords } from '../../src/records/graph-records.js';
import { BadInputError } from '../../src/errors/cairn-error.js';
import {
  ageHeartbeat,
  contentOf,
  countStaged,
  dropScope,
  openTestGraph,
  scopeNode,
  scopeState,
  uniqueAccountId,
} from '../support/graph.js';
import { node, sampleAccount } from '../support/records.js';

let db: Database;
const accountA = uniqueAccountId();
const accountB = uniqueAccountId();
const scopeA = `aws:${accountA}`;
const scopeB = `aws:${accountB}`;

beforeAll(async () => {
  db = await openTestGraph();
});

afterAll(async () => {
  await dropScope(db, scopeA);
  await dropScope(db, scopeB);
  await db.close();
});

/** A's records changed in every way a rescan can change them. */
function changedA(): GraphRecords {
  const base = sampleAccount(accountA, { roles: 20 });
  return {
    ...base,
    nodes: [
      ...base.nodes
        .filter((n) => !n.id.endsWith('role/extra-3'))
        .map((n) =>
          n.model === 'AWSUser' ? node('AWSUser', n.id, { name: 'alice', path: '/changed/' }) : n,
        ),
      node('AWSRole', `arn:aws:iam::${accountA}:role/brand-new`, { name: 'brand-new' }),
    ],
  };
}

describe('loadScope', () => {
  it('loads scope B without touching scope A', async () => {
    await loadScope(db, sampleAccount(accountA, { roles: 20 }), { batchSize: 5 });
    const before = await scopeState(db, scopeA);
    expect(Object.keys(before.nodes)).toHaveLength(26);

    await loadScope(db, sampleAccount(accountB, { roles: 3 }), { batchSize: 5 });

    expect(await scopeState(db, scopeA)).toEqual(before);
    // B's stub of the partner role is A's node already (A referenced it first).
    expect(Object.keys((await scopeState(db, scopeB)).nodes)).toHaveLength(8);
    expect(await scopeNode(db, scopeA)).toMatchObject({ status: 'COMPLETE', nodeCount: 26 });
  });

  it('a reload of A with one resource removed deletes exactly that resource', async () => {
    const before = await scopeState(db, scopeA);
    const records = sampleAccount(accountA, { roles: 20 });
    const removed = `arn:aws:iam::${accountA}:role/extra-7`;
    const result = await loadScope(
      db,
      { ...records, nodes: records.nodes.filter((n) => n.id !== removed) },
      { batchSize: 5 },
    );

    const after = await scopeState(db, scopeA);
    expect(Object.keys(before.nodes).filter((id) => !(id in after.nodes))).toEqual([removed]);
    expect(Object.keys(after.nodes).filter((id) => !(id in before.nodes))).toEqual([]);
    expect(result).toMatchObject({ deletedNodes: 1, deletedRels: 0 });
    for (const [id, n] of Object.entries(after.nodes)) {
      expect(n.props['firstSeen']).toBe(before.nodes[id]?.props['firstSeen']);
      expect(n.props['scanId']).toBe(result.scanId);
    }
    expect(await scopeState(db, scopeB)).toBeDefined();
  });

  it('a load that fails half-way through staging leaves the previous state intact', async () => {
    const before = await scopeState(db, scopeA);
    const scopeBefore = await scopeNode(db, scopeA);
    let staged = 0;
    await expect(
      loadScope(db, changedA(), {
        batchSize: 4,
        onProgress: (event) => {
          if (event.stage === 'staging' && ++staged === 3)
            throw new Error('collector lost its connection');
        },
      }),
    ).rejects.toThrow('collector lost its connection');

    expect(await scopeState(db, scopeA)).toEqual(before);
    const scope = await scopeNode(db, scopeA);
    expect(scope).toMatchObject({
      status: 'COMPLETE',
      currentScanId: scopeBefore?.['currentScanId'],
    });
    expect(scope?.['pendingScanId']).toBeUndefined();
    expect(await countStaged(db, scopeA)).toBe(0);
  });

  it('a load interrupted while applying is never shown as complete and rolls forward exactly', async () => {
    let applied = 0;
    await expect(
      loadScope(db, changedA(), {
        batchSize: 4,
        onProgress: (event) => {
          if (event.stage === 'applying' && ++applied === 3) throw new Error('process killed');
        },
      }),
    ).rejects.toThrow('process killed');
    expect(await scopeNode(db, scopeA)).toMatchObject({
      status: 'APPLYING',
      pendingStage: 'APPLYING',
    });

    // The failed load stopped writing when it failed: no worker carries on in the background.
    const stagedLeft = await countStaged(db, scopeA);
    expect(stagedLeft).toBeGreaterThan(0);

    // Its heartbeat is fresh, so it could still be a live loader: nobody else applies it yet.
    expect(await recoverPendingLoads(db, { scope: scopeA })).toEqual([]);
    await expect(loadScope(db, changedA())).rejects.toMatchObject({ code: 'SCOPE_BUSY' });
    expect(await scopeNode(db, scopeA)).toMatchObject({ status: 'APPLYING' });
    expect(await countStaged(db, scopeA)).toBe(stagedLeft);

    // Once its loader has been silent a while, of two processes recovering at once exactly one
    // rolls it forward.
    await ageHeartbeat(db, scopeA, 5 * 60_000);
    const racing = await Promise.all([recoverPendingLoads(db), recoverPendingLoads(db)]);
    expect(racing.flat().map((r) => r.scope)).toEqual([scopeA]);
    expect(await scopeNode(db, scopeA)).toMatchObject({ status: 'COMPLETE' });
    expect(await countStaged(db, scopeA)).toBe(0);
    const rolledForward = contentOf(await scopeState(db, scopeA));

    // The same records loaded cleanly give exactly the same content.
    await loadScope(db, changedA(), { batchSize: 4 });
    expect(contentOf(await scopeState(db, scopeA))).toEqual(rolledForward);
    expect(rolledForward.nodes[`arn:aws:iam::${accountA}:role/extra-3`]).toBeUndefined();
    expect(rolledForward.nodes[`arn:aws:iam::${accountA}:user/alice`]?.props['path']).toBe(
      '/changed/',
    );
  });

  it('a load that is applying is left to its own loader by everyone recovering', async () => {
    const seen: string[][] = [];
    await loadScope(db, sampleAccount(accountA, { roles: 20 }), {
      batchSize: 4,
      onProgress: async (event) => {
        if (event.stage !== 'applying' || event.batch > 2) return;
        // What another process opening the graph does while this load is half applied.
        seen.push((await recoverPendingLoads(db)).map((r) => r.scope));
      },
    });
    expect(seen.flat()).not.toContain(scopeA);
    expect(await scopeNode(db, scopeA)).toMatchObject({ status: 'COMPLETE', nodeCount: 26 });
    expect(await countStaged(db, scopeA)).toBe(0);
  });

  it('rejects malformed records naming the record and field, and writes nothing', async () => {
    const before = await scopeState(db, scopeA);
    const records = changedA();
    const broken: GraphRecords = {
      ...records,
      nodes: records.nodes.map((n, i) =>
        i === 4 ? { ...n, properties: { ...n.properties, maxSessionDuration: 'one hour' } } : n,
      ),
    };
    const error = await loadScope(db, broken, { source: 'collector' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(
      /^collector: nodes\[4\] .*AWSRole: field "maxSessionDuration"/,
    );
    expect(await scopeState(db, scopeA)).toEqual(before);
    expect(await countStaged(db, scopeA)).toBe(0);
  });

  it('a stale node another scope still refers to is handed over as a stub, not deleted', async () => {
    const partner = 'arn:aws:iam::999999999999:role/partner';
    expect((await scopeState(db, scopeA)).nodes[partner]).toBeDefined();
    const records = sampleAccount(accountA, { roles: 20 });
    const trustB = { type: 'IN_ACCOUNT', from: partner, to: accountB, properties: {} };
    const b = sampleAccount(accountB, { roles: 3 });
    await loadScope(db, { ...b, relationships: [...b.relationships, trustB] });

    await loadScope(db, { ...records, nodes: records.nodes.filter((n) => n.id !== partner) });

    expect((await scopeState(db, scopeA)).nodes[partner]).toBeUndefined();
    const inB = await scopeState(db, scopeB);
    expect(inB.nodes[partner]?.props).toMatchObject({ stub: true, scope: scopeB });
    expect(inB.rels[`${partner} IN_ACCOUNT ${accountB}`]).toBeDefined();
  });

  it('a shared node (AWS managed policy) survives while any scope uses it', async () => {
    const managed = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const withManaged = (account: string, attach: boolean): GraphRecords => {
      const base = sampleAccount(account);
      const role = `arn:aws:iam::${account}:role/deploy`;
      return {
        ...base,
        nodes: [
          ...base.nodes,
          node('AWSManagedPolicy', managed, { name: 'ReadOnlyAccess', document: {} }),
        ],
        relationships: attach
          ? [
              ...base.relationships,
              {
                type: 'HAS_POLICY',
                from: role,
                to: managed,
                properties: { attachment: 'managed' },
              },
            ]
          : base.relationships,
      };
    };
    await loadScope(db, withManaged(accountA, true));
    await loadScope(db, withManaged(accountB, true));
    await loadScope(db, withManaged(accountA, false));
    const stillUsed = await scopeState(db, 'aws:managed-policies');
    expect(stillUsed.nodes[managed]).toBeDefined();
    await loadScope(db, withManaged(accountB, false));
    expect((await scopeState(db, 'aws:managed-policies')).nodes[managed]).toBeUndefined();
  });
});
