import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'aws:SourceArn';
const TOPIC = 'arn:aws:sns:us-east-1:111111111111:alerts';

describe('ARN condition operators', () => {
  it.each([
    ['ArnEquals', TOPIC, TOPIC, true],
    ['ArnEquals', 'arn:aws:sns:*:111111111111:alerts', TOPIC, true],
    ['ArnLike', 'arn:aws:sns:us-east-?:*:*', TOPIC, true],
    ['ArnLike', 'arn:aws:sns:us-*:alerts', TOPIC, false],
    ['ArnLike', 'arn:aws:SNS:*:*:*', TOPIC, false],
    ['ArnLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b/c', true],
    ['ArnNotEquals', TOPIC, TOPIC, false],
    ['ArnNotLike', 'arn:aws:sns:*:222222222222:*', TOPIC, true],
    ['ArnLike', 'arn:aws:sns:*:*:*', 'not-an-arn', false],
  ] as const)('%s %s vs %s is %s', (operator, policy, actual, expected) => {
    expect(evaluateCondition(operator, K, policy, { [K]: actual })).toBe(expected);
  });

  it('substitutes policy variables in ARN values', () => {
    const value = 'arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}';
    expect(
      evaluateCondition('ArnEquals', 'c:arn', value, {
        'c:arn': 'arn:aws:iam::111111111111:user/alice',
      }),
    ).toBe(true);
  });
});
