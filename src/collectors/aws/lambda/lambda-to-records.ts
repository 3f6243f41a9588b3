import { BadInputError } from '../../../errors/cairn-error.js';
import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { decodePolicyDocument } from '../iam/policy-document-text.js';
import { resourceScope } from '../resources/resource-scope.js';
import * as s from './lambda-schemas.js';
import { parseOutput } from '../resources/resource-output.js';
import { addKmsKey, addPlacement, addRole, locationOfArn } from '../resources/resource-links.js';
import { tagsFromMap } from '../resources/resource-values.js';

/** What the Lambda API said about one account and region, as plain JSON (see `plainOutput`). */
export interface LambdaAnswers {
  /** The `Functions` entries of every ListFunctions page. */
  readonly functions: readonly unknown[];
  /** GetPolicy per function ARN; absent when it has no policy or it could not be read. */
  readonly policies: ReadonlyMap<string, unknown>;
  /** The `FunctionUrlConfigs` entries per function ARN, across pages. */
  readonly urlConfigs: ReadonlyMap<string, readonly unknown[]>;
  /** ListTags per function ARN. */
  readonly tags: ReadonlyMap<string, unknown>;
}

/**
 * Lambda functions of one account and region to the records of its `lambda` scope: each function
 * with its role (RUNS_AS), network placement, KMS key and layers. Environment variable values are
 * never read, only their names.
 */
export function lambdaToRecords(
  answers: LambdaAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'lambda'));
  answers.functions.forEach((raw, index) => {
    const fn = parseOutput(s.functionConfiguration, raw, `${source}: Functions[${index}]`);
    const where = `${source}: function ${fn.FunctionArn}`;
    const arn = fn.FunctionArn;
    const located = locationOfArn(arn);
    const url = mostOpenUrl(arn, answers.urlConfigs.get(arn) ?? [], where);
    const tags = answers.tags.get(arn);
    const id = b.node('AWSLambdaFunction', arn, {
      account: located.account,
      region: located.region,
      name: fn.FunctionName,
      roleArn: fn.Role,
      runtime: fn.Runtime,
      handler: fn.Handler,
      packageType: fn.PackageType,
      lastModified: fn.LastModified,
      environmentVariableNames: variableNames(fn),
      kmsKeyId: fn.KMSKeyArn || undefined,
      vpcId: fn.VpcConfig?.VpcId || undefined,
      policy: policyOf(answers.policies.get(arn), where),
      functionUrl: url?.FunctionUrl,
      functionUrlAuthType: url?.AuthType,
      tags:
        tags === undefined
          ? undefined
          : tagsFromMap(parseOutput(s.listTags, tags, `${where}: ListTags`).Tags),
    });
    addRole(b, id, fn.Role);
    addKmsKey(b, id, fn.KMSKeyArn);
    addPlacement(b, located, id, {
      vpcId: fn.VpcConfig?.VpcId,
      subnetIds: fn.VpcConfig?.SubnetIds,
      securityGroupIds: fn.VpcConfig?.SecurityGroupIds,
    });
    for (const layer of fn.Layers ?? []) b.rel('USES_LAYER', id, addLayer(b, layer.Arn));
  });
  return b.build();
}

function variableNames(fn: s.FunctionConfiguration): string[] | undefined {
  const variables = fn.Environment?.Variables;
  return variables ? Object.keys(variables).sort() : undefined;
}

/** A layer is a node of this scope even when another account publishes it (its ARN says which). */
function addLayer(b: RecordsBuilder, arn: string): string {
  const [, , region = '', account = '', name = '', version = ''] =
    s.LAYER_VERSION_ARN.exec(arn) ?? [];
  if (!b.has(arn))
    b.node('AWSLambdaLayer', arn, { account, region, name, version: Number(version) });
  return arn;
}

function policyOf(answer: unknown, where: string): Record<string, unknown> | undefined {
  if (answer === undefined) return undefined;
  const { Policy } = parseOutput(s.getPolicy, answer, `${where}: GetPolicy`);
  const decoded = decodePolicyDocument(Policy);
  if ('problem' in decoded)
    throw new BadInputError(`${where}: GetPolicy: Policy ${decoded.problem}`);
  return decoded.document;
}

/**
 * The URL that exposes the function most: one without authentication first, then the
 * function's own (unqualified) one before an alias's.
 */
function mostOpenUrl(
  functionArn: string,
  answers: readonly unknown[],
  where: string,
): s.FunctionUrlConfig | undefined {
  const urls = answers.map((answer, index) =>
    parseOutput(s.functionUrlConfig, answer, `${where}: FunctionUrlConfigs[${index}]`),
  );
  const rank = (url: s.FunctionUrlConfig): number =>
    (url.AuthType === 'NONE' ? 0 : 2) + (url.FunctionArn === functionArn ? 0 : 1);
  return [...urls].sort((a, b) => rank(a) - rank(b))[0];
}
