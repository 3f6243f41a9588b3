import { BadInputError } from '../../../errors/cairn-error.js';

/**
 * The next-page tokens of one paginated list. A token seen before would list the same pages
 * forever, so it is an error rather than a hang.
 */
export class PageTokens {
  private readonly seen = new Set<string>();

  constructor(private readonly where: string) {}

  /** The token to send for the next page; undefined when the list is done. */
  next(token: string | undefined): string | undefined {
    if (!token) return undefined;
    if (this.seen.has(token)) {
      throw new BadInputError(`${this.where}: a next-page token came back twice`);
    }
    this.seen.add(token);
    return token;
  }
}
