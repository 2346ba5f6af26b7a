"""Future semantics as the official client defines them."""

from __future__ import annotations

import threading
import time

import pytest

from hazelcast.future import (
    Future,
    ImmediateExceptionFuture,
    ImmediateFuture,
    combine_futures,
    make_blocking,
)


def test_result_waits_for_another_thread():
    f = Future()
    threading.Timer(0.05, f.set_result, ("done",)).start()
    assert not f.done()
    assert f.result() == "done"
    assert f.done() and f.is_success() and not f.running()


def test_exception_is_raised_by_result_and_returned_by_exception():
    f = Future()
    f.set_exception(KeyError("k"))
    with pytest.raises(KeyError):
        f.result()
    assert isinstance(f.exception(), KeyError)
    assert not f.is_success()


def test_completes_only_once():
    f = Future()
    f.set_result(1)
    f.set_result(2)
    f.set_exception(ValueError())
    assert f.result() == 1


def test_set_exception_rejects_non_exceptions():
    with pytest.raises(RuntimeError):
        Future().set_exception("not an exception")


def test_callbacks_run_on_completion_and_immediately_when_done():
    f = Future()
    seen = []
    f.add_done_callback(lambda x: seen.append(("first", x.result())))
    f.set_result(5)
    f.add_done_callback(lambda x: seen.append(("late", x.result())))
    assert seen == [("first", 5), ("late", 5)]


def test_a_failing_callback_does_not_stop_the_others():
    f = Future()
    seen = []
    f.add_done_callback(lambda x: 1 / 0)
    f.add_done_callback(lambda x: seen.append(x.result()))
    f.set_result(3)
    assert seen == [3]


def test_continue_with_chains_values_futures_and_errors():
    f = Future()
    plus_one = f.continue_with(lambda x: x.result() + 1)
    nested = f.continue_with(lambda x, extra: ImmediateFuture(x.result() * extra), 10)
    failing = f.continue_with(lambda x: {}["missing"])
    f.set_result(4)
    assert plus_one.result() == 5
    assert nested.result() == 40
    with pytest.raises(KeyError):
        failing.result()


def test_continue_with_sees_the_error_of_the_source():
    f = ImmediateExceptionFuture(ValueError("bad"))
    recovered = f.continue_with(lambda x: "recovered from %s" % x.exception())
    assert recovered.result() == "recovered from bad"


def test_combine_futures_keeps_order_and_fails_on_any_error():
    a, b = Future(), Future()
    combined = combine_futures([a, b])
    b.set_result("b")
    assert not combined.done()
    a.set_result("a")
    assert combined.result() == ["a", "b"]

    c = combine_futures([ImmediateFuture(1), ImmediateExceptionFuture(IndexError())])
    with pytest.raises(IndexError):
        c.result()
    assert combine_futures([]).result() == []


def test_make_blocking_returns_results_and_passes_other_values():
    class Proxy:
        name = "p"

        def get(self, key):
            return ImmediateFuture(key * 2)

        def plain(self):
            return 7

        def blocking(self):
            return make_blocking(self)

    blocking = make_blocking(Proxy())
    assert blocking.get(21) == 42
    assert blocking.plain() == 7
    assert blocking.name == "p"
    assert blocking.blocking() is blocking


def test_many_threads_waiting_on_one_future():
    f = Future()
    results = []
    threads = [threading.Thread(target=lambda: results.append(f.result())) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    f.set_result("x")
    for t in threads:
        t.join(5)
    assert results == ["x"] * 8


class _ReadsOwnResponse(Future):
    """A request whose waiting caller reads the response itself (as the threaded
    transport lets it): waiting completes it on the waiting thread. A timer
    stands for the reader thread, which would complete it otherwise."""

    __slots__ = ("value", "timer")

    def __init__(self, value):
        super().__init__()
        self.value = value
        self.timer = threading.Timer(2.0, self.set_result, (value,))
        self.timer.start()

    def _wait(self):
        self.timer.cancel()
        self.set_result(self.value)


def test_waiting_on_a_continuation_lets_its_request_complete_on_the_waiting_thread():
    # The client's own continuations (a near-cached map's set, a merge of get_all's
    # partitions) wait on their requests first: the waiting caller reads the
    # response and completes the whole chain, with no hand-off from another thread.
    ran_on = []

    def plus_one(done):
        ran_on.append(threading.get_ident())
        return done.result() + 1

    chained = _ReadsOwnResponse(1)._then(plus_one)._then(plus_one)
    assert chained.result() == 3
    assert ran_on == [threading.get_ident()] * 2

    combined = combine_futures([_ReadsOwnResponse(i) for i in range(3)])._then(lambda f: sum(f.result()))
    started = time.monotonic()
    assert combined.result() == 3
    assert time.monotonic() - started < 1.0
