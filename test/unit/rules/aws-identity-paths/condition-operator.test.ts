import { describe, expect, it } from 'vitest';
import { parseConditionOperator } from '../../../../src/rules/aws-identity-paths/condition-operator.js';

describe('parseConditionOperator', () => {
  it('takes a qualified, IfExists, negated operator apart', () => {
    expect(parseConditionOperator('ForAnyValue:StringNotLikeIfExists')).toEqual({
      qualifier: 'ForAnyValue',
      base: 'StringNotLike',
      ifExists: true,
      negated: true,
      comparesNames: true,
    });
  });

  it('reads operators in another case and tells name comparisons from others', () => {
    expect(parseConditionOperator('forallvalues:stringequals')).toMatchObject({
      qualifier: 'ForAllValues',
      negated: false,
      comparesNames: true,
    });
    expect(parseConditionOperator('NotIpAddress')).toMatchObject({
      negated: true,
      comparesNames: false,
    });
    // `Null` contains no "Not": it tests presence, not a name.
    expect(parseConditionOperator('Null')).toMatchObject({ negated: false, comparesNames: false });
    expect(parseConditionOperator('ArnLike')).toMatchObject({
      negated: false,
      comparesNames: true,
    });
  });
});
