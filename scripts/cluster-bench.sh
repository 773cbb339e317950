#!/usr/bin/env bash
# Measures the lab's cluster on 127.0.0.1 (issue 11's figures), with separate node processes:
#   1. formation: a seed and two worker nodes started together, time until the seed sees all three Up (5 runs);
#   2. an idle worker node's CPU (share of one core over 20 s);
#   3. pi with ~55 ms tasks: one worker actor on each of two worker nodes against two worker actors in one process
#      (speedups over one serial reference, the mean of the two runs' readings);
#   4. tiny tasks (100000 pi tasks of 10 samples) across two worker nodes: tasks per second;
#   5. SIGKILL, then SIGSTOP (SIGCONT after the job), of a worker node mid-job: fault to its tasks re-issued on the
#      driver (queued again when the node fell silent, or when it was found unreachable: the first "re-issued" log line), the job's time against what the lost capacity explains, re-issued and duplicate counts, the answer.
# Usage: scripts/cluster-bench.sh [BASE_PORT [PARTS]]   (default 4153, all parts; PARTS is a comma list of
#   formation,idle,pi,tiny,fault). Output and logs under artifacts/cluster-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-4153}
parts=,${2:-formation,idle,pi,tiny,fault},
part() { [[ $parts == *,$1,* ]]; }
out="artifacts/cluster-bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
cli=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli
dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
ms() { date +%s%3N; }
# Milliseconds since the epoch of a node log line's HH:mm:ss.fff (today, local time).
at() { date -d "$(date +%F) $1" +%s%3N; }
# Starts a node in the background; its pid is in $last (not echoed: a command substitution would run it in a subshell).
node() { local port=$1; shift; "$cli" node --port "$port" "$@" >"$out/node-$port.log" 2>&1 & last=$!; pids+=("$last"); }
stop_all() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do timeout 20 tail --pid="$p" -f /dev/null || kill -KILL "$p" 2>/dev/null || true; done; pids=(); }

echo "uptime: $(uptime)" | tee "$out/summary.txt"
if part formation; then
echo "== formation (seed + 2 workers started together)" | tee -a "$out/summary.txt"
for run in 1 2 3 4 5; do
  t0=$(ms)
  node "$base"; node $((base + 1)) --seed "127.0.0.1:$base"; node $((base + 2)) --seed "127.0.0.1:$base"
  for _ in $(seq 1 200); do [ "$(grep -c ' up ' "$out/node-$base.log" || true)" -ge 3 ] && break; sleep 0.05; done
  last=$(grep ' up ' "$out/node-$base.log" | tail -n 1 | awk '{print $1}')
  echo "run $run: all Up after $(( $(at "$last") - t0 )) ms" | tee -a "$out/summary.txt"
  stop_all
done
fi

if part idle; then
echo "== idle worker node CPU" | tee -a "$out/summary.txt"
node "$base"; pid=$last
sleep 5
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 20; t2=$(awk '{print $14 + $15}' "/proc/$pid/stat")
hz=$(getconf CLK_TCK)
echo "idle node: $(awk -v d=$((t2 - t1)) -v hz="$hz" 'BEGIN { printf "%.2f", 100 * d / hz / 20 }')% of a core" | tee -a "$out/summary.txt"
stop_all
fi

if part pi; then
echo "== pi, ~55 ms tasks: 2 worker nodes x 1 worker against 2 workers in one process" | tee -a "$out/summary.txt"
node "$base" --workers 1; node $((base + 1)) --seed "127.0.0.1:$base" --workers 1
for run in 1 2 3; do
  "$cli" run pi --size 400000000 --tasks 48 --no-tpl --json >"$out/pi-local-$run.json"
  "$cli" run pi --size 400000000 --tasks 48 --no-tpl --json --cluster "127.0.0.1:$base" --nodes 2 >"$out/pi-cluster-$run.json" 2>>"$out/driver.log"
  python3 - "$out/pi-local-$run.json" "$out/pi-cluster-$run.json" <<'PY' | tee -a "$out/summary.txt"
import json, sys
local, cluster = (json.load(open(p)) for p in sys.argv[1:3])
# One serial reference for both (the mean of the two runs' own): the same job has one serial time, and each run's
# single reading of it swings by 10-20%, which would otherwise decide the ratio. The ratio is then local / cluster wall.
serial = (local["serial_ms"] + cluster["serial_ms"]) / 2
sl, sc = serial / local["wall_ms"], serial / cluster["wall_ms"]
print(f"serial {serial:.0f} ms; local speedup {sl:.3f} ({local['wall_ms']:.0f} ms), cluster speedup {sc:.3f} ({cluster['wall_ms']:.0f} ms), "
      f"ratio {sc / sl:.3f}; correct {local['correct']} {cluster['correct']}")
PY
done
stop_all
fi

if part tiny; then
echo "== tiny tasks across two worker nodes (100000 pi tasks of 10 samples each)" | tee -a "$out/summary.txt"
node "$base" --workers 1; node $((base + 1)) --seed "127.0.0.1:$base" --workers 1
for run in 1 2 3; do
  "$cli" run pi --size 1000000 --tasks 100000 --no-tpl --json --cluster "127.0.0.1:$base" --nodes 2 >"$out/tiny-$run.json" 2>>"$out/driver.log"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); m=r["metrics"]; print("tiny tasks: %.0f tasks/s (%d messages), correct %s" % (m["tasks_per_second"], m["messages"], r["correct"]))' "$out/tiny-$run.json" | tee -a "$out/summary.txt"
done
stop_all
fi

# A worker node lost mid-job (SIGKILL, or SIGSTOP until the job ends, then SIGCONT). The lost capacity explains
# T = k + (1 - k / T3) * T2: the work left at the fault (k ms after the clock started) done at the two-node rate.
fault() {
  local kind=$1
  echo "== $kind of a worker node mid-job" | tee -a "$out/summary.txt"
  node "$base" --workers 1; node $((base + 1)) --seed "127.0.0.1:$base" --workers 1; victim=$last; node $((base + 2)) --seed "127.0.0.1:$base" --workers 1
  local job=(run pi --size 400000000 --tasks 48 --no-tpl --json --cluster "127.0.0.1:$base")
  "$cli" "${job[@]}" --nodes 3 >"$out/$kind-t3.json" 2>>"$out/driver.log"
  echo 'akka.loglevel = INFO' >"$out/driver.conf"
  "$cli" "${job[@]}" --nodes 3 --config "$out/driver.conf" >"$out/$kind-run.json" 2>"$out/$kind-driver.log" &
  local run=$!
  for _ in $(seq 1 600); do grep -q "clock started" "$out/$kind-driver.log" 2>/dev/null && break; sleep 0.05; done
  sleep 0.5
  local struck; struck=$(ms)
  if [ "$kind" = SIGKILL ]; then kill -KILL "$victim"; else kill -STOP "$victim"; fi
  wait "$run" || true
  [ "$kind" = SIGSTOP ] && kill -CONT "$victim"
  "$cli" "${job[@]}" --nodes 2 >"$out/$kind-t2.json" 2>>"$out/driver.log" || true
  local started reissued
  started=$(grep 'clock started' "$out/$kind-driver.log" | head -n 1 | awk '{print $2}')
  reissued=$(grep 're-issued' "$out/$kind-driver.log" | head -n 1 | awk '{print $2}')
  python3 - "$out/$kind-t3.json" "$out/$kind-run.json" "$out/$kind-t2.json" "$(( struck - $(at "$started") ))" "$(( $(at "$reissued") - struck ))" "$kind" <<'PY' | tee -a "$out/summary.txt"
import json, sys
t3, run, t2 = (json.load(open(p)) for p in sys.argv[1:4])
k, to_reissue, kind = float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
m = run["metrics"]
explained = k + (1 - k / t3["wall_ms"]) * t2["wall_ms"]
print(f"{kind}: fault to re-issue {to_reissue} ms; job {run['wall_ms']:.0f} ms against {explained:.0f} ms the lost capacity explains "
      f"(T3 {t3['wall_ms']:.0f}, T2 {t2['wall_ms']:.0f}, fault at {k:.0f} ms): {run['wall_ms'] - explained:+.0f} ms; "
      f"re-issued {m['reissued']}, speculative copies {m.get('speculated', 0)}, duplicates dropped {m['duplicates_dropped']}, correct {run['correct']}")
PY
  stop_all
}
if part fault; then
  fault SIGKILL
  fault SIGSTOP
fi
echo "summary: $out/summary.txt"
