import { CompiledCondition } from '../../../src/analyze/aws/policy/conditions/condition-evaluator.js';
import type { ContextValue, Tri } from '../../../src/analyze/aws/policy/index.js';
import { RequestContext } from '../../../src/analyze/aws/policy/index.js';

/** Evaluates one condition entry against a context for a user alice in 111111111111. */
export function evaluateCondition(
  operator: string,
  key: string,
  values: string | string[],
  context: Record<string, ContextValue>,
  options: { complete?: boolean; tags?: Record<string, string> } = {},
): Tri {
  const condition = new CompiledCondition(
    { operator, key, values: typeof values === 'string' ? [values] : values },
    true,
    'test',
  );
  const request = new RequestContext({
    principal: { arn: 'arn:aws:iam::111111111111:user/alice', tags: options.tags },
    action: 's3:GetObject',
    resource: '*',
    context,
    contextComplete: options.complete,
  });
  return condition.evaluate(request);
}
