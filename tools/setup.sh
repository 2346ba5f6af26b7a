#!/usr/bin/env bash
# Installs everything the client's tests, benchmarks and quickstart need on a fresh
# Debian machine with Python 3, Java 17 and Maven: Python test packages, the compiled
# speedups (built in place), Debian's PyPy with its own virtual environment, and the
# Hazelcast member jar from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."

HZ_VERSION="${HZ_VERSION:-5.7.0}"
PYTHON="${PYTHON:-python3}"

echo "== Python packages"
# mypy 2 no longer checks code for Python 3.9; 1.16 is the first to type a property
# whose setter takes more than its getter returns.
"$PYTHON" -m pip install -q --disable-pip-version-check \
    pytest pytest-benchmark hypothesis testcontainers PyYAML "Cython>=3.0" setuptools wheel \
    "mypy>=1.16,<2" uvloop

echo "== Compiled speedups (a failed compile is an error here)"
HAZELCAST_REQUIRE_SPEEDUPS=1 "$PYTHON" setup.py -q build_ext --inplace

echo "== PyPy"
if ! command -v pypy3 >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q pypy3
fi
if [ ! -x .cache/pypy-venv/bin/python ]; then
    mkdir -p .cache
    pypy3 -m venv .cache/pypy-venv
fi
.cache/pypy-venv/bin/python -m pip install -q --disable-pip-version-check pytest hypothesis PyYAML

echo "== Hazelcast member jar $HZ_VERSION"
# Only the jar itself is needed; its optional transitive dependencies live in
# repositories outside Maven Central.
mvn -q dependency:get -Dartifact="com.hazelcast:hazelcast:$HZ_VERSION" -Dtransitive=false

echo "== Set-up done"
