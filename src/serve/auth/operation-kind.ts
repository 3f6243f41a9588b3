import { getOperationAST, parse, type DocumentNode } from 'graphql';

/**
 * What a request would run: the type of its selected operation; `unreadable` when Apollo will
 * refuse it before running anything (no text, bad syntax, no such operation); `opaque` when it
 * names a persisted query by hash only, so its text cannot be seen here.
 */
export type OperationKind = 'query' | 'mutation' | 'subscription' | 'unreadable' | 'opaque';

/** Ranks kinds so a batch counts as its most demanding operation. */
const DEMAND: Readonly<Record<OperationKind, number>> = {
  unreadable: 0,
  query: 1,
  opaque: 2,
  subscription: 3,
  mutation: 3,
};

/** The kind of operation an HTTP GraphQL request asks for, from its parsed body or its URL. */
export function operationKindOf(body: unknown, search: URLSearchParams): OperationKind {
  if (Array.isArray(body)) {
    let kind: OperationKind = 'unreadable';
    for (const item of body) {
      const next = kindOfRequest(item);
      if (DEMAND[next] > DEMAND[kind]) kind = next;
    }
    return kind;
  }
  if (isRecord(body)) return kindOfRequest(body);
  return kindOfRequest({
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    extensions: parseJson(search.get('extensions')),
  });
}

function kindOfRequest(request: unknown): OperationKind {
  if (!isRecord(request)) return 'unreadable';
  const { query, operationName, extensions } = request;
  if (typeof query !== 'string' || query === '') {
    return isRecord(extensions) && extensions['persistedQuery'] !== undefined
      ? 'opaque'
      : 'unreadable';
  }
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return 'unreadable';
  }
  const name = typeof operationName === 'string' ? operationName : undefined;
  return getOperationAST(document, name)?.operation ?? 'unreadable';
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
