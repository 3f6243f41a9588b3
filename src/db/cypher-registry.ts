import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/paths.js';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { CYPHER_NAMES, type CypherName } from './cypher-names.js';

export const cypherDir = path.join(packageRoot, 'cypher');

let cache: ReadonlyMap<CypherName, string> | undefined;

/** Reads every named query once; throws naming the first missing or empty file. */
export function loadCypherRegistry(dir: string = cypherDir): ReadonlyMap<CypherName, string> {
  const queries = new Map<CypherName, string>();
  for (const name of CYPHER_NAMES) {
    const file = path.join(dir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new CairnError(ErrorCode.INTERNAL, `Cypher query ${name} is missing: ${file}`, {
        cause: error,
      });
    }
    if (!text) throw new CairnError(ErrorCode.INTERNAL, `Cypher query ${name} is empty: ${file}`);
    queries.set(name, text);
  }
  return queries;
}

/** The text of a named query. The first call loads and verifies the whole registry. */
export function cypher(name: CypherName): string {
  cache ??= loadCypherRegistry();
  const text = cache.get(name);
  if (text === undefined) throw new CairnError(ErrorCode.INTERNAL, `unknown Cypher query ${name}`);
  return text;
}

/** `<area>/<name>` of every `.cypher` file on disk, for the no-orphans check. */
export function cypherFilesOnDisk(dir: string = cypherDir): string[] {
  const names: string[] = [];
  for (const area of readdirSync(dir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, area.name))) {
      if (file.endsWith('.cypher')) names.push(`${area.name}/${file.slice(0, -'.cypher'.length)}`);
    }
  }
  return names.sort();
}
