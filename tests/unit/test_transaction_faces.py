"""Every official method of the transaction classes exists in both clients' faces:
the official (blocking) classes, and the asyncio client's awaited twins."""

from __future__ import annotations

import inspect
import json
import os

import pytest

from hazelcast.internal import asyncio_transaction
from hazelcast.proxy.transactional_list import TransactionalList
from hazelcast.proxy.transactional_map import TransactionalMap
from hazelcast.proxy.transactional_multi_map import TransactionalMultiMap
from hazelcast.proxy.transactional_queue import TransactionalQueue
from hazelcast.proxy.transactional_set import TransactionalSet
from hazelcast.transaction import ONE_PHASE, TWO_PHASE, Transaction

RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
with open(RECORD_PATH, encoding="utf-8") as _f:
    RECORD = json.load(_f)["classes"]

CLASSES = [Transaction, TransactionalMap, TransactionalMultiMap, TransactionalQueue, TransactionalList, TransactionalSet]
# Context-manager and constructor methods: the asyncio face has its own.
NOT_AWAITED = {"__init__", "__enter__", "__exit__", "get_list", "get_map", "get_multi_map", "get_queue", "get_set"}


def _official_methods(cls):
    members = RECORD["%s.%s" % (cls.__module__, cls.__name__)]["members"]
    return sorted(name for name, member in members.items() if member["kind"] == "method")


def test_constants_match_the_official_client():
    assert (TWO_PHASE, ONE_PHASE) == (1, 2)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_official_class_has_every_method(cls):
    methods = _official_methods(cls)
    assert methods, cls
    assert [name for name in methods if not callable(getattr(cls, name, None))] == []


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_asyncio_face_awaits_every_method_with_the_same_parameters(cls):
    face = getattr(asyncio_transaction, cls.__name__)
    problems = []
    for name in _official_methods(cls):
        if name in ("__init__", "__enter__", "__exit__"):
            continue
        ours = getattr(face, name, None)
        if ours is None:
            problems.append("%s: missing" % name)
            continue
        if (name not in NOT_AWAITED) != inspect.iscoroutinefunction(ours):
            problems.append("%s: awaited is %s" % (name, inspect.iscoroutinefunction(ours)))
        if list(inspect.signature(ours).parameters) != list(inspect.signature(getattr(cls, name)).parameters):
            problems.append("%s: parameters differ" % name)
        # The core method the face awaits exists (one body per method).
        if name not in NOT_AWAITED and cls is not Transaction:
            assert callable(getattr(cls, "_" + name, None)), name
    assert problems == []
    if cls is Transaction:
        assert hasattr(face, "__aenter__") and hasattr(face, "__aexit__")
