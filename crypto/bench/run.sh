#!/usr/bin/env bash
# S/MIME benchmark: Sealmail vs openssl cms, plus openssl speed (see SmimeBench's Javadoc).
# Not part of `verify`. Usage: crypto/bench/run.sh   (from anywhere; needs openssl on the PATH)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B -o -pl crypto test-compile
cp_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$work"' EXIT
./mvnw -q -B -o -pl crypto dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -Xmx1g -cp "crypto/target/test-classes:crypto/target/classes:$(cat "$cp_file")" \
  org.sealmail.crypto.smime.bench.SmimeBench "$work"
