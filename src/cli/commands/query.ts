import { existsSync, readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { parseJson } from '../../collectors/input/read-json-file.js';
import { openGraph } from '../../db/open-graph.js';
import { BadInputError, CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { executeOperation, REQUEST_ERROR_CODES } from '../../serve/execute.js';
import { runAction } from '../run-action.js';

/** `cairn query`: one GraphQL operation, in-process, against the schema the server serves. */
export function queryCommand(): Command {
  return new Command('query')
    .description('run one GraphQL operation in-process and print its {data, errors} JSON')
    .argument('<graphql-string-or-file>', 'the operation, or a file holding it')
    .option('--vars <json-or-file>', 'variables as inline JSON or a JSON file')
    .action(
      runAction(async (operation: string, options: { vars?: string }) => {
        const query = isFile(operation) ? readFileSync(operation, 'utf8') : operation;
        const variables = options.vars === undefined ? {} : readVariables(options.vars);
        const db = await openGraph();
        try {
          const result = await executeOperation(db, query, variables);
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          const codes = (result.errors ?? []).map((e) => {
            const code = e.extensions?.['code'];
            return typeof code === 'string' ? code : '';
          });
          if (codes.length === 0) return;
          const [first] = result.errors ?? [];
          const code = codes.every((c) => REQUEST_ERROR_CODES.has(c))
            ? ErrorCode.BAD_INPUT
            : ErrorCode.INTERNAL;
          throw new CairnError(code, `the operation returned errors: ${first?.message ?? ''}`);
        } finally {
          await db.close();
        }
      }),
    );
}

function isFile(argument: string): boolean {
  return !/[{}]/.test(argument) && existsSync(argument) && statSync(argument).isFile();
}

function readVariables(raw: string): Record<string, unknown> {
  const fromFile = isFile(raw);
  const parsed = parseJson(fromFile ? readFileSync(raw, 'utf8') : raw, fromFile ? raw : '--vars');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadInputError(`${fromFile ? raw : '--vars'}: expected a JSON object of variables`);
  }
  return parsed as Record<string, unknown>;
}
