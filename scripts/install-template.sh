#!/usr/bin/env bash
# Packs the lab (scripts/pack.sh, into artifacts/feed) and installs its `dotnet new` template, actorparallel-workload,
# replacing an earlier install (dotnet new would keep both versions side by side). Then, outside this clone:
#   dotnet new actorparallel-workload -n MyWorkload && cd MyWorkload && dotnet run -c Release -- run my-workload
# The projects it makes restore the lab's packages from artifacts/feed. Extra arguments go to `dotnet new`, e.g.
# --debug:custom-hive DIR to install into DIR instead of your own template list.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(scripts/pack.sh) || exit 1
version=$(sed -n 's/^version //p' <<<"$out")
feed=$(sed -n 's/^feed //p' <<<"$out")
dotnet new uninstall ActorParallel.Templates "$@" >/dev/null 2>&1 || true
dotnet new install "$feed/ActorParallel.Templates.$version.nupkg" "$@"
