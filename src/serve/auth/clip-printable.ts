/**
 * A value from the command line as it may appear in a one-line error: non-printable characters
 * as `?`, cut at `max` characters with `...`.
 */
export function clipPrintable(value: string, max: number): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}...` : printable;
}
