"""Our distribution's own name and version, and the warning when the official one is installed too."""

import os
import re
import subprocess
import sys
import warnings

import pytest

from hazelcast import _distribution
from hazelcast._distribution import (
    DISTRIBUTION_NAME,
    DISTRIBUTION_VERSION,
    DistributionConflictWarning,
    official_distribution,
    warn_if_official_installed,
)

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _fake_install(site, folder, name="hazelcast-python-client", version="5.7.0"):
    meta = site / folder
    meta.mkdir(parents=True)
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version))
    return str(site)


def test_pyproject_names_our_own_distribution():
    with open(os.path.join(REPO_ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    project = text.split("[project]", 1)[1].split("\n[", 1)[0]
    assert re.search(r'^name = "([^"]+)"', project, re.M).group(1) == DISTRIBUTION_NAME
    assert re.search(r'^version = "([^"]+)"', project, re.M).group(1) == DISTRIBUTION_VERSION
    assert DISTRIBUTION_NAME != "hazelcast-python-client"
    assert not DISTRIBUTION_VERSION.startswith("5.")


def test_warns_naming_both_when_the_official_distribution_is_installed(tmp_path):
    site = _fake_install(tmp_path / "site", "hazelcast_python_client-5.7.0.dist-info")
    assert official_distribution([site]) == "5.7.0"
    with pytest.warns(DistributionConflictWarning) as record:
        assert warn_if_official_installed([site]) is True
    message = str(record[0].message)
    assert "hazelcast-python-client 5.7.0" in message
    assert "%s %s" % (DISTRIBUTION_NAME, DISTRIBUTION_VERSION) in message
    assert "pip uninstall" in message


def test_an_egg_info_install_is_found_too(tmp_path):
    site = _fake_install(tmp_path / "site", "hazelcast_python_client-5.6.0-py3.11.egg-info", version="5.6.0")
    assert official_distribution([site]) == "5.6.0"


def test_silent_without_the_official_distribution(tmp_path):
    # Another distribution whose folder looks alike, and our own, are not the official one.
    site = _fake_install(tmp_path / "site", "hazelcast_python_client_extras-1.0.dist-info",
                         name="hazelcast-python-client-extras", version="1.0")
    _fake_install(tmp_path / "site", "dropin_hazelcast_client-0.1.0.dist-info", name=DISTRIBUTION_NAME,
                  version=DISTRIBUTION_VERSION)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_if_official_installed([site, str(tmp_path / "missing")]) is False


def test_the_check_at_import_is_cheap_without_the_official_distribution(tmp_path):
    # Without a candidate folder, importlib.metadata (slow to import) is not loaded.
    env = dict(os.environ, PYTHONPATH=REPO_ROOT)
    code = "import sys, hazelcast; print('importlib.metadata' in sys.modules)"
    # -S: without site-packages, whatever this interpreter has installed does not count.
    proc = subprocess.run([sys.executable, "-S", "-c", code], env=env, capture_output=True, text=True,
                          cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.mark.parametrize("installed", [True, False])
def test_import_hazelcast_warns_only_when_both_are_installed(tmp_path, installed):
    paths = [REPO_ROOT]
    if installed:
        paths.append(_fake_install(tmp_path / "site", "hazelcast_python_client-5.7.0.dist-info"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))
    proc = subprocess.run([sys.executable, "-S", "-c", "import hazelcast"], env=env, capture_output=True,
                          text=True, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    if installed:
        assert "DistributionConflictWarning" in proc.stderr
        assert "hazelcast-python-client 5.7.0" in proc.stderr and DISTRIBUTION_NAME in proc.stderr
    else:
        assert "DistributionConflictWarning" not in proc.stderr
