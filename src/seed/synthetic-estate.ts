import type { GraphRecords } from '../records/graph-records.js';
import { ec2Scope } from './synthetic/ec2-scope.js';
import {
  codeBuildScope,
  eksScope,
  lambdaScope,
  rdsScope,
  sageMakerScope,
} from './synthetic/compute-scopes.js';
import { planEstate, REGIONS } from './synthetic/estate-plan.js';
import { iamScope, organizationScope } from './synthetic/iam-scope.js';
import { SeededRandom } from './synthetic/random.js';
import { cloudTrailScope, kmsScope, s3Scope, secretsScope } from './synthetic/storage-scopes.js';

export { ESTATE_NOW } from './synthetic/estate-plan.js';

/**
 * A realistic multi-account AWS estate of about `resources` resources (non-stub nodes) for the
 * posture benchmark: an organization of 9 accounts and a partner account, 2 regions each, with
 * every resource type the rules judge and a mix of passing and failing settings. One IAM scope
 * per account (`aws:<account>`), one scope per account, region and service
 * (`aws:<account>/<region>/<service>`), and the organization's. Deterministic for a given seed.
 */
export function syntheticEstate(resources: number, seed = 7): GraphRecords[] {
  const plan = planEstate(resources);
  const random = new SeededRandom(seed);
  const scopes: GraphRecords[] = [organizationScope(plan)];
  plan.accounts.forEach((account, ai) => {
    scopes.push(iamScope(plan, ai, random), s3Scope(plan, ai, random));
    for (const region of REGIONS) {
      const where = { plan, account, region, random };
      scopes.push(
        ec2Scope(plan, ai, region, random),
        kmsScope(plan, ai, region, random),
        secretsScope(plan, ai, region, random),
        cloudTrailScope(plan, ai, region),
        lambdaScope(where),
        rdsScope(where),
        codeBuildScope(where),
        eksScope(where),
        sageMakerScope(where),
      );
    }
  });
  return scopes;
}

/** Resources in the estate: distinct nodes some scope describes (stubs are references). */
export function countResources(scopes: readonly GraphRecords[]): number {
  const ids = new Set<string>();
  for (const scope of scopes) for (const node of scope.nodes) if (!node.stub) ids.add(node.id);
  return ids.size;
}
