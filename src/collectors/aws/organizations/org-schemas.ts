import { z } from 'zod';

/** The parts of `aws organizations` outputs Cairn reads; other fields are tolerated. */
export const describeOrganization = z.looseObject({
  Organization: z.looseObject({
    Id: z.string().regex(/^o-[a-z0-9]+$/),
    Arn: z.string().optional(),
    MasterAccountId: z.string().regex(/^\d{12}$/),
    FeatureSet: z.string().optional(),
  }),
});

const unit = z.looseObject({
  Id: z.string().min(1),
  Arn: z.string().optional(),
  Name: z.string().min(1),
});
const account = z.looseObject({
  Id: z.string().regex(/^\d{12}$/),
  Arn: z.string().optional(),
  Email: z.string().optional(),
  Name: z.string().optional(),
  Status: z.string().optional(),
});

export const listRoots = z.looseObject({ Roots: z.array(unit) });
export const listOrganizationalUnits = z.looseObject({ OrganizationalUnits: z.array(unit) });
export const listAccounts = z.looseObject({ Accounts: z.array(account) });
export const describePolicy = z.looseObject({
  Policy: z.looseObject({
    PolicySummary: z.looseObject({
      Id: z.string().min(1),
      Arn: z.string().optional(),
      Name: z.string().min(1),
      Type: z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']),
      AwsManaged: z.boolean().optional(),
    }),
    Content: z.string().min(1),
  }),
});
export const listTargets = z.looseObject({
  Targets: z.array(
    z.looseObject({
      TargetId: z.string().min(1),
      Type: z.enum(['ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT']),
    }),
  ),
});
