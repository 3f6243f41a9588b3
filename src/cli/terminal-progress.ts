import type { LoadProgress, ProgressListener } from '../load/load-progress.js';

/** A one-line progress display on an interactive stderr; silent when piped or in CI. */
export function terminalProgress(label: string): ProgressListener | undefined {
  if (!process.stderr.isTTY || process.env['CI']) return undefined;
  return (event: LoadProgress) => {
    if (event.stage === 'staging' || event.stage === 'applying') {
      process.stderr.write(`\r${label}: ${event.stage} ${event.batch}/${event.batches}   `);
    } else if (event.stage === 'done') {
      process.stderr.write('\r\x1b[2K');
    }
  };
}
