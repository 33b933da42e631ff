#!/usr/bin/env bash
# Prints EF Core's differences between the model at the commit of the last migration and the current model, as
# operations and as SQL for the configured provider: the starting point of the next hand-written migration
# (the EF Core design package that would scaffold it does not restore here). Usage: tools/model-diff.sh [COMMIT]
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
base=${1:-$(git log -1 --format=%H -- src/Qala.Web/Data/Migrations)}
worktree=$(mktemp -d -t qala-model-diff.XXXXXX)
trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$worktree" "$base" >/dev/null
dotnet build "$worktree/src/Qala.Web" -c Release -o "$worktree/out" -v quiet -nologo >&2
dotnet run --project src/Qala.Web --no-launch-profile -- model-diff --previous "$worktree/out"
