import { Kind, type FieldNode, type GraphQLField, type VariableDefinitionNode } from 'graphql';

/** The values a request gives its variables; undefined while only the document is known. */
export type VariableValues = Readonly<Record<string, unknown>> | undefined;

/**
 * The page size a field asks for through its `first` argument: a literal, or a variable's value
 * (else its default, else the argument's schema default, as GraphQL itself does), or the schema
 * default when the field leaves `first` out; undefined when the field has no `first` at all.
 *
 * Before the values are known (validation rules see only the document), a variable counts as 0,
 * the least it can ask for: the document-only check is then a lower bound, and the operation is
 * measured again with its values before it runs (`complexityWithValues`).
 */
export function pageSize(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: readonly VariableDefinitionNode[],
  values?: VariableValues,
): number | undefined {
  const given = field.arguments?.find((argument) => argument.name.value === 'first');
  if (given) {
    const { value } = given;
    if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      if (values === undefined) return 0;
      const supplied = values[value.name.value];
      if (typeof supplied === 'number' && Number.isFinite(supplied)) return Math.max(0, supplied);
      const declared = variables.find((v) => v.variable.name.value === value.name.value);
      const fallback = declared?.defaultValue;
      if (fallback?.kind === Kind.INT) return Math.max(0, Number(fallback.value));
      return schemaDefault(definition);
    }
    // Any other literal is a type error that GraphQL's own rules report.
    return undefined;
  }
  return schemaDefault(definition);
}

function schemaDefault(definition: GraphQLField<unknown, unknown> | undefined): number | undefined {
  const value = definition?.args.find((argument) => argument.name === 'first')?.defaultValue;
  return typeof value === 'number' ? Math.max(0, value) : undefined;
}
