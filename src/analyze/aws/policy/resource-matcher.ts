import { arnPatternSource } from './arn-pattern.js';
import type { Template } from './policy-variables.js';
import { parseTemplate, resolveTemplate } from './policy-variables.js';
import type { RequestContext } from './request-context.js';
import type { Tri } from './tri.js';
import { triAny, triNot, UNKNOWN } from './tri.js';

interface CompiledPattern {
  readonly source: string;
  readonly template: Template;
  /** Precompiled when the pattern has no policy variables (the common case). */
  readonly regex: RegExp | undefined;
}

/**
 * A statement's Resource or NotResource. ARNs compare case-sensitively; policy variables are
 * substituted per request, and a variable whose value is unknown makes the match unknown.
 */
export class ResourceMatcher {
  readonly patterns: readonly string[];
  readonly negated: boolean;
  private readonly compiled: readonly CompiledPattern[];
  private readonly matchesEverything: boolean;

  constructor(patterns: readonly string[], negated: boolean, variables: boolean) {
    this.patterns = patterns;
    this.negated = negated;
    this.compiled = patterns.map((source) => {
      const template = parseTemplate(source, variables, true);
      const regex = template.hasVariables ? undefined : toRegex(template);
      return { source, template, regex };
    });
    this.matchesEverything = !negated && patterns.includes('*');
  }

  /**
   * A context-free pre-check for batch callers: false only when no request for this resource
   * could match (patterns with policy variables might, so they say true).
   */
  mayMatch(resource: string): boolean {
    if (this.matchesEverything) return true;
    if (this.negated) return !this.compiled.every((p) => p.regex?.test(resource) === true);
    return this.compiled.some((p) => !p.regex || p.regex.test(resource));
  }

  /**
   * The match with policy variables taken from `probe`, a context that knows the principal and
   * the request context but not the resource; undefined when a variable it cannot resolve (one
   * that comes from the resource, or is unknown) decides.
   */
  matchWithout(resource: string, probe: RequestContext): boolean | undefined {
    if (this.matchesEverything) return true;
    let listed = false;
    for (const pattern of this.compiled) {
      const match = matchOne(pattern, resource, probe);
      if (match === UNKNOWN) return undefined;
      listed ||= match;
    }
    return this.negated ? !listed : listed;
  }

  matches(resource: string, context: RequestContext): Tri {
    if (this.matchesEverything) return true;
    const listed = triAny(this.compiled, (pattern) => matchOne(pattern, resource, context));
    return this.negated ? triNot(listed) : listed;
  }
}

function matchOne(pattern: CompiledPattern, resource: string, context: RequestContext): Tri {
  if (pattern.regex) return pattern.regex.test(resource);
  const resolved = resolveTemplate(pattern.template, (key) => context.lookup(key));
  if (resolved.status === 'unknown') return UNKNOWN;
  if (resolved.status === 'absent') return false;
  return resolvedRegex(resolved.parts).test(resource);
}

/**
 * Patterns with policy variables resolve to a handful of distinct strings per caller (their
 * user name, account, ...) that batch evaluation meets again and again: compile each once.
 */
function resolvedRegex(parts: Template['parts']): RegExp {
  const key = JSON.stringify(parts);
  let regex = resolved.get(key);
  if (!regex) {
    regex = toRegex({ parts, hasVariables: false });
    if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
    resolved.set(key, regex);
  }
  return regex;
}

const resolved = new Map<string, RegExp>();
const RESOLVED_LIMIT = 10_000;

function toRegex(template: Template): RegExp {
  return new RegExp(`^${arnPatternSource(template.parts, true)}$`, 's');
}
