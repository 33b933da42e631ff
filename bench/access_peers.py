#!/usr/bin/python3
"""The Python half of the walking-distance benchmark: Debian's scipy, igraph and networkx on the graphs, facilities
and demand that bench/Qala.Bench wrote ("peers FOLDER"), timed the same way (median of repeated runs, graph
construction not counted), with every answer checked against Qala's to 1 mm.

Run with Debian's interpreter:  /usr/bin/python3 bench/access_peers.py FOLDER
"""
import json
import os
import sys
import time

import igraph
import networkx
import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

TOLERANCE = 1e-3  # metres


def load(folder, name, dtype):
    return np.fromfile(os.path.join(folder, name), dtype=dtype)


def graph(folder, name):
    first = load(folder, f"{name}_first.i32", np.int32)
    targets = load(folder, f"{name}_targets.i32", np.int32)
    lengths = load(folder, f"{name}_lengths.f64", np.float64)
    n = len(first) - 1
    return n, first, targets, lengths, csr_matrix((lengths, targets, first), shape=(n, n))


def median_ms(repeats, work):
    work()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


def agree(name, expected, actual):
    finite = np.isfinite(expected)
    if not np.array_equal(finite, np.isfinite(actual)):
        raise SystemExit(f"{name}: reachable nodes differ ({finite.sum()} vs {np.isfinite(actual).sum()})")
    worst = float(np.max(np.abs(expected[finite] - actual[finite]))) if finite.any() else 0.0
    if worst > TOLERANCE:
        raise SystemExit(f"{name}: distances differ by up to {worst} m")
    return worst


def main(folder):
    qala = json.load(open(os.path.join(folder, "qala.json")))
    n, first, targets, lengths, matrix = graph(folder, "porto")
    facilities = load(folder, "porto_facilities.i32", np.int32)
    within_1000 = load(folder, "nearest_1000.f64", np.float64)
    unlimited = load(folder, "nearest_unlimited.f64", np.float64)
    rows = {}

    # scipy: one multi-source search, min_only, with and without the limit.
    scipy_1000 = dijkstra(matrix, directed=True, indices=facilities, min_only=True, limit=1000)
    scipy_all = dijkstra(matrix, directed=True, indices=facilities, min_only=True)
    rows["scipy"] = {
        "nearest_1000_ms": median_ms(5, lambda: dijkstra(matrix, directed=True, indices=facilities, min_only=True, limit=1000)),
        "nearest_unlimited_ms": median_ms(5, lambda: dijkstra(matrix, directed=True, indices=facilities, min_only=True)),
        "max_difference_m": max(agree("scipy 1000 m", within_1000, scipy_1000), agree("scipy", unlimited, scipy_all)),
    }

    # igraph: a super-source joined to every facility by zero-length edges; igraph has no search limit, so the
    # 1000 m answer is the unlimited search cut at 1000 m.
    sources = np.repeat(np.arange(n, dtype=np.int64), np.diff(first))
    keep = sources < targets
    edges = list(zip(sources[keep].tolist(), targets[keep].tolist()))
    weights = lengths[keep].tolist()
    edges += [(n, int(f)) for f in facilities]
    weights += [0.0] * len(facilities)
    g = igraph.Graph(n=n + 1, edges=edges, directed=False)
    g.es["w"] = weights

    def igraph_search():
        return np.array(g.distances(source=[n], weights="w")[0][:n], dtype=np.float64)

    igraph_all = igraph_search()
    igraph_1000 = np.where(igraph_all <= 1000, igraph_all, np.inf)
    igraph_ms = median_ms(3, igraph_search)
    rows["igraph"] = {
        "nearest_1000_ms": igraph_ms,
        "nearest_unlimited_ms": igraph_ms,
        "max_difference_m": max(agree("igraph 1000 m", within_1000, igraph_1000), agree("igraph", unlimited, igraph_all)),
    }

    # networkx: multi_source_dijkstra_path_length with and without a cutoff.
    nx = networkx.Graph()
    nx.add_weighted_edges_from(zip(sources[keep].tolist(), targets[keep].tolist(), lengths[keep].tolist()))
    nx.add_nodes_from(range(n))
    seeds = set(int(f) for f in facilities)

    def networkx_search(cutoff):
        found = networkx.multi_source_dijkstra_path_length(nx, seeds, cutoff=cutoff, weight="weight")
        result = np.full(n, np.inf)
        result[list(found.keys())] = list(found.values())
        return result

    rows["networkx"] = {
        "nearest_1000_ms": median_ms(1, lambda: networkx_search(1000)),
        "nearest_unlimited_ms": median_ms(1, lambda: networkx_search(None)),
        "max_difference_m": max(agree("networkx 1000 m", within_1000, networkx_search(1000)), agree("networkx", unlimited, networkx_search(None))),
    }

    # 2SFCA on Porto Alegre with scipy: searches from every school hexagon limited to 750 m, then two matrix products.
    _, _, _, _, alegre = graph(folder, "porto_alegre")
    demand_node = load(folder, "hex_demand_node.i32", np.int32)
    population = load(folder, "hex_population.f64", np.float64)
    school_node = load(folder, "hex_school_node.i32", np.int32)
    capacity = load(folder, "hex_school_capacity.f64", np.float64)
    qala_access = load(folder, "two_step_access.f64", np.float64)

    def two_step():
        d = dijkstra(alegre, directed=True, indices=school_node, limit=750)[:, demand_node]
        reach = d <= 750
        weighted = reach @ population
        ratio = np.divide(capacity, weighted, out=np.zeros_like(capacity), where=weighted > 0)
        return reach.T @ ratio

    access = two_step()
    worst_access = float(np.max(np.abs(access - qala_access)))
    if worst_access > 1e-9:
        raise SystemExit(f"2SFCA access differs by up to {worst_access}")
    rows["scipy"]["two_step_ms"] = median_ms(5, two_step)
    rows["scipy"]["two_step_max_difference"] = worst_access

    # Sum within 500 m: checked on 100 nodes with scipy (a full run would need a 304,121² matrix).
    sums = load(folder, "radius_sum_500.f64", np.float64)
    sample = np.linspace(0, n - 1, 100).astype(np.int32)
    reach = dijkstra(matrix, directed=True, indices=sample, limit=500)
    expected = np.isfinite(reach).sum(axis=1).astype(np.float64)
    if not np.array_equal(expected, sums[sample]):
        raise SystemExit("sum within 500 m differs from scipy on the sample")

    print(f"scipy {scipy.__version__}, igraph {igraph.__version__}, networkx {networkx.__version__}, numpy {np.__version__}")
    print(f"{'':10} {'1000 m':>10} {'no limit':>10} {'2SFCA':>8} {'max diff':>9}")
    print(f"{'qala':10} {qala['nearest_1000_ms']:10.1f} {qala['nearest_unlimited_ms']:10.1f} {qala['two_step_ms']:8.1f} {'':>9}")
    for name, row in rows.items():
        two = f"{row['two_step_ms']:8.1f}" if "two_step_ms" in row else f"{'':>8}"
        print(f"{name:10} {row['nearest_1000_ms']:10.1f} {row['nearest_unlimited_ms']:10.1f} {two} {row['max_difference_m']:9.1e}")
    print("speed-up of qala:")
    for name, row in rows.items():
        line = f"  over {name}: {row['nearest_1000_ms'] / qala['nearest_1000_ms']:.1f}x (1000 m), " \
               f"{row['nearest_unlimited_ms'] / qala['nearest_unlimited_ms']:.1f}x (no limit)"
        if "two_step_ms" in row:
            line += f", {row['two_step_ms'] / qala['two_step_ms']:.1f}x (2SFCA)"
        print(line)
    print("sum within 500 m: equal to scipy on 100 sampled nodes")


if __name__ == "__main__":
    main(sys.argv[1])
