/** `[{Key, Value}]` as the key → value object models store; undefined when there are none. */
export function tagsOf(
  tags: readonly { Key: string; Value: string }[] | undefined,
): Record<string, string> | undefined {
  if (!tags || tags.length === 0) return undefined;
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}
