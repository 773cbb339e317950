#!/usr/bin/env bash
# The partition experiment (issue 13), by hand, as PartitionTests runs it: a seed node (a worker, the oldest member) on
# the host, a victim worker node in its own network namespace joined by a veth pair, and a driver (`run --cluster`) on
# the host. Mid-job every packet between the victim and the rest is dropped (a pfifo queue of length 0 on both ends of
# the pair); the cut holds until the split-brain resolver has downed the victim and its process has ended by itself,
# then it is healed. With --blip S the cut is healed after S seconds instead (below the failure detector's 2 s the
# job goes on with the victim); with --heal-when-unreachable, as soon as the seed sees the victim unreachable (its
# tasks are re-issued, but the split-brain resolver waits 3 s of stable membership, so nobody is downed and the victim's
# late results must count once). The summary: when the cut came, when the seed saw the victim unreachable and removed,
# how the victim ended, and the job's answer, tasks, re-issued tasks and duplicates.
#   sudo scripts/partition.sh [--blip SECONDS | --heal-when-unreachable] [--tasks N] [--latency-ms MS]
#   (defaults: a cut held until the victim ends, 64 tasks of 100 ms)
# Needs root, iproute2 (ip, tc) and jq. Output under artifacts/partition/<UTC time>/. Exit 0 when the answer was right
# and every task counted once (and, for a held cut, the victim exited 5; otherwise it is still up).
set -euo pipefail
cd "$(dirname "$0")/.."
blip="" early="" tasks=64 latency=100
while [ $# -gt 0 ]; do
  case "$1" in
    --blip) blip=$2; shift ;;
    --heal-when-unreachable) early=1 ;;
    --tasks) tasks=$2; shift ;;
    --latency-ms) latency=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "partition.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" -eq 0 ] || { echo "partition.sh: needs root (network namespaces and veth pairs)" >&2; exit 2; }
for tool in ip tc jq; do command -v "$tool" >/dev/null || { echo "partition.sh: $tool not found (apt-get install iproute2 jq)" >&2; exit 2; }; done
out="artifacts/partition/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
cli=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli
if [ ! -x "$cli" ] || [ -n "$(find src -newer "$cli" -name '*.cs' -print -quit)" ]; then
  dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
fi

# Names and addresses unique to this run (interface names have at most 15 characters).
n=$(( RANDOM % 254 + 1 )) id=$(printf '%02x%04x' $(( RANDOM % 256 )) $RANDOM)
ns=ap-part-$id hostend=aph$id innerend=apn$id host=10.213.$n.1 inner=10.213.$n.2
declare -A pid
cleanup() {
  for p in "${pid[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip link del "$hostend" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT

ip netns add "$ns"
ip link add "$hostend" type veth peer name "$innerend"
ip link set "$innerend" netns "$ns"
ip addr add "$host/30" dev "$hostend"
ip link set "$hostend" up
ip -n "$ns" addr add "$inner/30" dev "$innerend"
ip -n "$ns" link set "$innerend" up
ip -n "$ns" link set lo up
# Permanent neighbour entries: ARP failures during the cut must not outlast the heal.
ip neigh replace "$inner" lladdr "$(ip netns exec "$ns" cat "/sys/class/net/$innerend/address")" dev "$hostend" nud permanent
ip -n "$ns" neigh replace "$host" lladdr "$(cat "/sys/class/net/$hostend/address")" dev "$innerend" nud permanent
cut_link() { tc qdisc replace dev "$hostend" root pfifo limit 0; tc -n "$ns" qdisc replace dev "$innerend" root pfifo limit 0; }
heal_link() { tc qdisc del dev "$hostend" root; tc -n "$ns" qdisc del dev "$innerend" root; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
# The wall-clock time of the first line of a node's log naming what and the victim (HH:MM:SS.mmm), as seconds since the epoch.
seen() { local t; t=$(grep -m1 -E "^[0-9:.]+ +$1 +akka.tcp://actorparallel@$inner:" "$2" | cut -d' ' -f1) || return 1; date -d "$t" +%s.%N; }

port=$(( 20000 + RANDOM % 20000 ))
"$cli" node --hostname "$host" --port "$port" --workers 1 --insecure >"$out/seed.log" 2>&1 & pid[seed]=$!
ip netns exec "$ns" "$cli" node --hostname "$inner" --port 4053 --workers 1 --insecure --seed "$host:$port" >"$out/victim.log" 2>&1 & pid[victim]=$!
"$cli" run io --size "$tasks" --tasks "$tasks" --option "latency-ms=$latency" --no-tpl --json \
  --cluster "$host:$port" --nodes 2 --hostname "$host" --insecure --wait 60s --timeout 120s >"$out/job.json" 2>"$out/job.log" & pid[job]=$!

# Strike half a second into the actors' phase (after the serial reference): the victim holds tasks then.
deadline=$(( $(date +%s) + 120 ))
until grep -q '] actors (' "$out/job.log"; do
  kill -0 "${pid[job]}" 2>/dev/null || { echo "partition.sh: the job ended before its actors' phase; see $out/job.log" >&2; exit 1; }
  [ "$(date +%s)" -lt "$deadline" ] || { echo "partition.sh: the job's actors' phase never started; see $out/job.log" >&2; exit 1; }
  sleep 0.1
done
sleep 0.5
cut_link
t_cut=$(now)
victim_exit=running t_victim_exit=""
if [ -n "$blip" ]; then
  sleep "$blip"
  heal_link
  t_heal=$(now)
elif [ -n "$early" ]; then
  deadline=$(( $(date +%s) + 30 ))
  until grep -qE " unreachable +akka.tcp://actorparallel@$inner:" "$out/seed.log" || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.05; done
  heal_link
  t_heal=$(now)
else
  # Hold the cut until the victim's process has ended by itself (downed by the split-brain resolver), 60 s at most.
  deadline=$(( $(date +%s) + 60 ))
  while kill -0 "${pid[victim]}" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
  if ! kill -0 "${pid[victim]}" 2>/dev/null; then
    set +e; wait "${pid[victim]}"; victim_exit=$?; set -e
    t_victim_exit=$(now)
    unset 'pid[victim]'
  fi
  heal_link
  t_heal=$(now)
fi
set +e; wait "${pid[job]}"; job_exit=$?; set -e
unset 'pid[job]'
sleep 1 # the seed's last membership lines

j() { jq -r "$1" "$out/job.json" 2>/dev/null || echo "?"; }
{
  echo "partition: victim $inner:4053 in namespace $ns, seed and driver at $host; io, $tasks tasks of ${latency} ms"
  if [ -n "$blip" ]; then echo "mode                  a blip of $blip s"
  elif [ -n "$early" ]; then echo "mode                  healed when the seed saw the victim unreachable"
  else echo "mode                  a cut held until the victim ended"; fi
  echo "cut                   at $(date -d "@$t_cut" +%T.%3N)"
  if t=$(seen unreachable "$out/seed.log"); then echo "seed saw unreachable  $(since "$t_cut" "$t") after the cut"; else echo "seed saw unreachable  never"; fi
  if t=$(seen reachable "$out/seed.log"); then echo "seed saw reachable    $(since "$t_cut" "$t") after the cut"; fi
  if t=$(seen removed "$out/seed.log"); then echo "seed removed victim   $(since "$t_cut" "$t") after the cut"; else echo "seed removed victim   never"; fi
  if [ -n "$t_victim_exit" ]; then echo "victim exited         $victim_exit, $(since "$t_cut" "$t_victim_exit") after the cut ($(grep -m1 -o 'Cluster[A-Za-z]*Reason' "$out/victim.log" || echo 'no reason printed'))"
  else echo "victim                $victim_exit"; fi
  echo "healed                $(since "$t_cut" "$t_heal") after the cut"
  echo "job                   exit $job_exit, correct $(j .correct), $(j .metrics.tasks_completed)/$(j .parameters.tasks) tasks completed, $(j .metrics.reissued) re-issued, $(j .metrics.speculated) speculatively copied, $(j .metrics.duplicates_dropped) duplicates dropped"
} | tee "$out/summary.txt"

ok=1
[ "$job_exit" -eq 0 ] && [ "$(j .correct)" = true ] && [ "$(j .metrics.tasks_completed)" = "$tasks" ] || ok=0
if [ -n "$blip$early" ]; then [ "$victim_exit" = running ] || ok=0; else [ "$victim_exit" = 5 ] || ok=0; fi
[ "$ok" -eq 1 ] && echo "partition.sh: passed ($out)" || { echo "partition.sh: FAILED ($out)" >&2; exit 1; }
