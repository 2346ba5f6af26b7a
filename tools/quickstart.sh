#!/usr/bin/env bash
# Sets up what the quickstart needs and is missing (tools/setup.sh --quickstart: the
# virtual environment .venv, the compiled speedups, the member jar), then runs
# examples/quickstart.py, which starts a local one-member cluster, uses a Map and
# stops the member again.
#
#   bash tools/quickstart.sh            the threaded client
#   bash tools/quickstart.sh --asyncio  the asyncio client (examples/asyncio_quickstart.py)
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLE=examples/quickstart.py
case "${1:-}" in
    "") ;;
    --asyncio) EXAMPLE=examples/asyncio_quickstart.py ;;
    *) echo "usage: bash tools/quickstart.sh [--asyncio]" >&2; exit 2 ;;
esac

bash tools/setup.sh --quickstart
exec "${HZ_VENV:-.venv}/bin/python" "$EXAMPLE"
