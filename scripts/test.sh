#!/usr/bin/env bash
# The test command (README, .ci/run): native BLAS if it can be had, every test with Maven, then a real standalone
# cluster on 127.0.0.1 (scripts/cluster-test.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/native-blas.sh"
cd "$root"
mvn -B verify "$@"
exec "$root/scripts/cluster-test.sh"
