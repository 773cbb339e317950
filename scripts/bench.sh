#!/usr/bin/env bash
# Runs the benchmarks and saves their output under artifacts/bench/<UTC time>/:
#   1. the console harness (`actorparallel bench --quick`, or the full run with --full): table, JSON
#      and Markdown; the lab's farm, workloads, Akka.NET ping-pong, ActorSystem start and HOCON, each
#      figure beside a baseline measured in the same process (--quick under 40 s, --full about 2 min);
#   2. the BenchmarkDotNet suite (HOCON parsing) with the short job (skip it with --no-bdn).
# Usage: scripts/bench.sh [--full] [--no-bdn] [--filter PATTERN]   (PATTERN: a BenchmarkDotNet filter, default '*')
# Timing on a shared machine is noisy: the load averages are saved beside the figures (uptime.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0

mode=--quick
bdn=1
filter='*'
while [ $# -gt 0 ]; do
  case "$1" in
    --full) mode= ;;
    --no-bdn) bdn=0 ;;
    --filter) filter="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

out="artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{ date -u; nproc; uptime; dotnet --version; } > "$out/uptime.txt"

echo "bench.sh: building (Release)"
dotnet build -c Release src/ActorParallel.Cli -v quiet -nologo
cli=(dotnet src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli.dll bench $mode)

echo "bench.sh: console harness ${mode:-(full)} -> $out/harness.{txt,json,md}"
"${cli[@]}" --json-file "$out/harness.json" --markdown-file "$out/harness.md" | tee "$out/harness.txt"

if [ "$bdn" = 1 ]; then
  echo "bench.sh: BenchmarkDotNet, short job, filter '$filter' -> $out/bdn"
  dotnet run -c Release --project benchmarks/ActorParallel.Benchmarks -- \
    --job short --filter "$filter" --artifacts "$out/bdn" --exporters json | tee "$out/bdn.txt"
fi
uptime >> "$out/uptime.txt"
echo "bench.sh: done; results in $out"
