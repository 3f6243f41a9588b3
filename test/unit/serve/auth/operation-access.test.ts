import { describe, expect, it } from 'vitest';
import { operationRefusal } from '../../../../src/serve/auth/operation-access.js';
import { operationKindOf } from '../../../../src/serve/auth/operation-kind.js';
import { parseRole } from '../../../../src/serve/auth/roles.js';

const none = new URLSearchParams();
const mutation = 'mutation { unsuppress(id: "x") }';

describe('operationKindOf', () => {
  it('finds the type of the selected operation in a JSON body', () => {
    expect(operationKindOf({ query: '{ health { status } }' }, none)).toBe('query');
    expect(operationKindOf({ query: mutation }, none)).toBe('mutation');
    expect(operationKindOf({ query: 'subscription { x }' }, none)).toBe('subscription');
    const two = `query A { health { status } } ${mutation.replace('mutation', 'mutation B')}`;
    expect(operationKindOf({ query: two, operationName: 'A' }, none)).toBe('query');
    expect(operationKindOf({ query: two, operationName: 'B' }, none)).toBe('mutation');
  });

  it('reads GET requests from the URL', () => {
    const search = new URLSearchParams({ query: mutation });
    expect(operationKindOf(undefined, search)).toBe('mutation');
    expect(operationKindOf(undefined, new URLSearchParams({ query: '{ a }' }))).toBe('query');
  });

  it('counts a batch as its most demanding operation', () => {
    expect(operationKindOf([{ query: '{ a }' }, { query: mutation }], none)).toBe('mutation');
    expect(operationKindOf([{ query: '{ a }' }, 'junk'], none)).toBe('query');
  });

  it('says unreadable for what Apollo refuses before running, opaque for a bare persisted-query hash', () => {
    expect(operationKindOf({ query: '{ a ' }, none)).toBe('unreadable');
    expect(operationKindOf({ query: 42 }, none)).toBe('unreadable');
    expect(operationKindOf({}, none)).toBe('unreadable');
    expect(operationKindOf('not json', none)).toBe('unreadable');
    expect(operationKindOf({ query: 'query A { a } query B { b }' }, none)).toBe('unreadable');
    expect(
      operationKindOf({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }, none),
    ).toBe('opaque');
  });
});

describe('operationRefusal', () => {
  it('lets viewers query and refuses them mutations, subscriptions and opaque hashes with FORBIDDEN', () => {
    expect(operationRefusal('viewer', () => 'query')).toBeUndefined();
    expect(operationRefusal('viewer', () => 'unreadable')).toBeUndefined();
    for (const kind of ['mutation', 'subscription', 'opaque'] as const) {
      expect(operationRefusal('viewer', () => kind)).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
  });

  it('lets analysts and admins run anything without parsing the operation', () => {
    const never = (): never => {
      throw new Error('parsed');
    };
    expect(operationRefusal('analyst', never)).toBeUndefined();
    expect(operationRefusal('admin', never)).toBeUndefined();
  });
});

describe('parseRole', () => {
  it('knows exactly viewer, analyst and admin', () => {
    expect(parseRole('analyst', '--role')).toBe('analyst');
    expect(() => parseRole('Admin', '--role')).toThrow(
      '--role: unknown role "Admin"; expected viewer, analyst, admin',
    );
    expect(() => parseRole('x\u001b[2J', '--role')).toThrow('unknown role "x?[2J"');
  });
});
