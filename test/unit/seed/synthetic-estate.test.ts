import { describe, expect, it } from 'vitest';
import { flattenGraphRecords } from '../../../src/records/graph-records.js';
import { validateGraphRecords } from '../../../src/records/validate-graph-records.js';
import { countResources, syntheticEstate } from '../../../src/seed/synthetic-estate.js';

const SIZE = 10_000;
const estate = syntheticEstate(SIZE);

describe('the synthetic posture estate', () => {
  it('is the same estate every time for a seed, and another one for another seed', () => {
    expect(JSON.stringify(syntheticEstate(SIZE))).toBe(JSON.stringify(estate));
    expect(JSON.stringify(syntheticEstate(SIZE, 8))).not.toBe(JSON.stringify(estate));
  });

  it('holds the requested number of resources, within 5%', () => {
    expect(Math.abs(countResources(estate) - SIZE)).toBeLessThanOrEqual(SIZE * 0.05);
    const larger = syntheticEstate(30_000);
    expect(Math.abs(countResources(larger) - 30_000)).toBeLessThanOrEqual(30_000 * 0.05);
  }, 60_000);

  it('has scopes that all validate, one IAM scope per account and one per service and region', () => {
    for (const scope of estate) {
      expect(() => validateGraphRecords(flattenGraphRecords(scope), 'synthetic')).not.toThrow();
    }
    const ids = estate.map((s) => s.scope.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /^\d{12}$/.test(id))).toHaveLength(10);
    expect(ids).toContain('710000000000/us-east-1/ec2');
    expect(ids).toContain('710000000000/global/s3');
  });

  it('covers every resource type the rules judge, with passing and failing settings', () => {
    const nodes = estate.flatMap((s) => s.nodes.filter((n) => !n.stub));
    const models = new Set(nodes.map((n) => n.model));
    for (const model of [
      'AWSUser',
      'AWSGroup',
      'AWSRole',
      'AWSPolicy',
      'AWSManagedPolicy',
      'AWSAccessKey',
      'AWSPasswordPolicy',
      'AWSRootUser',
      'AWSOidcProvider',
      'AWSInstanceProfile',
      'AWSS3Bucket',
      'AWSKmsKey',
      'AWSSecret',
      'AWSCloudTrail',
      'AWSSecurityGroup',
      'AWSNetworkAcl',
      'AWSVpc',
      'AWSSubnet',
      'AWSRouteTable',
      'AWSInternetGateway',
      'AWSEC2Instance',
      'AWSEBSVolume',
      'AWSEBSSnapshot',
      'AWSAmi',
      'AWSRdsInstance',
      'AWSLambdaFunction',
      'AWSCodeBuildProject',
      'AWSEksCluster',
      'AWSSageMakerNotebook',
      'AWSOrganization',
    ]) {
      expect(models, model).toContain(model);
    }
    const share = (model: string, failing: (p: Record<string, unknown>) => boolean): number => {
      const of = nodes.filter((n) => n.model === model);
      return of.filter((n) => failing(n.properties)).length / of.length;
    };
    // A mix, not all-pass or all-fail: IMDSv1 instances, unencrypted volumes, public snapshots.
    expect(share('AWSEC2Instance', (p) => p['imdsHttpTokens'] === 'optional')).toBeGreaterThan(0.2);
    expect(share('AWSEC2Instance', (p) => p['imdsHttpTokens'] === 'optional')).toBeLessThan(0.4);
    expect(share('AWSEBSVolume', (p) => p['encrypted'] === false)).toBeGreaterThan(0.1);
    expect(share('AWSEBSSnapshot', (p) => p['public'] === true)).toBeGreaterThan(0);
    expect(share('AWSEBSSnapshot', (p) => p['public'] === true)).toBeLessThan(0.1);
    // Broad admin grants stay with a few principals (the data-access analysis must stay small).
    const adminHolders = estate
      .flatMap((s) => s.relationships)
      .filter((r) => r.type === 'HAS_POLICY' && r.to.endsWith(':policy/AdministratorAccess'));
    expect(adminHolders.length).toBeLessThan(50);
  });
});
