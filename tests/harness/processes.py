"""Starts member JVMs so that none outlives the test run.

Three layers, because each alone has a gap:
- the kernel: on Linux every JVM gets PR_SET_PDEATHSIG=SIGKILL, so it dies with the
  thread that started it even when Python is SIGKILLed (no Python code runs then);
- atexit and the pytest session end kill what is still running;
- a pid file per JVM lets the next run sweep members whose owner died on a platform
  without PDEATHSIG.
Each JVM also gets its own process group, so a terminal's Ctrl-C reaches pytest
only and the harness decides how members stop.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from typing import Dict, List, Optional

from . import settings

MARKER = "-Dhazelcast.test.harness=true"
_PR_SET_PDEATHSIG = 1

_libc = None
if sys.platform.startswith("linux"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        _libc = None

_live: Dict[int, subprocess.Popen] = {}
_live_lock = threading.Lock()


def pids_dir() -> str:
    return os.path.join(settings.cache_dir(), "run", "pids")


def process_start_time(pid: int) -> Optional[str]:
    """The kernel's start time of a process (tells a pid apart from a later reuse)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return None
    # Field 22, counted after the command name, which may itself hold spaces.
    return stat.rsplit(")", 1)[1].split()[19]


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is dead for our purposes.
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _cmdline(pid: int) -> str:
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _child_setup(parent_pid: int) -> None:
    # Runs in the child between fork and exec.
    os.setpgrp()
    if _libc is not None:
        _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)


def _popen(cmd: List[str], log_path: str, cwd: Optional[str], env: Optional[dict]) -> subprocess.Popen:
    log = open(log_path, "ab")
    try:
        parent = os.getpid()
        return subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=env,
            preexec_fn=lambda: _child_setup(parent),
            close_fds=True,
        )
    finally:
        log.close()


class _Spawner:
    """A thread that lives as long as the process: PDEATHSIG fires when the *thread*
    that forked the child exits, so children asked for by short-lived threads are
    forked here instead."""

    def __init__(self) -> None:
        self._requests: "queue.Queue" = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="hz-harness-spawner", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            args, box, done = self._requests.get()
            try:
                box.append(_popen(*args))
            except BaseException as e:  # handed back to the caller
                box.append(e)
            done.set()

    def spawn(self, *args) -> subprocess.Popen:
        box: list = []
        done = threading.Event()
        self._requests.put((args, box, done))
        done.wait()
        if isinstance(box[0], BaseException):
            raise box[0]
        return box[0]


_spawner: Optional[_Spawner] = None
_spawner_lock = threading.Lock()


def spawn(cmd: List[str], log_path: str, cwd: Optional[str] = None, env: Optional[dict] = None) -> subprocess.Popen:
    """Start `cmd` with output appended to log_path, tied to this process's life."""
    global _spawner
    if threading.current_thread() is threading.main_thread():
        proc = _popen(cmd, log_path, cwd, env)
    else:
        with _spawner_lock:
            if _spawner is None:
                _spawner = _Spawner()
        proc = _spawner.spawn(cmd, log_path, cwd, env)
    with _live_lock:
        _live[proc.pid] = proc
    _write_pid_file(proc.pid)
    return proc


def _write_pid_file(pid: int) -> None:
    os.makedirs(pids_dir(), exist_ok=True)
    me = os.getpid()
    info = {"pid": pid, "owner_pid": me, "owner_start": process_start_time(me)}
    with open(os.path.join(pids_dir(), "%d.json" % pid), "w") as f:
        json.dump(info, f)


def _remove_pid_file(pid: int) -> None:
    try:
        os.remove(os.path.join(pids_dir(), "%d.json" % pid))
    except OSError:
        pass


def signal_group(proc: subprocess.Popen, sig: int) -> None:
    """Send sig to the JVM's process group (the JVM is its group leader)."""
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        try:
            proc.send_signal(sig)
        except ProcessLookupError:
            pass


def forget(proc: subprocess.Popen) -> None:
    """The process has exited: stop tracking it."""
    with _live_lock:
        _live.pop(proc.pid, None)
    _remove_pid_file(proc.pid)


def kill_and_reap(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    signal_group(proc, signal.SIGKILL)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    forget(proc)


def live_processes() -> List[subprocess.Popen]:
    with _live_lock:
        return [p for p in _live.values() if p.poll() is None]


def kill_all() -> None:
    """SIGKILL every JVM this process started and still runs."""
    with _live_lock:
        procs = list(_live.values())
    for proc in procs:
        signal_group(proc, signal.SIGKILL)
    for proc in procs:
        kill_and_reap(proc, timeout=5.0)


atexit.register(kill_all)


def sweep_stale() -> List[int]:
    """Kill members left behind by runs whose Python process is gone.

    Returns:
        The pids that were killed.
    """
    killed = []
    directory = pids_dir()
    if not os.path.isdir(directory):
        return killed
    me = os.getpid()
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        try:
            with open(path) as f:
                info = json.load(f)
            pid, owner = int(info["pid"]), int(info["owner_pid"])
        except (OSError, ValueError, KeyError, TypeError):
            _try_remove(path)
            continue
        if owner == me:
            continue
        owner_alive = pid_alive(owner) and process_start_time(owner) == info.get("owner_start")
        if owner_alive:
            continue  # another run in progress owns it
        if pid_alive(pid) and MARKER in _cmdline(pid):
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            killed.append(pid)
        _try_remove(path)
    deadline = time.monotonic() + 5
    while killed and time.monotonic() < deadline and any(pid_alive(p) for p in killed):
        time.sleep(0.05)
    return killed


def _try_remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
