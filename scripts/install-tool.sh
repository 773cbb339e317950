#!/usr/bin/env bash
# Installs the `actorparallel` command from this clone: packs the lab (scripts/pack.sh, into artifacts/feed) and
# installs the tool package ActorParallel.Tool from there, replacing an earlier install.
#   scripts/install-tool.sh                   a global tool, in ~/.dotnet/tools (put that folder on PATH if it is not)
#   scripts/install-tool.sh --tool-path DIR   in DIR instead (DIR/actorparallel)
# Then: actorparallel run pi. To remove it: dotnet tool uninstall --global ActorParallel.Tool.
set -euo pipefail
cd "$(dirname "$0")/.."
where=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "install-tool.sh: --tool-path needs a folder" >&2; exit 2; }
  where=(--tool-path "$2")
elif [ -n "${1:-}" ]; then
  echo "install-tool.sh: unknown argument '$1'; use no argument (global) or --tool-path DIR" >&2; exit 2
fi

out=$(scripts/pack.sh) || exit 1
version=$(sed -n 's/^version //p' <<<"$out")
feed=$(sed -n 's/^feed //p' <<<"$out")
dotnet tool uninstall "${where[@]}" ActorParallel.Tool >/dev/null 2>&1 || true
# --ignore-failed-sources: the tool is in the local feed; an unreachable remote source must not stop the install.
dotnet tool install "${where[@]}" ActorParallel.Tool --version "$version" --add-source "$feed" --ignore-failed-sources
