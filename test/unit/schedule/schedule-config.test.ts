import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadServerConfig,
  scheduleNamed,
  schedulesOf,
} from '../../../src/schedule/schedule-config.js';

const FILE = '/etc/cairn/server.yaml';
const valid = {
  name: 'nightly-risk',
  cron: '0 6 * * *',
  format: 'ndjson',
  directory: './exports',
};
const config = (overrides: Record<string, unknown>) => ({ exports: [{ ...valid, ...overrides }] });

describe('scheduled export configuration', () => {
  it('accepts a schedule, taking a relative directory from the config file and filling defaults', () => {
    const [schedule] = schedulesOf(config({ webhook: 'https://example.invalid/hook' }), FILE);
    expect(schedule).toMatchObject({
      name: 'nightly-risk',
      cronText: '0 6 * * *',
      format: 'ndjson',
      level: undefined,
      directory: '/etc/cairn/exports',
      webhook: 'https://example.invalid/hook',
      retries: 3,
      backoffMs: 30_000,
    });
  });

  it.each([
    [{ cron: '0 6 * *' }, 'field "exports.0.cron": cron: expected 5 fields'],
    [{ cron: '0 0 30 2 *' }, 'never fires'],
    [{ name: 'Nightly Risk' }, 'field "exports.0.name": must be 1-64 of a-z, 0-9 and -'],
    [{ directory: undefined }, 'field "exports.0": needs a directory, a webhook or both'],
    [{ format: 'xml' }, 'field "exports.0.format"'],
    [{ level: 'org' }, 'field "exports.0.level"'],
    [{ webhook: 'ftp://example.invalid/x' }, 'field "exports.0.webhook": must be an http(s) URL'],
    [{ retries: 11 }, 'field "exports.0.retries"'],
    [{ emails: ['a@example.com'] }, 'in "exports.0": unknown field "emails"'],
  ])('refuses %j with the file and field named', (overrides, message) => {
    expect(() => schedulesOf(config(overrides), FILE)).toThrow(`--config ${FILE}: `);
    expect(() => schedulesOf(config(overrides), FILE)).toThrow(message);
  });

  it('refuses unknown top-level keys and duplicate names', () => {
    expect(() => schedulesOf({ exports: [], port: 4000 }, FILE)).toThrow(
      `--config ${FILE}: unknown field "port"`,
    );
    expect(() => schedulesOf({ exports: [valid, valid] }, FILE)).toThrow(
      'field "exports.1.name": "nightly-risk" is used twice',
    );
  });

  it('never echoes a webhook URL in its errors', () => {
    const secret = 'https://example.invalid/hook?token=abcdef123456';
    let message = '';
    try {
      schedulesOf(config({ webhook: secret, retries: -1 }), FILE);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('retries');
    expect(message).not.toContain('abcdef123456');
  });

  it('reads YAML and JSON files, and names a schedule that is not there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-config-'));
    const yamlFile = path.join(dir, 'server.yaml');
    writeFileSync(
      yamlFile,
      'exports:\n  - name: a\n    cron: "*/5 * * * *"\n    format: csv\n    directory: out\n',
    );
    const jsonFile = path.join(dir, 'server.json');
    writeFileSync(jsonFile, JSON.stringify(config({})));
    const [fromYaml] = await loadServerConfig(yamlFile);
    expect(fromYaml).toMatchObject({ name: 'a', format: 'csv', directory: path.join(dir, 'out') });
    expect((await loadServerConfig(jsonFile))[0]?.name).toBe('nightly-risk');
    await expect(loadServerConfig(path.join(dir, 'missing.yaml'))).rejects.toThrow(
      /missing.yaml: cannot read/,
    );
    expect(() => scheduleNamed([fromYaml!], 'b', yamlFile)).toThrow(
      '--schedule: no export named "b"',
    );
  });
});
