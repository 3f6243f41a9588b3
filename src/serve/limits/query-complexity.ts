import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { pageSize, type VariableValues } from './page-size.js';
import { INTROSPECTION_FIELDS } from './query-depth.js';
import { QUERY_TOO_COMPLEX } from './rule-error-code.js';

export const MAX_QUERY_COMPLEXITY = 250_000;
/**
 * What a list field without `first` is assumed to hold, unless its definition declares a bound
 * (`@Extensions({ maxItems: n })`: a path's steps, a step's fixes).
 */
export const DEFAULT_LIST_SIZE = 50;

type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined;

/**
 * An estimate of the work an operation asks for: 1 per field, and a list field multiplies its
 * subtree by how many items it may return (its `first`, else DEFAULT_LIST_SIZE). A connection
 * field (not a list itself) that takes `first` hands that page size to its list fields (`edges`),
 * so a page is counted once, not twice. Fragments are measured once per page size.
 */
export function queryComplexity(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: FragmentLookup,
  values?: VariableValues,
): number {
  const variables = operation.variableDefinitions ?? [];
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();

  const spreadCost = (name: string, inheritedPage: number | undefined): number => {
    const key = `${name}|${inheritedPage ?? ''}`;
    const known = measured.get(key);
    if (known !== undefined) return known;
    const definition = fragment(name);
    // A fragment cycle is reported by GraphQL's own rule; count it as 0 rather than loop.
    if (!definition || inProgress.has(key)) return 0;
    inProgress.add(key);
    const type = schema.getType(definition.typeCondition.name.value);
    const cost = costOf(definition.selectionSet, type, inheritedPage);
    inProgress.delete(key);
    measured.set(key, cost);
    return cost;
  };

  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    inheritedPage: number | undefined,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        total += costOf(selection.selectionSet, type, inheritedPage);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += spreadCost(selection.name.value, inheritedPage);
        continue;
      }
      if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
      const definition = fieldOf(parent, selection.name.value);
      if (!selection.selectionSet) {
        total += 1;
        continue;
      }
      const page = pageSize(selection, definition, variables, values);
      const childType = definition ? getNamedType(definition.type) : undefined;
      if (definition && isListType(getNullableType(definition.type))) {
        const items = page ?? inheritedPage ?? declaredBound(definition) ?? DEFAULT_LIST_SIZE;
        total += 1 + items * costOf(selection.selectionSet, childType, undefined);
      } else {
        total += 1 + costOf(selection.selectionSet, childType, page);
      }
    }
    return total;
  };

  return costOf(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
    undefined,
  );
}

function declaredBound(definition: GraphQLField<unknown, unknown>): number | undefined {
  const bound = definition.extensions['maxItems'];
  return typeof bound === 'number' && bound >= 0 ? bound : undefined;
}

function fieldOf(
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
  return parent.getFields()[name];
}

/**
 * Refuses operations whose estimated cost is over `max`, from the document alone (variables
 * counted at their least; `complexityWithValues` measures them again once their values are known).
 */
export function queryComplexityLimit(max: number = MAX_QUERY_COMPLEXITY): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const cost = queryComplexity(context.getSchema(), node, (name) => context.getFragment(name));
      if (cost > max) context.reportError(tooComplex(node, cost, max));
    },
  });
}

/**
 * The operation measured with the request's variable values: a `first: $n` can ask for as much
 * as a literal, so a document that passed validation may still be over the limit. Undefined when
 * it is within the limit.
 */
export function complexityWithValues(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  values: Readonly<Record<string, unknown>>,
  max: number = MAX_QUERY_COMPLEXITY,
): GraphQLError | undefined {
  if (!operation.variableDefinitions?.length) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const cost = queryComplexity(schema, operation, (name) => fragments.get(name), values);
  return cost > max ? tooComplex(operation, cost, max) : undefined;
}

function tooComplex(node: OperationDefinitionNode, cost: number, max: number): GraphQLError {
  const which = node.name ? `Operation "${node.name.value}"` : 'The operation';
  return new GraphQLError(
    `${which} has an estimated complexity of ${formatCost(cost)}; the limit is ${max}. Ask for smaller pages (first) or fewer nested lists.`,
    { nodes: node, extensions: { code: QUERY_TOO_COMPLEX } },
  );
}

/** Hostile documents can multiply past what a double holds exactly; say so plainly. */
function formatCost(cost: number): string {
  return Number.isSafeInteger(cost) ? String(cost) : 'over 9007199254740991';
}
