import { describe, expect, it } from 'vitest';
import { validateGraphRecords } from '../../../src/records/validate-graph-records.js';
import { BadInputError } from '../../../src/errors/cairn-error.js';
import { sampleAccount, toSnapshotJson } from '../../support/records.js';

const valid = (): Record<string, unknown> => toSnapshotJson(sampleAccount('111111111111'));

function nodesOf(input: Record<string, unknown>): Record<string, unknown>[] {
  return input['nodes'] as Record<string, unknown>[];
}

function errorOf(input: unknown): BadInputError {
  try {
    validateGraphRecords(input, 'estate.json');
  } catch (error) {
    if (error instanceof BadInputError) return error;
    throw error;
  }
  throw new Error('expected a BadInputError');
}

describe('validateGraphRecords', () => {
  it('accepts valid records and separates properties from identity', () => {
    const records = validateGraphRecords(valid(), 'estate.json');
    expect(records.scope).toEqual({ provider: 'AWS', id: '111111111111' });
    const user = records.nodes.find((n) => n.model === 'AWSUser');
    expect(user).toMatchObject({
      stub: false,
      properties: { name: 'alice', tags: { team: 'red' } },
    });
    expect(records.nodes.filter((n) => n.stub)).toHaveLength(1);
    expect(records.relationships).toHaveLength(3);
  });

  it('names the record and field when a required property is missing', () => {
    const input = valid();
    delete nodesOf(input)[1]?.['name'];
    expect(errorOf(input).message).toMatch(
      /^estate\.json: nodes\[1\] \(id "arn:aws:iam::111111111111:user\/alice"\) AWSUser: field "name": /,
    );
  });

  it('names the record and field when a property has the wrong type', () => {
    const input = valid();
    const role = nodesOf(input).find((n) => n['model'] === 'AWSRole' && !n['stub']);
    if (role) role['maxSessionDuration'] = '3600';
    expect(errorOf(input).message).toMatch(
      /nodes\[4\] .* AWSRole: field "maxSessionDuration": .*number/,
    );
  });

  it('rejects a missing id and an unknown model', () => {
    const input = valid();
    delete nodesOf(input)[2]?.['id'];
    nodesOf(input).push({ model: 'AWSSpaceship', id: 'x' });
    const error = errorOf(input);
    expect(error.message).toMatch(/nodes\[2\] AWSGroup: field "id"/);
    expect(error.message).toMatch(/\(and \d+ more\)$/);
    expect(error.detail).toMatch(/unknown node model "AWSSpaceship"/);
  });

  it('rejects unknown fields rather than dropping them', () => {
    const input = valid();
    const user = nodesOf(input)[1];
    if (user) user['passwrd'] = 'x';
    expect(errorOf(input).message).toMatch(/AWSUser: unknown field "passwrd"/);
  });

  it('rejects relationships whose ends are missing or of the wrong model', () => {
    const input = valid();
    const rels = input['relationships'] as Record<string, unknown>[];
    rels.push({ type: 'MEMBER_OF', from: 'arn:aws:iam::111111111111:user/alice', to: 'arn:nope' });
    rels.push({
      type: 'MEMBER_OF',
      from: 'arn:aws:iam::111111111111:role/deploy',
      to: 'arn:aws:iam::111111111111:group/admins',
    });
    const error = errorOf(input);
    expect(error.message).toMatch(
      /relationships\[3\] MEMBER_OF: field "to": "arn:nope" is not a node/,
    );
    expect(error.detail).toMatch(
      /relationships\[4\] MEMBER_OF: field "from": AWSRole cannot be the from end/,
    );
  });

  it('rejects duplicate full records and a bad scope', () => {
    const input = valid();
    nodesOf(input).push({ ...nodesOf(input)[1] });
    expect(errorOf(input).message).toMatch(/nodes\[6\] .*duplicate node id/);
    expect(errorOf({ ...valid(), scope: { provider: 'AWS', id: 'a b' } }).message).toMatch(
      /^estate\.json: field "scope\.id"/,
    );
    expect(errorOf({ ...valid(), scope: { provider: 'MARS', id: '1' } }).message).toMatch(
      /field "scope\.provider"/,
    );
  });

  it('keeps hostile strings on one line and bounded in the message', () => {
    const input = valid();
    nodesOf(input).push({ model: `evil\nline2${'x'.repeat(500)}`, id: 'y' });
    const { message } = errorOf(input);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });
});
