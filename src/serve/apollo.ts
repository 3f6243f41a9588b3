import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ServeContext } from './context.js';
import { formatError } from './format-error.js';
import { limitComplexityWithValues } from './limits/complexity-plugin.js';
import { recordMetrics } from './ops/metrics-plugin.js';
import { reportFailures } from './report-failures.js';
import { cairnSchema } from './schema.js';
import { validationRules } from './validation-rules.js';

/** The Apollo server shared by the HTTP endpoint and `cairn query`, so both answer alike. */
export async function createApollo(): Promise<ApolloServer<ServeContext>> {
  const server = new ApolloServer<ServeContext>({
    schema: await cairnSchema(),
    formatError,
    validationRules: [...validationRules],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // `cairn serve` handles SIGINT/SIGTERM itself; Apollo's handlers would re-raise the signal
    // and kill the process before the HTTP server and the driver are closed.
    stopOnTerminationSignals: false,
    // The explorer lives at `/`; Apollo's landing page would load its UI from a CDN.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      limitComplexityWithValues,
      reportFailures,
      recordMetrics,
    ],
  });
  await server.start();
  return server;
}
