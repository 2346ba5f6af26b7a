"""User-style code type-checks with mypy, and its mistakes are reported.

tests/typing/clean holds correct code a user of the official client could write:
mypy must report nothing there. tests/typing/mistakes holds mistakes, each on a
line ending in ``# error``: mypy must report exactly those lines. (The
configuration options are checked in detail by test_config_typing.py.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TYPING_DIR = os.path.join(REPO_ROOT, "tests", "typing")


def _files(kind):
    folder = os.path.join(TYPING_DIR, kind)
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".py"))


@pytest.fixture(scope="module")
def reported():
    """``{file: sorted line numbers mypy reports}`` over both folders, in one run."""
    pytest.importorskip("mypy")
    files = _files("clean") + _files("mistakes")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", os.path.join(REPO_ROOT, "pyproject.toml"),
         "--cache-dir", os.devnull, "--follow-imports", "silent", "--no-error-summary", *files],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert "error: " in result.stdout or result.returncode == 0, result.stdout + result.stderr
    lines = {}
    for path, line in re.findall(r"^([^:\n]+\.py):(\d+): error", result.stdout, re.M):
        lines.setdefault(os.path.abspath(os.path.join(REPO_ROOT, path)), set()).add(int(line))
    assert set(lines) <= set(files), result.stdout  # nothing reported inside the package
    return {path: sorted(lines.get(path, ())) for path in files}, result.stdout


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
