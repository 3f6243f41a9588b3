import path from 'node:path';
import { z } from 'zod';
import { BadInputError } from '../errors/cairn-error.js';
import { RISK_FORMATS, RISK_LEVELS } from '../export/risk/risk-options.js';
import { describeIssue } from '../records/describe-issue.js';
import { readYamlFile } from '../rules/catalog/read-yaml-file.js';
import { parseCron, type Cron } from './cron.js';

const webhookUrl = z
  .string()
  .max(2_000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const cronText = z.string().superRefine((text, context) => {
  try {
    parseCron(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const exportSchedule = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1-64 of a-z, 0-9 and -'),
    cron: cronText,
    format: z.enum(RISK_FORMATS),
    level: z.enum(RISK_LEVELS).optional(),
    directory: z.string().min(1).max(4_096).optional(),
    webhook: webhookUrl.optional(),
    retries: z.number().int().min(0).max(10).default(3),
    /** First retry's wait; each next one waits twice as long. */
    backoffSeconds: z.number().positive().max(3_600).default(30),
  })
  .refine((s) => s.directory !== undefined || s.webhook !== undefined, {
    message: 'needs a directory, a webhook or both',
  });

const serverConfig = z.strictObject({
  exports: z.array(exportSchedule).max(100).default([]),
});

/** One scheduled risk export, checked, with its directory made absolute. */
export interface ExportSchedule {
  readonly name: string;
  readonly cron: Cron;
  readonly cronText: string;
  readonly format: (typeof RISK_FORMATS)[number];
  readonly level: (typeof RISK_LEVELS)[number] | undefined;
  readonly directory: string | undefined;
  readonly webhook: string | undefined;
  readonly retries: number;
  readonly backoffMs: number;
}

/**
 * Reads `cairn serve --config <file>` (YAML, or JSON, which YAML reads too). Unknown keys,
 * duplicate names and cron expressions that never fire are refused with the file and field named.
 * A relative directory is taken from the config file's own directory, not the working one.
 */
export async function loadServerConfig(file: string): Promise<readonly ExportSchedule[]> {
  const read = await readYamlFile(file);
  if (!read.ok) throw new BadInputError(`--config ${file}: ${read.reason}`);
  return schedulesOf(read.value, file);
}

export function schedulesOf(value: unknown, file: string): ExportSchedule[] {
  const parsed = serverConfig.safeParse(value ?? {});
  if (!parsed.success) {
    throw new BadInputError(`--config ${file}: ${describeIssue(parsed.error.issues[0]!)}`);
  }
  const seen = new Set<string>();
  return parsed.data.exports.map((s, index) => {
    if (seen.has(s.name)) {
      throw new BadInputError(
        `--config ${file}: field "exports.${index}.name": "${s.name}" is used twice`,
      );
    }
    seen.add(s.name);
    return {
      name: s.name,
      cron: parseCron(s.cron),
      cronText: s.cron,
      format: s.format,
      level: s.level,
      directory:
        s.directory === undefined ? undefined : path.resolve(path.dirname(file), s.directory),
      webhook: s.webhook,
      retries: s.retries,
      backoffMs: Math.round(s.backoffSeconds * 1000),
    };
  });
}

/** The named schedule, or a one-line error listing the ones there are. */
export function scheduleNamed(
  schedules: readonly ExportSchedule[],
  name: string,
  file: string,
): ExportSchedule {
  const found = schedules.find((s) => s.name === name);
  if (!found) {
    const known = schedules.map((s) => s.name).join(', ');
    throw new BadInputError(
      `--schedule: no export named "${name.slice(0, 64)}" in ${file} (known: ${known || 'none'})`,
    );
  }
  return found;
}
