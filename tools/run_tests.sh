#!/usr/bin/env bash
# Type-checks the package (mypy, configured in pyproject.toml), then runs the whole
# suite three ways: with the compiled speedups, with pure Python
# (HAZELCAST_NO_SPEEDUPS=1), and under PyPy. Any failure fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
PYPY="${PYPY:-.cache/pypy-venv/bin/python}"
status=0

run() {
    echo
    echo "== $1"
    shift
    "$@" || status=1
}

run "Type check (mypy)" \
    "$PYTHON" -m mypy
run "CPython, compiled speedups" \
    env HAZELCAST_REQUIRE_SPEEDUPS=1 "$PYTHON" -m pytest -q tests "$@"
run "CPython, pure Python (HAZELCAST_NO_SPEEDUPS=1)" \
    env HAZELCAST_NO_SPEEDUPS=1 "$PYTHON" -m pytest -q tests -m "not slow" "$@"
run "PyPy: unit tests, and the client (threaded and asyncio), Map and Java-interop tests against members" \
    "$PYPY" -m pytest -q tests/unit tests/integration/test_client.py tests/integration/test_map.py \
    tests/integration/test_asyncio_client.py tests/integration/test_callback_safety.py \
    tests/integration/test_serialization_java.py -m "not slow" "$@"

exit $status
