#!/usr/bin/env bash
# The test command (README, .ci/run): native BLAS if it can be had, every test with Maven, then a real standalone
# cluster on 127.0.0.1 (scripts/cluster-test.sh).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
"$root/scripts/native-blas.sh"
cd "$root"
# verify packages both jars; the classpath goal too, so that the cluster test finds all three fresh, builds nothing
mvn -B verify "${classpath_goal[@]}" "$@"
exec "$root/scripts/cluster-test.sh"
