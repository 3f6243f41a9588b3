import { redact } from '../../../errors/redact.js';

const URL_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * A source location without what can carry a secret: the user and password (or token) before
 * the host, and a URL's query and fragment. `https://user:token@host/path?x=1` →
 * `https://host/path`; an scp-like `user@host:repo` → `host:repo`; an S3 `bucket/key` is kept.
 * Everything up to the last `@` goes, so an unescaped `@` or `/` in a password cannot leak.
 */
export function sourceLocationWithoutCredentials(location: string): string | undefined {
  const text = location.replace(CONTROL, '').trim();
  if (text === '') return undefined;
  const url = URL_FORM.exec(text);
  const kept = url
    ? `${(url[1] ?? '').toLowerCase()}://${afterLastAt((url[2] ?? '').split(/[?#]/, 1)[0] ?? '')}`
    : afterLastAt(text);
  // Anything shaped like a key or token that is left (in a path, say) is masked too.
  return redact(kept);
}

function afterLastAt(text: string): string {
  return text.slice(text.lastIndexOf('@') + 1);
}
