export { ActionBitSet } from './action-bitset.js';
export { ActionCatalog, loadAwsActionCatalog } from './action-catalog.js';
export { ActionDecisions, evaluateActions } from './batch.js';
export type { CompiledPolicy } from './compiled-policy.js';
export { compileDocument, compilePolicy, CompiledStatement } from './compiled-policy.js';
export type {
  Decision,
  DecisionReason,
  DecisionValue,
  MissingAllow,
  PendingCondition,
  PolicyType,
  StatementRef,
} from './decision.js';
export { evaluateInContext, evaluateRequest } from './evaluate-request.js';
export type {
  ConditionEntry,
  PolicyDocument,
  PolicyStatement,
  PrincipalSpec,
} from './policy-document.js';
export { parsePolicyDocument } from './policy-document.js';
export type { PolicySet, ResourcePolicyKind } from './policy-set.js';
export { detectResourcePolicyKind } from './policy-set.js';
export type { AuthorizationRequest, ContextValue, RequestPrincipal } from './request.js';
export { RequestContext } from './request-context.js';
export type { Tri } from './tri.js';
