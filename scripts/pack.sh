#!/usr/bin/env bash
# Packs the lab into a local NuGet feed, artifacts/feed/ (emptied first):
#   ActorParallel.Hocon, ActorParallel.Simulation, ActorParallel.Cli (the commands, as a library for your own host),
#   ActorParallel.Testing (the shared workload suite, xunit), ActorParallel.Tool (the `actorparallel` tool) and
#   ActorParallel.Templates (`dotnet new actorparallel-workload`, whose projects restore from this feed by default).
#   scripts/pack.sh                   version 0.1.0-local.<UTC time>, so a new build never meets an old copy in a NuGet cache
#   VERSION=0.2.0 scripts/pack.sh     a version of your choice
#   FEED=DIR scripts/pack.sh          another folder
# Release build; projects already built in Release are not rebuilt. Prints the feed's folder and version last.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
version=${VERSION:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}
feed=${FEED:-artifacts/feed}
mkdir -p "$feed"
feed=$(cd "$feed" && pwd)
rm -f "$feed"/*.nupkg

# -nr:false: no MSBuild node outlives this script (it may run inside a test run, beside other builds).
common=(-c Release -nologo -v quiet -nr:false -p:PackageVersion="$version" -o "$feed")
# The packable projects, in one build: a solution filter of src/ only, so that packing never rebuilds or recopies a test
# project's output (this script runs inside a test run, beside test hosts that have those files open).
dotnet pack scripts/packages.slnf "${common[@]}" >/dev/null || { echo "pack.sh: packing failed; to see why: dotnet pack scripts/packages.slnf -c Release" >&2; exit 1; }
dotnet pack templates/ActorParallel.Templates.csproj "${common[@]}" -p:TemplateFeed="$feed" >/dev/null \
  || { echo "pack.sh: packing templates/ActorParallel.Templates.csproj failed" >&2; exit 1; }

ls -1 "$feed"
echo "feed $feed"
echo "version $version"
