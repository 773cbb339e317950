#!/usr/bin/env bash
# A local ActorParallel cluster on 127.0.0.1: a seed worker node and N-1 more worker nodes, in the background.
#   scripts/cluster.sh up [N] [BASE_PORT]   start N worker nodes (default 2) on BASE_PORT, BASE_PORT+1, ... (default 4053)
#   scripts/cluster.sh status               the nodes this script started, and whether each is alive
#   scripts/cluster.sh down                 stop them (SIGTERM: each leaves the cluster gracefully), by pid
# Logs and pid files go to ${ACTORPARALLEL_CLUSTER_DIR:-artifacts/cluster}. Then run a job on the cluster:
#   dotnet run --project src/ActorParallel.Cli -c Release -- run pi --cluster 127.0.0.1:4053 --nodes 2
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${ACTORPARALLEL_CLUSTER_DIR:-artifacts/cluster}
cli=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli

build() {
  if [ ! -x "$cli" ] || [ -n "$(find src -newer "$cli" -name '*.cs' -print -quit)" ]; then
    echo "cluster.sh: building (Release)"
    dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
  fi
}

up() {
  local n=${1:-2} base=${2:-4053}
  mkdir -p "$dir"
  build
  for i in $(seq 0 $((n - 1))); do
    local port=$((base + i)) seed=()
    [ "$i" -gt 0 ] && seed=(--seed "127.0.0.1:$base")
    if [ -f "$dir/node-$port.pid" ] && kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null; then
      echo "node 127.0.0.1:$port already running (pid $(cat "$dir/node-$port.pid"))"; continue
    fi
    nohup "$cli" node --port "$port" "${seed[@]}" >"$dir/node-$port.log" 2>&1 &
    echo $! >"$dir/node-$port.pid"
    echo "node 127.0.0.1:$port started (pid $!, log $dir/node-$port.log)"
  done
  echo "cluster.sh: run a job with: $cli run pi --cluster 127.0.0.1:$base --nodes $n"
}

status() {
  shopt -s nullglob
  local any=0
  for f in "$dir"/node-*.pid; do
    any=1
    local pid port
    pid=$(cat "$f"); port=${f##*/node-}; port=${port%.pid}
    if kill -0 "$pid" 2>/dev/null; then state=alive; else state=gone; fi
    printf '127.0.0.1:%s pid %s %s; last: %s\n' "$port" "$pid" "$state" "$(tail -n 1 "$dir/node-$port.log" 2>/dev/null)"
  done
  [ "$any" -eq 1 ] || echo "no nodes started by cluster.sh in $dir"
}

down() {
  shopt -s nullglob
  for f in "$dir"/node-*.pid; do
    local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && { echo "pid $pid did not leave in 10 s; killing it"; kill -KILL "$pid"; }
    fi
    echo "stopped pid $pid (${f##*/})"
    rm -f "$f"
  done
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  down) down ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
