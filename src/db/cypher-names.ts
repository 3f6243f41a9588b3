/**
 * Every Cypher file the code uses, as `<area>/<name>` under `cypher/`. The registry refuses to
 * start if one is missing, and a test fails if a file exists that no name lists.
 */
export const CYPHER_NAMES = [
  'admin/count-cairn-nodes',
  'admin/delete-cairn-nodes-batch',
  'load/lock-scope',
  'load/mark-scope-pending',
  'load/heartbeat-scope',
  'load/stage-batch',
  'load/staged-batch-ids',
  'load/read-staged-batch',
  'load/delete-staged-batch',
  'load/delete-staged-batches',
  'load/mark-scope-applying',
  'load/hand-over-stale-referenced-nodes',
  'load/delete-stale-nodes-batch',
  'load/delete-orphan-shared-nodes-batch',
  'load/finish-scope',
  'load/abandon-scope-load',
  'load/pending-scopes',
  'load/scope-state',
  'load/all-scopes',
  'analyze/aws-principal-policies',
  'analyze/aws-groups',
  'analyze/write-escalations',
  'analyze/delete-stale-escalations-batch',
  'paths/escalation-out-edges',
  'paths/admin-principals',
  'serve/escalation-step-evidence',
  'analyze/aws-scp-chain',
  'analyze/aws-account-scopes',
  'analyze/write-admin-status',
  'analyze/write-can-assume',
  'analyze/delete-stale-can-assume-batch',
  'serve/entities-by-id',
  'serve/server-version',
] as const;

export type CypherName = (typeof CYPHER_NAMES)[number];
