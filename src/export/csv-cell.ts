/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that some
 * importers strip before doing so). A resource name or message can come from a cloud account an
 * attacker controls, so such a cell is prefixed with `'` and shown as text instead of evaluated.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that force RFC 4180 quoting. */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One CSV cell: formula-defused, then quoted (inner quotes doubled) when RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with the CRLF line end RFC 4180 specifies. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
