#!/usr/bin/env bash
# Writes the directory `cairn import aws-org` reads (docs/formats/aws-org.md), using the AWS CLI
# with the ambient credentials of the management account or a delegated administrator. Read-only.
set -euo pipefail
out=${1:?usage: export-aws-org.sh <output-dir>}
mkdir -p "$out"/{list-organizational-units-for-parent,list-accounts-for-parent,describe-policy,list-targets-for-policy}
org() { aws organizations "$@" --output json; }

org describe-organization >"$out/describe-organization.json"
org list-roots >"$out/list-roots.json"
org list-accounts >"$out/list-accounts.json"

parents=$(jq -r '.Roots[].Id' "$out/list-roots.json")
while [ -n "$parents" ]; do
  next=""
  for parent in $parents; do
    org list-organizational-units-for-parent --parent-id "$parent" >"$out/list-organizational-units-for-parent/$parent.json"
    org list-accounts-for-parent --parent-id "$parent" >"$out/list-accounts-for-parent/$parent.json"
    next="$next $(jq -r '.OrganizationalUnits[].Id' "$out/list-organizational-units-for-parent/$parent.json")"
  done
  parents=$(echo "$next" | xargs)
done

for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
  for policy in $(org list-policies --filter "$type" 2>/dev/null | jq -r '.Policies[].Id'); do
    org describe-policy --policy-id "$policy" >"$out/describe-policy/$policy.json"
    org list-targets-for-policy --policy-id "$policy" >"$out/list-targets-for-policy/$policy.json"
  done
done
echo "wrote $out"
