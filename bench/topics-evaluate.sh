#!/usr/bin/env bash
# Topic suggestion and near-duplicates (issue 7), Qala side by side with scikit-learn's LinearSVC on the same file:
# 5-fold cross-validation grouped by normalised text and plain stratified (docs/benchmarks.md, "Topics").
# Needs: apt-get install -y python3-sklearn. Data: QALA_APPEALS (default the shared Saint Petersburg appeals).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${QALA_APPEALS:-/work/shared/data/appeals-spb/appeals.csv}
echo "load before: $(uptime)"
dotnet build -c Release src/Qala.Web -v quiet -nologo
dotnet build -c Release bench/Qala.Bench -v quiet -nologo
qala() { dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll topics-evaluate --data "$data" --folds 5 "$@" | tr -d ' \n'; echo; }
echo "Qala grouped:    $(qala --grouped)"
echo "Qala stratified: $(qala)"
echo "Qala trained on the whole file, classifying it again: $(dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll topics-evaluate --train "$data" --test "$data" | tr -d ' \n')"
/usr/bin/python3 bench/topics_sklearn.py "$data"
/usr/bin/python3 bench/topics_sklearn.py "$data" --class-weight-power 0.3
dotnet bench/Qala.Bench/bin/Release/net10.0/Qala.Bench.dll duplicates "$data" text
echo "load after: $(uptime)"
