import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../../src/rules/catalog/render-rules-doc.js';
import { loadRuleCatalog } from '../../../src/rules/catalog/rule-catalog.js';
import { testRulesDir } from '../../support/test-rules-dir.js';

// A broken rule or framework file is reported with its file and the field at fault, and every
// other file still loads: one typo never silently switches off the rest of the rules.
const FIXTURES = 'test/fixtures/rules-lifecycle';
const RULE = readFileSync(`${FIXTURES}/user-mfa.yaml`, 'utf8');
const QUERY = readFileSync(`${FIXTURES}/user-mfa.cypher`, 'utf8');
const FRAMEWORK = readFileSync(`${FIXTURES}/framework.yaml`, 'utf8');

const good = {
  'rules/test/test-user-mfa.yaml': RULE,
  'cypher/rules/test/test-user-mfa.cypher': QUERY,
  'rules/frameworks/test-framework.yaml': FRAMEWORK,
};

/** The good files plus one more rule file, `test-bad.yaml`, with the given text. */
async function withBadRule(text: string, extra: Record<string, string> = {}) {
  return loadRuleCatalog(testRulesDir({ ...good, 'rules/test/test-bad.yaml': text, ...extra }));
}

const variant = (from: string, to: string): string => {
  const text = RULE.replace('id: test-user-mfa', 'id: test-bad');
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('loadRuleCatalog', () => {
  it('loads good files with both mapping directions', async () => {
    const catalog = await loadRuleCatalog(
      testRulesDir({
        ...good,
        'rules/frameworks/other.yaml':
          "id: other\nname: Other\nversion: '2'\ncontrols:\n  - id: X-1\n    title: x\n    assessment: automated\n    rules: ['test-*']\n",
      }),
    );
    expect(catalog.problems).toEqual([]);
    expect(catalog.rules.map((r) => r.id)).toEqual(['test-user-mfa']);
    expect(catalog.rules[0]?.query).toContain('MATCH (u:AWSUser)');
    expect(catalog.controlRules.get('test-framework')?.get('1')).toEqual(['test-user-mfa']);
    expect(catalog.controlRules.get('other')?.get('X-1')).toEqual(['test-user-mfa']);
  });

  it.each([
    ['a missing field', variant('severity: high\n', ''), 'field "severity"'],
    ['a wrong severity', variant('severity: high', 'severity: urgent'), 'field "severity"'],
    [
      'an unknown field',
      variant('severity: high', 'severity: high\nseverty: low'),
      'unknown field "severty"',
    ],
    [
      'a nested unknown field',
      variant('  text: Enable MFA.', '  text: Enable MFA.\n  cmd: x'),
      'in "remediation": unknown field "cmd"',
    ],
    [
      'an id unlike the file name',
      RULE,
      'field "id": "test-user-mfa" must equal the file name "test-bad"',
    ],
    [
      'an unknown label',
      variant('resourceType: AWSUser', 'resourceType: AWSUsr'),
      'field "resourceType": "AWSUsr" is not a graph label',
    ],
    [
      'a missing query file',
      variant('test/test-user-mfa.cypher', 'test/nope.cypher'),
      'field "check.cypher": cypher/rules/test/nope.cypher cannot be read',
    ],
    [
      'a query path leaving its folder',
      variant('test/test-user-mfa.cypher', 'test/../../x.cypher'),
      'field "check.cypher"',
    ],
    [
      'an unknown evaluator',
      variant(
        '  cypher: test/test-user-mfa.cypher',
        '  cypher: test/test-user-mfa.cypher\n  evaluator: aws/nope',
      ),
      'field "check.evaluator": no evaluator named "aws/nope"',
    ],
    [
      'an unknown framework',
      variant('  test-framework:', '  no-such-framework:'),
      'field "frameworks.no-such-framework"',
    ],
    [
      'an unknown control',
      variant("['1']", "['1', '99']"),
      'field "frameworks.test-framework.1": test-framework has no control "99"',
    ],
    [
      'no references',
      variant(
        'references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html]',
        'references: []',
      ),
      'field "references"',
    ],
    ['invalid YAML', 'id: [unclosed\n', 'not valid YAML at line'],
    [
      'a duplicated key',
      variant('severity: high', 'severity: high\nseverity: low'),
      'not valid YAML',
    ],
    ['an empty file', '', 'empty file'],
    ['a list instead of a map', '- a\n- b\n', 'expected object'],
  ])(
    'rejects %s, naming the file and field, and keeps the other rules',
    async (_name, text, message) => {
      const catalog = await withBadRule(text);
      expect(catalog.rules.map((r) => r.id)).toEqual(['test-user-mfa']);
      expect(catalog.problems).toHaveLength(1);
      expect(catalog.problems[0]?.file).toBe('rules/test/test-bad.yaml');
      expect(catalog.problems[0]?.message).toContain(message);
    },
  );

  it('rejects a malformed framework file, keeps the rules, and does not blame them for it', async () => {
    const catalog = await loadRuleCatalog(
      testRulesDir({
        ...good,
        'rules/frameworks/test-framework.yaml': FRAMEWORK.replace(
          'assessment: manual',
          'assessment: sometimes',
        ),
      }),
    );
    expect(catalog.rules.map((r) => r.id)).toEqual(['test-user-mfa']);
    expect(catalog.frameworks).toEqual([]);
    expect(catalog.problems).toEqual([
      {
        file: 'rules/frameworks/test-framework.yaml',
        message: expect.stringContaining('field "controls.1.assessment"') as string,
      },
    ]);
  });

  it('reports a duplicated control and a framework rule reference that matches nothing', async () => {
    const catalog = await loadRuleCatalog(
      testRulesDir({
        ...good,
        'rules/frameworks/dup.yaml':
          "id: dup\nname: D\nversion: '1'\ncontrols:\n  - {id: A, title: a, assessment: manual}\n  - {id: A, title: b, assessment: manual}\n",
        'rules/frameworks/dangling.yaml':
          "id: dangling\nname: D\nversion: '1'\ncontrols:\n  - {id: A, title: a, assessment: automated, rules: [test-user-mfa, test-gone]}\n",
      }),
    );
    expect(catalog.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'rules/frameworks/dup.yaml: field "controls.1.id": control "A" is listed twice',
      'rules/frameworks/dangling.yaml: field "controls.0.rules.1": no rule matches "test-gone"',
    ]);
    // The dangling reference is dropped; the rest of that framework stands.
    expect(catalog.controlRules.get('dangling')?.get('A')).toEqual(['test-user-mfa']);
  });

  it('docs/rules/catalog.md matches the rule files (run `npm run schema:emit` after changing them)', async () => {
    const committed = readFileSync('docs/rules/catalog.md', 'utf8');
    expect(committed).toBe(renderRulesDoc(await loadRuleCatalog()));
  });

  it('refuses a rules directory that is not there, rather than run no rules', async () => {
    await expect(loadRuleCatalog('/nonexistent/rules')).rejects.toThrow(
      '/nonexistent/rules: no rules directory there',
    );
  });

  it('the shipped rules and frameworks load without problems', async () => {
    const catalog = await loadRuleCatalog();
    expect(catalog.problems).toEqual([]);
    expect(catalog.frameworks.map((f) => f.id).sort()).toEqual([
      'cis-aws-3.0.0',
      'cis-aws-5.0.0',
      'hipaa',
      'iso-27001-2022',
      'nist-800-53-r5',
      'pci-dss-4.0',
      'soc2',
    ]);
  });
});
