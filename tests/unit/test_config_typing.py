"""Type checkers see every option of the configuration classes with its type.

The options are properties made at run time from the option tables; the classes
declare them as annotations for type checkers. These tests keep the two in step
and check that user code type-checks as it should.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import pytest

from hazelcast.config import Config, FlakeIdGeneratorConfig, NearCacheConfig, ReliableTopicConfig

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.mark.parametrize("cls", [Config, NearCacheConfig, FlakeIdGeneratorConfig, ReliableTopicConfig])
def test_every_option_is_declared_for_type_checkers_in_table_order(cls):
    declared = [
        name for name, annotation in cls.__annotations__.items() if not name.startswith("_")
    ]
    assert declared == [option.name for option in cls._OPTIONS]
    for name in declared:
        assert isinstance(vars(cls)[name], property)


# Lines ending with "# error" must be reported, and no other.
_USER_CODE = textwrap.dedent(
    """
    from typing import Optional

    from hazelcast.config import Config, IntType, NearCacheConfig, ReconnectMode
    from hazelcast.core import MemberInfo

    config = Config()
    config.cluster_name = "dev"
    config.cluster_members = ["127.0.0.1:5701"]
    config.reconnect_mode = "ASYNC"
    config.reconnect_mode = ReconnectMode.OFF
    config.default_int_type = IntType.LONG
    config.near_caches = {"my-map": {"max_idle": 10}, "other": NearCacheConfig()}
    config.connection_timeout = 2
    config.ssl_password = lambda: "secret"
    config.pickle_allowed_classes = ("module.Class", int)

    def added(member: MemberInfo) -> None:
        pass

    config.membership_listeners = [(added, None)]
    name: str = config.cluster_name
    mode: int = config.reconnect_mode
    ttl: Optional[float] = config.near_caches["my-map"].time_to_live
    loaded: Config = Config.from_dict({"cluster_name": "dev"})

    config.cluster_name = 1  # error
    config.smart_routing = "yes"  # error
    config.client_name = None  # error
    client_name: str = config.client_name  # error
    config.near_caches = {"my-map": 3}  # error
    config.no_such_option = 1  # error
    """
)


def test_user_code_type_checks(tmp_path):
    pytest.importorskip("mypy")
    path = tmp_path / "user_code.py"
    path.write_text(_USER_CODE)
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", os.path.join(REPO_ROOT, "pyproject.toml"),
            "--cache-dir", os.devnull,
            "--follow-imports", "silent",
            str(path),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    reported = sorted({int(n) for n in re.findall(r"^[^:\n]*user_code\.py:(\d+): error", result.stdout, re.M)})
    expected = [i for i, line in enumerate(_USER_CODE.splitlines(), 1) if line.endswith("# error")]
    assert reported == expected, result.stdout
