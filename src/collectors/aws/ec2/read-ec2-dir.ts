import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../../../errors/cairn-error.js';
import type { GraphRecords } from '../../../records/graph-records.js';
import { flattenGraphRecords } from '../../../records/graph-records.js';
import { validateGraphRecords } from '../../../records/validate-graph-records.js';
import { readJsonFile } from '../../input/read-json-file.js';
import { ec2OutputsToRecords } from './ec2-to-records.js';
import {
  OPTIONAL_EC2_OUTPUTS,
  REQUIRED_EC2_OUTPUTS,
  type Ec2OutputName,
  type Ec2Outputs,
} from './ec2-outputs.js';

const KNOWN: ReadonlySet<string> = new Set([...REQUIRED_EC2_OUTPUTS, ...OPTIONAL_EC2_OUTPUTS]);

/**
 * `cairn import aws-ec2 <dir>...`: each directory holds the JSON the AWS CLI printed for one
 * account and region, one file per command named after it (`describe-instances.json`, ...). A
 * file holds one output, or a JSON array of pages. Each directory becomes one scope.
 */
export async function readEc2Dirs(paths: readonly string[]): Promise<GraphRecords[]> {
  const scopes: GraphRecords[] = [];
  for (const dir of paths) {
    const records = ec2OutputsToRecords(await readEc2Dir(dir), dir);
    // The same checks every load makes, so a bad directory is refused before the database is touched.
    scopes.push(validateGraphRecords(flattenGraphRecords(records), dir));
  }
  return scopes;
}

async function readEc2Dir(dir: string): Promise<Ec2Outputs> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch {
    throw new BadInputError(`${dir}: no such directory`);
  }
  if (!isDirectory) {
    throw new BadInputError(
      `${dir}: expected a directory of \`aws ec2 describe-*\` outputs (describe-instances.json, ...)`,
    );
  }
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const unknown = files.find((name) => !KNOWN.has(name.slice(0, -'.json'.length)));
  if (unknown !== undefined) {
    throw new BadInputError(
      `${path.join(dir, unknown)}: not an output Cairn reads; expected ${REQUIRED_EC2_OUTPUTS.join(', ')} (and optionally ${OPTIONAL_EC2_OUTPUTS.join(', ')}), each .json`,
    );
  }
  const missing = REQUIRED_EC2_OUTPUTS.filter((name) => !files.includes(`${name}.json`));
  if (missing.length > 0) {
    throw new BadInputError(`${dir}: missing ${missing.map((name) => `${name}.json`).join(', ')}`);
  }
  const outputs: Partial<Record<Ec2OutputName, readonly unknown[]>> = {};
  for (const file of files) {
    const name = file.slice(0, -'.json'.length) as Ec2OutputName;
    const json = await readJsonFile(path.join(dir, file));
    if (Array.isArray(json) && json.length === 0) {
      throw new BadInputError(`${path.join(dir, file)}: an empty array, expected ${name} output`);
    }
    outputs[name] = Array.isArray(json) ? json : [json];
  }
  return outputs;
}
