"""A transaction's requests go to the member one at a time, in the order they were
made: the member keeps a transaction's state without synchronisation, so
overlapping calls (asyncio tasks gathering them, Futures, threads) could lose
writes there. No member here: a fake invocation service records what is sent."""

from __future__ import annotations

import threading
import types
import uuid

from hazelcast.errors import TargetDisconnectedError
from hazelcast.invocation import Invocation
from hazelcast.transaction import TWO_PHASE, Transaction


class FakeInvocationService:
    def __init__(self, answer_at_once=None):
        self.sent = []
        self.lock = threading.Lock()
        self.answer_at_once = answer_at_once  # an error to fail each request with on sending

    def invoke(self, invocation):
        with self.lock:
            self.sent.append(invocation)
        if self.answer_at_once is not None:
            invocation.set_exception(self.answer_at_once)


def make_transaction(service):
    context = types.SimpleNamespace(invocation_service=service, caller_id=threading.get_ident)
    t = Transaction(context, connection=object(), timeout=120, durability=1, transaction_type=TWO_PHASE)
    t.state = "active"
    t.id = uuid.uuid4()
    t.thread_id = threading.get_ident()
    t._deadline = float("inf")
    return t


def in_flight(service):
    return [i for i in service.sent if not i.done()]


def test_one_request_in_flight_and_the_order_kept():
    service = FakeInvocationService()
    t = make_transaction(service)
    invocations = [Invocation("request-%d" % i, connection=t.connection) for i in range(5)]
    for invocation in invocations:
        t._send(invocation)
    assert service.sent == invocations[:1]
    for i, invocation in enumerate(invocations):
        assert in_flight(service) == [invocation]
        invocation.set_result(i)
    assert service.sent == invocations and in_flight(service) == []
    # Idle again: the next request goes at once.
    later = Invocation("later", connection=t.connection)
    t._send(later)
    assert service.sent[-1] is later


def test_commit_waits_for_the_requests_made_before_it():
    service = FakeInvocationService()
    t = make_transaction(service)
    put = Invocation("put", connection=t.connection)
    t._send(put)
    committed = t._commit()
    assert service.sent == [put]  # the commit is not sent while the put is in flight
    put.set_result(None)
    assert len(service.sent) == 2
    service.sent[1].set_result(None)
    committed.result()
    assert t.state == "committed"


def test_requests_failing_as_they_are_sent_do_not_pile_up_the_stack():
    error = TargetDisconnectedError("closed")
    service = FakeInvocationService()
    t = make_transaction(service)
    first = Invocation("first", connection=t.connection)
    t._send(first)
    queued = [Invocation("queued-%d" % i, connection=t.connection) for i in range(5000)]
    for invocation in queued:
        t._send(invocation)
    service.answer_at_once = error  # e.g. the connection closed: every send fails at once
    first.set_exception(error)  # no RecursionError: the queue drains in a loop
    assert len(service.sent) == 5001
    assert all(i.exception() is error for i in queued)


def test_requests_from_many_threads_never_overlap():
    service = FakeInvocationService()
    t = make_transaction(service)
    overlaps = []

    def answer_all():
        # The member: answers whatever is in flight, checking there is one at most.
        answered = 0
        while answered < 8 * 200:
            pending = in_flight(service)
            if len(pending) > 1:
                overlaps.append(len(pending))
            if pending:
                pending[0].set_result(None)
                answered += 1

    def caller():
        for i in range(200):
            t._send(Invocation(i, connection=t.connection))

    member = threading.Thread(target=answer_all)
    member.start()
    callers = [threading.Thread(target=caller) for _ in range(8)]
    for c in callers:
        c.start()
    for c in callers:
        c.join(60)
    member.join(60)
    assert not member.is_alive() and overlaps == []
    assert len(service.sent) == 1600 and in_flight(service) == []
