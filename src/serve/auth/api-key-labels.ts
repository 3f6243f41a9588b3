/** The label API keys are stored under: `cairn reset` deletes them with the rest. */
export const API_KEY_LABELS = ['CairnApiKey'] as const;

/** Key ids are unique; the constraint also indexes the lookup by id. */
export function apiKeySchemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT cairnapikey_id IF NOT EXISTS FOR (n:CairnApiKey) REQUIRE n.id IS UNIQUE',
  ];
}
