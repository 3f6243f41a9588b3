import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { GraphQLFormattedError } from 'graphql';
import { parseJson, readJsonFile } from '../../collectors/input/read-json-file.js';
import { openGraph } from '../../db/open-graph.js';
import { BadInputError, CairnError, firstLine } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { loggerFor, type Logger } from '../../logging/logger.js';
import { createContext } from '../../serve/context.js';
import { checkOperation, runOperation, type OperationRequest } from '../../serve/execute.js';
import { REQUEST_ERROR_CODES } from '../../serve/format-error.js';
import { runAction } from '../run-action.js';

interface QueryOptions {
  vars?: string;
  operation?: string;
}

/** `cairn query`: one GraphQL operation, in-process, against the schema the server serves. */
export function queryCommand(): Command {
  return new Command('query')
    .description('run one GraphQL operation in-process and print its {data, errors} JSON')
    .argument('<graphql-string-or-file>', 'the operation, or a file holding it')
    .option('--vars <json-or-file>', 'variables as an inline JSON object or a JSON file')
    .option('--operation <name>', 'the operation to run when the document holds several')
    .action(
      runAction(async (operation: string, options: QueryOptions) => {
        const request: OperationRequest = {
          query: await readOperation(operation),
          variables: options.vars === undefined ? {} : await readVariables(options.vars),
          ...(options.operation === undefined ? {} : { operationName: options.operation }),
        };
        // A wrong operation is refused before the database is opened (or started).
        const problems = await checkOperation(request);
        if (problems.length > 0) {
          print({ data: null, errors: problems });
          throw new BadInputError(describe(problems));
        }
        const db = await openGraph();
        try {
          const context = createContext(db, { log: quietLogger() });
          const result = await runOperation(context, request);
          print(result);
          if (result.errors?.length) throw failureOf(result.errors, context.failures);
        } finally {
          await db.close();
        }
      }),
    );
}

function print(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** Every operation has a selection set, so an argument without `{` can only name a file. */
async function readOperation(argument: string): Promise<string> {
  if (argument.includes('{')) return argument;
  let text: string;
  try {
    text = await readFile(argument, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'not a file'
          : `cannot read (${typeof code === 'string' ? code : 'unreadable'})`;
    throw new BadInputError(`${argument}: ${why}`, { cause: error });
  }
  if (text.trim() === '')
    throw new BadInputError(`${argument}: empty, expected a GraphQL operation`);
  return text;
}

async function readVariables(raw: string): Promise<Record<string, unknown>> {
  const inline = /^\s*[{[]/.test(raw);
  if (!inline && !existsSync(raw)) {
    throw new BadInputError(`--vars: "${raw}" is neither a JSON object nor an existing file`);
  }
  const parsed = inline ? parseJson(raw, '--vars') : await readJsonFile(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadInputError(`${inline ? '--vars' : raw}: expected a JSON object of variables`);
  }
  return parsed as Record<string, unknown>;
}

/** One line naming what is wrong with the operation or its variables. */
function describe(errors: readonly GraphQLFormattedError[]): string {
  const [first] = errors;
  const code = first?.extensions?.['code'];
  const what = code === 'BAD_USER_INPUT' ? 'bad variables' : 'invalid operation';
  const at = first?.locations?.[0];
  const where = at ? ` (line ${at.line}, column ${at.column})` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const hint = code === 'OPERATION_RESOLUTION_FAILURE' ? ' (choose one with --operation)' : '';
  return `${what}: ${firstLine(first?.message ?? '')}${where}${more}${hint}`;
}

/** Exit 1 with the real cause when the service failed; exit 2 when the caller's input did. */
function failureOf(errors: readonly GraphQLFormattedError[], failures: unknown[]): CairnError {
  const [failure] = failures;
  if (failure instanceof CairnError) {
    return new CairnError(failure.code, `the operation failed: ${failure.message}`, {
      cause: failure,
    });
  }
  if (failure !== undefined) {
    const message = failure instanceof Error ? firstLine(failure.message) : 'unknown error';
    return new CairnError(ErrorCode.INTERNAL, `the operation failed: ${message}`, {
      cause: failure,
    });
  }
  const codes = errors.map((error) => error.extensions?.['code']);
  if (codes.every((code) => typeof code === 'string' && REQUEST_ERROR_CODES.has(code))) {
    return new BadInputError(describe(errors));
  }
  const known = Object.values(ErrorCode).find((code) => code === codes[0]);
  const message = firstLine(errors[0]?.message ?? '');
  return new CairnError(known ?? ErrorCode.INTERNAL, `the operation failed: ${message}`);
}

/** The CLI reports failures itself in one stderr line; log lines only when asked for. */
function quietLogger(): Logger {
  const log = loggerFor({ service: 'graphql' });
  return process.env['CAIRN_LOG_LEVEL'] ? log : log.child({}, { level: 'silent' });
}
