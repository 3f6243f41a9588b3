import {
  buildSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';

/** A small schema shaped like Cairn's: a recursive node, a connection and plain lists. */
export const limitSchema = buildSchema(`
  type Query {
    node(id: ID!): Item
    items(first: Int = 20): [Item!]!
    page(first: Int! = 50): ItemConnection!
    tags: [String!]!
  }
  type ItemConnection { edges: [ItemEdge!]! total: Int! }
  type ItemEdge { node: Item! cursor: String! }
  type Item {
    id: ID!
    name: String
    parent: Item
    children: [Item!]!
    related(first: Int): [Item!]!
  }
`);

/** The messages and codes `rules` (with GraphQL's own) report for `source`. */
export function check(
  source: string,
  rules: readonly ValidationRule[],
): { message: string; code: unknown }[] {
  return validate(limitSchema, parse(source), [...specifiedRules, ...rules]).map((error) => ({
    message: error.message,
    code: error.extensions['code'],
  }));
}

/** `parent { parent { ... id } }`: a selection `levels` fields deep. */
export function parents(levels: number): string {
  let inner = 'id';
  for (let i = 1; i < levels; i++) inner = `parent { ${inner} }`;
  return inner;
}

/** An operation `levels` fields deep, `node` included. */
export function nested(levels: number): string {
  return `{ node(id: "a") { ${parents(levels - 1)} } }`;
}

/** The first operation of `source` and a lookup of its fragments, as a rule sees them. */
export function parsed(source: string): {
  operation: OperationDefinitionNode;
  fragment: (name: string) => FragmentDefinitionNode | undefined;
} {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  if (!operation) throw new Error('no operation');
  return { operation, fragment: (name) => fragments.get(name) };
}
