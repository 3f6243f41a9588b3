import type { Fix } from '../../paths/attack/simulate-fix.js';
import {
  ClosePortsInput,
  DropTrustInput,
  FixInput,
  PathStepFix,
  RemoveHopInput,
} from './fix.types.js';

/** A suggested fix in the shape simulateFix takes. */
export function fixInputOf(summary: string, fix: Fix): PathStepFix {
  const input = new FixInput();
  switch (fix.kind) {
    case 'removeHop':
      input.removeHop = Object.assign(new RemoveHopInput(), {
        from: fix.from,
        to: fix.to,
        ...(fix.technique ? { technique: fix.technique } : {}),
      });
      break;
    case 'closePorts':
      input.closePorts = Object.assign(new ClosePortsInput(), {
        resource: fix.resource,
        ...(fix.ports ? { ports: [...fix.ports] } : {}),
      });
      break;
    case 'dropTrust':
      input.dropTrust = Object.assign(new DropTrustInput(), {
        role: fix.role,
        ...(fix.principal ? { principal: fix.principal } : {}),
      });
      break;
  }
  return Object.assign(new PathStepFix(), { summary, fix: input });
}
