/**
 * A webhook URL as it may appear in messages, logs and stored runs: scheme, host, port and path
 * only. Credentials in the user-info part and tokens in the query or fragment are dropped.
 */
export function safeUrl(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Removes every occurrence of the secret-bearing URL (and its parts) from a message. */
export function withoutUrl(message: string, text: string): string {
  let out = message.split(text).join(safeUrl(text));
  try {
    const url = new URL(text);
    for (const secret of [url.username, url.password, url.search.slice(1), url.hash.slice(1)]) {
      if (secret.length >= 4) out = out.split(secret).join('***');
    }
  } catch {
    // not a URL: nothing more to remove
  }
  return out;
}
