#!/usr/bin/env bash
# The main job of the README: the course's week-4 L-layer cat classifier ([12288,20,7,5,1], ReLU x3 + sigmoid,
# course-deep init with seed 1, learning rate 0.0075, 2500 iterations) trained on data-samples/ in Spark local
# mode. Prints the course's cost lines and the train/test accuracy; writes target/example-cat-deep/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/native-blas.sh"
cd "$root"
exec scripts/spark-dnn train \
  --train data-samples/catvnoncat/train.csv.gz --test data-samples/catvnoncat/test.csv.gz --scale 255 \
  --layers 12288,20,7,5,1 --activations relu,relu,relu,sigmoid \
  --learning-rate 0.0075 --iterations 2500 --init course-deep --seed 1 \
  --output target/example-cat-deep --overwrite "$@"
