"""Runs the microbenchmarks with both implementations in one process and
prints, for each, the pure and compiled times and their ratio.

Usage::

    python perf/ratios.py [extra pytest arguments, e.g. -k murmur3]

Build the compiled modules first
(``HAZELCAST_REQUIRE_SPEEDUPS=1 python setup.py build_ext --inplace``);
without them only the pure column is filled.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile

import pytest

PERF_DIR = os.path.dirname(os.path.abspath(__file__))
# short runs: the ratios are stable well before pytest-benchmark's defaults
DEFAULT_ARGS = ["--benchmark-max-time=0.25", "--benchmark-min-rounds=20", "--benchmark-warmup=on", "-q"]


def _split(name: str):
    """'bench_to_data[pure-int]' -> ('pure', 'int'); the kind is the first param."""
    match = re.match(r"(\w+)\[(pure|compiled)-?(.*)\]$", name)
    if not match:
        return None, name
    func, kind, rest = match.groups()
    return kind, rest


def main(argv) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "bench.json")
        code = pytest.main([PERF_DIR, "-c", os.path.join(PERF_DIR, "pytest.ini"), "--benchmark-json=" + report] + DEFAULT_ARGS + list(argv))
        if code not in (0, 5) or not os.path.exists(report):
            return int(code)
        with open(report) as f:
            benchmarks = json.load(f)["benchmarks"]

    rows = {}
    for bench in benchmarks:
        kind, _ = _split(bench["name"])
        group = bench.get("group") or bench["name"]
        rows.setdefault(group, {})[kind] = bench["stats"]["median"]

    width = max(len(g) for g in rows) if rows else 10
    print()
    print("%-*s  %12s  %12s  %8s" % (width, "benchmark (median)", "pure", "compiled", "speedup"))
    print("-" * (width + 40))
    for group in sorted(rows):
        pure, compiled = rows[group].get("pure"), rows[group].get("compiled")
        ratio = "%7.1fx" % (pure / compiled) if pure and compiled else "%8s" % "-"
        print("%-*s  %12s  %12s  %s" % (width, group, _fmt(pure), _fmt(compiled), ratio))
    return 0


def _fmt(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1e-3:
        return "%.2f ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.2f us" % (seconds * 1e6)
    return "%.0f ns" % (seconds * 1e9)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
