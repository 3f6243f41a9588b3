import type { EvaluatorSet } from '../evaluator.js';

/** Evaluators of the aws-exposure rules, by the name a rule's `check.evaluator` gives. */
export const awsExposureEvaluators: EvaluatorSet = {};
