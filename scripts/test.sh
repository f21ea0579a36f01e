#!/usr/bin/env bash
# The test command (README, .ci/run): native BLAS if it can be had, then every test with Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/native-blas.sh"
cd "$root"
exec mvn -B verify "$@"
