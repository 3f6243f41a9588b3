import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeReachability } from '../../src/analyze/aws/network/analyze-reachability.js';
import type { Database } from '../../src/db/connection.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { cairn } from '../support/cli.js';
import { dropScope, openTestGraph } from '../support/graph.js';

// Each folder of test/cases/aws-reachability holds, in ec2/, the `aws ec2 describe-*` outputs of
// one account and region (all cases share it, so each import replaces the last) and expect.json: for each
// resource, exactly the protocol and port lines `exposure` must answer, and the ids `via` and the
// rules (in words) each line must hold.
const CASES = 'test/cases/aws-reachability';
const SCOPE = 'aws:111122223333/eu-west-1/ec2';

// The contract's operation, exactly as written in ../shared/design/contract.md.
const EXPOSURE = `query Exposure($id: ID!) {
  resource(id: $id) {
    id
    exposure {
      protocol
      fromPort
      toPort
      via
      rules
    }
  }
}`;

interface Line {
  protocol: string;
  fromPort: number;
  toPort: number;
  via?: string[];
  rules?: string[];
}
interface Case {
  description: string;
  exposure: Record<string, Line[]>;
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
  await dropScope(db, SCOPE);
});

afterAll(async () => {
  await dropScope(db, SCOPE);
  await db.close();
});

describe('reachability cases, imported with `cairn import aws-ec2` and asked through `exposure`', () => {
  it('has the cases the acceptance names', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'no-internet-route',
        'nacl-blocks-port',
        'sg-open-only-on-ipv6',
        'private-instance-behind-alb',
        'private-instance',
        'main-route-table-implicit',
      ]),
    );
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(CASES, name);
    const spec = JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) as Case;
    const imported = await cairn(['import', 'aws-ec2', path.join(dir, 'ec2')]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    await analyzeReachability(db, `analysis-case-${name}`, new Date().toISOString());

    for (const [id, expected] of Object.entries(spec.exposure)) {
      const result = await runOperation(createContext(db), { query: EXPOSURE, variables: { id } });
      expect(result.errors).toBeUndefined();
      const resource = (result.data as { resource: { id: string; exposure: Line[] } | null })
        .resource;
      expect(resource?.id, `${name}: ${id} is loaded`).toBeDefined();
      const got = resource?.exposure ?? [];
      const key = (l: Line): string => `${l.protocol} ${l.fromPort}-${l.toPort}`;
      expect(got.map(key).sort(), `${name}: ${id}`).toEqual(expected.map(key).sort());
      for (const line of expected) {
        const match = got.find((g) => key(g) === key(line));
        expect(match?.via, `${name}: ${id} ${key(line)} via`).toEqual(
          expect.arrayContaining(line.via ?? []),
        );
        expect(match?.rules, `${name}: ${id} ${key(line)} rules`).toEqual(
          expect.arrayContaining(line.rules ?? []),
        );
      }
    }
  });
});
