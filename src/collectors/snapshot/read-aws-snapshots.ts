import { BadInputError } from '../../errors/cairn-error.js';
import { Provider } from '../../model/provider.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { scopeKey } from '../../records/scope-ref.js';
import { expandInputs } from '../input/expand-inputs.js';
import { readSnapshot } from './read-snapshot.js';

/**
 * `cairn import aws-snapshot`: the snapshots `cairn scan aws --out` writes (a directory loads
 * every *.json in it). Like `snapshot`, but a file of another cloud's scope is refused.
 */
export async function readAwsSnapshots(paths: readonly string[]): Promise<GraphRecords[]> {
  const files = await expandInputs(paths, '.json');
  const scopes: GraphRecords[] = [];
  for (const file of files) {
    const records = await readSnapshot(file);
    if (records.scope.provider !== Provider.AWS) {
      throw new BadInputError(
        `${file}: scope ${scopeKey(records.scope)} is not an AWS scope (aws-snapshot reads what \`cairn scan aws --out\` writes)`,
      );
    }
    scopes.push(records);
  }
  return scopes;
}
