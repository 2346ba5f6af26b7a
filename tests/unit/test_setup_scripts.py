"""The set-up and test entry points: valid shell, wired as the README says."""

import os
import subprocess

import pytest

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPTS = ["tools/setup.sh", "tools/quickstart.sh", "tools/run_tests.sh", ".ci/run"]


def _read(path):
    with open(os.path.join(REPO_ROOT, path), encoding="utf-8") as f:
        return f.read()


@pytest.mark.parametrize("script", SCRIPTS)
def test_is_valid_bash(script):
    proc = subprocess.run(["bash", "-n", os.path.join(REPO_ROOT, script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("script", ["tools/setup.sh", "tools/quickstart.sh"])
def test_an_unknown_argument_is_refused_before_anything_is_installed(script):
    proc = subprocess.run(["bash", os.path.join(REPO_ROOT, script), "--no-such-option"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr


def test_ci_runs_the_readme_test_command():
    readme = _read("README.md")
    # The README leads with the two commands.
    first = readme.index("```bash")
    block = readme[first:readme.index("```", first + 3)]
    assert "bash tools/quickstart.sh" in block and "bash tools/run_tests.sh" in block
    assert "bash tools/run_tests.sh" in _read(".ci/run")


def test_tests_run_with_the_virtual_environment_set_up_first():
    run_tests = _read("tools/run_tests.sh")
    assert run_tests.index("bash tools/setup.sh") < run_tests.index("-m pytest")
    assert 'PYTHON="${PYTHON:-${HZ_VENV:-.venv}/bin/python}"' in run_tests
    assert "-m sphinx -q -W" in run_tests
    setup = _read("tools/setup.sh")
    assert '-m venv "$VENV"' in setup
    # Never into the system interpreter (PEP 668): pip runs only with an environment's Python.
    assert all(line.lstrip().startswith('"$python" -m pip') for line in setup.splitlines() if "-m pip" in line)
