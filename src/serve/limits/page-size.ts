import { Kind, type FieldNode, type GraphQLField, type VariableDefinitionNode } from 'graphql';

/** What a `first` given through a variable counts as when the variable has no default. */
export const VARIABLE_PAGE_SIZE = 100;

/**
 * The page size a field asks for through its `first` argument, as far as the document shows:
 * a literal, a variable's default (else VARIABLE_PAGE_SIZE, since rules run before variables are
 * known), or the argument's schema default when the field leaves it out; undefined when the
 * field has no `first` at all.
 */
export function pageSize(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: readonly VariableDefinitionNode[],
): number | undefined {
  const given = field.arguments?.find((argument) => argument.name.value === 'first');
  if (given) {
    const { value } = given;
    if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const declared = variables.find((v) => v.variable.name.value === value.name.value);
      const fallback = declared?.defaultValue;
      return fallback?.kind === Kind.INT ? Math.max(0, Number(fallback.value)) : VARIABLE_PAGE_SIZE;
    }
    // Any other literal is a type error that GraphQL's own rules report.
    return undefined;
  }
  const schemaDefault = definition?.args.find(
    (argument) => argument.name === 'first',
  )?.defaultValue;
  return typeof schemaDefault === 'number' ? Math.max(0, schemaDefault) : undefined;
}
