import { UsageError } from '../../errors/cairn-error.js';
import { oneOf } from '../export-options.js';

export const RISK_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type RiskFormat = (typeof RISK_FORMATS)[number];

export const RISK_LEVELS = ['path', 'asset', 'account'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskExportOptions {
  readonly format: RiskFormat;
  /** Absent: every level (json, ndjson); csv holds one table, so it defaults to `path`. */
  readonly levels: readonly RiskLevel[];
}

/** Checks `--format` and `--level` before anything is opened. */
export function riskExportOptions(
  format: string | undefined,
  level: string | undefined,
): RiskExportOptions {
  if (format === undefined)
    throw new UsageError(`--format is required: one of ${RISK_FORMATS.join(', ')}`);
  const checkedFormat = oneOf('--format', format, RISK_FORMATS);
  if (level !== undefined)
    return { format: checkedFormat, levels: [oneOf('--level', level, RISK_LEVELS)] };
  return { format: checkedFormat, levels: checkedFormat === 'csv' ? ['path'] : RISK_LEVELS };
}

/** The file extension of each format, for scheduled files. */
export function extensionOf(format: RiskFormat): string {
  return format;
}

/** The content type a webhook receives for each format. */
export function contentTypeOf(format: RiskFormat): string {
  if (format === 'csv') return 'text/csv; charset=utf-8';
  if (format === 'json') return 'application/json';
  return 'application/x-ndjson';
}
