"""Runs every microbenchmark once per implementation of the hot paths.

The ``impl`` fixture rebinds the selected classes (``_ObjectDataInput``,
``_ObjectDataOutput``, ``FrameReader``) in every loaded ``hazelcast``
module to the pure or the compiled twin, and hands the benchmark the
twin modules, so pure and compiled are measured in one process.
"""

from __future__ import annotations

import gc
import importlib
import sys
import types

import pytest

# hot path -> (pure module, compiled module, names the selector exports)
HOT_PATHS = {
    "murmur3": ("hazelcast._speedups._murmur3_py", "hazelcast._speedups._murmur3_c", ()),
    "frame_reader": ("hazelcast._speedups._frame_reader_py", "hazelcast._speedups._frame_reader_c", ("FrameReader",)),
    "data_input": ("hazelcast._speedups._data_input_py", "hazelcast._speedups._data_input_c", ("_ObjectDataInput",)),
    "data_output": ("hazelcast._speedups._data_output_py", "hazelcast._speedups._data_output_c", ("_ObjectDataOutput",)),
    "entry_lists": ("hazelcast._speedups._entry_lists_py", "hazelcast._speedups._entry_lists_c", ()),
}
_SELECTORS = ("hazelcast.serialization.input", "hazelcast.serialization.output", "hazelcast.protocol.frame_reader")


def _load(kind: str) -> types.SimpleNamespace:
    modules = {}
    for hot_path, (pure, compiled, _) in HOT_PATHS.items():
        try:
            modules[hot_path] = importlib.import_module(pure if kind == "pure" else compiled)
        except ImportError:
            pytest.skip("the compiled %s module is not built" % hot_path)
    return types.SimpleNamespace(kind=kind, **modules)


@pytest.fixture(params=["pure", "compiled"])
def impl(request):
    """The twin modules of one implementation, bound where the client uses them."""
    # the client modules the benchmarks touch, loaded before rebinding
    import hazelcast.protocol.codec.map_put_codec  # noqa: F401
    import hazelcast.serialization.service  # noqa: F401

    chosen = _load(request.param)
    saved = []
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("hazelcast.") or name in _SELECTORS:
            continue
        if name.startswith("hazelcast._speedups"):
            continue
        for hot_path, (_, _, names) in HOT_PATHS.items():
            for attr in names:
                if attr in vars(module):
                    saved.append((module, attr, getattr(module, attr)))
                    setattr(module, attr, getattr(getattr(chosen, hot_path), attr))
    # garbage left by the previous benchmark must not be collected in this one
    gc.collect()
    try:
        yield chosen
    finally:
        for module, attr, value in reversed(saved):
            setattr(module, attr, value)
