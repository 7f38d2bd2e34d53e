#!/usr/bin/env bash
# The benchmark's one command (docs/benchmarks.md): builds this module against the installed app artifact, then runs
# the orchestrator, which starts each server and the load generator as separate processes.
#   bench/run.sh                 # full run: ours, raw Jetty, Node ws (when present); steady, peak, slow, flood, storm
#   bench/run.sh --smoke         # a few seconds, 20 rooms x 6
#   bench/run.sh --targets ours --scenarios steady --jfr
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    v=$("$j/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    if [ "${v:-0}" -ge 21 ]; then export JAVA_HOME=${j%/}; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -f pom.xml package -DskipTests >&2
fi
exec "$JAVA_HOME/bin/java" -Xmx256m -cp "target/classes:$(cat target/bench.classpath)" \
  -Dbench.outDir=target/results -Dbench.nodeDir=node -Dbench.patchesDir=patches \
  org.balintcompanion.bench.Bench "$@"
