"""Our public API against the official client's, as recorded from its 5.7.0 wheel.

tests/compat/official_api.json is written by tools/record_official_api.py (see its
docstring to re-run it). For every class listed in EXPECTED, each official public
member must exist here with the same kind (method, property, classmethod...), the
same parameter names, kinds and defaults, and the same async-ness. A class that
cannot be imported fails: it is expected to exist, not optional.
"""

from __future__ import annotations

import importlib
import json
import os

import pytest

from tools.record_official_api import CLASSES, FUNCTION_MODULES, describe_function, describe_member, member_names, module_functions

RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
with open(RECORD_PATH, encoding="utf-8") as _f:
    RECORD = json.load(_f)

# One test per recorded class (tools/record_official_api.CLASSES, official import
# paths): every one is expected to exist here, so one not importable yet fails.
EXPECTED = CLASSES

# Constructors are compared only where users call them; the others take internals.
USER_CONSTRUCTED = {
    "hazelcast.client.HazelcastClient",
    "hazelcast.asyncio.HazelcastClient",
    "hazelcast.future.ImmediateFuture",
    "hazelcast.future.ImmediateExceptionFuture",
    "hazelcast.core.HazelcastJsonValue",
    "hazelcast.core.MemberInfo",
    "hazelcast.core.EndpointQualifier",
    "hazelcast.core.SimpleEntryView",
    "hazelcast.core.Address",
    "hazelcast.core.MapEntry",
    "hazelcast.serialization.data.Data",
    "hazelcast.serialization.portable.classdef.ClassDefinitionBuilder",
}

# (class, member): why ours differs on purpose. Keep it short.
ALLOWED = {
    ("hazelcast.core.MemberInfo", "__init__"): "its last two parameters have defaults (the member-list codec "
    "passes the address map sixth); the official 7-argument call works (tests/unit/test_compat_details.py)",
}


# Members official exception classes inherit from CPython 3.11's BaseException
# (the record's interpreter), absent from older ones such as PyPy 3.9's.
_NEWER_EXCEPTION_MEMBERS = {"add_note"}


def _load(target):
    module_name, _, class_name = target.rpartition(".")
    return getattr(importlib.import_module(module_name), class_name)


def test_the_record_holds_the_listed_classes():
    assert sorted(EXPECTED) == sorted(RECORD["classes"]), "re-run tools/record_official_api.py"
    assert RECORD["version"] == "5.7.0"


@pytest.mark.parametrize("target", EXPECTED)
def test_official_members_exist_with_the_same_signature(target):
    official = RECORD["classes"][target]
    try:
        ours = _load(target)
    except (ImportError, AttributeError) as e:
        pytest.fail("%s is expected but cannot be imported: %s: %s" % (target, type(e).__name__, e))
    problems = []
    for other in official["subclass_of"]:
        try:
            base = _load(other)
        except (ImportError, AttributeError):
            continue  # reported by that class's own test
        if not issubclass(ours, base):
            problems.append("not a subclass of %s" % other)
    if official["async_context_manager"] and not hasattr(ours, "__aenter__"):
        problems.append("not an async context manager")
    names = set(member_names(ours))
    for name, expected in sorted(official["members"].items()):
        if (target, name) in ALLOWED or (name == "__init__" and target not in USER_CONSTRUCTED):
            continue
        if name not in names:
            if name in _NEWER_EXCEPTION_MEMBERS and issubclass(ours, BaseException) and not hasattr(BaseException, name):
                continue  # recorded on CPython 3.11; this interpreter's exceptions lack it
            problems.append("%s: missing" % name)
            continue
        got = describe_member(ours, name)
        if expected["kind"] == "attribute":
            continue  # a slot or class attribute: being there is enough
        for key in ("kind", "coroutine", "parameters"):
            if expected.get(key) != got.get(key):
                problems.append("%s: %s is %r, official %r" % (name, key, got.get(key), expected.get(key)))
        # Returning an async context manager where the official does not only adds a use.
        if expected.get("async_context_manager") and not got.get("async_context_manager"):
            problems.append("%s: returns no async context manager" % name)
    assert problems == [], "%s differs from the official %s:\n  %s" % (target, RECORD["version"], "\n  ".join(problems))


@pytest.mark.parametrize("module_name", FUNCTION_MODULES)
def test_official_functions_exist_with_the_same_signature(module_name):
    official = {
        name.rpartition(".")[2]: record
        for name, record in RECORD["functions"].items()
        if name.rpartition(".")[0] == module_name
    }
    assert official, "re-run tools/record_official_api.py"
    try:
        ours = module_functions(importlib.import_module(module_name))
    except ImportError as e:
        pytest.fail("%s is expected but cannot be imported: %s" % (module_name, e))
    problems = []
    for name, expected in sorted(official.items()):
        if name not in ours:
            problems.append("%s: missing" % name)
            continue
        got = describe_function(ours[name])
        for key in ("coroutine", "parameters"):
            if expected.get(key) != got.get(key):
                problems.append("%s: %s is %r, official %r" % (name, key, got.get(key), expected.get(key)))
    assert problems == [], "%s differs from the official %s:\n  %s" % (module_name, RECORD["version"], "\n  ".join(problems))


def test_allowed_differences_name_recorded_members():
    for target, name in ALLOWED:
        assert name in RECORD["classes"][target]["members"]
