"""The public signatures of every official module, against ours.

tests/compat/official_api.json's ``definitions`` (tools/record_official_api.py) hold,
for every public module of the official 5.7.0 client, each public class and function
the module defines (or re-exports from the official client's private packages, as
hazelcast.asyncio does), and each public constant: a class's official base classes in
the package, its public members with their kind, parameters (names, kinds, defaults)
and async-ness, and the values of its constants (enum-like classes); a function's
parameters; a constant's value. Each is checked here, reached by the official import
path: every call the official signature accepts must work here (the official
parameters first, with the same names, kinds and defaults; ours may add parameters
that have defaults). test_compat_api.py compares the listed classes exactly,
constructors of the classes users build included; here a constructor is compared
unless only the client calls it (INTERNAL_CONSTRUCTORS). Deliberate differences,
with the reason, are in ALLOWED. The public API is also checked to be annotated
(test_official_public_api_is_annotated).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os

import pytest

from tests.unit.test_compat_modules import NOT_CARRIED
from tools.record_official_api import describe_class, describe_function

RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
with open(RECORD_PATH, encoding="utf-8") as _f:
    DEFINITIONS = json.load(_f)["definitions"]

# Classes whose constructors only the client itself calls (its services, proxies,
# readers and writers, results): their __init__ parameters wire our internals and
# are not compared (tests/unit/test_compat_api.py compares the ones users call).
INTERNAL_CONSTRUCTORS = {
    "hazelcast.cluster.ClusterService",
    "hazelcast.compact.CompactSchemaService",
    "hazelcast.connection.Connection",
    "hazelcast.connection.ConnectionManager",
    "hazelcast.cp.CPSubsystem",
    "hazelcast.invocation.Invocation",
    "hazelcast.invocation.InvocationService",
    "hazelcast.lifecycle.LifecycleService",
    "hazelcast.listener.ListenerService",
    "hazelcast.metrics.MetricDescriptor",
    "hazelcast.partition.PartitionService",
    "hazelcast.proxy.cp.SessionAwareCPProxy",
    "hazelcast.proxy.cp.fenced_lock.FencedLock",
    "hazelcast.proxy.cp.semaphore.SessionAwareSemaphore",
    "hazelcast.proxy.cp.semaphore.SessionlessSemaphore",
    "hazelcast.serialization.portable.writer.ClassDefinitionWriter",
    "hazelcast.serialization.portable.writer.DefaultPortableWriter",
    "hazelcast.sql.SqlResult",
    "hazelcast.sql.SqlService",
    "hazelcast.statistics.Statistics",
    # the asyncio faces wrap the core proxy (docs/architecture.md)
    *("hazelcast.asyncio." + name for name in (
        "AtomicLong", "AtomicReference", "CPSubsystem", "CountDownLatch", "Executor", "FencedLock",
        "FlakeIdGenerator", "List", "Map", "MultiMap", "PNCounter", "Queue", "ReliableTopic", "ReplicatedMap",
        "Ringbuffer", "Semaphore", "Set", "Topic", "VectorCollection")),
}

# The official client's machinery: objects only it holds (users reach them through
# no public attribute, only through private ones such as client._connection_manager),
# whose methods serve its own connection, invocation, listener, near cache and
# serialization code. Ours is organised differently (docs/architecture.md).
_MACHINERY = "internal machinery of the official client; users reach no such object"
# ("module.Name", member or None): why ours differs on purpose. Keep it short.
ALLOWED = {
    ("hazelcast.connection.Connection", "close_connection"): _MACHINERY + " (ours: close(reason, cause))",
    ("hazelcast.connection.Connection", "send_message"): _MACHINERY,
    **{("hazelcast.connection.ConnectionManager", name): _MACHINERY for name in (
        "add_listener", "check_invocation_allowed", "connect_to_all_cluster_members",
        "get_random_connection_for_sql", "initialized_on_cluster", "on_connection_close", "start")},
    ("hazelcast.cp.CPProxyManager", "get_or_create"): _MACHINERY,
    ("hazelcast.cp.ProxySessionManager", "get_or_create_unique_thread_id"): _MACHINERY
    + " (ours takes the caller's id: threads and asyncio tasks share the core)",
    ("hazelcast.invocation.Invocation", "pending_response"): _MACHINERY,
    ("hazelcast.invocation.Invocation", "pending_response_received_time"): _MACHINERY,
    **{("hazelcast.invocation.InvocationService", name): _MACHINERY for name in ("add_backup_listener", "init", "start")},
    **{("hazelcast.listener.ListenerService", name): _MACHINERY for name in (
        "add_event_handler", "deregister_listener", "handle_client_message", "remove_event_handler", "start")},
    **{("hazelcast.near_cache.NearCache", name): _MACHINERY + " (the official store is a dict subclass)" for name in (
        "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values")},
    ("hazelcast.serialization.compact.DefaultCompactWriter", "write_var_sized_field_positions"): _MACHINERY,
    ("hazelcast.serialization.portable.context.PortableContext", "read_class_definition"): _MACHINERY,
    ("hazelcast.serialization.portable.reader.MorphingPortableReader", "create_incompatible_class_change_error"):
        _MACHINERY,
    ("hazelcast.serialization.portable.reader.MorphingPortableReader", "validate_type_compatibility"): _MACHINERY,
    **{("hazelcast.serialization.portable.serializer.PortableSerializer", name): _MACHINERY for name in (
        "create_default_reader", "create_morphing_reader", "create_new_portable_instance", "find_portable_version",
        "write")},
    ("hazelcast.serialization.service.SerializationServiceV1", "register_class_definition"): _MACHINERY
    + " (class definitions are given in Config.class_definitions)",
    ("hazelcast.serialization.service.SerializationServiceV1", "register_class_definitions"): _MACHINERY
    + " (class definitions are given in Config.class_definitions)",
    ("hazelcast.serialization.service.SerializerRegistry", "register_from_super_type"): _MACHINERY,
}

def _callable_as_there(official, ours):
    """Whether every call the official parameters accept works the same on ours.

    The official parameters come first here with the same names, kinds and defaults
    (a parameter the official requires may have a default here); any parameter we
    add after them has a default (or is ``*args``/``**kwargs``).
    """
    if len(ours) < len(official):
        return False
    for theirs, mine in zip(official, ours):
        if (theirs["name"], theirs["kind"]) != (mine["name"], mine["kind"]):
            return False
        if theirs["default"] is not None and theirs["default"] != mine["default"]:
            return False
    return all(p["default"] is not None or p["kind"].startswith("VAR_") for p in ours[len(official):])


def _not_carried(module_name):
    names = set()
    for entry_names, _reason in NOT_CARRIED.get(module_name, ()):
        names |= set(entry_names)
    return names


def _load(path):
    module_name, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module_name), name)


def _class_problems(path, official, ours):
    problems = []
    if not isinstance(ours, type):
        return ["not a class"]
    for base in official["subclass_of"]:
        try:
            base_class = _load(base)
        except (ImportError, AttributeError):
            problems.append("base %s missing" % base)
            continue
        if not issubclass(ours, base_class):
            problems.append("not a subclass of %s" % base)
    got_class = describe_class(ours, [])
    if official["async_context_manager"] and not got_class["async_context_manager"]:
        problems.append("not an async context manager")
    outside_bases = {"%s.%s" % (c.__module__, c.__qualname__) for c in ours.__mro__}
    for name, expected in sorted(official["members"].items()):
        if (path, name) in ALLOWED or (name == "__init__" and path in INTERNAL_CONSTRUCTORS):
            continue
        if expected.get("inherited_from") in outside_bases:
            # taken from the same interpreter class (int, Enum, Exception...): what it
            # has, and how, depends on the interpreter (CPython 3.11 made the record)
            continue
        got = got_class["members"].get(name)
        if got is None:
            problems.append("%s: missing" % name)
            continue
        if expected["kind"] == "attribute":
            if "value" in expected and got.get("value") != expected["value"]:
                problems.append("%s: value is %s, official %s" % (name, got.get("value"), expected["value"]))
            continue
        for key in ("kind", "coroutine"):
            if expected.get(key) != got.get(key):
                problems.append("%s: %s is %r, official %r" % (name, key, got.get(key), expected.get(key)))
        if "parameters" in expected and not _callable_as_there(expected["parameters"], got.get("parameters", [])):
            problems.append("%s: parameters are %s, official %s"
                            % (name, _show(got.get("parameters", [])), _show(expected["parameters"])))
        if expected.get("async_context_manager") and not got.get("async_context_manager"):
            problems.append("%s: returns no async context manager" % name)
    return problems


def _function_problems(official, ours):
    if not callable(ours) or isinstance(ours, type):
        return ["not a function"]
    got = describe_function(ours)
    problems = []
    if official["coroutine"] != got["coroutine"]:
        problems.append("coroutine is %r, official %r" % (got["coroutine"], official["coroutine"]))
    if not _callable_as_there(official["parameters"], got["parameters"]):
        problems.append("parameters are %s, official %s" % (_show(got["parameters"]), _show(official["parameters"])))
    return problems


def _show(parameters):
    prefix = {"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}
    return "(%s)" % ", ".join(
        prefix.get(p["kind"], "") + p["name"] + ("" if p["default"] is None else "=" + p["default"])
        for p in parameters
    )


def test_the_record_covers_every_recorded_module():
    modules = json.load(open(RECORD_PATH, encoding="utf-8"))["modules"]
    # a module defining no class or function of its own (re-exports, constants) has no entry
    assert set(DEFINITIONS) <= set(modules)
    assert sum(len(d) for d in DEFINITIONS.values()) > 400, "re-run tools/record_official_api.py"
    for module_name, names in DEFINITIONS.items():
        assert set(names) <= set(modules[module_name]), module_name


def _carried_definitions(module_name):
    """(name, "module.name", official record) of each official definition of the
    module that we carry and that is not an allowed difference as a whole."""
    skipped = _not_carried(module_name)
    for name, official in sorted(DEFINITIONS[module_name].items()):
        path = "%s.%s" % (module_name, name)
        if name not in skipped and (path, None) not in ALLOWED:
            yield name, path, official


@pytest.mark.parametrize("module_name", sorted(DEFINITIONS))
def test_official_module_signatures_match(module_name):
    module = importlib.import_module(module_name)
    problems = []
    for name, path, official in _carried_definitions(module_name):
        if not hasattr(module, name):
            problems.append("%s: missing" % name)
            continue
        ours = getattr(module, name)
        if official["kind"] == "class":
            problems += ["%s: %s" % (name, p) for p in _class_problems(path, official, ours)]
        elif official["kind"] == "constant":
            if repr(ours) != official["value"]:
                problems.append("%s: value is %r, official %s" % (name, ours, official["value"]))
        else:
            problems += ["%s: %s" % (name, p) for p in _function_problems(official, ours)]
    assert problems == [], "%s differs from the official one:\n  %s" % (module_name, "\n  ".join(problems))


def test_allowed_differences_name_recorded_members():
    for (path, member), reason in ALLOWED.items():
        assert reason
        module_name, _, name = path.rpartition(".")
        record = DEFINITIONS[module_name][name]
        assert member is None or member in record["members"], (path, member)
    for path in INTERNAL_CONSTRUCTORS:
        module_name, _, name = path.rpartition(".")
        assert "__init__" in DEFINITIONS[module_name][name]["members"], path


def _unannotated(func):
    signature = inspect.signature(func)
    missing = [
        p.name for p in signature.parameters.values()
        if p.annotation is inspect.Parameter.empty and p.name not in ("self", "cls")
    ]
    if signature.return_annotation is inspect.Signature.empty and func.__name__ != "__init__":
        missing.append("return")
    return missing


@pytest.mark.parametrize("module_name", sorted(DEFINITIONS))
def test_official_public_api_is_annotated(module_name):
    """Each official public function, and each public method of an official class, is
    annotated here (parameters and return) by its own definition: a method implementing
    an annotated interface (the serialization readers, writers and serializers of
    hazelcast.serialization.api) carries the annotations too, so they show in its
    signature and mypy checks its body against them."""
    module = importlib.import_module(module_name)
    problems = []
    for name, path, official in _carried_definitions(module_name):
        ours = getattr(module, name)
        if official["kind"] == "constant":
            continue
        if official["kind"] != "class":
            missing = _unannotated(ours) if inspect.isfunction(ours) else []
            problems += ["%s: %s" % (name, ", ".join(missing))] if missing else []
            continue
        for member, expected in sorted(official["members"].items()):
            if (path, member) in ALLOWED or expected.get("inherited_from") or expected["kind"] in ("attribute", "property"):
                continue
            if member == "__init__" and path in INTERNAL_CONSTRUCTORS:
                continue
            raw = inspect.getattr_static(ours, member, None)
            if isinstance(raw, (staticmethod, classmethod)):
                raw = raw.__func__
            if not inspect.isfunction(raw) or not raw.__module__.startswith("hazelcast"):
                continue
            missing = _unannotated(raw)
            if missing:
                problems.append("%s.%s: %s" % (name, member, ", ".join(missing)))
    assert problems == [], "%s has unannotated public API:\n  %s" % (module_name, "\n  ".join(problems))


def _serialization_modules():
    import pkgutil

    import hazelcast.serialization

    names = ["hazelcast.serialization"]
    names += [m.name for m in pkgutil.walk_packages(hazelcast.serialization.__path__, "hazelcast.serialization.")]
    # the pure twins of the ObjectDataInput/Output the serialization modules select
    return names + ["hazelcast._speedups._data_input_py", "hazelcast._speedups._data_output_py"]


@pytest.mark.parametrize("module_name", _serialization_modules())
def test_serialization_implementations_are_annotated(module_name):
    """Every class of the serialization package (official or not: the builtin
    serializers, the Portable and Compact readers and writers, the schema writer, the
    ObjectDataInput/Output implementations) annotates each public method and its
    constructor itself, generated methods included."""
    module = importlib.import_module(module_name)
    problems = []
    for name, cls in sorted(vars(module).items()):
        if not isinstance(cls, type) or cls.__module__ != module_name:
            continue
        for member, raw in sorted(vars(cls).items()):
            if member.startswith("_") and member != "__init__":
                continue
            if isinstance(raw, (staticmethod, classmethod)):
                raw = raw.__func__
            if not inspect.isfunction(raw):
                continue
            missing = _unannotated(raw)
            if missing:
                problems.append("%s.%s: %s" % (name, member, ", ".join(missing)))
    assert problems == [], "%s has unannotated methods:\n  %s" % (module_name, "\n  ".join(problems))
