import { readdirSync, readFileSync } from 'node:fs';

/**
 * The pid of a running Cairn launcher for this state directory (recognised by its ready-file
 * argument), even if its pid file was lost; undefined when there is none or /proc is absent.
 */
export function findLauncherProcess(readyFile: string): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes('dev.cairn.neo4j.Launcher') && args.includes(readyFile))
        return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}
