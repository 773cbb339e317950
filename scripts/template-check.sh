#!/usr/bin/env bash
# A workload author's path, end to end, in a temporary folder (what tests/ActorParallel.Cli.Tests runs in CI):
#   1. pack the lab into a temporary feed and install the `dotnet new` template from it (scripts/install-template.sh)
#      into a temporary hive (--debug:custom-hive): nothing is installed for the user
#   2. create a project from it, build it, run its tests (the lab's shared suite)
#   3. run its workload locally: the answer must match the serial reference (exit 0, "correct": true)
#   4. a two-node local cluster: a worker node of the author's host plus the driver run, the answer checked again;
#      the node is ended by its pid (SIGTERM: it leaves the cluster and exits 0)
# Restores offline where it can: the lab's packages from the temporary feed, everything else from the machine's
# NuGet cache (as a fallback folder) or its usual sources; a temporary NUGET_PACKAGES keeps the machine's cache clean.
# KIND=shuffle or KIND=peer checks the template's map-reduce or peer kind instead of the task farm (CI checks the farm).
# Every step is bounded in time. KEEP=1 keeps the folder. Prints one line per step with its time, then "template-check: ok".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
configuration=${CONFIGURATION:-Release}
kind=${KIND:-farm}
work=$(mktemp -d "${TMPDIR:-/tmp}/actorparallel-template.XXXXXX")
node_pid=""
start=$SECONDS

cleanup() {
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    kill -TERM "$node_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$node_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "template-check: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step() { echo "template-check: $1 ($((SECONDS - start)) s)"; }
fail() { echo "template-check: FAILED: $1" >&2; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 40 "$2" >&2; exit 1; }
# run LOG SECONDS COMMAND...: runs a step bounded in time, its output in LOG, shown if it fails.
run() {
  local log=$1 limit=$2; shift 2
  timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1 || fail "$* (exit $?, log $log)" "$log"
}

machine_packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
hive=$work/hive
run "$work/install.log" 600 env FEED="$work/feed" scripts/install-template.sh --debug:custom-hive "$hive"
step "packed and installed $(cd "$work/feed" && ls ActorParallel.Templates.*.nupkg)"
mkdir -p "$work/src"
cat >"$work/src/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <fallbackPackageFolders>
    <add key="machine" value="$machine_packages" />
  </fallbackPackageFolders>
</configuration>
CONFIG
export NUGET_PACKAGES=$work/packages
(cd "$work/src" && run "$work/new.log" 120 dotnet new actorparallel-workload -n TemplateCheck --kind "$kind" --debug:custom-hive "$hive")
project=$work/src/TemplateCheck
[ -f "$project/nuget.config" ] || fail "the template made no nuget.config for its feed"
step "created $project ($kind)"

run "$work/build.log" 600 dotnet build "$project/TemplateCheck.Tests" -c "$configuration" -nologo
step "built"
run "$work/test.log" 600 dotnet test "$project/TemplateCheck.Tests" -c "$configuration" --no-build -nologo
grep -Eq "Passed! +- Failed: +0, Passed: +[1-9]" "$work/test.log" || fail "the project's tests did not pass" "$work/test.log"
step "tests: $(grep -Eo 'Passed: +[0-9]+' "$work/test.log" | head -1)"

job=(run template-check --size 300000 --tasks 12 --workers 2 --json)
(cd "$project" && run "$work/local.json" 300 dotnet run -c "$configuration" --no-build -- "${job[@]}")
grep -q '"correct": *true' "$work/local.json" || fail "the local run's answer differs from the serial reference" "$work/local.json"
step "local run: correct"

host=$project/bin/$configuration/net10.0/TemplateCheck
"$host" node --port 0 --workers 2 >"$work/node.log" 2>&1 &
node_pid=$!
address=""
for _ in $(seq 1 120); do
  address=$(sed -nE 's/^node akka\.tcp:\/\/actorparallel@([0-9.]+:[0-9]+) .*/\1/p' "$work/node.log" | head -1)
  [ -n "$address" ] && grep -q " up " "$work/node.log" && break
  kill -0 "$node_pid" 2>/dev/null || fail "the worker node exited" "$work/node.log"
  sleep 0.5
done
[ -n "$address" ] || fail "the worker node did not come up within 60 s" "$work/node.log"
step "worker node $address up (pid $node_pid)"

cluster=("$host" "${job[@]}" --no-tpl --cluster "$address" --nodes 1 --wait 60s)
if [ "$kind" != farm ] && ! timeout --kill-after=10 300 "${cluster[@]}" >"$work/cluster.json" 2>&1 \
    && grep -q "only task-farm workloads without a shuffle run on a cluster" "$work/cluster.json"; then
  step "cluster run: skipped, the lab does not run a $kind workload on a cluster yet"
else
  [ "$kind" != farm ] || run "$work/cluster.json" 300 "${cluster[@]}"
  grep -q '"correct": *true' "$work/cluster.json" || fail "the cluster run's answer differs from the serial reference" "$work/cluster.json"
  grep -q "^running on akka.tcp://actorparallel@$address" "$work/cluster.json" || fail "the cluster run did not run on the worker node" "$work/cluster.json"
  step "cluster run: correct"
fi

kill -TERM "$node_pid"
code=0
timeout 30 tail --pid="$node_pid" -f /dev/null || fail "the worker node did not exit within 30 s of SIGTERM" "$work/node.log"
wait "$node_pid" || code=$?
node_pid=""
[ "$code" -eq 0 ] || fail "the worker node exited $code after SIGTERM" "$work/node.log"
step "worker node left"
echo "template-check: ok in $((SECONDS - start)) s"
