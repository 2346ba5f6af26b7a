"""docs/configuration.md is generated from hazelcast/config.py and must stay fresh."""

import os
import subprocess
import sys

from hazelcast.config import Config, NearCacheConfig

from tools import config_reference

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def test_the_committed_page_equals_a_fresh_rendering():
    with open(config_reference.OUTPUT, encoding="utf-8") as f:
        committed = f.read()
    assert committed == config_reference.render(), "run: python3 -m tools.config_reference"


def test_every_option_has_a_row_with_its_default():
    text = config_reference.render()
    for cls in (Config, NearCacheConfig):
        for option in cls._OPTIONS:
            assert "\n| `%s` |" % option.name in text
    assert "| `cluster_name` | `str` | `'dev'` |" in text
    assert "| `reconnect_mode` | `int or str (name)` |" in text


def test_check_mode_reports_a_stale_page(tmp_path, monkeypatch):
    stale = tmp_path / "configuration.md"
    stale.write_text("old\n")
    monkeypatch.setattr(config_reference, "OUTPUT", str(stale))
    assert config_reference.main(["--check"]) == 1
    assert config_reference.main([]) == 0
    assert config_reference.main(["--check"]) == 0


def test_runs_as_a_module():
    proc = subprocess.run([sys.executable, "-m", "tools.config_reference", "--check"], cwd=REPO_ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
