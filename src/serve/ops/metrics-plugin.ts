import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, type DocumentNode } from 'graphql';
import { graphqlDuration, graphqlRequests } from './cairn-metrics.js';
import { codeLabel, operationLabel } from './operation-label.js';

/**
 * Counts every GraphQL request Apollo answers, by operation name and outcome, and times it.
 * Requests refused before Apollo parses them (oversized bodies) are not GraphQL requests here.
 */
export const recordMetrics: ApolloServerPlugin = {
  requestDidStart() {
    const started = process.hrtime.bigint();
    return Promise.resolve({
      willSendResponse({ response, operationName, request, document }) {
        const errors =
          response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        graphqlRequests.inc({
          operation: operationLabel(
            operationName ?? namedIn(document, request.operationName) ?? request.operationName,
          ),
          code: codeLabel(
            errors?.[0]?.extensions?.['code'] ?? (errors?.length ? 'INTERNAL' : undefined),
          ),
        });
        graphqlDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
        return Promise.resolve();
      },
    });
  },
};

/** A refused operation (validation failed) still has the name its document gives it. */
function namedIn(
  document: DocumentNode | undefined,
  requested: string | undefined,
): string | undefined {
  return document ? getOperationAST(document, requested)?.name?.value : undefined;
}
