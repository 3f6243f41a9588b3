import { z } from 'zod';

/*
 * The JSON that `aws iam get-account-authorization-details` prints (and the API returns, page by
 * page). Fields AWS may add later are tolerated (loose objects); the fields Cairn reads are
 * checked. Policy documents are objects (the CLI decodes them) or URL-encoded JSON (the API).
 */

const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())]);
const date = z.string().min(1);
const tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();
const inlinePolicy = z.looseObject({
  PolicyName: z.string().min(1),
  PolicyDocument: policyDocument,
});
const attachedPolicy = z.looseObject({
  PolicyName: z.string().optional(),
  PolicyArn: z.string().min(1),
});
const boundary = z
  .looseObject({
    PermissionsBoundaryArn: z.string().min(1),
    PermissionsBoundaryType: z.string().optional(),
  })
  .optional();

export const userDetail = z.looseObject({
  Path: z.string().optional(),
  UserName: z.string().min(1),
  UserId: z.string().optional(),
  Arn: z.string().min(1),
  CreateDate: date.optional(),
  UserPolicyList: z.array(inlinePolicy).optional(),
  GroupList: z.array(z.string()).optional(),
  AttachedManagedPolicies: z.array(attachedPolicy).optional(),
  PermissionsBoundary: boundary,
  Tags: tags,
});

export const groupDetail = z.looseObject({
  Path: z.string().optional(),
  GroupName: z.string().min(1),
  GroupId: z.string().optional(),
  Arn: z.string().min(1),
  CreateDate: date.optional(),
  GroupPolicyList: z.array(inlinePolicy).optional(),
  AttachedManagedPolicies: z.array(attachedPolicy).optional(),
});

const instanceProfile = z.looseObject({
  Path: z.string().optional(),
  InstanceProfileName: z.string().min(1),
  InstanceProfileId: z.string().optional(),
  Arn: z.string().min(1),
  CreateDate: date.optional(),
});

export const roleDetail = z.looseObject({
  Path: z.string().optional(),
  RoleName: z.string().min(1),
  RoleId: z.string().optional(),
  Arn: z.string().min(1),
  CreateDate: date.optional(),
  AssumeRolePolicyDocument: policyDocument.optional(),
  InstanceProfileList: z.array(instanceProfile).optional(),
  RolePolicyList: z.array(inlinePolicy).optional(),
  AttachedManagedPolicies: z.array(attachedPolicy).optional(),
  PermissionsBoundary: boundary,
  Tags: tags,
  MaxSessionDuration: z.number().int().optional(),
  RoleLastUsed: z
    .looseObject({ LastUsedDate: date.optional(), Region: z.string().optional() })
    .optional(),
});

export const managedPolicyDetail = z.looseObject({
  // Always present from AWS; some emulators leave it out (the ARN names the policy too).
  PolicyName: z.string().min(1).optional(),
  PolicyId: z.string().optional(),
  Arn: z.string().min(1),
  Path: z.string().optional(),
  DefaultVersionId: z.string().optional(),
  AttachmentCount: z.number().int().optional(),
  CreateDate: date.optional(),
  UpdateDate: date.optional(),
  PolicyVersionList: z.array(
    z.looseObject({
      Document: policyDocument.optional(),
      VersionId: z.string().optional(),
      IsDefaultVersion: z.boolean().optional(),
    }),
  ),
});

export const authzPage = z.looseObject({
  UserDetailList: z.array(userDetail),
  GroupDetailList: z.array(groupDetail),
  RoleDetailList: z.array(roleDetail),
  Policies: z.array(managedPolicyDetail),
  IsTruncated: z.boolean().optional(),
  Marker: z.string().optional(),
});

export type AuthzPage = z.infer<typeof authzPage>;
export type UserDetail = z.infer<typeof userDetail>;
export type GroupDetail = z.infer<typeof groupDetail>;
export type RoleDetail = z.infer<typeof roleDetail>;
export type ManagedPolicyDetail = z.infer<typeof managedPolicyDetail>;
export type InlinePolicy = z.infer<typeof inlinePolicy>;
export type AttachedPolicy = z.infer<typeof attachedPolicy>;
