import { z } from 'zod';
import { dateTime, name, regionalArn, tagList, text } from '../resources/resource-values.js';
import { MAX_POLICY_CHARS } from '../resources/resource-policy.js';

/*
 * The parts of the Secrets Manager answers Cairn reads (ListSecrets, GetResourcePolicy). Neither
 * carries a secret's value; its description (free text an owner may paste anything into) and
 * version ids are not read either.
 */

/** A function ARN, maybe with a version or alias; group 1 is the function's own ARN. */
export const FUNCTION_ARN =
  /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,140})(?::[A-Za-z0-9$_-]{1,128})?$/;

export const secretListEntry = z.looseObject({
  ARN: regionalArn('secretsmanager'),
  Name: name,
  KmsKeyId: text.optional(),
  RotationEnabled: z.boolean().optional(),
  RotationLambdaARN: text.optional(),
  RotationRules: z
    .looseObject({
      AutomaticallyAfterDays: z.number().int().nonnegative().optional(),
      Duration: text.optional(),
      ScheduleExpression: text.optional(),
    })
    .optional(),
  LastRotatedDate: dateTime.optional(),
  LastChangedDate: dateTime.optional(),
  LastAccessedDate: dateTime.optional(),
  NextRotationDate: dateTime.optional(),
  CreatedDate: dateTime.optional(),
  DeletedDate: dateTime.optional(),
  PrimaryRegion: text.optional(),
  OwningService: text.optional(),
  Tags: tagList.optional(),
});

export const getResourcePolicy = z.looseObject({
  ResourcePolicy: z.string().max(MAX_POLICY_CHARS).optional(),
});
