"""Java test classes: compiled once per source change, on the members' classpath."""

from __future__ import annotations

import os
import subprocess

import pytest

from harness import HarnessError
from harness.jar import member_jar
from harness.javac import compiled_classes

pytestmark = pytest.mark.integration

SOURCE = """
package demo;
public class Hello {
    public static void main(String[] args) { System.out.println("%s"); }
}
"""


def _write(tmp_path, greeting):
    pkg = tmp_path / "src" / "demo"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "Hello.java").write_text(SOURCE % greeting)
    return str(tmp_path / "src")


def _run(classes, main="demo.Hello", *args):
    cp = os.pathsep.join([member_jar(), classes])
    return subprocess.run(["java", "-cp", cp, main] + list(args), stdout=subprocess.PIPE,
                          universal_newlines=True, timeout=60).stdout.strip()


def test_compiles_once_and_again_only_when_sources_change(tmp_path):
    src = _write(tmp_path, "one")
    first = compiled_classes(src)
    assert os.path.isfile(os.path.join(first, "demo", "Hello.class"))
    assert _run(first) == "one"
    stamp = os.path.getmtime(os.path.join(first, "demo", "Hello.class"))
    assert compiled_classes(src) == first
    assert os.path.getmtime(os.path.join(first, "demo", "Hello.class")) == stamp  # not recompiled

    _write(tmp_path, "two")
    second = compiled_classes(src)
    assert second != first
    assert _run(second) == "two"
    assert not os.path.exists(first)  # the stale build of this tree was pruned


def test_a_build_for_another_member_jar_leaves_this_one_in_place(tmp_path):
    # The CP tests run 5.4.0 members beside the 5.7.0 ones: neither build may delete the other.
    src = _write(tmp_path, "both")
    current = compiled_classes(src)
    other_jar = tmp_path / "hazelcast-0.0.1.jar"
    with open(member_jar(), "rb") as f:
        other_jar.write_bytes(f.read())
    other = compiled_classes(src, jar=str(other_jar))
    assert other != current
    assert os.path.isdir(current) and os.path.isdir(other)
    assert _run(current) == "both"


def test_compile_errors_carry_javac_output(tmp_path):
    pkg = tmp_path / "bad" / "demo"
    pkg.mkdir(parents=True)
    (pkg / "Broken.java").write_text("package demo; public class Broken { int x = ; }")
    with pytest.raises(HarnessError, match="(?s)javac failed.*Broken.java.*illegal start of expression"):
        compiled_classes(str(tmp_path / "bad"))


def test_no_sources_is_an_error(tmp_path):
    with pytest.raises(HarnessError, match="no .java files"):
        compiled_classes(str(tmp_path))


def test_repository_test_classes_compile_and_run(java_classes_dir):
    assert _run(java_classes_dir, "com.hazelcast.pyclienttest.IncrementEntryProcessor") == "42"


@pytest.mark.java_classes
def test_members_get_the_classes_on_their_classpath(cluster_factory, java_classes_dir):
    cluster = cluster_factory()  # the java_classes marker turns java_classes on
    command_line = open(cluster.members[0].log_path).readline()
    assert java_classes_dir in command_line.split(" -cp ")[1]
    assert cluster.members[0].is_running()
