import { Exposure } from './exposure.type.js';

/** A CAN_ACCESS edge from the Internet to a data store, as the exposure field reads it. */
export interface PublicAccessRow {
  readonly audience: string | null;
  readonly levels: readonly string[];
  readonly actions: readonly string[];
  readonly conditional: boolean;
}

/**
 * A bucket is on the internet by nature (S3 answers HTTPS on 443 and HTTP on 80 to anyone); it is
 * *exposed* when strangers may read or write it after its public access blocks, policy and ACL.
 * One line per port, the rules saying what each audience may do.
 */
export function publicBucketExposure(bucket: string, rows: readonly PublicAccessRow[]): Exposure[] {
  if (rows.length === 0) return [];
  const rules = rows.map((row) => {
    const who = row.audience === 'any-aws-account' ? 'any AWS account' : 'anyone';
    return `${who} may ${row.levels.join(' and ')} (${row.actions.slice(0, 4).join(', ')})${row.conditional ? ' under conditions' : ''}`;
  });
  return [443, 80].map((port) =>
    Object.assign(new Exposure(), {
      protocol: 'tcp',
      fromPort: port,
      toPort: port,
      via: [bucket],
      rules,
    }),
  );
}
