#!/usr/bin/env python3
"""scikit-learn's side of spark-dnn's tabular benchmark (scripts/bench.sh tabular runs it once per model and data
set, in a fresh process, as spark-dnn's runs get a fresh JVM).

Reads the same split files as spark-dnn (label in column 0, then the features; written by the Java harness under
target/bench/tabular/data), fits a StandardScaler followed by --model on the training file:

* mlp: MLPClassifier(hidden_layer_sizes=(16,), activation='relu', solver='adam', max_iter=--max-iter,
  random_state=--seed), the rest scikit-learn's defaults (alpha 1e-4, batch_size min(200, m), learning rate 1e-3,
  stopping when the training loss improves by less than tol for 10 epochs);
* logistic: LogisticRegression(max_iter=--max-iter, random_state=--seed), the rest the defaults (L2, C = 1, lbfgs);

then writes as JSON to --output the test ROC AUC, accuracy (predicted 1 where the probability exceeds 0.5, as
spark-dnn does), log-loss, the seconds of fitting, the iterations run and scikit-learn's version. The project
never needs Python to build, run or test.
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True, help="training CSV, label first")
    parser.add_argument("--test", required=True, help="test CSV, label first")
    parser.add_argument("--model", required=True, choices=["mlp", "logistic"])
    parser.add_argument("--seed", type=int, required=True, help="random_state")
    parser.add_argument("--max-iter", type=int, required=True, help="max_iter (epochs for the MLP)")
    parser.add_argument("--output", required=True, help="JSON results")
    return parser.parse_args()


def load(path):
    """(X (m, n), y (m,)) of a spark-dnn CSV: the label in column 0."""
    data = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
    return data[:, 1:], data[:, 0].astype(int)


def estimator(args):
    if args.model == "mlp":
        return MLPClassifier(hidden_layer_sizes=(16,), activation="relu", solver="adam", max_iter=args.max_iter,
                             random_state=args.seed)
    return LogisticRegression(max_iter=args.max_iter, random_state=args.seed)


def main():
    args = parse_args()
    X_train, y_train = load(args.train)
    X_test, y_test = load(args.test)
    model = estimator(args)
    pipeline = make_pipeline(StandardScaler(), model)
    start = time.perf_counter()
    pipeline.fit(X_train, y_train)
    fit_seconds = time.perf_counter() - start
    probability = pipeline.predict_proba(X_test)[:, 1]
    results = {
        "sklearn": sklearn.__version__,
        "estimator": "StandardScaler + " + repr(model),
        "iterations": int(np.max(model.n_iter_)),
        "fit_seconds": fit_seconds,
        "test": {
            "roc_auc": roc_auc_score(y_test, probability),
            "accuracy": accuracy_score(y_test, (probability > 0.5).astype(int)),
            "log_loss": log_loss(y_test, probability, labels=[0, 1]),
            "m": int(len(y_test)),
        },
    }
    with open(args.output, "w") as out:
        json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
