/** A web-identity provider a trust names in `Principal.Federated`, with its claim keys' prefix. */
export interface FederatedProvider {
  /** The `Federated` value as written (an OIDC provider ARN or a built-in provider host). */
  readonly principal: string;
  /** The issuer that prefixes its condition keys, lower-case: `token.actions.githubusercontent.com`. */
  readonly issuer: string;
  /** The claim that carries the audience: `aud`, or `app_id` for Facebook and Login with Amazon. */
  readonly audienceClaim: string;
}

const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/(.+)$/i;

// Web identity providers STS accepts without an IAM OIDC provider.
const BUILT_IN: Readonly<Record<string, string>> = {
  'cognito-identity.amazonaws.com': 'aud',
  'accounts.google.com': 'aud',
  'graph.facebook.com': 'app_id',
  'www.amazon.com': 'app_id',
};

/** The OIDC / web-identity provider a `Federated` value names, or undefined (SAML, unknown). */
export function federatedProvider(principal: string): FederatedProvider | undefined {
  const trimmed = principal.trim();
  const arn = OIDC_PROVIDER_ARN.exec(trimmed);
  if (arn?.[1]) return { principal: trimmed, issuer: arn[1].toLowerCase(), audienceClaim: 'aud' };
  const host = trimmed.toLowerCase();
  const claim = BUILT_IN[host];
  return claim ? { principal: trimmed, issuer: host, audienceClaim: claim } : undefined;
}

/** GitHub Actions' issuer, with or without an enterprise slug (`.../acme`). */
export function isGitHubActions(provider: FederatedProvider): boolean {
  return /^token\.actions\.githubusercontent\.com(?:\/[^/]+)?$/.test(provider.issuer);
}
