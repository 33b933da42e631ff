#!/usr/bin/env bash
# Walking-distance access, Qala side by side with Debian's scipy, igraph and networkx on the same graphs and inputs
# (docs/benchmarks.md). Needs: apt-get install -y python3-scipy python3-igraph python3-networkx
# and the shared extracts in QALA_OSM_DATA (default /work/shared/data/osm).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d -t qala-peers.XXXXXX)
trap 'rm -rf "$out"' EXIT
dotnet run -c Release --project bench/Qala.Bench -- peers "$out"
/usr/bin/python3 bench/access_peers.py "$out"
