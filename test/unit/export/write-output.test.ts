import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors/cairn-error.js';
import { openOutput, writeAll } from '../../../src/export/write-output.js';

const scratch = (): string => mkdtempSync(path.join(tmpdir(), 'cairn-out-'));

describe('export output', () => {
  it('writes the whole export to --out, replacing an earlier file, leaving no temp file', async () => {
    const dir = scratch();
    const out = path.join(dir, 'findings.csv');
    writeFileSync(out, 'old');
    await writeAll(await openOutput(out), ['a,b\r\n', '1,2\r\n']);
    expect(readFileSync(out, 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(readdirSync(dir)).toEqual(['findings.csv']);
  });

  it('keeps the earlier file untouched and removes the partial one when the export fails', async () => {
    const dir = scratch();
    const out = path.join(dir, 'findings.json');
    writeFileSync(out, 'previous export');
    async function* failing(): AsyncGenerator<string> {
      yield '[{"id":1}';
      await Promise.resolve();
      throw new Error('database went away');
    }
    await expect(writeAll(await openOutput(out), failing())).rejects.toThrow('database went away');
    expect(readFileSync(out, 'utf8')).toBe('previous export');
    expect(readdirSync(dir)).toEqual(['findings.json']);
  });

  it('refuses a directory or a missing directory before any work, as bad input', async () => {
    const dir = scratch();
    await expect(openOutput(dir)).rejects.toThrow(BadInputError);
    await expect(openOutput(dir)).rejects.toThrow(`--out ${dir}: is a directory`);
    const missing = path.join(dir, 'nope', 'x.csv');
    await expect(openOutput(missing)).rejects.toThrow(
      /^--out .*: directory .*nope does not exist$/,
    );
  });
});
