#!/usr/bin/env bash
# The chaos experiment (issue 13): jobs of every workload back to back on a local cluster while a seeded schedule
# SIGKILLs worker nodes (and restarts them), freezes them (SIGSTOP for a few seconds, then SIGCONT) and makes worker
# actors throw (--fail-every). Every job's answer is checked against the serial reference by `run` itself (exit 3 if it
# differs). The summary counts jobs, faults, answers right / wrong / jobs failed, tasks re-issued,
# speculative copies of silent nodes' tasks and duplicates dropped.
#   scripts/chaos.sh [--duration SECONDS] [--seed N] [--nodes N] [--base PORT] [--out DIR]
#   (defaults 60, 1, 3 worker nodes, ports 4253 and up, artifacts/chaos/<UTC time>/)
# Output in DIR: summary.txt, one JSON per job, node logs. Exit 0 when no answer was wrong. The CLI is the Release build
# of this clone (built if missing or older than a source), or `dotnet $ACTORPARALLEL_CLI_DLL` if that is set (the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=60 seed=1 nodes=3 base=4253 out="artifacts/chaos/$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift ;;
    --seed) seed=$2; shift ;;
    --nodes) nodes=$2; shift ;;
    --base) base=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
if [ -n "${ACTORPARALLEL_CLI_DLL:-}" ]; then
  cli=(dotnet "$ACTORPARALLEL_CLI_DLL")
else
  exe=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli
  if [ ! -x "$exe" ] || [ -n "$(find src -newer "$exe" -name '*.cs' -print -quit)" ]; then
    echo "chaos.sh: building the CLI (Release)" >&2
    dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
  fi
  cli=("$exe")
fi
RANDOM=$seed
declare -A pid
cleanup() { for p in "${pid[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill -KILL "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# The seed is a driver-role node (no workers) that is never faulted, so the cluster always has its oldest member.
"${cli[@]}" node --port "$base" --role driver >"$out/seed.log" 2>&1 & pid[seed]=$!
start_worker() { local i=$1; "${cli[@]}" node --port $((base + i)) --seed "127.0.0.1:$base" --workers 1 >>"$out/worker-$i.log" 2>&1 & pid[$i]=$!; }
for i in $(seq 1 "$nodes"); do start_worker "$i"; done

# Small jobs of every workload: a second or two each on two cores.
jobs=(
  "pi --size 60000000 --tasks 24"
  "primes --size 3000000 --tasks 24"
  "matmul --size 240 --tasks 12"
  "mandelbrot --size 300 --tasks 24"
  "synthetic --tasks 24"
  "io --tasks 24"
  "wordcount --size 400000 --tasks 24"
  "heat --size 200 --tasks 4 --option steps=400"
)
end=$(( $(date +%s) + duration ))
n=0 kills=0 freezes=0 throws=0
while [ "$(date +%s)" -lt "$end" ]; do
  # Restart worker nodes that died (killed, or downed after a freeze).
  for i in $(seq 1 "$nodes"); do kill -0 "${pid[$i]}" 2>/dev/null || start_worker "$i"; done
  n=$((n + 1))
  job=${jobs[$(( RANDOM % ${#jobs[@]} ))]}
  extra=()
  if [ $(( RANDOM % 4 )) -eq 0 ]; then extra=(--fail-every 5); throws=$((throws + 1)); fi
  # shellcheck disable=SC2086
  "${cli[@]}" run $job --no-tpl --json --cluster "127.0.0.1:$base" --nodes 1 --wait 30s --timeout 60s "${extra[@]}" \
    >"$out/job-$n.json" 2>"$out/job-$n.log" &
  run=$!
  fault=$(( RANDOM % 3 ))   # 0: none, 1: SIGKILL, 2: SIGSTOP
  victim=$(( RANDOM % nodes + 1 ))
  if [ "$fault" -ne 0 ]; then
    for _ in $(seq 1 400); do grep -q "actors (W" "$out/job-$n.log" 2>/dev/null && break; kill -0 "$run" 2>/dev/null || break; sleep 0.025; done
    sleep "0.$(( RANDOM % 5 ))"
    if [ "$fault" -eq 1 ]; then
      kill -KILL "${pid[$victim]}" 2>/dev/null && kills=$((kills + 1)) && echo "job $n: SIGKILL worker $victim" >>"$out/faults.txt"
    else
      kill -STOP "${pid[$victim]}" 2>/dev/null && freezes=$((freezes + 1)) && echo "job $n: SIGSTOP worker $victim" >>"$out/faults.txt"
      ( sleep $(( 2 + RANDOM % 3 )); kill -CONT "${pid[$victim]}" 2>/dev/null || true ) &
    fi
  fi
  set +e; wait "$run"; code=$?; set -e
  echo "$n $code $job ${extra[*]}" >>"$out/codes.txt"
done
cleanup; wait 2>/dev/null || true
# The summary, from each job's exit code and JSON (bash and grep only: a fresh machine may have no python).
right=0 wrong=0 failed=0 reissued=0 copied=0 dups=0 failures=()
num() { grep -o "\"$1\": *[0-9]*" "$2" 2>/dev/null | head -n 1 | grep -o '[0-9]*$' || true; }
while read -r i code job; do
  if [ "$code" -eq 3 ]; then
    wrong=$((wrong + 1))
  elif [ "$code" -ne 0 ]; then
    failed=$((failed + 1))
    failures+=("  job $i ($job): exit $code: $(grep -v '^[[:space:]]*$' "$out/job-$i.log" 2>/dev/null | tail -n 1)")
  fi
  if [ "$code" -eq 0 ] && grep -q '"correct": true' "$out/job-$i.json" 2>/dev/null; then right=$((right + 1)); fi
  r=$(num reissued "$out/job-$i.json"); reissued=$((reissued + ${r:-0}))
  c=$(num speculated "$out/job-$i.json"); copied=$((copied + ${c:-0}))
  d=$(num duplicates_dropped "$out/job-$i.json"); dups=$((dups + ${d:-0}))
done <"$out/codes.txt"
{
  echo "chaos: $n jobs, faults injected: $kills SIGKILL, $freezes SIGSTOP, $throws jobs with throwing workers"
  echo "answers right $right, wrong $wrong, jobs failed $failed; tasks re-issued $reissued, speculative copies $copied, duplicates dropped $dups"
  printf '%s\n' "${failures[@]}"
} | tee "$out/summary.txt"
[ "$wrong" -eq 0 ]
