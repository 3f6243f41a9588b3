import { Provider } from '../provider.enum.js';
import { Entity } from '../node/entity.type.js';

const IAM_KINDS: Readonly<Record<string, string>> = {
  root: 'AWSAccount',
  user: 'AWSUser',
  role: 'AWSRole',
};

/**
 * An entity for a whoCan principal that is not stored: the Internet before any analysis wrote
 * it, or a principal of an unloaded account that a store's policy names (a stub). Never stored,
 * so it has no load times or scan.
 */
export function standInEntity(id: string): Entity | undefined {
  if (id === 'internet') {
    return Entity.fromRow({
      id,
      labels: ['Internet'],
      props: { ...unstored, provider: Provider.CAIRN, scope: 'cairn:global', name: 'Internet' },
    });
  }
  const iam = /^arn:[^:]+:iam::(\d{12}):(root|user|role)\b/.exec(id);
  const [, account, kind] = iam ?? [];
  const label = kind === undefined ? undefined : IAM_KINDS[kind];
  if (!account || !label) return undefined;
  return Entity.fromRow({
    id,
    labels: [label],
    props: { ...unstored, provider: Provider.AWS, scope: `aws:${account}`, stub: true },
  });
}

const unstored = { stub: false, firstSeen: '', lastSeen: '', scanId: '' };
