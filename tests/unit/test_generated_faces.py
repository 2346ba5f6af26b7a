"""The blocking twins and asyncio faces are what tools.face_generator makes of the proxies.

A proxy method is written once (hazelcast/proxy/<x>.py, returning a Future); the
blocking twin at the end of that module and the asyncio face under
hazelcast/internal/asyncio_proxy/ are generated from it and must stay so.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import re
import shutil
import subprocess
import sys
import threading

import pytest

from hazelcast.future import ImmediateFuture
from hazelcast.internal.asyncio_proxy import FACES
from hazelcast.internal.asyncio_proxy import base as face_base
from hazelcast.internal.asyncio_proxy.map import Map as AsyncMap
from hazelcast.proxy import MAP_SERVICE
from hazelcast.proxy.map import BlockingMap, Map
from tools.face_generator.generator import BEGIN_MARKER, END_MARKER, PROXIES, SYNC_ONLY, generate

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Members a face has beyond its proxy's public methods, as the official client has them.
FACE_ONLY = {AsyncMap: {"lock_context"}}


def _read(path):
    with open(os.path.join(REPO_ROOT, path), encoding="utf-8") as f:
        return f.read()


def _public(cls):
    return {n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))}


def test_committed_faces_equal_a_fresh_generation():
    fresh = generate(REPO_ROOT)
    assert "hazelcast/proxy/map.py" in fresh and "hazelcast/internal/asyncio_proxy/map.py" in fresh
    assert [path for path, text in sorted(fresh.items()) if _read(path) != text] == []


def test_check_mode_reports_an_edited_twin(tmp_path):
    for package in ("hazelcast/proxy", "hazelcast/internal"):
        shutil.copytree(os.path.join(REPO_ROOT, package), str(tmp_path / package),
                        ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, "-m", "tools.face_generator", "--check", "--root", str(tmp_path)]
    assert subprocess.run(command, cwd=REPO_ROOT, capture_output=True).returncode == 0
    edited = tmp_path / "hazelcast" / "proxy" / "map.py"
    edited.write_text(edited.read_text().replace('"Blocking%r"', '"Blocking: %r"'))
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "hazelcast/proxy/map.py" in result.stderr


def test_the_twin_is_one_region_at_the_end_of_the_module():
    text = _read("hazelcast/proxy/map.py")
    assert text.count(BEGIN_MARKER) == 1 and text.count(END_MARKER) == 1
    assert text.count("class BlockingMap") == 1
    # After it only hand-written subclasses of the twin (a fast path of a method).
    tail = text.split(END_MARKER, 1)[1]
    assert re.findall(r"^class (\w+)\((\w+)", tail, re.M) == [("_NearCacheBlockingMap", "BlockingMap")]


def test_every_proxy_has_its_face_registered():
    import hazelcast.proxy
    assert FACES[MAP_SERVICE] is AsyncMap
    assert ("hazelcast.proxy.map", "Map") in [spec[:2] for spec in PROXIES]
    registered = [spec for spec in PROXIES if spec.service]
    assert set(FACES) == {getattr(hazelcast.proxy, spec.service) for spec in registered}
    for spec in registered:
        face = FACES[getattr(hazelcast.proxy, spec.service)]
        assert face.__name__ == spec.cls
        assert face.__module__ == "hazelcast.internal.asyncio_proxy." + spec.face_module()


def test_cp_proxies_have_faces_at_the_official_paths():
    # The asyncio CPSubsystem builds these itself: they are not in FACES.
    import importlib

    for spec in [spec for spec in PROXIES if not spec.service]:
        module = importlib.import_module("hazelcast.internal.asyncio_proxy." + spec.face_module())
        assert getattr(module, spec.cls).__module__ == module.__name__


def test_blocking_twin_exposes_exactly_the_public_methods():
    assert _public(BlockingMap) == _public(Map)
    defined = {n for n in vars(BlockingMap) if not n.startswith("_")}
    assert _public(Map) <= defined  # nothing falls through to the Future-returning method
    assert not any(inspect.iscoroutinefunction(getattr(BlockingMap, n)) for n in defined)


def test_asyncio_face_exposes_exactly_the_public_methods():
    expected = (_public(Map) - SYNC_ONLY) | FACE_ONLY[AsyncMap]
    assert _public(AsyncMap) == expected
    for name in expected - FACE_ONLY[AsyncMap]:
        assert inspect.iscoroutinefunction(getattr(AsyncMap, name)), name


def test_twins_keep_parameters_defaults_and_docstrings():
    for name in _public(Map) - {"blocking"}:
        source = inspect.signature(getattr(Map, name))
        assert inspect.signature(getattr(BlockingMap, name)).parameters == source.parameters, name
        assert getattr(BlockingMap, name).__doc__ == getattr(Map, name).__doc__, name
        if name != "destroy":  # the face's destroy is the hand-written base's
            assert inspect.signature(getattr(AsyncMap, name)).parameters == source.parameters, name
            assert getattr(AsyncMap, name).__doc__ == getattr(Map, name).__doc__, name


# -- the asyncio face at work ------------------------------------------------------------


class FakeCoreMap:
    """Stands for the proxy: answers at once and records the caller id of each call."""

    name = "m"
    service_name = MAP_SERVICE

    def __init__(self):
        self.calls = []
        self.values = {}

    def _record(self, *call):
        self.calls.append(call + (face_base.caller_id(),))

    def put(self, key, value, ttl=None, max_idle=None):
        self._record("put", key, value, ttl, max_idle)
        old = self.values.get(key)
        self.values[key] = value
        return ImmediateFuture(old)

    def get(self, key):
        self._record("get", key)
        return ImmediateFuture(self.values.get(key))

    def lock(self, key, lease_time=None):
        self._record("lock", key)
        return ImmediateFuture(None)

    def unlock(self, key):
        self._record("unlock", key)
        return ImmediateFuture(None)

    def _destroy(self):
        self._record("destroy")
        return ImmediateFuture(True)


def test_face_awaits_the_proxy_futures():
    core = FakeCoreMap()
    face = AsyncMap(core)

    async def main():
        assert await face.put("k", 1) is None
        assert await face.put("k", 2, ttl=5) == 1
        assert await face.get("k") == 2
        assert await face.destroy() is True

    asyncio.run(main())
    assert [c[:5] for c in core.calls[:2]] == [("put", "k", 1, None, None), ("put", "k", 2, 5, None)]
    assert (face.name, face.service_name, repr(face)) == ("m", MAP_SERVICE, 'Map(name="m")')


def test_caller_id_is_the_thread_outside_tasks_and_distinct_per_task():
    assert face_base.caller_id() == threading.get_ident()

    async def one_id():
        first = face_base.caller_id()
        await asyncio.sleep(0)
        assert face_base.caller_id() == first  # stable within the task
        return first

    async def main():
        return await asyncio.gather(*(one_id() for _ in range(5))), await one_id()

    ids, again = asyncio.run(main())
    assert len(set(ids)) == 5 and again not in ids
    assert threading.get_ident() not in ids


def test_lock_context_locks_with_the_owner_and_unlocks_on_error():
    core = FakeCoreMap()
    face = AsyncMap(core)

    async def main():
        me = face_base.caller_id()
        with pytest.raises(KeyError):
            async with face.lock_context("k") as context:
                assert isinstance(context, face_base.LockContext)
                await face.put("k", 1)
                raise KeyError("body failed")
        assert face_base.caller_id() == me
        return me

    me = asyncio.run(main())
    assert [(c[0], c[-1]) for c in core.calls] == [("lock", me), ("put", me), ("unlock", me)]


def test_tasks_started_in_an_open_lock_context_act_as_its_owner():
    core = FakeCoreMap()
    face = AsyncMap(core)

    async def main():
        me = face_base.caller_id()
        async with face.lock_context("k"):
            inside = await asyncio.create_task(face.get("k"))
            async with face.lock_context("k"):  # re-entrant: the same owner
                pass
            started = asyncio.Event()
            leave = asyncio.Event()

            async def outlives_the_context():
                started.set()
                await leave.wait()
                return face_base.caller_id()

            later = asyncio.create_task(outlives_the_context())
            await started.wait()
        leave.set()
        return me, inside, await later

    me, _, later_id = asyncio.run(main())
    assert {c[-1] for c in core.calls} == {me}
    assert later_id != me  # once the context is left, the task owns its own locks
