import { naclOpenPorts, sgNoRules, sgOpenPorts } from '../aws-storage/network-evaluators.js';
import { s3BlockPublicAccess, s3DenyHttp, s3ObjectLogging } from '../aws-storage/s3-evaluators.js';
import type { EvaluatorSet } from '../evaluator.js';

/** Evaluators of the aws-storage rules, by the name a rule's `check.evaluator` gives. */
export const awsStorageEvaluators: EvaluatorSet = {
  's3-deny-http': s3DenyHttp,
  's3-block-public-access': s3BlockPublicAccess,
  's3-object-logging': s3ObjectLogging,
  'sg-world-open-ports': sgOpenPorts,
  'sg-default-no-rules': sgNoRules,
  'nacl-world-open-ports': naclOpenPorts,
};
