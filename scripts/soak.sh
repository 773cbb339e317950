#!/usr/bin/env bash
# The soak (issue 13): many small jobs back to back from ONE driver on a local three-node cluster (a seed worker node
# and two more worker nodes on 127.0.0.1, one worker actor each). Every answer is checked against the serial reference;
# the driver counts dead letters; after --warmup jobs, --jobs more run with the managed heap and working set of the
# driver and of every node sampled every 50 jobs (`soak`'s report).
#   scripts/soak.sh [--jobs N] [--warmup N] [--base PORT] [--out DIR] [--json] [WORKLOAD...]   (defaults 1000, 2000, 4353)
# Output under artifacts/soak/<UTC time>/ or --out DIR (summary.txt or summary.json, soak.log, node logs). The CLI is
# the Release build of this clone (built if missing or older than a source), or `dotnet $ACTORPARALLEL_CLI_DLL`.
# Exit: soak's exit code (0 all right and flat, 3 a wrong answer, 4 a job failed, 5 the cluster did not form, 6 memory
# grew or unexpected dead letters).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=1000 warmup=2000 base=4353 json=() workloads=() out="artifacts/soak/$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --base) base=$2; shift ;;
    --out) out=$2; shift ;;
    --json) json=(--json) ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "soak.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    *) workloads+=("$1") ;;
  esac
  shift
done
mkdir -p "$out"
if [ -n "${ACTORPARALLEL_CLI_DLL:-}" ]; then
  cli=(dotnet "$ACTORPARALLEL_CLI_DLL")
else
  exe=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli
  if [ ! -x "$exe" ] || [ -n "$(find src -newer "$exe" -name '*.cs' -print -quit)" ]; then
    echo "soak.sh: building the CLI (Release)" >&2
    dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
  fi
  cli=("$exe")
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
            for p in "${pids[@]}"; do for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
"${cli[@]}" node --port "$base" --workers 1 >"$out/node-$base.log" 2>&1 & pids+=($!)
for i in 1 2; do
  "${cli[@]}" node --port $((base + i)) --seed "127.0.0.1:$base" --workers 1 >"$out/node-$((base + i)).log" 2>&1 & pids+=($!)
done

summary="$out/summary.$([ ${#json[@]} -gt 0 ] && echo json || echo txt)"
set +e
"${cli[@]}" soak "${workloads[@]}" --cluster "127.0.0.1:$base" --nodes 3 --jobs "$jobs" --warmup "$warmup" --wait 60s "${json[@]}" >"$summary" 2>"$out/soak.log"
code=$?
set -e
cat "$summary"
[ "$code" -eq 0 ] || { echo "soak.sh: soak exited $code; its log: $out/soak.log" >&2; tail -n 3 "$out/soak.log" >&2; }
echo "soak.sh: exit $code; output in $out" >&2
exit "$code"
