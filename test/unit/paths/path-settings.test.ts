import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors/cairn-error.js';
import { DEFAULT_PATH_SETTINGS } from '../../../src/paths/attack/path-settings.js';
import { readPathSettings } from '../../../src/paths/attack/read-path-settings.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cairn-path-settings-'));
function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

describe('attack-path settings file', () => {
  it('gives the defaults without a file', async () => {
    const settings = await readPathSettings(undefined);
    expect(settings).toEqual(DEFAULT_PATH_SETTINGS);
    expect(settings.search).toEqual({ k: 3, maxHops: 6, maxPaths: 100_000 });
    expect(settings.entries.defaults).toBe(true);
  });

  it('reads a partial file and fills the rest with defaults', async () => {
    const settings = await readPathSettings(
      file(
        'ok.yaml',
        [
          'riskModel:',
          '  likelihood: { reach: 0.5 }',
          'search: { k: 1 }',
          'entries:',
          '  assumeCompromised: ["arn:aws:iam::111111111111:user/intern"]',
          'crownJewels:',
          '  defaults: false',
          '  include: [{ id: "arn:aws:s3:::payroll", kind: secret }]',
        ].join('\n'),
      ),
    );
    expect(settings.riskModel.likelihood.reach).toBe(0.5);
    expect(settings.riskModel.likelihood.assume).toBe(0.95);
    expect(settings.search).toEqual({ k: 1, maxHops: 6, maxPaths: 100_000 });
    expect(settings.entries.assumeCompromised).toEqual(['arn:aws:iam::111111111111:user/intern']);
    expect(settings.crownJewels).toEqual({
      defaults: false,
      include: [{ id: 'arn:aws:s3:::payroll', kind: 'secret' }],
      exclude: [],
    });
  });

  it.each([
    ['unknown.yaml', 'serach: { k: 2 }', 'unknown field "serach"'],
    [
      'deep.yaml',
      'riskModel: { likelihood: { teleport: 1 } }',
      'in "riskModel.likelihood": unknown field "teleport"',
    ],
    [
      'range.yaml',
      'riskModel: { likelihood: { reach: 0 } }',
      'field "riskModel.likelihood.reach": must be above 0',
    ],
    ['k.yaml', 'search: { k: 0 }', 'field "search.k"'],
    [
      'kind.yaml',
      'crownJewels: { include: [{ id: x, kind: crown }] }',
      'field "crownJewels.include.0.kind"',
    ],
    ['bands.yaml', 'riskModel: { bands: { critical: 10, high: 50 } }', 'field "riskModel.bands"'],
    ['ctl.yaml', 'entries: { exclude: ["a\\u0007b"] }', 'control characters'],
    ['bad.yaml', 'search: [1, 2', 'not valid YAML'],
    ['empty.yaml', '', 'empty file'],
  ])('refuses %s in one line naming the file and what is wrong', async (name, text, reason) => {
    const at = file(name, text);
    const error = await readPathSettings(at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    const message = (error as Error).message;
    expect(message.startsWith(`${at}: `)).toBe(true);
    expect(message).toContain(reason);
    expect(message).not.toContain('\n');
  });
});
