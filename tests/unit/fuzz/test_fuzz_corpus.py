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
