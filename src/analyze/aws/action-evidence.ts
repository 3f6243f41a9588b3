import type { PolicyType, StatementRef } from './policy/index.js';

/** Why one action of a derived edge is allowed: on which resource, by which statements. */
export interface ActionEvidence {
  readonly action: string;
  readonly resource: string;
  readonly decidedBy: readonly StatementRef[];
  /** Who makes this request when it is not the edge's source: a service assuming a passed role. */
  readonly principal?: string;
}

/** A statement as stored: `[policyType, policyId, statementIndex, effect, sid?, level?]`. */
type StoredRef = [PolicyType, string, number, StatementRef['effect'], (string | null)?, number?];

interface StoredEvidence {
  action: string;
  /** Absent when it is the edge's target. */
  resource?: string;
  principal?: string;
  by: StoredRef[];
}

/**
 * Edge evidence as a compact JSON string: a large account has hundreds of thousands of derived
 * edges and Neo4j's write time grows with their bytes. Statements become positional tuples,
 * repeated statements are kept once, and a resource equal to the edge's target is left out.
 */
export function encodeEvidence(evidence: readonly ActionEvidence[], target: string): string {
  const stored: StoredEvidence[] = evidence.map(({ action, resource, decidedBy, principal }) => {
    const seen = new Set<string>();
    const by: StoredRef[] = [];
    for (const ref of decidedBy) {
      const tuple: StoredRef = [ref.policyType, ref.policyId, ref.statementIndex, ref.effect];
      if (ref.sid !== undefined || ref.level !== undefined) tuple.push(ref.sid ?? null);
      if (ref.level !== undefined) tuple.push(ref.level);
      const key = JSON.stringify(tuple);
      if (seen.has(key)) continue;
      seen.add(key);
      by.push(tuple);
    }
    return {
      action,
      ...(resource === target ? {} : { resource }),
      ...(principal ? { principal } : {}),
      by,
    };
  });
  return JSON.stringify(stored);
}

/** The stored evidence of an edge to `target`, as the API shows it. */
export function decodeEvidence(text: string, target: string): ActionEvidence[] {
  const stored = JSON.parse(text) as unknown;
  if (!Array.isArray(stored)) throw new Error('edge evidence is not a list');
  return stored.map((entry: StoredEvidence) => ({
    action: entry.action,
    resource: entry.resource ?? target,
    ...(entry.principal ? { principal: entry.principal } : {}),
    decidedBy: entry.by.map(([policyType, policyId, statementIndex, effect, sid, level]) => ({
      policyType,
      policyId,
      statementIndex,
      effect,
      sid: sid ?? undefined,
      level,
    })),
  }));
}
