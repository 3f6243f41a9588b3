import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addKmsKey, locationOfArn } from '../resources/resource-links.js';
import { parseOutput } from '../resources/resource-output.js';
import { tagsFromList } from '../resources/resource-values.js';
import { resourceScope } from '../resources/resource-scope.js';
import { policyProperty, type PolicyWarning } from '../resources/resource-policy.js';
import * as s from './secrets-schemas.js';

/** What Secrets Manager said about one account and region, as plain JSON (see `plainOutput`). */
export interface SecretsAnswers {
  /** The `SecretList` entries of every ListSecrets page. */
  readonly secrets: readonly unknown[];
  /** GetResourcePolicy per secret ARN; absent when it could not be read. */
  readonly policies: ReadonlyMap<string, unknown>;
}

/**
 * The secrets of one account and region to the records of its `secretsmanager` scope: each
 * secret's metadata (never its value) with its resource policy, its KMS key (ENCRYPTED_WITH, when
 * named by ARN: an alias would need KMS to resolve) and its rotation function (ROTATED_BY).
 */
export function secretsToRecords(
  answers: SecretsAnswers,
  at: { readonly account: string; readonly region: string },
  source: string,
  warn: PolicyWarning = () => undefined,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, at.region, 'secretsmanager'));
  answers.secrets.forEach((raw, index) => {
    const secret = parseOutput(s.secretListEntry, raw, `${source}: SecretList[${index}]`);
    const where = `${source}: secret ${secret.ARN}`;
    const located = locationOfArn(secret.ARN);
    const policyAnswer = answers.policies.get(secret.ARN);
    const policyText =
      policyAnswer === undefined
        ? undefined
        : parseOutput(s.getResourcePolicy, policyAnswer, `${where}: GetResourcePolicy`)
            .ResourcePolicy;
    const id = b.node('AWSSecret', secret.ARN, {
      account: located.account,
      region: located.region,
      name: secret.Name,
      policy:
        policyText === undefined
          ? undefined
          : policyProperty(policyText, `${where}: GetResourcePolicy`, warn),
      kmsKeyId: secret.KmsKeyId || undefined,
      rotationEnabled: secret.RotationEnabled,
      rotationLambdaArn: secret.RotationLambdaARN || undefined,
      rotationRules: secret.RotationRules,
      lastRotatedDate: secret.LastRotatedDate,
      lastChangedDate: secret.LastChangedDate,
      lastAccessedDate: secret.LastAccessedDate,
      nextRotationDate: secret.NextRotationDate,
      createdDate: secret.CreatedDate,
      deletedDate: secret.DeletedDate,
      primaryRegion: secret.PrimaryRegion,
      owningService: secret.OwningService,
      tags: tagsFromList(secret.Tags),
    });
    addKmsKey(b, id, secret.KmsKeyId);
    const rotator = s.FUNCTION_ARN.exec(secret.RotationLambdaARN ?? '')?.[1];
    if (rotator) b.rel('ROTATED_BY', id, b.stub('AWSLambdaFunction', rotator));
  });
  return b.build();
}
