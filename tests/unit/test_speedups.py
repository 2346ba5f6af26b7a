"""Selection of compiled vs pure implementations, and its observability."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys

import pytest

import hazelcast.speedups
from hazelcast._speedups import _select

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _run(code: str, **env_changes) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for name in ("HAZELCAST_NO_SPEEDUPS", "HAZELCAST_REQUIRE_SPEEDUPS"):
        env.pop(name, None)
    env.update(env_changes)
    env["PYTHONPATH"] = REPO_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_implementations_reports_every_hot_path():
    impls = hazelcast.speedups.implementations()
    assert "murmur3" in impls
    assert set(impls.values()) <= {"compiled", "pure"}


def test_no_speedups_variable_selects_pure_everywhere():
    result = _run(
        "import json, hazelcast.speedups as s; print(json.dumps(s.implementations()))",
        HAZELCAST_NO_SPEEDUPS="1",
    )
    assert result.returncode == 0, result.stderr
    impls = json.loads(result.stdout)
    assert impls and all(v == "pure" for v in impls.values())


def test_missing_compiled_module_falls_back_to_pure_and_require_catches_it():
    # None in sys.modules makes the import of the compiled module fail
    code = (
        "import sys; sys.modules['hazelcast._speedups._murmur3_c'] = None\n"
        "import hazelcast.speedups as s\n"
        "assert s.implementations()['murmur3'] == 'pure'\n"
        "s.require_compiled()\n"
    )
    result = _run(code, HAZELCAST_REQUIRE_SPEEDUPS="1")
    if platform.python_implementation() == "CPython":
        assert result.returncode != 0
        assert "murmur3" in result.stderr and "RuntimeError" in result.stderr
    else:
        assert result.returncode == 0, result.stderr


def test_require_does_not_apply_when_speedups_are_disabled():
    code = "import hazelcast.speedups as s; s.require_compiled(); print('ok')"
    result = _run(code, HAZELCAST_REQUIRE_SPEEDUPS="1", HAZELCAST_NO_SPEEDUPS="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_non_cpython_interpreters_use_pure(monkeypatch):
    monkeypatch.delenv("HAZELCAST_NO_SPEEDUPS", raising=False)
    monkeypatch.setattr(platform, "python_implementation", lambda: "PyPy")
    assert _select.speedups_disabled()
    monkeypatch.setattr(platform, "python_implementation", lambda: "CPython")
    assert not _select.speedups_disabled()


def test_required_speedups_are_compiled_in_this_build():
    """Fails where a build that had to compile the speedups fell back silently
    (CI runs the suite with HAZELCAST_REQUIRE_SPEEDUPS=1)."""
    if _select.speedups_disabled():
        pytest.skip("no compiled speedups in this run: %s" % _select.disabled_reason())
    if os.environ.get("HAZELCAST_REQUIRE_SPEEDUPS") != "1":
        pytest.skip("HAZELCAST_REQUIRE_SPEEDUPS=1 is not set for this run")
    pure = [name for name, impl in hazelcast.speedups.implementations().items() if impl != "compiled"]
    assert pure == [], "hot paths fell back to pure Python: %s" % pure
