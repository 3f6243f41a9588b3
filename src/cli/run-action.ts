import { asCairnError } from '../errors/cairn-error.js';
import { exitCodeFor } from '../errors/error-code.js';
import { redact } from '../errors/redact.js';

/** Set by the global `--verbose` flag; adds the error's detail and cause chain to stderr. */
let verbose = false;
export function setVerbose(value: boolean): void {
  verbose = value;
}

/**
 * Runs one command's body and turns failures into the contract's behaviour: one clear line on
 * stderr (more with --verbose) and exit code 1 (the work failed) or 2 (bad input or usage).
 */
export function runAction<Args extends unknown[]>(
  body: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await body(...args);
    } catch (thrown) {
      const error = asCairnError(thrown);
      process.stderr.write(`cairn: ${redact(error.message)}\n`);
      if (verbose) {
        if (error.detail) process.stderr.write(`${redact(error.detail)}\n`);
        let cause: unknown = error.cause;
        while (cause instanceof Error) {
          process.stderr.write(`  caused by: ${redact(cause.stack ?? cause.message)}\n`);
          cause = cause.cause;
        }
      }
      process.exitCode = exitCodeFor(error.code);
    }
  };
}
