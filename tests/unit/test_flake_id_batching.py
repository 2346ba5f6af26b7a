"""The FlakeIdGenerator's batching with a fake clock and a fake cluster, and how
its configuration is found by name."""

from __future__ import annotations

import threading

import pytest

from hazelcast.config import FlakeIdGeneratorConfig
from hazelcast.errors import HazelcastError, InvalidConfigurationError
from hazelcast.future import Future
from hazelcast.proxy.flake_id_generator import _AutoBatcher, _IdBatch, find_config


class FakeCluster:
    """Hands out batches on request; the test completes them when it likes."""

    def __init__(self, increment=1):
        self.requests = []  # (batch size, Future)
        self.next_base = 0
        self.increment = increment

    def fetch(self, batch_size):
        future = Future()
        self.requests.append((batch_size, future))
        return future

    def answer(self, index=-1):
        batch_size, future = self.requests[index]
        batch = _IdBatch(self.next_base, self.increment, batch_size)
        self.next_base += batch_size * self.increment
        future.set_result(batch)


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_ids_come_from_one_fetched_batch_until_it_runs_out():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(3, 10, cluster.fetch, clock)
    first = batcher.new_id()
    assert not first.done() and len(cluster.requests) == 1 and cluster.requests[0][0] == 3
    second = batcher.new_id()  # waits for the same fetch
    assert len(cluster.requests) == 1
    cluster.answer()
    assert (first.result(), second.result()) == (0, 1)
    assert batcher.new_id().result() == 2  # from the batch, no fetch
    assert len(cluster.requests) == 1
    fourth = batcher.new_id()
    assert len(cluster.requests) == 2
    cluster.answer()
    assert fourth.result() == 3


def test_a_batch_is_never_used_after_its_validity():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(100, 2.0, cluster.fetch, clock)
    f = batcher.new_id()
    cluster.answer()
    assert f.result() == 0
    clock.now += 1.999
    assert batcher.new_id().result() == 1
    clock.now += 0.001  # the batch expires now: its 98 ids left are dropped
    expired = batcher.new_id()
    assert not expired.done()
    assert len(cluster.requests) == 2
    cluster.answer()
    assert expired.result() == 100
    clock.now += 1.5
    assert batcher.new_id().result() == 101  # the new batch is valid from its arrival


def test_a_used_up_batch_makes_a_spare_batch_be_fetched_ahead():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(2, 10, cluster.fetch, clock)
    first = batcher.new_id()
    cluster.answer()  # batch [0, 1]
    assert first.result() == 0 and batcher.new_id().result() == 1
    third = batcher.new_id()  # used up within its validity: ids are in demand
    assert len(cluster.requests) == 2
    cluster.answer()  # batch [2, 3] serves the caller, and a spare is requested
    assert third.result() == 2
    assert len(cluster.requests) == 3
    cluster.answer()  # the spare [4, 5]
    assert batcher.new_id().result() == 3
    assert batcher.new_id().result() == 4  # no wait: the spare takes over...
    assert len(cluster.requests) == 4  # ...and the next spare is on its way
    assert batcher.new_id().result() == 5
    waiting = batcher.new_id()  # the next spare has not arrived yet
    assert not waiting.done()
    cluster.answer()
    assert waiting.result() == 6


def test_more_batches_are_fetched_ahead_while_callers_outpace_the_fetches_and_none_once_idle():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(1, 10, cluster.fetch, clock)
    first = batcher.new_id()
    cluster.answer(0)
    assert first.result() == 0
    waiting = [batcher.new_id()]  # used up, no spare: one fetch, one spare wanted
    assert len(cluster.requests) == 2
    cluster.answer(1)
    assert len(cluster.requests) == 3  # the spare
    waiting.append(batcher.new_id())  # the spare is late: two wanted
    assert len(cluster.requests) == 4
    waiting.append(batcher.new_id())  # still late: four wanted
    assert len(cluster.requests) == 6
    for i in range(2, 6):
        cluster.answer(i)
    results = [f.result() for f in waiting]
    assert len(set(results)) == 3
    assert len(cluster.requests) <= 6 + 4  # never more than four spares ahead
    issued = len(cluster.requests)
    assert issued == 8  # two still in flight
    clock.now += 10  # everything expires unused: demand is low
    late = batcher.new_id()
    assert not late.done()
    assert len(cluster.requests) == issued  # a fetch in flight will serve it
    cluster.answer()
    assert late.result() > max(results)
    assert len(cluster.requests) == issued  # nothing fetched ahead any more
    cluster.answer(-2)  # the last one in flight becomes a spare
    assert len(cluster.requests) == issued


def test_an_expired_spare_is_never_used():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(1, 5, cluster.fetch, clock)
    f = batcher.new_id()
    cluster.answer()
    assert f.result() == 0
    g = batcher.new_id()  # used up: a spare will be fetched after this batch
    cluster.answer()
    assert g.result() == 1
    cluster.answer()  # the spare [2], valid for 5 s from now
    clock.now += 5
    h = batcher.new_id()
    assert not h.done()  # the spare expired: a new batch is fetched
    assert len(cluster.requests) == 4
    cluster.answer()
    assert h.result() == 3


def test_zero_validity_means_no_expiry():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(5, 0, cluster.fetch, clock)
    f = batcher.new_id()
    cluster.answer()
    clock.now += 10**9
    assert [f.result()] + [batcher.new_id().result() for _ in range(4)] == [0, 1, 2, 3, 4]
    assert len(cluster.requests) == 1


def test_more_waiting_callers_than_a_batch_holds_fetch_again():
    cluster, clock = FakeCluster(increment=10), FakeClock()
    batcher = _AutoBatcher(2, 10, cluster.fetch, clock)
    waiting = [batcher.new_id() for _ in range(5)]
    assert len(cluster.requests) == 1
    cluster.answer()
    assert [f.result() for f in waiting[:2]] == [0, 10]
    assert len(cluster.requests) == 2
    cluster.answer()
    assert [f.result() for f in waiting[2:4]] == [20, 30]
    cluster.answer(2)
    assert waiting[4].result() == 40
    assert batcher.new_id().result() == 50


def test_a_failed_fetch_fails_the_waiting_callers_and_the_next_call_fetches_again():
    cluster, clock = FakeCluster(), FakeClock()
    batcher = _AutoBatcher(2, 10, cluster.fetch, clock)
    waiting = [batcher.new_id() for _ in range(3)]
    cluster.requests[0][1].set_exception(HazelcastError("node id overflow"))
    for f in waiting:
        with pytest.raises(HazelcastError, match="overflow"):
            f.result()
    again = batcher.new_id()
    assert len(cluster.requests) == 2
    cluster.answer()
    assert again.result() == 0


def test_threads_share_batches_without_duplicates():
    clock = FakeClock()
    lock = threading.Lock()
    state = {"base": 0}

    def fetch(batch_size):
        # Answered at once, on the calling thread, as a fast member would.
        with lock:
            base = state["base"]
            state["base"] += batch_size
        f = Future()
        f.set_result(_IdBatch(base, 1, batch_size))
        return f

    batcher = _AutoBatcher(7, 10, fetch, clock)
    results = [[] for _ in range(8)]
    errors = []

    def take(out):
        try:
            for _ in range(5000):
                out.append(batcher.new_id().result())
        except BaseException as e:  # a caller must never see the batch run out under it
            errors.append(e)

    threads = [threading.Thread(target=take, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ids = [i for r in results for i in r]
    assert len(ids) == len(set(ids)) == 40000


def test_config_is_found_by_exact_name_then_best_wildcard_then_default():
    exact, prefix, longer, suffix, default = (FlakeIdGeneratorConfig() for _ in range(5))
    configs = {"ids": exact, "ids*": prefix, "ids-or*": longer, "*-x": suffix, "default": default}
    assert find_config(configs, "ids") is exact
    assert find_config(configs, "ids@partition-key") is exact
    assert find_config(configs, "idsX") is prefix
    assert find_config(configs, "ids-orders") is longer
    assert find_config(configs, "other-x") is suffix
    assert find_config(configs, "other") is default
    assert find_config({"ids*": prefix}, "other") is None


def test_equally_good_wildcards_are_refused():
    configs = {"a*": FlakeIdGeneratorConfig(), "*b": FlakeIdGeneratorConfig()}
    with pytest.raises(InvalidConfigurationError):
        find_config(configs, "ab")
