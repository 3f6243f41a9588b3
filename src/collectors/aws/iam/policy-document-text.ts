/**
 * A policy document as the authz dump carries it: an object (the CLI decoded it) or a
 * URL-encoded JSON string (the raw API). Returns the object, or a reason it is not one.
 */
export function decodePolicyDocument(
  value: string | Record<string, unknown>,
): { document: Record<string, unknown> } | { problem: string } {
  if (typeof value !== 'string') return { document: value };
  for (const text of candidates(value)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return { document: parsed as Record<string, unknown> };
      }
      return { problem: 'is JSON but not an object' };
    } catch {
      // try the next decoding
    }
  }
  return { problem: 'is neither a JSON object nor URL-encoded JSON' };
}

function candidates(value: string): string[] {
  const list = [value];
  // RFC 3986 encoding (what IAM returns) first; form encoding ('+' for space) as a fallback.
  for (const decode of [
    (v: string) => decodeURIComponent(v),
    (v: string) => decodeURIComponent(v.replace(/\+/g, ' ')),
  ]) {
    try {
      list.push(decode(value));
    } catch {
      // not URL-encoded this way
    }
  }
  return list;
}
