/** A condition operator taken apart: `ForAnyValue:StringNotLikeIfExists` → its pieces. */
export interface ConditionOperator {
  readonly qualifier: 'ForAnyValue' | 'ForAllValues' | undefined;
  /** The operator without qualifier and `IfExists`, e.g. `StringNotLike`. */
  readonly base: string;
  readonly ifExists: boolean;
  /** `StringNotEquals`, `ArnNotLike`, `NotIpAddress`, ...: true when a value must NOT match. */
  readonly negated: boolean;
  /** String and Arn operators, the ones that compare names (ids, ARNs, claims). */
  readonly comparesNames: boolean;
}

const NAME_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'arnnotequals',
  'arnnotlike',
]);

/** Parses an operator name; AWS spells them in one case, but a reader should not trip on another. */
export function parseConditionOperator(raw: string): ConditionOperator {
  let rest = raw.trim();
  let qualifier: ConditionOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  const ifExists = /ifexists$/i.test(rest);
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const lower = base.toLowerCase();
  return {
    qualifier,
    base,
    ifExists,
    negated: lower.includes('not') && lower !== 'null',
    comparesNames: NAME_OPERATORS.has(lower),
  };
}
