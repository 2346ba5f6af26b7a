"""The layers hold: the core drives no I/O and knows no transport, face or proxy;
errors and value types import nothing above them.

Read from the modules' own imports (type-checking imports included), so a new
import that breaks a layer fails here before it reaches a review.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "hazelcast"

CORE = [
    "transport",
    "connection",
    "invocation",
    "cluster",
    "partition",
    "listener",
    "lifecycle",
    "compact",
    "statistics",
]
VALUES = ["core", "errors", "future", "util", "_version"]
TRANSPORTS = [
    "hazelcast._threaded_transport",
    "hazelcast._asyncio_transport",
    "hazelcast._connection_io",
    "hazelcast.scheduler",
    "hazelcast._tls",
]
FACES_AND_PROXIES = ["hazelcast.client", "hazelcast.asyncio", "hazelcast.proxy", "hazelcast.internal", "hazelcast._client_runtime"]
# What would let the core do I/O, start threads or wait on its own.
IO_MODULES = {"socket", "select", "selectors", "ssl", "asyncio"}
BLOCKING_NAMES = {("threading", "Thread"), ("threading", "Event"), ("threading", "Condition"), ("time", "sleep")}


def _tree(module):
    return ast.parse((PACKAGE / (module.replace(".", "/") + ".py")).read_text())


def _imports(module):
    names = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update("%s.%s" % (node.module, alias.name) for alias in node.names)
    return names


def _within(name, prefix):
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_no_transport_face_proxy_or_top_level_package(module):
    imports = _imports(module)
    assert "hazelcast" not in imports, "the top-level package"
    bad = sorted(n for n in imports for p in TRANSPORTS + FACES_AND_PROXIES if _within(n, p))
    assert bad == []


@pytest.mark.parametrize("module", CORE)
def test_the_core_opens_no_socket_starts_no_thread_and_never_sleeps(module):
    imports = _imports(module)
    assert sorted(IO_MODULES & {n.split(".")[0] for n in imports}) == []
    used = {
        (node.value.id, node.attr)
        for node in ast.walk(_tree(module))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }
    assert sorted(used & BLOCKING_NAMES) == []
    assert sorted(n for n in imports if n in {"threading.Thread", "threading.Event", "time.sleep"}) == []


@pytest.mark.parametrize("module", VALUES)
def test_values_import_nothing_above_them(module):
    above = [n for n in _imports(module) if _within(n, "hazelcast") and n.split(".")[1] not in VALUES]
    assert above == []
