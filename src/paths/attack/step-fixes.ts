import type { Fix } from './simulate-fix.js';
import type { StoredStep } from './stored-attack-path.js';

/** A change that cuts one hop of a path: what to do, and the same as `simulateFix` takes it. */
export interface StepFix {
  readonly summary: string;
  readonly fix: Fix;
}

const ADMIN = '#admin';

/**
 * What would cut a hop, by the kind of derived edge it came from (the `ref`'s prefix). The first
 * fix is the narrowest; `simulateFix` shows what each removes across every path.
 */
export function stepFixes(step: StoredStep): StepFix[] {
  const kind = step.ref.slice(0, step.ref.indexOf(':'));
  const to = step.to.endsWith(ADMIN) ? step.to.slice(0, -ADMIN.length) : step.to;
  // Data hops are shown as data.Read/data.Write but derived as one access edge.
  const dataHop = kind === 'access' || kind === 'publicAccess';
  const removeHop: Fix = {
    kind: 'removeHop',
    from: step.from,
    to,
    ...(dataHop ? {} : { technique: step.technique }),
  };
  const ports = step.detail?.join(', ');
  switch (kind) {
    case 'reach':
      return [
        {
          summary: `Close ${ports ?? 'the open ports'} of ${to} to the internet (security group, network ACL or its public address)`,
          fix: { kind: 'closePorts', resource: to, ...(step.detail ? { ports: step.detail } : {}) },
        },
      ];
    case 'runsAsImdsV1':
      return [
        {
          summary: `Require IMDSv2 on ${step.from} (HttpTokens=required), or give it a role with less access`,
          fix: removeHop,
        },
      ];
    case 'runsAs':
      return [{ summary: `Run ${step.from} as a role with less access`, fix: removeHop }];
    case 'assume':
      return [
        {
          summary: `Remove ${step.from} from the trust policy of ${to}, or add conditions it must meet`,
          fix: { kind: 'dropTrust', role: to, principal: step.from },
        },
      ];
    case 'escalate':
      return [
        {
          summary: `Remove the permissions ${step.technique} relies on from ${step.from}, or deny them with a permissions boundary or SCP`,
          fix: removeHop,
        },
      ];
    case 'access':
      return [
        {
          summary: `Remove the ${step.detail?.join('/') ?? 'data'} access of ${step.from} to ${to} from its policies or the resource policy`,
          fix: removeHop,
        },
      ];
    case 'publicAccess':
      return [
        {
          summary: `Remove the public grant on ${to} and turn on Block Public Access`,
          fix: removeHop,
        },
      ];
    case 'adminControl':
      return [
        {
          summary: `Reduce ${step.from.replace(ADMIN, '')} from admin-equivalent to what it needs in account ${to}`,
          fix: removeHop,
        },
      ];
    case 'accountHolds':
      return [
        {
          summary: `Keep ${to} in an account fewer principals administer, or reduce the admins of ${step.from}`,
          fix: removeHop,
        },
      ];
    default:
      return [{ summary: `Remove the hop from ${step.from} to ${to}`, fix: removeHop }];
  }
}
