/**
 * Removes credentials from text that may reach a log or an error message. Patterns cover the
 * secrets Cairn handles: Neo4j passwords in URIs, AWS secret keys and session tokens, bearer
 * tokens and generic `password=` / `secret=` pairs.
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, '$1***@'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1****************'],
  [/((?:aws_)?secret_?access_?key["'\s:=]+)[A-Za-z0-9/+=]{30,}/gi, '$1***'],
  [/((?:aws_)?session_?token["'\s:=]+)[A-Za-z0-9/+=]{20,}/gi, '$1***'],
  [/(\bbearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***'],
  [/((?:password|passwd|secret|token|api[_-]?key)["'\s]*[:=]\s*["']?)[^"'\s,;}]+/gi, '$1***'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
