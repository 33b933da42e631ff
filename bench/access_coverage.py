#!/usr/bin/python3
"""An independent implementation of access-coverage's rules with pyosmium and scipy, to check Qala's verb:

    /usr/bin/python3 bench/access_coverage.py FILE.osm.pbf school,kindergarten 500

prints {"buildings": n, "covered": n, "share": ...} computed without any of Qala's code.
"""
import json
import math
import sys

import numpy as np
import osmium
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

WALKABLE = {"footway", "path", "pedestrian", "steps", "living_street", "residential", "service", "unclassified",
            "track", "cycleway", "road", "corridor", "trunk", "trunk_link", "primary", "primary_link", "secondary",
            "secondary_link", "tertiary", "tertiary_link"}
RADIUS = 6_371_008.8


class Extract(osmium.SimpleHandler):
    def __init__(self, amenities):
        super().__init__()
        self.amenities = amenities
        self.walk_ways, self.buildings, self.amenity_points = [], [], []

    def node(self, n):
        if n.tags.get("amenity") in self.amenities:
            self.amenity_points.append((n.location.lat, n.location.lon))

    def way(self, w):
        tags = w.tags
        points = [(n.lat, n.lon) for n in w.nodes if n.location.valid()]
        ids = [n.ref for n in w.nodes if n.location.valid()]
        if (tags.get("highway") in WALKABLE and tags.get("foot") != "no"
                and tags.get("access") not in ("private", "no") and tags.get("area") != "yes"):
            self.walk_ways.append((ids, points))
        if "building" in tags and tags.get("building") != "no" and points:
            self.buildings.append(np.mean(points, axis=0))
        if tags.get("amenity") in self.amenities and points:
            self.amenity_points.append(tuple(np.mean(points, axis=0)))


def haversine(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * RADIUS * math.asin(min(1.0, math.sqrt(h)))


def unit(points):
    lat = np.radians(np.asarray(points)[:, 0])
    lon = np.radians(np.asarray(points)[:, 1])
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def main(path, amenities, radius):
    extract = Extract(set(amenities.split(",")))
    extract.apply_file(path, locations=True)
    index, coordinates, rows, cols, lengths = {}, [], [], [], []
    for ids, points in extract.walk_ways:
        for node, point in zip(ids, points):
            if node not in index:
                index[node] = len(coordinates)
                coordinates.append(point)
        for k in range(1, len(ids)):
            a, b = index[ids[k - 1]], index[ids[k]]
            if a != b:
                length = haversine(points[k - 1], points[k])
                rows += [a, b]
                cols += [b, a]
                lengths += [length, length]
    n = len(coordinates)
    # Keep the shortest of parallel segments: sort by length descending so that the last (shortest) wins.
    order = np.argsort(-np.asarray(lengths), kind="stable")
    edges = {}
    for k in order:
        edges[(rows[k], cols[k])] = lengths[k]
    keys = list(edges.keys())
    graph = coo_matrix(([edges[k] for k in keys], ([k[0] for k in keys], [k[1] for k in keys])), shape=(n, n)).tocsr()
    tree = cKDTree(unit(coordinates))
    _, amenity_nodes = tree.query(unit(extract.amenity_points))
    distance = dijkstra(graph, directed=True, indices=np.unique(amenity_nodes), min_only=True, limit=radius)
    _, building_nodes = tree.query(unit(extract.buildings))
    covered = int(np.sum(distance[building_nodes] <= radius))
    buildings = len(extract.buildings)
    print(json.dumps({"buildings": buildings, "covered": covered, "share": covered / buildings}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
