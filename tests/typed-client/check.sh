#!/usr/bin/env bash
# The typed client's build, as CI runs it: generate types for the frontend's operations from
# schema/schema.graphql and type-check the code that uses them; then prove the check bites: an
# operation asking for a field the schema lacks must fail the generation.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent typecheck
echo "typed client: generated and type-checked"

stale=$(mktemp -d)
trap 'rm -rf "$stale"' EXIT
sed 's/^\(\s*\)headline$/\1headlineText/' ../frontend/operations/FrontPage.graphql > "$stale/StaleFrontPage.graphql"
grep -q headlineText "$stale/StaleFrontPage.graphql" || { echo "FAIL: could not make a stale operation"; exit 1; }
if NEWSGRAPH_OPERATIONS="$stale/*.graphql" npm run --silent codegen > "$stale/codegen.log" 2>&1; then
  echo "FAIL: an operation asking for Article.headlineText passed the typed-client build"
  exit 1
fi
grep -q 'Cannot query field "headlineText"' "$stale/codegen.log" || { cat "$stale/codegen.log"; echo "FAIL: it failed for another reason"; exit 1; }
echo "typed client: a stale operation fails the build, as it should"
