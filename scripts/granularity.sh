#!/usr/bin/env bash
# Granularity on the lab: pi of 20 M samples split into 2 to 524,288 tasks at W = 2, with the lab's batching and with
# --batch-time 0 (one task a message). Prints the efficiency (serial / (2 x actors' time)), task length and messages.
#   scripts/granularity.sh        (about a minute on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
B=src/ActorParallel.Cli/bin/Release/net10.0/ActorParallel.Cli
[ -x "$B" ] || dotnet build src/ActorParallel.Cli -c Release -v quiet -nologo >/dev/null
for bt in default 0; do
  for t in 2 8 32 128 1024 8192 65536 524288; do
    extra=(); [ "$bt" = 0 ] && extra=(--batch-time 0)
    "$B" run pi --size 20000000 --tasks "$t" --workers 2 --no-tpl --json "${extra[@]}" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin); m = r["metrics"]
e = r["serial_ms"] / (2 * r["wall_ms"])
print("batch=%s tasks=%d serial %.0f ms actors %.0f ms efficiency %.2f task %.1f us messages %d" % (sys.argv[1], r["parameters"]["tasks"], r["serial_ms"], r["wall_ms"], e, r["serial_ms"] * 1000 / r["parameters"]["tasks"], m["messages"]))' "$bt"
  done
done
