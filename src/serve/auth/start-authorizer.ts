import type { Database } from '../../db/connection.js';
import { UsageError } from '../../errors/cairn-error.js';
import { rootLogger } from '../../logging/logger.js';
import { activeApiKeys, touchApiKey } from './api-key-store.js';
import { createAuthorizer, type Authorizer, type AuthorizerOptions } from './authorizer.js';
import { isLoopbackHost } from './loopback.js';

/**
 * The server's authorizer. Without any key the server may only listen on loopback, and says at
 * start that it is open; on any other address it refuses to start.
 */
export async function startAuthorizer(
  db: Database,
  host: string,
  options: AuthorizerOptions = {},
): Promise<Authorizer> {
  const allowOpen = isLoopbackHost(host);
  const auth = createAuthorizer(
    { load: () => activeApiKeys(db), touch: (id, at) => touchApiKey(db, id, at) },
    { ...options, allowOpen },
  );
  if (!(await auth.hasKeys())) {
    if (!allowOpen) {
      throw new UsageError(
        `no API key exists, so ${host} would serve the graph to anyone; create one with \`cairn apikey create --name <name> --role viewer\` or serve on loopback`,
      );
    }
    (options.log ?? rootLogger).warn(
      'no API key exists: GraphQL is open to anyone on this machine; create one with `cairn apikey create`',
    );
  }
  return auth;
}
