"""Root conftest: makes tests/harness importable as `harness` and loads it as a
pytest plugin (markers, fixtures hz_cluster, hz_cluster3, cluster_factory, member log
tails on failures). See docs/testing.md."""

from __future__ import annotations

import os
import sys

_TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

pytest_plugins = ["harness.plugin"]
