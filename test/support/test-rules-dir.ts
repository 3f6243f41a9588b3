import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway rules directory (with its `cypher/rules/` beside it) holding the given files, so a
 * test controls exactly which rules run: `files` maps paths under the root to their text.
 */
export function testRulesDir(files: Record<string, string>, copyFrom?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cairn-rules-'));
  if (copyFrom) {
    cpSync(path.join(copyFrom, 'rules'), path.join(root, 'rules'), { recursive: true });
    cpSync(path.join(copyFrom, 'cypher', 'rules'), path.join(root, 'cypher', 'rules'), {
      recursive: true,
    });
  }
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return path.join(root, 'rules');
}
