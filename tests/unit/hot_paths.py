"""The hot paths and their two implementations, for tests that run against both.

Kept out of conftest.py so that test modules can import it by name: several
conftest modules share that name.
"""

from __future__ import annotations

import importlib
import platform

import pytest

# hot path -> (pure module, compiled module)
HOT_PATH_MODULES = {
    "murmur3": ("hazelcast._speedups._murmur3_py", "hazelcast._speedups._murmur3_c"),
    "frame_reader": ("hazelcast._speedups._frame_reader_py", "hazelcast._speedups._frame_reader_c"),
    "data_input": ("hazelcast._speedups._data_input_py", "hazelcast._speedups._data_input_c"),
    "data_output": ("hazelcast._speedups._data_output_py", "hazelcast._speedups._data_output_c"),
    "pickle_scan": ("hazelcast._speedups._pickle_scan_py", "hazelcast._speedups._pickle_scan_c"),
    "entry_lists": ("hazelcast._speedups._entry_lists_py", "hazelcast._speedups._entry_lists_c"),
}

# Compiled twins exist only for CPython; elsewhere there is one implementation.
IMPLEMENTATION_KINDS = ["pure", "compiled"] if platform.python_implementation() == "CPython" else ["pure"]


def load_implementation(hot_path: str, kind: str):
    pure, compiled = HOT_PATH_MODULES[hot_path]
    if kind == "pure":
        return importlib.import_module(pure)
    try:
        return importlib.import_module(compiled)
    except ImportError:
        if platform.python_implementation() != "CPython":
            pytest.skip("no compiled %s module on %s: the speedups are built for CPython only"
                        % (hot_path, platform.python_implementation()))
        pytest.skip("the compiled %s module is not built" % hot_path)
