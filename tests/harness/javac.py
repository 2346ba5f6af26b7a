"""Compiles the Java test classes under tests/java/ against the member jar.

The output folder is named after a hash of the sources and the jar, so an
unchanged tree is never compiled twice and a changed one never reuses stale classes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
from typing import List, Optional

from . import settings
from .filelock import FileLock
from .jar import member_jar, require_tool
from .settings import HarnessError

_lock = threading.Lock()


def java_sources(source_dir: str = settings.JAVA_SOURCES_DIR) -> List[str]:
    """Every .java file under source_dir, sorted so the hash is stable."""
    found = []
    for root, _dirs, files in os.walk(source_dir):
        for name in files:
            if name.endswith(".java"):
                found.append(os.path.join(root, name))
    return sorted(found)


def _fingerprint(sources: List[str], source_dir: str, jar: str) -> str:
    h = hashlib.sha256()
    h.update(os.path.basename(jar).encode())
    h.update(str(os.path.getsize(jar)).encode())
    for path in sources:
        h.update(os.path.relpath(path, source_dir).encode())
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def compiled_classes(source_dir: str = settings.JAVA_SOURCES_DIR, jar: Optional[str] = None) -> str:
    """Folder of the compiled test classes, compiling them first if the sources changed.

    Args:
        source_dir: root of the Java sources (package folders below it).
        jar: member jar to compile against; default the harness's jar.

    Returns:
        Absolute path of a folder to put on the members' classpath.

    Raises:
        HarnessError: javac is missing, there are no sources, or compilation failed
            (the message holds javac's output).
    """
    jar = jar or member_jar()
    sources = java_sources(source_dir)
    if not sources:
        raise HarnessError("no .java files under %s to compile" % source_dir)
    # One folder per source tree and member jar (prefix) and content (suffix): pruning
    # below only touches older builds of the same tree for the same jar, so that a
    # build for another version (the CP tests' 5.4.0 members) never deletes the
    # classes members of this version run with, nor the other way round.
    prefix = hashlib.sha256((os.path.abspath(source_dir) + "|" + os.path.basename(jar)).encode()).hexdigest()[:8]
    key = prefix + "-" + _fingerprint(sources, source_dir, jar)
    base = os.path.join(settings.cache_dir(), "classes")
    out = os.path.join(base, key)
    with _lock, FileLock(os.path.join(base, ".lock")):
        if os.path.isdir(out):
            return out
        require_tool("javac")
        tmp = out + ".tmp%d" % os.getpid()
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        proc = subprocess.run(
            ["javac", "-nowarn", "-encoding", "UTF-8", "-d", tmp, "-cp", jar] + sources,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            universal_newlines=True,
            timeout=600,
        )
        if proc.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise HarnessError("javac failed on %s (exit %d):\n%s" % (source_dir, proc.returncode, proc.stdout))
        os.replace(tmp, out)
        # Older builds are dead weight once the sources moved on.
        for name in os.listdir(base):
            path = os.path.join(base, name)
            if name != key and name.startswith(prefix + "-") and ".tmp" not in name and os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
        return out
