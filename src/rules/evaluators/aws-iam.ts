import type { EvaluatorSet } from '../evaluator.js';

/** Evaluators of the aws-iam rules, by the name a rule's `check.evaluator` gives. */
export const awsIamEvaluators: EvaluatorSet = {};
