#!/usr/bin/env bash
# The tabular benchmark's public data sets (scripts/bench.sh tabular), files of Debian packages: scikit-learn's
# breast cancer CSV (python3-sklearn) and Weka's diabetes and ionosphere ARFF examples (weka). Installs the
# packages of missing files when this user can (root with apt-get); otherwise says how and carries on: the
# benchmark reports a data set whose file is missing as not run.
set -euo pipefail
declare -A package_of=(
  [/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv]=python3-sklearn
  [/usr/share/doc/weka/examples/diabetes.arff]=weka
  [/usr/share/doc/weka/examples/ionosphere.arff]=weka
)
missing=()
for file in "${!package_of[@]}"; do
  if [[ ! -r "$file" && ! " ${missing[*]} " =~ " ${package_of[$file]} " ]]; then
    missing+=("${package_of[$file]}")
  fi
done
if (( ${#missing[@]} == 0 )); then
  exit 0
fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "tabular-data: installing ${missing[*]} (Debian) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; }; then
    echo "tabular-data: the install failed; the data sets without their file are not run" >&2
    exit 0
  fi
  for file in "${!package_of[@]}"; do
    if [[ ! -r "$file" ]]; then
      # Docker's slim images drop /usr/share/doc (a dpkg path-exclude), where weka keeps its examples
      echo "tabular-data: still missing after the install: $file (a path-exclude in /etc/dpkg/dpkg.cfg.d?)" >&2
    fi
  done
else
  echo "tabular-data: for every data set of the tabular benchmark run: sudo apt-get install ${missing[*]}" >&2
fi
