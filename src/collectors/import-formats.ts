import type { GraphRecords } from '../records/graph-records.js';
import { readSnapshot } from './snapshot/read-snapshot.js';
import { readAwsSnapshots } from './snapshot/read-aws-snapshots.js';
import { expandInputs } from './input/expand-inputs.js';
import { readAuthzDumps } from './aws/iam/read-authz.js';
import { readOrgExports } from './aws/organizations/read-org.js';
import { readEc2Dirs } from './aws/ec2/read-ec2-dir.js';

/** An import format turns files a user already has into validated records, one set per scope. */
export interface ImportFormat {
  readonly name: string;
  readonly description: string;
  read(paths: readonly string[]): Promise<GraphRecords[]>;
}

export const importFormats: ReadonlyMap<string, ImportFormat> = new Map(
  [
    {
      name: 'aws-authz',
      description:
        'output of `aws iam get-account-authorization-details` (one object, a JSON array of pages, or one file per page)',
      read: readAuthzDumps,
    },
    {
      name: 'aws-org',
      description:
        'AWS Organizations: a directory of `aws organizations` outputs, or one bundle file (docs/formats/aws-org.md)',
      read: readOrgExports,
    },
    {
      name: 'aws-ec2',
      description:
        'a directory per account and region of `aws ec2 describe-*` outputs, one file per command (describe-instances.json, ...; docs/formats/aws-ec2.md)',
      read: readEc2Dirs,
    },
    {
      name: 'snapshot',
      description: 'Cairn snapshot files (one scope each); a directory loads every *.json in it',
      async read(paths: readonly string[]): Promise<GraphRecords[]> {
        const files = await expandInputs(paths, '.json');
        const records: GraphRecords[] = [];
        for (const file of files) records.push(await readSnapshot(file));
        return records;
      },
    },
    {
      name: 'aws-snapshot',
      description:
        'Cairn snapshot files of AWS scopes, as `cairn scan aws --out <dir>` writes them; a directory loads every *.json in it',
      read: readAwsSnapshots,
    },
  ].map((format) => [format.name, format]),
);
