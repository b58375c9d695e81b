#!/usr/bin/env bash
# Benchmark (not a test): use licenses issued per second with N concurrent HTTPS clients, p50/p99,
# beside GET /api/v1/health of the same server (the HTTP floor).
#   rights-server/bench/run.sh [CLIENTS=8] [SECONDS=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-8}
seconds=${2:-15}
# the reactor resolves sealmail-crypto to crypto/target/classes (never a stale copy from ~/.m2)
./mvnw -B -q -o test-compile dependency:build-classpath -pl rights-server -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp=rights-server/target/test-classes:rights-server/target/classes:$(cat rights-server/target/bench.classpath)
exec java -cp "$cp" -Drights.test.log=rights-server/target/bench.log org.sealmail.rights.bench.UseLicenseBench "$clients" "$seconds"
