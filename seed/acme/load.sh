#!/bin/sh
# Loads the Acme demo estate into Cairn's Neo4j (the local one, or NEO4J_URI's), then analyzes it.
# Run from the repository root: sh seed/acme/load.sh
set -eu
dir=$(dirname "$0")
npx cairn import aws-org "$dir/org"
npx cairn import aws-authz "$dir/iam"
npx cairn import aws-ec2 "$dir/ec2/acme-prod-eu-west-1" "$dir/ec2/acme-dev-eu-west-1"
npx cairn import aws-snapshot "$dir/snapshots"
npx cairn analyze
