import type { PolicyStatement } from '../../analyze/aws/policy/index.js';
import { globToRegExp } from '../../analyze/aws/policy/wildcard.js';

/** The role-assumption actions a trust statement can allow. */
export const ASSUME_ROLE = 'sts:AssumeRole';
export const ASSUME_WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
export const ASSUME_SAML = 'sts:AssumeRoleWithSAML';
export const ASSUME_ACTIONS = [ASSUME_ROLE, ASSUME_WEB_IDENTITY, ASSUME_SAML] as const;

/** Whether the statement's Action (or NotAction) covers `action`; AWS compares them ignoring case. */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  const matches = (patterns: readonly string[]): boolean =>
    patterns.some((pattern) => globToRegExp(pattern, 'i').test(action));
  if (statement.action) return matches(statement.action);
  return statement.notAction ? !matches(statement.notAction) : false;
}

/** Whether the statement lets a caller become the role in any of the three ways. */
export function coversAnyAssume(statement: PolicyStatement): boolean {
  return ASSUME_ACTIONS.some((action) => coversAction(statement, action));
}
