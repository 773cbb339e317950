#!/usr/bin/env bash
# Runs every command example of README.md against the built CLI and reports pass, FAIL or skip for each.
#   scripts/readme-examples.sh [README]      (default: README.md of this clone; tests/ActorParallel.Cli.Tests runs it)
#
# What is an example: each line of a ```bash or ```sh block (comments and blank lines aside), and each `$ ` line of a
# ```console block. A ```console block is a transcript: the lines after a command are output it must print, in order
# (`...` alone stands for any lines, `...` inside a line for any text); a command whose output shows an `error:` line
# must exit non-zero, every other command 0. `$ cat FILE` of a FILE that does not exist creates it with the lines shown.
# A block preceded by the line `<!-- readme-examples: skip: REASON -->` is listed as skipped with that reason.
#
# How they run: each in its own `bash -c`, at most READMEEX_TIMEOUT seconds (default 60), in a scratch folder that
# links hocon/, scripts/ and src/ of this clone (so out/ and typo.conf land there, not in the clone), with
# `actorparallel` on PATH bound to the built CLI (src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli, the
# program scripts/install-tool.sh installs). Substitutions, each to keep the run short or private, never the meaning:
#   - `dotnet run --project src/ActorParallel.Cli -c Release --` runs as `actorparallel` (the same program, built once);
#   - a `sweep` runs with `--repeats 2 --size 50000` (replacing its own), so that it takes seconds: its output is
#     checked to be a sweep, not the figures README quotes from a full run;
#   - the cluster's port 4053 becomes a free port (`scripts/cluster.sh up N PORT`), and cluster.sh keeps its pid
#     files in the scratch folder; every node still running at the end is stopped by its pid.
# Lines never run, with the reason printed: `dotnet test` (CI runs the suite itself), `scripts/install-tool.sh`
# (packs and installs a global tool, ~30 s; the examples run the same program as `actorparallel`).
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
readme=${1:-$repo/README.md}
limit=${READMEEX_TIMEOUT:-60}
cli=$repo/src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli

if [ ! -x "$cli" ]; then
  echo "readme-examples: building the CLI (Release)"
  dotnet build "$repo/src/ActorParallel.Cli" -c Release -v quiet -nologo >/dev/null || { echo "readme-examples: build failed"; exit 2; }
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/readme-examples.XXXXXX")
work=$scratch/work
mkdir -p "$scratch/bin" "$work" "$scratch/cluster"
ln -s "$cli" "$scratch/bin/actorparallel"
for d in hocon scripts src; do ln -s "$repo/$d" "$work/$d"; done
export PATH="$scratch/bin:$PATH" ACTORPARALLEL_CLUSTER_DIR="$scratch/cluster"

cleanup() {
  local f pid
  for f in "$scratch"/cluster/node-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# A base port with the next one free too (a node answers on a port in use: connecting succeeds).
port=""
for _ in $(seq 1 30); do
  p=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null; then
    port=$p; break
  fi
done
[ -n "$port" ] || { echo "readme-examples: no free port pair found"; exit 2; }

passed=0 failed=0 skipped=0 last=0
name=${readme##*/}

# The command as it runs (see the substitutions above).
substitute() {
  local c=$1
  c=${c//dotnet run --project src\/ActorParallel.Cli -c Release --/actorparallel}
  c=${c//127.0.0.1:4053/127.0.0.1:$port}
  c=$(sed -E "s#(cluster\.sh up [0-9]+)( [0-9]+)?#\1 $port#" <<<"$c")
  if [[ $c =~ (^|[[:space:]])actorparallel[[:space:]]+sweep[[:space:]] ]]; then
    c=$(sed -E 's/ (--repeats|-r|--size|-s) [^ ]+//g; s/(actorparallel +sweep)/\1 --repeats 2 --size 50000/' <<<"$c")
  fi
  printf '%s' "$c"
}

# Why a line is never run, or nothing.
never_run() {
  case $1 in
    "dotnet test"*) echo "the test suite itself: CI runs it" ;;
    "scripts/install-tool.sh"*) echo "packs and installs a global tool (~30 s); the examples run the same program as actorparallel" ;;
  esac
}

# Does the output hold the expected lines in order? `...` alone: any lines; `...` in a line: any text.
matches() {
  local out=$1 expected=$2 pattern
  local -a lines
  mapfile -t lines <"$out"
  local i=0
  while IFS= read -r want; do
    [ "$want" = "..." ] && continue
    pattern=$(printf '%s' "$want" | sed -E 's/[][\.*^$+?(){}|/]/\\&/g; s/\\\.\\\.\\\./.*/g')
    while [ $i -lt ${#lines[@]} ] && ! [[ ${lines[$i]} =~ ^${pattern}$ ]]; do i=$((i + 1)); done
    [ $i -lt ${#lines[@]} ] || { echo "missing line: $want"; return 1; }
    i=$((i + 1))
  done <"$expected"
}

# run LINE COMMAND EXPECT(0|nonzero) [EXPECTED-OUTPUT-FILE]
run() {
  local at=$1 shown=$2 expect=$3 expected=${4:-} cmd out start code why=""
  cmd=$(substitute "$shown")
  out=$scratch/out.txt
  start=$SECONDS
  (cd "$work" && timeout -k 5 "$limit" bash -c "(exit $last); $cmd") >"$out" 2>&1
  code=$?
  last=$code
  if [ $code -eq 124 ] || [ $code -eq 137 ]; then why="timed out after $limit s"
  elif [ "$expect" = 0 ] && [ $code -ne 0 ]; then why="exit $code, expected 0"
  elif [ "$expect" = nonzero ] && [ $code -eq 0 ]; then why="exit 0, expected an error"
  elif [ -n "$expected" ] && ! why=$(matches "$out" "$expected"); then :
  else why=""; fi
  if [ -z "$why" ]; then
    passed=$((passed + 1))
    printf 'pass  %s:%s  %s  (%ss)\n' "$name" "$at" "$shown" $((SECONDS - start))
  else
    failed=$((failed + 1))
    printf 'FAIL  %s:%s  %s  (%s)\n' "$name" "$at" "$shown" "$why"
    [ "$cmd" != "$shown" ] && printf '      ran: %s\n' "$cmd"
    tail -n 15 "$out" | sed 's/^/      | /'
  fi
}

skip() {
  skipped=$((skipped + 1))
  printf 'skip  %s:%s  %s  (%s)\n' "$name" "$1" "$2" "$3"
}

# A pending console command: its line, its text, and the output shown after it.
pending_at="" pending_cmd="" expected=$scratch/expected.txt
flush_console() {
  [ -n "$pending_cmd" ] || return 0
  local expect=0 file
  grep -q '^error:' "$expected" && expect=nonzero
  if [[ $pending_cmd =~ ^cat\ ([^ ]+)$ ]]; then
    file=${BASH_REMATCH[1]}
    [ -e "$work/$file" ] || cp "$expected" "$work/$file"
  fi
  if [ -n "$skip_reason" ]; then skip "$pending_at" "$pending_cmd" "$skip_reason"
  else run "$pending_at" "$pending_cmd" "$expect" "$expected"; fi
  pending_cmd=""
}

echo "readme-examples: $readme; actorparallel = $cli; cluster port $port; at most $limit s each"
lineno=0 lang="" skip_reason="" marker=""
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  if [ -z "$lang" ]; then
    if [[ $line =~ ^\`\`\`(bash|sh|console)[[:space:]]*$ ]]; then
      lang=${BASH_REMATCH[1]}; skip_reason=$marker
    elif [[ $line =~ ^\`\`\` ]]; then
      lang=other; skip_reason=""
    elif [[ $line =~ ^\<\!--\ readme-examples:\ skip:\ (.*)\ --\>$ ]]; then
      marker=${BASH_REMATCH[1]}
    elif [ -n "$line" ]; then
      marker=""
    fi
    continue
  fi
  if [[ $line =~ ^\`\`\`[[:space:]]*$ ]]; then
    [ "$lang" = console ] && flush_console
    lang="" marker=""
    continue
  fi
  case $lang in
    bash|sh)
      trimmed=${line#"${line%%[![:space:]]*}"}
      [ -z "$trimmed" ] || [[ $trimmed == \#* ]] && continue
      if [ -n "$skip_reason" ]; then skip "$lineno" "$trimmed" "$skip_reason"
      elif why=$(never_run "$trimmed") && [ -n "$why" ]; then skip "$lineno" "$trimmed" "$why"
      else run "$lineno" "$trimmed" 0; fi
      ;;
    console)
      if [[ $line == '$ '* ]]; then
        flush_console
        pending_at=$lineno pending_cmd=${line#'$ '}
        : >"$expected"
      elif [ -n "$pending_cmd" ]; then
        printf '%s\n' "$line" >>"$expected"
      fi
      ;;
  esac
done <"$readme"

echo "readme-examples: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
