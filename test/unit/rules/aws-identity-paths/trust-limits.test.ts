import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../../src/analyze/aws/policy/index.js';
import { githubSubConfines } from '../../../../src/rules/aws-identity-paths/github-sub-limit.js';
import { outsideAccountTrust } from '../../../../src/rules/aws-identity-paths/outside-accounts.js';
import {
  accountOfPrincipal,
  namesAccountRoot,
} from '../../../../src/rules/aws-identity-paths/principal-account.js';
import { federatedProvider } from '../../../../src/rules/aws-identity-paths/federated-provider.js';

const ORG = {
  account: '111111111111',
  organizationId: 'o-aaaa111111',
  members: new Set(['222222222222']),
};

function trust(...statements: object[]): ReturnType<typeof parsePolicyDocument> {
  return parsePolicyDocument({ Version: '2012-10-17', Statement: statements }, 'test trust');
}

describe('principal accounts', () => {
  it('reads the account of ids, roots, users and sessions in every partition', () => {
    expect(accountOfPrincipal(' 999999999999 ')).toBe('999999999999');
    expect(accountOfPrincipal('arn:aws-cn:iam::999999999999:root')).toBe('999999999999');
    expect(accountOfPrincipal('arn:aws:sts::999999999999:assumed-role/r/s')).toBe('999999999999');
    expect(accountOfPrincipal('AROAEXAMPLEID')).toBeUndefined();
    expect(accountOfPrincipal('arn:aws:iam::99999999999:root')).toBeUndefined();
    expect(namesAccountRoot('arn:aws:iam::999999999999:root')).toBe(true);
    expect(namesAccountRoot('arn:aws:iam::999999999999:role/root')).toBe(false);
  });
});

describe('githubSubConfines', () => {
  it.each([
    ['repo:acme/app:ref:refs/heads/main', true],
    ['repo:acme/*', true],
    ['repository_owner_id:1:repository_id:2', true],
    ['repo:*', false],
    ['*', false],
    ['repo:acme*', false],
    ['repo:ac?e/app:*', false],
    ['repo:*/app:*', false],
    ['', false],
  ])('%s -> %s', (value, confines) => {
    expect(githubSubConfines(value)).toBe(confines);
  });
});

describe('federatedProvider', () => {
  it('reads OIDC provider ARNs and built-in web identity hosts, not SAML', () => {
    expect(
      federatedProvider(
        'arn:aws:iam::111111111111:oidc-provider/Token.Actions.GitHubUserContent.com',
      ),
    ).toMatchObject({ issuer: 'token.actions.githubusercontent.com', audienceClaim: 'aud' });
    expect(federatedProvider('www.amazon.com')).toMatchObject({ audienceClaim: 'app_id' });
    expect(federatedProvider('arn:aws:iam::111111111111:saml-provider/okta')).toBeUndefined();
  });
});

describe('outsideAccountTrust', () => {
  const vendor = {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::999999999999:root' },
    Action: 'sts:AssumeRole',
  };

  it('names an outside account, skips the own and member accounts', () => {
    const result = outsideAccountTrust(
      trust({ ...vendor, Principal: { AWS: ['111111111111', '222222222222', '999999999999'] } }),
      ORG,
    );
    expect(result.outside).toEqual([
      { account: '999999999999', principal: '999999999999', statement: 0 },
    ]);
  });

  it('an org condition of the role organization confines, another organization does not', () => {
    const confined = {
      ...vendor,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'O-AAAA111111' } },
    };
    expect(outsideAccountTrust(trust(confined), ORG).outside).toEqual([]);
    const other = { ...vendor, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bbbb' } } };
    expect(outsideAccountTrust(trust(other), ORG).outside).toHaveLength(1);
  });

  it('an organization-less role accepts any literal org condition but no wildcard one', () => {
    const noOrg = {
      account: '111111111111',
      organizationId: undefined,
      members: new Set<string>(),
    };
    const literal = { ...vendor, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bbbb' } } };
    expect(outsideAccountTrust(trust(literal), noOrg).outside).toEqual([]);
    const wildcard = { ...vendor, Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } };
    expect(outsideAccountTrust(trust(wildcard), noOrg).outside).toHaveLength(1);
  });

  it('a Deny that refuses outside callers guards every statement', () => {
    const guard = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-aaaa111111' } },
    };
    expect(outsideAccountTrust(trust(vendor, guard), ORG)).toMatchObject({
      outside: [],
      guardedBy: 1,
    });
  });
});
