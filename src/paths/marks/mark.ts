/** Labels of what people mark for the attack-path stage. */
export const MARK_LABELS = ['CairnMark'] as const;

/**
 * A person's word on a node, which the next analysis's attack paths honour: a crown jewel (with
 * what it is worth) or an entry point (assume it compromised). Kept apart from the node so a
 * reload of the node's scope never loses it, and so who marked it and why stay on record.
 */
export interface Mark {
  readonly id: string;
  readonly kind: MarkKind;
  readonly target: string;
  /** For crown jewels: the risk model's impact kind (`sensitiveStore`, `admin`, ...). */
  readonly impact: string | null;
  readonly reason: string;
  readonly by: string;
  readonly markedAt: string;
}

export type MarkKind = 'crownJewel' | 'compromised';

export function markId(kind: MarkKind, target: string): string {
  return `${kind}:${target}`;
}

export function markSchemaStatements(): string[] {
  return ['CREATE CONSTRAINT cairnmark_id IF NOT EXISTS FOR (n:CairnMark) REQUIRE n.id IS UNIQUE'];
}
