/** An entity as read from Neo4j, before GraphQL shapes it. */
export interface EntityRow {
  readonly id: string;
  readonly labels: readonly string[];
  readonly props: Readonly<Record<string, unknown>>;
}
