import type { EvaluatorSet } from '../evaluator.js';

/** Evaluators of the aws-identity-paths rules, by the name a rule's `check.evaluator` gives. */
export const awsIdentityPathsEvaluators: EvaluatorSet = {};
