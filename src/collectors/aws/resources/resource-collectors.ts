import { cloudFormationCollector } from '../cloudformation/collect-cloudformation.js';
import { cloudTrailCollector } from '../cloudtrail/collect-cloudtrail.js';
import { codeBuildCollector } from '../codebuild/collect-codebuild.js';
import { ec2Collector } from '../ec2/ec2-collector.js';
import { eksCollector } from '../eks/collect-eks.js';
import { glueCollector } from '../glue/collect-glue.js';
import { kmsCollector } from '../kms/collect-kms.js';
import { lambdaCollector } from '../lambda/collect-lambda.js';
import { rdsCollector } from '../rds/collect-rds.js';
import { s3Collector } from '../s3/collect-s3.js';
import { sageMakerCollector } from '../sagemaker/collect-sagemaker.js';
import { secretsManagerCollector } from '../secretsmanager/collect-secrets.js';
import { ssmCollector } from '../ssm/collect-ssm.js';
import type { ResourceCollector } from './resource-collector.js';

/** Every resource collector `cairn scan aws` runs (or the ones `--services` names), in order. */
export const resourceCollectors: readonly ResourceCollector[] = [
  ec2Collector,
  s3Collector,
  kmsCollector,
  secretsManagerCollector,
  lambdaCollector,
  rdsCollector,
  eksCollector,
  cloudTrailCollector,
  ssmCollector,
  cloudFormationCollector,
  codeBuildCollector,
  sageMakerCollector,
  glueCollector,
];
