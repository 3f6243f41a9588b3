import { BadInputError } from '../../../../errors/cairn-error.js';
import { ARN_OPERATORS } from './arn-operators.js';
import type { BaseOperator } from './base-operator.js';
import { BOOL_OPERATORS } from './bool-operators.js';
import { DATE_OPERATORS } from './date-operators.js';
import { IP_OPERATORS } from './ip-operators.js';
import { NUMERIC_OPERATORS } from './numeric-operators.js';
import type { SetQualifier } from './set-operators.js';
import { STRING_OPERATORS } from './string-operators.js';

export interface ParsedOperator {
  readonly qualifier: SetQualifier;
  readonly ifExists: boolean;
  /** Undefined for the Null check, which tests presence rather than values. */
  readonly base: BaseOperator | undefined;
}

const BY_NAME = new Map<string, BaseOperator>(
  [
    ...STRING_OPERATORS,
    ...NUMERIC_OPERATORS,
    ...DATE_OPERATORS,
    ...BOOL_OPERATORS,
    ...IP_OPERATORS,
    ...ARN_OPERATORS,
  ].map((operator) => [operator.name.toLowerCase(), operator]),
);

const QUALIFIERS: ReadonlyArray<[string, SetQualifier]> = [
  ['forallvalues:', 'for-all-values'],
  ['foranyvalue:', 'for-any-value'],
];

/** `ForAnyValue:StringLikeIfExists` into qualifier, IfExists and base operator. */
export function parseOperator(operator: string, where: string): ParsedOperator {
  let name = operator.toLowerCase();
  let qualifier: SetQualifier = 'none';
  for (const [prefix, value] of QUALIFIERS) {
    if (name.startsWith(prefix)) {
      qualifier = value;
      name = name.slice(prefix.length);
    }
  }
  if (name === 'null' && qualifier === 'none')
    return { qualifier, ifExists: false, base: undefined };
  const ifExists = name.endsWith('ifexists');
  if (ifExists) name = name.slice(0, -'ifexists'.length);
  const base = BY_NAME.get(name);
  if (!base) throw new BadInputError(`${where}: unknown condition operator "${operator}"`);
  return { qualifier, ifExists, base };
}
