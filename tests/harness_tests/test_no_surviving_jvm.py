"""No member JVM outlives the Python process that started it, however that process ends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from harness import processes

pytestmark = pytest.mark.integration

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = TESTS_DIR + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _wait_for_file(path, proc, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path) as f:
                text = f.read()
            if text.endswith("\n"):
                return text
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise AssertionError("helper exited (%s) before writing %s:\n%s" % (proc.returncode, path, out))
        time.sleep(0.05)
    raise AssertionError("helper wrote nothing to %s in %d s" % (path, timeout))


def _gone_within(pids, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(processes.pid_alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def _assert_jvms_gone(pids, seconds=5):
    assert pids
    try:
        assert _gone_within(pids, seconds), "member JVMs %s survived their parent" % pids
    finally:
        for p in pids:  # never leave one behind, even when the assertion fails
            if processes.pid_alive(p):
                os.kill(p, signal.SIGKILL)


HELPER = textwrap.dedent("""
    import json, sys, threading, time
    from harness import start_cluster
    out = sys.argv[1]
    from_thread = len(sys.argv) > 2
    box = []
    def start():
        box.append(start_cluster(1))
    if from_thread:
        # The starting thread ends right away: the JVM must not die with it.
        t = threading.Thread(target=start); t.start(); t.join()
        time.sleep(1.0)
        assert box[0].members[0].is_running(), "member died with its starting thread"
    else:
        start()
    with open(out, "w") as f:
        f.write(json.dumps([box[0].members[0].pid]) + "\\n")
    time.sleep(600)
""")


@pytest.mark.parametrize("from_thread", [False, True], ids=["main-thread", "short-lived-thread"])
def test_sigkilled_python_takes_its_members_along(tmp_path, from_thread):
    out = str(tmp_path / "pids.json")
    args = [sys.executable, "-c", HELPER, out] + (["thread"] if from_thread else [])
    proc = subprocess.Popen(args, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    try:
        pids = json.loads(_wait_for_file(out, proc))
        assert all(processes.pid_alive(p) for p in pids)
        proc.send_signal(signal.SIGKILL)  # no atexit, no finally: only the kernel can help
        proc.wait(10)
        _assert_jvms_gone(pids)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()


FAILING_TEST = textwrap.dedent("""
    import json, os, time

    def test_fails_with_a_member(cluster_factory):
        cluster = cluster_factory()
        with open(os.environ["HZ_PIDS_OUT"], "w") as f:
            f.write(json.dumps([m.pid for m in cluster.members]) + "\\n")
        if os.environ.get("HZ_HANG"):
            time.sleep(600)
        assert False, "deliberate failure"
""")


def _run_pytest(tmp_path, hang):
    test_file = tmp_path / "test_fails.py"
    test_file.write_text(FAILING_TEST)
    env = _env()
    env["HZ_PIDS_OUT"] = str(tmp_path / "pids.json")
    if hang:
        env["HZ_HANG"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "harness.plugin", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(test_file)],
        cwd=str(tmp_path), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)


def test_failing_test_run_leaves_no_member_and_shows_its_log(tmp_path):
    proc = _run_pytest(tmp_path, hang=False)
    output, _ = proc.communicate(timeout=300)
    assert proc.returncode == 1, output
    pids = json.loads((tmp_path / "pids.json").read_text())
    _assert_jvms_gone(pids, seconds=2)
    assert "deliberate failure" in output
    assert "hazelcast member logs (call)" in output  # the failure report carries the member log tail
    assert "is STARTED" in output


def test_killed_test_run_leaves_no_member(tmp_path):
    proc = _run_pytest(tmp_path, hang=True)
    try:
        pids = json.loads(_wait_for_file(str(tmp_path / "pids.json"), proc))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        _assert_jvms_gone(pids)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()


def test_sweep_kills_members_of_dead_runs_only(tmp_path):
    # A stand-in "member" with the harness marker and no parent-death signal, as on a
    # platform without PR_SET_PDEATHSIG, owned by a process that has already exited.
    stale = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", processes.MARKER],
                             start_new_session=True)
    gone_owner = subprocess.Popen([sys.executable, "-c", "pass"])
    gone_owner.wait()
    # The same, owned by a live process (another run in progress): must be left alone.
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", processes.MARKER],
                             start_new_session=True)
    os.makedirs(processes.pids_dir(), exist_ok=True)
    try:
        owner_me = os.getppid()  # a live process that is not this one
        for proc, owner in ((stale, gone_owner.pid), (alive, owner_me)):
            with open(os.path.join(processes.pids_dir(), "%d.json" % proc.pid), "w") as f:
                json.dump({"pid": proc.pid, "owner_pid": owner, "owner_start": processes.process_start_time(owner)}, f)
        killed = processes.sweep_stale()
        assert stale.pid in killed and alive.pid not in killed
        stale.wait(5)
        assert alive.poll() is None
        assert not os.path.exists(os.path.join(processes.pids_dir(), "%d.json" % stale.pid))
    finally:
        for p in (stale, alive):
            if p.poll() is None:
                p.kill()
            p.wait()
        try:
            os.remove(os.path.join(processes.pids_dir(), "%d.json" % alive.pid))
        except OSError:
            pass
