import { BadInputError } from '../../errors/cairn-error.js';

export const MAX_KEY_NAME_LENGTH = 64;

/** A key's name is shown in listings and logs: one short line of visible text. */
export function checkKeyName(name: string): string {
  if (name.trim() === '') throw new BadInputError('--name: must not be empty');
  // Control and format characters could rewrite a terminal line or hide text in a listing.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name)) {
    throw new BadInputError('--name: must not contain control characters');
  }
  if ([...name].length > MAX_KEY_NAME_LENGTH) {
    throw new BadInputError(`--name: longer than ${MAX_KEY_NAME_LENGTH} characters`);
  }
  return name;
}
