"""Fixtures shared by the unit tests.

Hot paths have a pure-Python and a compiled implementation; the fixtures
below run a test once per implementation (the compiled run is skipped when
the extension was not built, which the speedups test reports separately).

Two ways in:

- explicit fixtures (``murmur3_impl``, ``frame_reader_impl``,
  ``data_input_impl``, ``data_output_impl``) hand the implementation module
  to the test (module-scoped: modules hold no state, and hypothesis tests
  may use them);
- test modules that use a selected class by name (``FrameReader``,
  ``_ObjectDataInput``, ``_ObjectDataOutput``) or the serialization service
  run every test twice, with those names rebound to the pure, then the
  compiled implementation, both in the test module and in the library
  modules that use them. Existing framing and IO tests thus cover both
  implementations without being written twice.
"""

from __future__ import annotations

import importlib
import sys

import pytest
from hot_paths import HOT_PATH_MODULES, IMPLEMENTATION_KINDS, load_implementation  # noqa: F401


# name a module binds -> hot path whose implementation provides it
_REBOUND_NAMES = {
    "FrameReader": "frame_reader",
    "_ObjectDataInput": "data_input",
    "_ObjectDataOutput": "data_output",
}
# a test module binding one of these names runs once per implementation
_TRIGGER_NAMES = set(_REBOUND_NAMES) | {"SerializationServiceV1"}
# test helpers whose bindings are swapped too (besides every hazelcast.* module)
_HELPER_MODULES = ("protocol_helpers",)


def _user_modules():
    return [
        module
        for name, module in list(sys.modules.items())
        if module is not None and (name.startswith("hazelcast.") or name in _HELPER_MODULES)
        # the twins and selectors define the names: leave them alone
        and not name.startswith("hazelcast._speedups")
        and name not in ("hazelcast.serialization.input", "hazelcast.serialization.output", "hazelcast.protocol.frame_reader")
    ]


@pytest.fixture(params=IMPLEMENTATION_KINDS, scope="module")
def murmur3_impl(request):
    """The murmur3 module (``murmur_hash3_x86_32``, ``hash_to_index``), once
    pure and once compiled."""
    return load_implementation("murmur3", request.param)


@pytest.fixture(params=IMPLEMENTATION_KINDS, scope="module")
def frame_reader_impl(request):
    """The frame reader module (``FrameReader``), once pure and once compiled."""
    return load_implementation("frame_reader", request.param)


@pytest.fixture(params=IMPLEMENTATION_KINDS, scope="module")
def data_input_impl(request):
    """The data input module (``_ObjectDataInput``), once pure and once compiled."""
    return load_implementation("data_input", request.param)


@pytest.fixture(params=IMPLEMENTATION_KINDS, scope="module")
def data_output_impl(request):
    """The data output module (``_ObjectDataOutput``), once pure and once compiled."""
    return load_implementation("data_output", request.param)


def pytest_generate_tests(metafunc):
    if _TRIGGER_NAMES.intersection(vars(metafunc.module)):
        metafunc.parametrize("hot_path_kind", IMPLEMENTATION_KINDS, indirect=True, scope="module")


@pytest.fixture(scope="module")
def hot_path_kind(request):
    """"pure" or "compiled" in modules run per implementation, else None."""
    return getattr(request, "param", None)


@pytest.fixture(scope="module", autouse=True)
def _bind_hot_path_implementation(request, hot_path_kind):
    """Rebinds the selected classes to the implementation of this run."""
    if hot_path_kind is None:
        yield
        return
    modules = [request.module] + _user_modules()
    saved = []
    for module in modules:
        for name, hot_path in _REBOUND_NAMES.items():
            if name in vars(module):
                impl = load_implementation(hot_path, hot_path_kind)
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, getattr(impl, name))
    try:
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)
