/** How one rule came out over some resources. `fail` counts only failures nobody accepted. */
export interface Tally {
  pass: number;
  fail: number;
  suppressed: number;
  notApplicable: number;
  error: number;
}

export function emptyTally(): Tally {
  return { pass: 0, fail: 0, suppressed: 0, notApplicable: 0, error: 0 };
}

export function addInto(into: Tally, more: Tally): Tally {
  into.pass += more.pass;
  into.fail += more.fail;
  into.suppressed += more.suppressed;
  into.notApplicable += more.notApplicable;
  into.error += more.error;
  return into;
}

/** Where resources are: account and region (either may be unknown). */
export interface Location {
  readonly account: string | null;
  readonly region: string | null;
}

/** Tallies of one rule, per location, plus whether the rule itself could not run. */
export interface RuleTallies {
  readonly byLocation: ReadonlyMap<string, { readonly location: Location; readonly tally: Tally }>;
  readonly ruleError: string | null;
}

export function locationKey(location: Location): string {
  return `${location.account ?? ''}|${location.region ?? ''}`;
}
