import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonFile } from '../../../src/collectors/input/read-json-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cairn-json-'));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

afterEach(() => {
  delete process.env['CAIRN_MAX_INPUT_MB'];
});

describe('readJsonFile', () => {
  it('parses JSON', async () => {
    await expect(readJsonFile(file('ok.json', '{"a":[1,2]}'))).resolves.toEqual({ a: [1, 2] });
  });

  it('says where invalid JSON breaks, by line and column', async () => {
    const p = file('bad.json', '{\n  "a": 1,\n  "b": tru\n}');
    await expect(readJsonFile(p)).rejects.toThrow(
      new RegExp(`^${p}: invalid JSON at line 3 column`),
    );
  });

  it('calls a cut-off file truncated', async () => {
    const p = file('cut.json', '{"UserDetailList": [{"UserName": "a"');
    await expect(readJsonFile(p)).rejects.toThrow(`${p}: truncated JSON (it ends too early)`);
  });

  it('refuses empty, missing and oversized files with one line each', async () => {
    await expect(readJsonFile(file('empty.json', ' \n'))).rejects.toThrow(
      /empty file, expected JSON$/,
    );
    await expect(readJsonFile(path.join(dir, 'nope.json'))).rejects.toThrow(
      /nope\.json: cannot read \(ENOENT\)$/,
    );
    process.env['CAIRN_MAX_INPUT_MB'] = '1';
    const big = file('big.json', `[${'1,'.repeat(600_000)}1]`);
    await expect(readJsonFile(big)).rejects.toThrow(/larger than the 1 MiB input limit/);
  });
});
