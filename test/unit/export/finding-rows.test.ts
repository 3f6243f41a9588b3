import { describe, expect, it } from 'vitest';
import { oneOf } from '../../../src/export/export-options.js';
import { findingFilterOf } from '../../../src/export/finding-rows.js';
import type { Framework } from '../../../src/rules/catalog/framework-schema.js';
import { CATALOG } from './export-fixtures.js';

const catalog = {
  ...CATALOG,
  frameworks: [{ id: 'cis-aws-5.0.0' } as Framework, { id: 'soc2' } as Framework],
};

describe('export options', () => {
  it('turns the flags into a findings filter, case-insensitively and without repeats', () => {
    expect(
      findingFilterOf(
        { status: 'open, suppressed,OPEN', severity: 'HIGH,critical', framework: 'soc2' },
        catalog,
      ),
    ).toEqual({
      statuses: ['OPEN', 'SUPPRESSED'],
      severities: ['high', 'critical'],
      framework: 'soc2',
    });
    expect(findingFilterOf({}, catalog)).toEqual({});
  });

  it('names the allowed values when a flag is wrong', () => {
    expect(() => findingFilterOf({ status: 'closed' }, catalog)).toThrow(
      '--status: "CLOSED" is not one of OPEN, SUPPRESSED, RESOLVED',
    );
    expect(() => findingFilterOf({ severity: 'urgent' }, catalog)).toThrow(
      '--severity: "urgent" is not one of critical, high, medium, low, info',
    );
    expect(() => findingFilterOf({ framework: 'cis-9' }, catalog)).toThrow(
      '--framework: unknown framework "cis-9" (known: cis-aws-5.0.0, soc2)',
    );
    expect(() => findingFilterOf({ status: ' , ' }, catalog)).toThrow('--status: empty');
    expect(() => oneOf('--format', 'xml', ['ocsf', 'csv', 'json'])).toThrow(
      '--format: "xml" is not one of ocsf, csv, json',
    );
  });
});
