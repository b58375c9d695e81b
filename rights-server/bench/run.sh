#!/usr/bin/env bash
# Benchmark (not a test): use licenses issued per second with N concurrent HTTPS clients, p50/p99,
# beside GET /api/v1/health of the same server (the HTTP floor).
#   rights-server/bench/run.sh [CLIENTS=8] [SECONDS=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-8}
seconds=${2:-15}
./mvnw -B -q -o test-compile -pl rights-server -am
./mvnw -B -q -o dependency:build-classpath -pl rights-server -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp=$(cat rights-server/target/bench.classpath):rights-server/target/classes:rights-server/target/test-classes:crypto/target/classes:crypto/target/test-classes
exec java -cp "$cp" -Drights.test.log=rights-server/target/bench.log org.sealmail.rights.bench.UseLicenseBench "$clients" "$seconds"
