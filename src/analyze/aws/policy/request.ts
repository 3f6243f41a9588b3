/** A context value as a caller supplies it; `null` says the key is known to be absent. */
export type ContextValue =
  string | number | boolean | readonly (string | number | boolean)[] | null;

/**
 * Who makes the request. AWS principals by ARN (IAM user, IAM role, account root, or an
 * `assumed-role` session ARN); services, web/SAML identities and anonymous callers by name.
 */
export interface RequestPrincipal {
  readonly arn?: string;
  /** The role session ARN when `arn` is the role; lets policies that name the session match. */
  readonly sessionArn?: string;
  readonly service?: string;
  readonly federated?: string;
  readonly canonicalUserId?: string;
  readonly anonymous?: boolean;
  /** Principal tags; when given, a tag not listed is known to be absent. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly orgId?: string;
}

export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  /** The resource ARN, or `*` for actions that take no resource (matched literally). */
  readonly resource: string;
  /** Needed where the ARN has no account (S3); otherwise taken from the ARN. */
  readonly resourceAccount?: string;
  readonly resourceTags?: Readonly<Record<string, string>>;
  /** Known request context. Keys not given are unknown unless `contextComplete` is set. */
  readonly context?: Readonly<Record<string, ContextValue>>;
  readonly contextComplete?: boolean;
}
