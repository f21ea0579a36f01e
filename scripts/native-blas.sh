#!/usr/bin/env bash
# Makes native BLAS (Debian's OpenBLAS, libopenblas0-pthread) available to dev.ludovic.netlib, which loads
# libblas.so.3. Installs it when missing and this user can (root with apt-get); otherwise says how and carries on:
# spark-dnn then uses netlib's Java BLAS, 2-4x slower but identical in results up to rounding.
set -euo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libopenblas.*\.so'; then
  exit 0
fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "native-blas: installing libopenblas0-pthread (Debian) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >&2 && apt-get install -y -qq libopenblas0-pthread >&2; then
    exit 0
  fi
  echo "native-blas: the install failed; continuing with Java BLAS" >&2
else
  echo "native-blas: OpenBLAS not found; for 2-4x faster training run: sudo apt-get install libopenblas0-pthread" >&2
fi
