import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The installed package's root (where cypher/, rules/, scripts/ live), wherever Cairn runs from. */
export const packageRoot: string = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Cairn's local state (the local Neo4j's data, logs and password) lives in the working directory. */
export function stateDir(cwd: string = process.cwd()): string {
  return path.resolve(process.env['CAIRN_HOME'] ?? path.join(cwd, '.cairn'));
}
