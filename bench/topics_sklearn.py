"""scikit-learn's reference for Qala's topic suggestion: LinearSVC on tf-idf of character (char_wb 1-5) and word
(1-2) n-grams, 5-fold cross-validation grouped by normalised text and plain stratified, on one CSV file.

Usage: /usr/bin/python3 bench/topics_sklearn.py appeals.csv [--text text] [--label category] [--folds 5] [--seed 0]
                        [--class-weight-power 0.3]
With --class-weight-power P each class weighs (largest class / class)^P, as Qala's TopicTrainingOptions.ClassWeightPower.
Prints one JSON line per mode: accuracy, macro-F1, mean seconds to train a fold, texts classified per second.
"""
import argparse
import csv
import json
import re
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC


def normalise(text):
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


def vectorisers():
    return (TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True, min_df=2, preprocessor=normalise),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1, preprocessor=normalise))


def class_weights(labels, power):
    if power == 0:
        return None
    values, counts = np.unique(labels, return_counts=True)
    return {v: (counts.max() / c) ** power for v, c in zip(values, counts)}


def run(texts, labels, splits, power):
    truth, predicted = [], []
    train_seconds, predict_seconds, predicted_count = 0.0, 0.0, 0
    for train, test in splits:
        start = time.perf_counter()
        chars, words = vectorisers()
        x = hstack([chars.fit_transform(texts[train]), words.fit_transform(texts[train])]).tocsr()
        model = LinearSVC(C=0.5, class_weight=class_weights(labels[train], power)).fit(x, labels[train])
        train_seconds += time.perf_counter() - start
        start = time.perf_counter()
        y = model.predict(hstack([chars.transform(texts[test]), words.transform(texts[test])]).tocsr())
        predict_seconds += time.perf_counter() - start
        predicted_count += len(test)
        truth.extend(labels[test])
        predicted.extend(y)
    return {"accuracy": round(accuracy_score(truth, predicted), 4),
            "macroF1": round(f1_score(truth, predicted, average="macro"), 4),
            "trainSeconds": round(train_seconds / len(splits), 2),
            "textsPerSecond": round(predicted_count / predict_seconds)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--text", default="text")
    parser.add_argument("--label", default="category")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--class-weight-power", type=float, default=0)
    args = parser.parse_args()
    with open(args.data, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = np.array([r[args.text] for r in rows], dtype=object)
    labels = np.array([r[args.label] for r in rows], dtype=object)
    groups = np.array([normalise(t) for t in texts], dtype=object)
    grouped = list(StratifiedGroupKFold(args.folds, shuffle=True, random_state=args.seed).split(texts, labels, groups))
    plain = list(StratifiedKFold(args.folds, shuffle=True, random_state=args.seed).split(texts, labels))
    tool = "sklearn LinearSVC" + (f", class weight power {args.class_weight_power}" if args.class_weight_power else "")
    print(json.dumps({"tool": tool, "folds": "grouped", **run(texts, labels, grouped, args.class_weight_power)}), flush=True)
    print(json.dumps({"tool": tool, "folds": "stratified", **run(texts, labels, plain, args.class_weight_power)}), flush=True)


if __name__ == "__main__":
    main()
