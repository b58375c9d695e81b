#!/usr/bin/env bash
# Store benchmark (issue 3; not part of `verify`): builds an N-message store from a real corpus,
# side by side with the sqlite3 shell inserting the same raw messages, and prints import rate,
# size on disk, heap use, search p50/p99 over 20 queries and "newest 200" latency.
# Usage: mailstore/bench/run.sh [CORPUS.mbox] [N] [WORK-DIR] [measure-only]
#   measure-only: measure search and newest-200 again on the store already built in WORK-DIR
# Needs: sqlite3 (Debian: apt-get install -y sqlite3). The work directory gets ~2x the raw size.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="${1:-$root/../shared/corpus/spamassassin/spamassassin.mbox}"
count="${2:-100000}"
work="${3:-$(mktemp -d)}"
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing (apt-get install -y sqlite3)" >&2; exit 1; }
[ -f "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 1; }
cd "$root"
./mvnw -q -B -o test-compile -pl mailstore -am
./mvnw -q -B -o dependency:build-classpath -pl mailstore -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="$root/mailstore/target/test-classes:$root/mailstore/target/classes:$root/crypto/target/classes:$(cat "$work/classpath.txt")"
echo "bench: work directory $work; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
java -Xmx${BENCH_HEAP:-1g} -cp "$cp" org.sealmail.mailstore.bench.StoreBenchmark "$corpus" "$count" "$work" ${4:-}
echo "bench: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${3:-}" ] || rm -rf "$work"
