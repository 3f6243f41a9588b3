import type { Evaluator, EvaluatorSet } from '../evaluator.js';
import { awsExposureEvaluators } from './aws-exposure.js';
import { awsIamEvaluators } from './aws-iam.js';
import { awsIdentityPathsEvaluators } from './aws-identity-paths.js';
import { awsStorageEvaluators } from './aws-storage.js';

function byName(cloud: string, sets: readonly EvaluatorSet[]): Map<string, Evaluator> {
  const all = new Map<string, Evaluator>();
  for (const set of sets) {
    for (const [name, evaluate] of Object.entries(set)) {
      // Two modules claiming one name would make a rule's meaning depend on import order.
      if (all.has(`${cloud}/${name}`))
        throw new Error(`evaluator ${cloud}/${name} is defined twice`);
      all.set(`${cloud}/${name}`, evaluate);
    }
  }
  return all;
}

/** Every evaluator a rule file may name, as `<cloud>/<name>`. */
export const EVALUATORS: ReadonlyMap<string, Evaluator> = byName('aws', [
  awsIamEvaluators,
  awsStorageEvaluators,
  awsExposureEvaluators,
  awsIdentityPathsEvaluators,
]);
