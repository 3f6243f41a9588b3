import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ServeContext } from './context.js';
import { formatError } from './format-error.js';
import { cairnSchema } from './schema.js';

/** The Apollo server shared by the HTTP endpoint and `cairn query`, so both answer alike. */
export async function createApollo(): Promise<ApolloServer<ServeContext>> {
  const server = new ApolloServer<ServeContext>({
    schema: await cairnSchema(),
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The explorer lives at `/`; Apollo's landing page would load its UI from a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();
  return server;
}
