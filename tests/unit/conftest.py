"""Fixtures shared by the unit tests.

Hot paths have a pure-Python and a compiled implementation; the fixtures
below run a test once per implementation (the compiled run is skipped when
the extension was not built, which the speedups test reports separately).
"""

from __future__ import annotations

import importlib

import pytest

# hot path -> (pure module, compiled module)
HOT_PATH_MODULES = {
    "murmur3": ("hazelcast._speedups._murmur3_py", "hazelcast._speedups._murmur3_c"),
}


def load_implementation(hot_path: str, kind: str):
    pure, compiled = HOT_PATH_MODULES[hot_path]
    if kind == "pure":
        return importlib.import_module(pure)
    try:
        return importlib.import_module(compiled)
    except ImportError:
        pytest.skip("the compiled %s module is not built" % hot_path)


@pytest.fixture(params=["pure", "compiled"])
def murmur3_impl(request):
    """The murmur3 module (``murmur_hash3_x86_32``, ``hash_to_index``), once
    pure and once compiled."""
    return load_implementation("murmur3", request.param)
