/** Why one rule or framework file (or one reference in it) was not used. */
export interface CatalogProblem {
  /** The file, relative to the directory that holds `rules/`. */
  readonly file: string;
  readonly message: string;
}

export function problemLine(problem: CatalogProblem): string {
  return `${problem.file}: ${problem.message}`;
}
