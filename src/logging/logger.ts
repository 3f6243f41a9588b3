import { pino, type Logger } from 'pino';

/** Context every log line of a scan carries, so lines from parallel scopes can be told apart. */
export interface LogContext {
  scanId?: string;
  cloud?: string;
  account?: string;
  region?: string;
  service?: string;
  [key: string]: unknown;
}

/**
 * Logs go to stderr so that stdout stays clean for results (`cairn query` prints JSON there).
 * Level from CAIRN_LOG_LEVEL; `silent` by default under tests.
 */
function defaultLevel(): string {
  const fromEnv = process.env['CAIRN_LOG_LEVEL'];
  if (fromEnv) return fromEnv;
  return process.env['VITEST'] ? 'silent' : 'warn';
}

export const rootLogger: Logger = pino(
  {
    level: defaultLevel(),
    base: { app: 'cairn' },
    redact: {
      paths: [
        'password',
        '*.password',
        'secretAccessKey',
        '*.secretAccessKey',
        'sessionToken',
        '*.sessionToken',
        'externalId',
        '*.externalId',
        'ExternalId',
        '*.ExternalId',
        // API keys arrive in this header; a logged request must not carry them.
        'authorization',
        '*.authorization',
        '*.headers.authorization',
        'req.headers.authorization',
      ],
      censor: '***',
    },
  },
  pino.destination({ fd: 2, sync: true }),
);

export function loggerFor(context: LogContext): Logger {
  return rootLogger.child(context);
}

export type { Logger };
