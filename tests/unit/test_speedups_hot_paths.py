"""Every hot path has two interchangeable implementations, the selector
picks the compiled one when it can, and a silent fallback is caught."""

from __future__ import annotations

import importlib
import os
import platform
import subprocess
import sys

import pytest

import hazelcast.speedups
from hazelcast._speedups import _select

from hot_paths import HOT_PATH_MODULES, load_implementation

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# hot path -> (selector module, names it exports, classes whose API must match)
EXPORTS = {
    "murmur3": ("hazelcast.hash", ["murmur_hash3_x86_32", "hash_to_index", "data_partition_id"], []),
    "frame_reader": (
        "hazelcast.protocol.frame_reader",
        ["FrameReader", "DEFAULT_MAX_MESSAGE_SIZE"],
        ["FrameReader"],
    ),
    "data_input": ("hazelcast.serialization.input", ["_ObjectDataInput"], ["_ObjectDataInput"]),
    "data_output": ("hazelcast.serialization.output", ["_ObjectDataOutput"], ["_ObjectDataOutput"]),
    "pickle_scan": ("hazelcast.serialization.pickle_scan", ["check_sizes"], []),
    "entry_lists": ("hazelcast.protocol.entry_lists", ["read_entries"], []),
}
NEW_HOT_PATHS = ["frame_reader", "data_input", "data_output", "pickle_scan", "entry_lists"]
# (selector module, twin's name): the name the selector exports it under, where the
# selector keeps the twin's name for a function with the official signature
SELECTOR_NAMES = {
    ("hazelcast.hash", "murmur_hash3_x86_32"): "murmur_hash3_x86_32_slice",
    ("hazelcast.hash", "hash_to_index"): "fast_hash_to_index",
}


# private attributes other modules reach into (the serialization service
# rewinds pooled outputs through _pos and sizes them through _buffer)
SHARED_PRIVATE = {"_pos", "_buffer", "_service"}


def _api(cls):
    return {n for n in dir(cls) if not n.startswith("_") or n in SHARED_PRIVATE}


def test_the_fixture_table_lists_every_reported_hot_path():
    assert set(HOT_PATH_MODULES) == set(hazelcast.speedups.implementations()) == set(EXPORTS)


@pytest.mark.parametrize("hot_path", sorted(EXPORTS))
def test_selector_exports_the_chosen_implementation(hot_path):
    selector, names, _ = EXPORTS[hot_path]
    module = importlib.import_module(selector)
    kind = hazelcast.speedups.implementations()[hot_path]
    impl = load_implementation(hot_path, kind)
    for name in names:
        assert getattr(module, SELECTOR_NAMES.get((selector, name), name)) is getattr(impl, name)


@pytest.mark.parametrize("hot_path", sorted(EXPORTS))
def test_compiled_twin_has_the_api_of_the_pure_twin(hot_path):
    _, names, classes = EXPORTS[hot_path]
    pure = load_implementation(hot_path, "pure")
    compiled = load_implementation(hot_path, "compiled")
    for name in names:
        assert hasattr(compiled, name)
    for name in classes:
        missing = _api(getattr(pure, name)) - _api(getattr(compiled, name))
        assert not missing, "%s.%s lacks %s" % (hot_path, name, sorted(missing))


def test_compiled_io_classes_are_the_abstract_api_types():
    from hazelcast.serialization.api import ObjectDataInput, ObjectDataOutput

    for kind in ("pure", "compiled"):
        inp = load_implementation("data_input", kind)._ObjectDataInput(b"\x00" * 4)
        out = load_implementation("data_output", kind)._ObjectDataOutput(4)
        assert isinstance(inp, ObjectDataInput) and isinstance(out, ObjectDataOutput)


def test_compiled_frame_reader_builds_messages_without_calling_init():
    # False would mean Frame/InboundMessage changed shape: correct, but slow
    assert load_implementation("frame_reader", "compiled").DIRECT_OBJECTS is True


def _run(code: str, **env_changes) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for name in ("HAZELCAST_NO_SPEEDUPS", "HAZELCAST_REQUIRE_SPEEDUPS"):
        env.pop(name, None)
    env.update(env_changes)
    env["PYTHONPATH"] = REPO_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("hot_path", NEW_HOT_PATHS)
def test_missing_compiled_module_falls_back_and_require_names_it(hot_path):
    compiled = HOT_PATH_MODULES[hot_path][1]
    code = (
        "import sys; sys.modules[%r] = None\n"
        "import hazelcast.speedups as s\n"
        "impls = s.implementations()\n"
        "assert impls[%r] == 'pure', impls\n"
        "s.require_compiled()\n"
    ) % (compiled, hot_path)
    result = _run(code, HAZELCAST_REQUIRE_SPEEDUPS="1")
    if platform.python_implementation() == "CPython":
        assert result.returncode != 0
        assert "RuntimeError" in result.stderr and hot_path in result.stderr
    else:
        assert result.returncode == 0, result.stderr


def test_required_build_has_every_hot_path_compiled():
    """Fails where a build that had to compile the speedups fell back silently
    (CI runs the suite with HAZELCAST_REQUIRE_SPEEDUPS=1)."""
    if _select.speedups_disabled():
        pytest.skip("no compiled speedups in this run: %s" % _select.disabled_reason())
    if os.environ.get("HAZELCAST_REQUIRE_SPEEDUPS") != "1":
        pytest.skip("HAZELCAST_REQUIRE_SPEEDUPS=1 is not set for this run")
    hazelcast.speedups.require_compiled()
    impls = hazelcast.speedups.implementations()
    assert all(impls[name] == "compiled" for name in NEW_HOT_PATHS), impls
