import { BadInputError } from '../../errors/cairn-error.js';
import { clipPrintable } from './clip-printable.js';

const UNIT_MS = { d: 86_400_000, h: 3_600_000 } as const;
/** Ten years: a longer lifetime is a typo, or a key that should not expire at all. */
const MAX_MS = 3_650 * UNIT_MS.d;

/** `--expires-in 90d` / `12h` as milliseconds; anything else is refused, naming the option. */
export function parseExpiresIn(value: string, where: string): number {
  const match = /^([1-9][0-9]{0,5})([dh])$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms > 0 && ms <= MAX_MS)) {
    throw new BadInputError(
      `${where}: expected a lifetime such as 90d or 12h (at most 3650d), got "${clipPrintable(value, 20)}"`,
    );
  }
  return ms;
}
