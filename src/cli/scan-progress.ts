import type {
  ScanProgressEvent,
  ScanProgressListener,
} from '../collectors/aws/accounts/scan-stage.js';

type Running = Extract<ScanProgressEvent, { kind: 'stage' }>;

export interface ScanProgressDisplay {
  readonly onProgress: ScanProgressListener;
  /** Clears the live line; call it before anything else is written to the terminal. */
  finish(): void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Scan progress on stderr, like `terminalProgress` for loads. On an interactive terminal, one
 * live line: the stage (one service of one account) that moved last, with its pages and items so
 * far. Piped or in CI, a plain line per finished stage, so that logs show where time went.
 */
export function scanProgress(
  cloud: string,
  stream: NodeJS.WriteStream = process.stderr,
): ScanProgressDisplay {
  const live = stream.isTTY && !process.env['CI'];
  const running = new Map<string, Running>();
  let drawn = false;

  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (stage: Running): void => {
    const others = running.size > 1 ? ` (+${running.size - 1} running)` : '';
    const text = `${cloud} ${stage.account} ${stage.service}: ${plural(stage.pages, 'page')}, ${plural(stage.items, 'item')}${others}`;
    // Longer than the terminal, the line would wrap and `\r` would no longer rewrite it.
    stream.write(`\r\x1b[2K${text.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
    drawn = true;
  };

  const onProgress: ScanProgressListener = (event) => {
    const key = `${event.account} ${event.service}`;
    if (event.kind === 'stage') {
      if (!live) return;
      running.delete(key); // re-inserted last: the most recent stage is drawn after another ends
      running.set(key, event);
      draw(event);
      return;
    }
    running.delete(key);
    const gaps = event.gaps ? `, ${plural(event.gaps, 'coverage gap')}` : '';
    const line = `${cloud} ${event.account} ${event.service}: ${plural(event.pages, 'page')}, ${plural(event.items, 'item')}${gaps}`;
    if (!live) {
      stream.write(`cairn: ${line}\n`);
      return;
    }
    const latest = [...running.values()].at(-1);
    if (latest) draw(latest);
    else clear();
  };
  return { onProgress, finish: clear };
}
