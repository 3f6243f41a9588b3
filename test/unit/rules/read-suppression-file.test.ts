import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSuppressionFile } from '../../../src/rules/suppressions/read-suppression-file.js';

const NOW = '2026-06-01T00:00:00.000Z';
function file(text: string): string {
  const name = path.join(mkdtempSync(path.join(tmpdir(), 'cairn-supp-')), 'suppressions.yaml');
  writeFileSync(name, text);
  return name;
}

describe('readSuppressionFile', () => {
  it('reads entries, names them by id or content, and turns a date into the start of that day', async () => {
    const entries = await readSuppressionFile(
      file(
        [
          'suppressions:',
          '  - id: bastion',
          "    rules: ['aws-sg-*']",
          '    tags: { role: bastion }',
          '    reason: reviewed',
          '    by: sec@example.com',
          '    expires: 2026-12-31',
          '  - resources: [arn:aws:s3:::public-site]',
          '    reason: a website',
          '    by: web@example.com',
        ].join('\n'),
      ),
      NOW,
    );
    expect(entries.map((e) => e.id)).toEqual([
      'file:bastion',
      expect.stringMatching(/^file:[0-9a-f]{12}$/),
    ]);
    expect(entries[0]).toMatchObject({
      source: 'file',
      expires: '2026-12-31T00:00:00.000Z',
      tags: { role: 'bastion' },
    });
    expect(entries[1]?.expires).toBeUndefined();
  });

  it.each([
    ['suppressions: [\n', 'not valid YAML at line'],
    ['suppressions:\n  - rules: [x]\n    by: me\n', 'field "suppressions.0.reason"'],
    [
      'suppressions:\n  - rules: [x]\n    reason: r\n    by: me\n    expires: soon\n',
      'field "suppressions.0.expires"',
    ],
    [
      'suppressions:\n  - rules: [x]\n    reason: r\n    by: me\n    owner: x\n',
      'unknown field "owner"',
    ],
    [
      'suppressions:\n  - {id: a, rules: [x], reason: r, by: me}\n  - {id: a, rules: [y], reason: r, by: me}\n',
      'field "suppressions.1.id": a is used twice',
    ],
    ['rules: [x]\n', 'field "suppressions"'],
  ])('refuses %j in one line naming the file and field', async (text, message) => {
    const name = file(text);
    const error = await readSuppressionFile(name, NOW).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
