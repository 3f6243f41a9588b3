import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../src/analyze/aws/policy/index.js';
import { BadInputError } from '../../../src/errors/cairn-error.js';

describe('parsePolicyDocument', () => {
  it('normalises strings to lists and principals to kinds', () => {
    const document = parsePolicyDocument(
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: ['*', '111111111111'], Service: 'ec2.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { NumericLessThan: { 's3:max-keys': 10 } },
        },
      },
      'test',
    );
    const statement = document.statements[0]!;
    expect(statement.action).toEqual(['s3:GetObject']);
    expect(statement.principal).toMatchObject({
      wildcard: true,
      aws: ['111111111111'],
      service: ['ec2.amazonaws.com'],
    });
    expect(statement.conditions).toEqual([
      { operator: 'NumericLessThan', key: 's3:max-keys', values: ['10'] },
    ]);
  });

  it('decodes URL-encoded documents', () => {
    const text = encodeURIComponent(
      '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
    );
    expect(parsePolicyDocument(text, 'test').statements[0]?.effect).toBe('Deny');
  });

  it.each([
    [{ Statement: [] }, 'Statement'],
    [{ Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] }, 'Statement[0].Action'],
    [
      { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Extra: 1 }] },
      'unknown field "Extra"',
    ],
    [
      { Statement: [{ Effect: 'Allow', Action: '*', Principal: { Aws: '*' } }] },
      'Statement[0].Principal',
    ],
    [42, 'must be a JSON object'],
  ])('rejects %j naming %s', (input, where) => {
    expect(() => parsePolicyDocument(input, 'policy "p"')).toThrow(BadInputError);
    expect(() => parsePolicyDocument(input, 'policy "p"')).toThrow(where);
  });
});
