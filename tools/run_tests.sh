#!/usr/bin/env bash
# Sets up what is missing (tools/setup.sh: the virtual environment .venv, the compiled
# speedups, PyPy's environment, the member jars), type-checks the package (mypy,
# configured in pyproject.toml; the suite's tests/unit/test_typed_examples.py runs mypy
# and pyright over user-style typed examples and known-mistake files), builds the docs
# (Sphinx, warnings as errors), then runs the whole suite with the compiled speedups
# and with pure Python (HAZELCAST_NO_SPEEDUPS=1, the slow member-death tests only where
# named below), and under PyPy the unit tests and the integration tests named below.
# Any failure fails the run.
#
# Extra arguments go to pytest. HZ_SKIP_SETUP=1 skips the set-up step; PYTHON
# chooses the CPython that runs the tests (default the virtual environment's).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${HZ_SKIP_SETUP:-}" != 1 ]; then
    bash tools/setup.sh || { echo "set-up failed" >&2; exit 1; }
fi

PYTHON="${PYTHON:-${HZ_VENV:-.venv}/bin/python}"
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
run "Docs (Sphinx, warnings as errors)" \
    "$PYTHON" -m sphinx -q -W --keep-going -b html docs build/docs
run "CPython, compiled speedups" \
    env HAZELCAST_REQUIRE_SPEEDUPS=1 "$PYTHON" -m pytest -q tests "$@"
run "CPython, pure Python (HAZELCAST_NO_SPEEDUPS=1)" \
    env HAZELCAST_NO_SPEEDUPS=1 "$PYTHON" -m pytest -q tests -m "not slow" "$@"
run "PyPy: unit tests, and the client (threaded and asyncio), Map, SQL, CP and Java-interop tests against members" \
    "$PYPY" -m pytest -q tests/unit tests/integration/test_client.py tests/integration/test_map.py \
    tests/integration/test_asyncio_client.py tests/integration/test_callback_safety.py \
    tests/integration/test_serialization_java.py tests/integration/test_sql.py tests/integration/test_cp.py \
    -m "not slow" "$@"
# The PN counter, flake ids, executor and transactions, their member deaths included,
# under PyPy, and the member deaths in pure Python too (the pure run above leaves the
# slow tests out).
ISSUE11_TESTS=(tests/integration/test_pn_counter.py tests/integration/test_flake_id_generator.py
               tests/integration/test_executor.py tests/integration/test_transactions.py
               tests/integration/test_transactions_mid_commit.py tests/integration/test_issue11_every_method.py)
run "PyPy: PN counter, flake ids, executor, transactions" \
    "$PYPY" -m pytest -q "${ISSUE11_TESTS[@]}" "$@"
run "CPython, pure Python: their member deaths" \
    env HAZELCAST_NO_SPEEDUPS=1 "$PYTHON" -m pytest -q "${ISSUE11_TESTS[@]}" -m slow "$@"

exit $status
