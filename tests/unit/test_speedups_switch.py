"""HAZELCAST_NO_SPEEDUPS read as a boolean, and what the selection tells the logs."""

from __future__ import annotations

import json
import logging
import os
import platform
import subprocess
import sys

import pytest

from hazelcast._speedups import _select

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CPYTHON = platform.python_implementation() == "CPython"
PURE_TWIN = "hazelcast._speedups._murmur3_py"


def _run(code, **env_changes):
    env = dict(os.environ)
    for name in ("HAZELCAST_NO_SPEEDUPS", "HAZELCAST_REQUIRE_SPEEDUPS"):
        env.pop(name, None)
    env.update(env_changes)
    env["PYTHONPATH"] = REPO_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def _implementations(**env):
    result = _run("import json, hazelcast.speedups as s; print(json.dumps(s.implementations()))", **env)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout).values()), result.stderr


@pytest.mark.parametrize("value", [None, "", "0", "false", "False", "no", "OFF", " 0 "])
def test_false_spellings_keep_the_speedups(value):
    assert _select.parse_no_speedups(value) == (False, True)


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "yes", "on", " On "])
def test_true_spellings_turn_them_off(value):
    assert _select.parse_no_speedups(value) == (True, True)


@pytest.mark.parametrize("value", ["2", "maybe", "disable", "-1"])
def test_other_values_are_flagged_and_turn_them_off(value):
    assert _select.parse_no_speedups(value) == (True, False)


@pytest.mark.skipif(not CPYTHON, reason="compiled speedups exist only on CPython")
def test_zero_keeps_the_compiled_paths_where_they_are_built():
    built, _ = _implementations()
    if built != {"compiled"}:
        pytest.skip("the speedups are not built here")
    assert _implementations(HAZELCAST_NO_SPEEDUPS="0") == ({"compiled"}, "")
    assert _implementations(HAZELCAST_NO_SPEEDUPS="false") == ({"compiled"}, "")


def test_yes_selects_pure_quietly():
    assert _implementations(HAZELCAST_NO_SPEEDUPS="yes") == ({"pure"}, "")


def test_unknown_value_warns_naming_it_and_selects_pure():
    implementations, stderr = _implementations(HAZELCAST_NO_SPEEDUPS="maybe")
    assert implementations == {"pure"}
    assert "invalid value 'maybe' for HAZELCAST_NO_SPEEDUPS" in stderr
    assert stderr.count("invalid value") == 1, "warned once, not once per hot path"


def test_debug_log_tells_which_twin_each_hot_path_uses():
    code = (
        "import logging; logging.basicConfig(level=logging.DEBUG, format='%(name)s %(levelname)s %(message)s')\n"
        "import hazelcast.speedups as s; s.implementations()\n"
    )
    result = _run(code, HAZELCAST_NO_SPEEDUPS="1")
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if l.startswith("hazelcast.speedups DEBUG hot path")]
    for hot_path in ("murmur3", "frame_reader", "data_input", "data_output"):
        [line] = [l for l in lines if l.startswith("hazelcast.speedups DEBUG hot path %s:" % hot_path)]
        assert "pure Python" in line and "HAZELCAST_NO_SPEEDUPS=1" in line


@pytest.fixture
def as_cpython_with_speedups(monkeypatch, tmp_path):
    monkeypatch.delenv("HAZELCAST_NO_SPEEDUPS", raising=False)
    monkeypatch.setattr(platform, "python_implementation", lambda: "CPython")
    monkeypatch.setattr(_select, "chosen", {})
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_compiled_module_that_fails_to_import_is_a_warning(as_cpython_with_speedups, caplog):
    # As a .so built for another interpreter fails: the file is there, its import raises.
    (as_cpython_with_speedups / "hz_test_broken_c.py").write_text("raise ImportError('undefined symbol: PyFoo')\n")
    caplog.set_level(logging.DEBUG, logger="hazelcast.speedups")
    module = _select.select("broken", "hz_test_broken_c", PURE_TWIN)
    assert module.__name__ == PURE_TWIN and _select.chosen["broken"] == "pure"
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "hz_test_broken_c" in warning.getMessage() and "undefined symbol: PyFoo" in warning.getMessage()


def test_compiled_module_needing_a_missing_module_is_a_warning(as_cpython_with_speedups, caplog):
    (as_cpython_with_speedups / "hz_test_needy_c.py").write_text("import hz_test_not_there\n")
    caplog.set_level(logging.DEBUG, logger="hazelcast.speedups")
    assert _select.select("needy", "hz_test_needy_c", PURE_TWIN).__name__ == PURE_TWIN
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "hz_test_needy_c" in warning.getMessage() and "hz_test_not_there" in warning.getMessage()


def test_compiled_module_not_built_is_only_a_debug_line(as_cpython_with_speedups, caplog):
    caplog.set_level(logging.DEBUG, logger="hazelcast.speedups")
    assert _select.select("absent", "hz_test_absent_c", PURE_TWIN).__name__ == PURE_TWIN
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]
    assert "hz_test_absent_c is not built" in caplog.records[0].getMessage()
