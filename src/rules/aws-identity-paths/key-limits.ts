import { hasWildcard } from '../../analyze/aws/policy/wildcard.js';
import type { KeyLimit } from './condition-limit.js';
import type { ConditionOperator } from './condition-operator.js';

const ACCOUNT_ID = /^\d{12}$/;

function literalName(value: string, operator: ConditionOperator): boolean {
  return operator.comparesNames && value.trim() !== '' && !hasWildcard(value);
}

/** `aws:PrincipalOrgID` set to one organization (the given one, or any named one if unknown). */
export function orgIdLimit(orgId: string | undefined): KeyLimit {
  return {
    key: 'aws:principalorgid',
    alwaysPresent: false,
    confines: (value, operator) =>
      literalName(value, operator) &&
      (orgId === undefined || value.trim().toLowerCase() === orgId.toLowerCase()),
  };
}

/** `aws:PrincipalOrgPaths` whose paths start at a named organization (`o-.../r-.../*`). */
export function orgPathsLimit(orgId: string | undefined): KeyLimit {
  return {
    key: 'aws:principalorgpaths',
    alwaysPresent: false,
    confines: (value, operator) => {
      const org = value.trim().split('/')[0] ?? '';
      return (
        operator.comparesNames &&
        value.includes('/') &&
        org !== '' &&
        !hasWildcard(org) &&
        (orgId === undefined || org.toLowerCase() === orgId.toLowerCase())
      );
    },
  };
}

/** A key holding an account id (`aws:PrincipalAccount`, `aws:SourceAccount`), set to literal ids. */
export function accountKeyLimit(key: string, alwaysPresent: boolean): KeyLimit {
  return {
    key,
    alwaysPresent,
    confines: (value, operator) => operator.comparesNames && ACCOUNT_ID.test(value.trim()),
  };
}

/** A key holding an ARN (`aws:PrincipalArn`, `aws:SourceArn`) whose account field is literal. */
export function arnKeyLimit(key: string, alwaysPresent: boolean): KeyLimit {
  return {
    key,
    alwaysPresent,
    confines: (value, operator) =>
      operator.comparesNames && ACCOUNT_ID.test(value.trim().split(':')[4] ?? ''),
  };
}

/** `aws:userid` naming a unique principal id (`AROA...:*`, `AIDA...`). */
export const USER_ID_LIMIT: KeyLimit = {
  key: 'aws:userid',
  alwaysPresent: true,
  confines: (value, operator) => {
    const id = value.trim().split(':')[0] ?? '';
    return operator.comparesNames && id !== '' && !hasWildcard(id);
  },
};

/** A network origin key (`aws:SourceVpc`, `aws:SourceVpce`) set to literal ids. */
export function networkIdLimit(key: string): KeyLimit {
  return { key, alwaysPresent: false, confines: literalName };
}

/** `aws:SourceIp` limited to ranges smaller than the whole internet. */
export const SOURCE_IP_LIMIT: KeyLimit = {
  key: 'aws:sourceip',
  alwaysPresent: false,
  confines: (value, operator) =>
    /^(?:not)?ipaddress$/i.test(operator.base) && !/\/0$/.test(value.trim()),
};

/** `sts:ExternalId` set to a literal value. */
export const EXTERNAL_ID_LIMIT: KeyLimit = {
  key: 'sts:externalid',
  alwaysPresent: false,
  confines: literalName,
};

/** Who the caller is: each of these, tested with confining values, narrows `Principal: *`. */
export const PRINCIPAL_LIMITS: readonly KeyLimit[] = [
  orgIdLimit(undefined),
  orgPathsLimit(undefined),
  accountKeyLimit('aws:principalaccount', true),
  accountKeyLimit('aws:sourceaccount', false),
  arnKeyLimit('aws:principalarn', true),
  arnKeyLimit('aws:sourcearn', false),
  USER_ID_LIMIT,
  networkIdLimit('aws:sourcevpc'),
  networkIdLimit('aws:sourcevpce'),
  SOURCE_IP_LIMIT,
];
