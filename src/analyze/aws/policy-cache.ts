import { compilePolicy, type ActionCatalog, type CompiledPolicy } from './policy/index.js';

/**
 * Compiles each stored policy document once, by policy id, however many principals use it.
 * A document that does not compile is remembered as unusable (it can grant nothing) and named.
 */
export class PolicyCache {
  private readonly compiled = new Map<string, CompiledPolicy | null>();
  readonly unusable: string[] = [];

  constructor(private readonly catalog: ActionCatalog) {}

  get(policy: { id: string; document: unknown }): CompiledPolicy | undefined {
    let entry = this.compiled.get(policy.id);
    if (entry === undefined) {
      try {
        entry = compilePolicy(policy.document, policy.id, this.catalog);
      } catch {
        entry = null;
        this.unusable.push(policy.id);
      }
      this.compiled.set(policy.id, entry);
    }
    return entry ?? undefined;
  }
}
