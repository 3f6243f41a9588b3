import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { DEFAULT_PATH_SETTINGS, pathSettingsSchema, type PathSettings } from './path-settings.js';

/** An attack-path run as recorded: its id, how many paths and groups, the settings it used. */
export interface PathRun {
  readonly runId: string;
  readonly paths: number;
  readonly groups: number;
  readonly settings: PathSettings;
}

interface RunRow {
  readonly runId: string;
  readonly settings: string | null;
  readonly paths: number | null;
  readonly groups: number | null;
}

/** The recorded runs, newest first (the latest and the one before it are kept). */
export async function readPathRuns(db: Database): Promise<PathRun[]> {
  const rows = await readNamed<RunRow>(db, 'paths/attack-path-runs');
  return rows.map((row) => ({
    runId: row.runId,
    paths: row.paths ?? 0,
    groups: row.groups ?? 0,
    settings: parseSettings(row.settings),
  }));
}

/** The settings of the latest run, or the defaults before any analysis. */
export async function latestPathSettings(db: Database): Promise<PathSettings> {
  const [latest] = await readPathRuns(db);
  return latest?.settings ?? DEFAULT_PATH_SETTINGS;
}

/** Settings stored by an older Cairn may lack newer fields: the schema fills the defaults. */
function parseSettings(text: string | null): PathSettings {
  if (!text) return DEFAULT_PATH_SETTINGS;
  try {
    const parsed = pathSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_PATH_SETTINGS;
  } catch {
    return DEFAULT_PATH_SETTINGS;
  }
}
