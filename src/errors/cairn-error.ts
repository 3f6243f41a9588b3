import { ErrorCode } from './error-code.js';

export interface CairnErrorOptions {
  cause?: unknown;
  /** Extra detail shown with --verbose and logged; never put secrets here. */
  detail?: string;
}

/** Base of every error Cairn raises on purpose. `message` is one line a user can act on. */
export class CairnError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, message: string, options: CairnErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.detail = options.detail;
  }
}

/** Input the user supplied is wrong. `where` names the file, record and field when known. */
export class BadInputError extends CairnError {
  constructor(message: string, options: CairnErrorOptions = {}) {
    super(ErrorCode.BAD_INPUT, message, options);
  }
}

export class UsageError extends CairnError {
  constructor(message: string, options: CairnErrorOptions = {}) {
    super(ErrorCode.BAD_USAGE, message, options);
  }
}

export class DatabaseError extends CairnError {
  constructor(message: string, options: CairnErrorOptions = {}) {
    super(ErrorCode.DATABASE, message, options);
  }
}

export class Neo4jRuntimeError extends CairnError {
  constructor(message: string, options: CairnErrorOptions = {}) {
    super(ErrorCode.NEO4J_RUNTIME, message, options);
  }
}

export class NotFoundError extends CairnError {
  constructor(message: string, options: CairnErrorOptions = {}) {
    super(ErrorCode.NOT_FOUND, message, options);
  }
}

/** Wraps anything thrown into a CairnError without losing the original as `cause`. */
export function asCairnError(error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CairnError(ErrorCode.INTERNAL, firstLine(message), { cause: error });
}

export function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.trim();
}
