const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/]/g;

export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIALS, '\\$&');
}

/** Regex source for a glob where `*` is any run of characters and `?` exactly one. */
export function globSource(glob: string): string {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += escapeRegex(char);
  }
  return source;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Compiles a whole-string glob; `flags` is `'i'` where AWS compares case-insensitively. */
export function globToRegExp(glob: string, flags = ''): RegExp {
  return new RegExp(`^${globSource(glob)}$`, `s${flags}`);
}
