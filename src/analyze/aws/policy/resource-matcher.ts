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
  return toRegex({ parts: resolved.parts, hasVariables: false }).test(resource);
}

function toRegex(template: Template): RegExp {
  return new RegExp(`^${arnPatternSource(template.parts, true)}$`, 's');
}
