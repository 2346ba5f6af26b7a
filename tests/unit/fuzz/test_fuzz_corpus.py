"""The bounded fuzz run of the test suite: every target of tests/fuzz
(frame reader, codec decoders, deserializers, pickle refusal) on both twins,
over its stored corpus and then over mutations of it for a few seconds.
A crash, a hang, an unchecked read or an allocation beyond the input's size
fails the test and names the input (its bytes, to add to the corpus).

``HAZELCAST_FUZZ_SECONDS`` (default 0.5 per target and twin) and
``HAZELCAST_FUZZ_SEED`` change the budget and the mutations; the long,
coverage-guided run is tests/fuzz/run.py (see docs/testing.md)."""

from __future__ import annotations

import os
import random
import re
import struct
import sys
import time

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fuzz"))

import targets  # noqa: E402
from mutate import mutate  # noqa: E402

# pickletools warns about invalid escapes in crafted protocol-0 strings
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SECONDS = float(os.environ.get("HAZELCAST_FUZZ_SECONDS", "0.5"))
SEED = int(os.environ.get("HAZELCAST_FUZZ_SEED", "20261130"))


def _run(target, data, measure):
    try:
        targets.run_one(target, data, measure_allocation=measure)
    except targets.FuzzFinding as e:
        raise AssertionError("%s\ninput: %r" % (e, data)) from e
    except Exception as e:  # anything a target lets through is a finding too
        raise AssertionError("%s: %s\ninput: %r" % (type(e).__name__, e, data)) from e


@pytest.mark.parametrize("twin", targets.twins())
@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_corpus_then_mutations(name, twin):
    target = targets.TARGETS[name]
    seeds = [raw for _, raw in targets.corpus(name)]
    assert seeds, "the corpus of %s is empty" % name
    with targets.use_twin(twin):
        for raw in seeds:
            _run(target, raw, measure=True)
        rng = random.Random("%d-%s-%s" % (SEED, name, twin))
        deadline = time.monotonic() + SECONDS
        runs = 0
        while time.monotonic() < deadline or runs < 20:
            data = mutate(rng, rng.choice(seeds), seeds)
            # allocation measured on a sample: tracemalloc slows every run
            _run(target, data, measure=runs % 8 == 0)
            runs += 1


@pytest.mark.parametrize("twin", targets.twins())
def test_every_codec_decoder_refuses_generic_garbage(twin):
    # each decoder once on a few shapes: the random run cannot pick all 381
    decoders = targets.codec_decoders()
    bodies = [raw[2:] for name, raw in targets.corpus("codecs") if name.startswith("seed-map_get_codec-decode_response")]
    bodies.append(b"")
    with targets.use_twin(twin):
        for index in range(len(decoders)):
            for body in bodies:
                _run(targets.target_codecs, struct.pack("<H", index) + body, measure=False)


@pytest.mark.parametrize("twin", targets.twins())
def test_use_twin_switches_every_twin(twin):
    # what "on both twins" rests on: every twinned reader the targets reach
    import hazelcast._connection_io as connection_io
    import hazelcast.proxy._collection as collection
    import hazelcast.serialization.serializer as serializer
    import hazelcast.serialization.service as service

    suffix = "_py" if twin == "pure" else "_c"
    with targets.use_twin(twin):
        for used in (
            connection_io.FrameReader, service._ObjectDataInput, service._ObjectDataOutput,
            serializer._check_pickle_sizes, collection.read_entries, collection.read_object,
        ):
            assert used.__module__.endswith(suffix), (used, used.__module__)


def test_findings_are_reported():
    # the harness itself: an unchecked read is a finding
    def broken(data):
        try:
            raise MemoryError()
        except MemoryError as e:
            from hazelcast.errors import HazelcastSerializationError

            raise HazelcastSerializationError("wrapped", e) from e

    def wrapped_target(data):
        try:
            broken(data)
        except Exception as e:
            targets._unchecked(e, "test")

    with pytest.raises(targets.FuzzFinding, match="unchecked read: MemoryError"):
        targets.run_one(wrapped_target, b"x")
    with pytest.raises(targets.FuzzFinding, match="not plain data"):
        targets._check_plain({"k": [targets.FuzzFinding("x")]})


def test_allocation_findings_are_reported():
    pytest.importorskip("tracemalloc")  # measured with tracemalloc (not on PyPy)
    with pytest.raises(targets.FuzzFinding, match="allocated"):
        targets.run_one(lambda data: bytearray(64 << 20), b"", measure_allocation=True)


ATHERIS_SECONDS = max(1, int(round(float(os.environ.get("HAZELCAST_FUZZ_ATHERIS_SECONDS", "2")))))


def test_coverage_guided_run(tmp_path):
    # atheris (libFuzzer) over every target on the pure twins, instrumented: its
    # coverage guides the mutations (tests/fuzz/run.py all, the long run, briefly;
    # one process, as instrumenting the client takes a few seconds)
    if sys.implementation.name != "cpython":
        pytest.skip("atheris runs on CPython only")
    pytest.importorskip("atheris", reason="atheris is not installed (tools/setup.sh installs it where it builds)")
    import subprocess

    run = os.path.join(os.path.dirname(targets.__file__), "run.py")
    done = subprocess.run(
        [sys.executable, run, "all", "--seconds", str(ATHERIS_SECONDS), "--new-dir", str(tmp_path / "new"),
         "-seed=%d" % SEED],
        cwd=str(tmp_path), capture_output=True, text=True, timeout=120 + ATHERIS_SECONDS,
    )
    findings = [p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-", "finding-"))]
    output = done.stdout[-3000:] + done.stderr[-3000:]
    assert done.returncode == 0 and not findings, "%s\n%s" % (findings, output)
    # atheris ran, guided by the coverage of the client's code, from every target's seeds
    stats = re.search(r"INITED cov: (\d+) .*corp: (\d+)/", done.stderr)
    assert stats and "DONE" in done.stderr, output
    assert int(stats.group(1)) > 300, output  # the client's code is instrumented, not only the harness
    assert int(stats.group(2)) >= 5 * len(targets.TARGETS), output
