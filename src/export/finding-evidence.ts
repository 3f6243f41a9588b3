/**
 * A stored finding's evidence (JSON text, as Neo4j keeps no maps) as a value again. Text that does
 * not parse is kept whole under `unparsed` rather than dropped or allowed to break the export.
 */
export function evidenceOf(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsed: text };
  }
}
