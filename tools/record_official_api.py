"""Records the public API of the official Hazelcast Python client to tests/compat/official_api.json.

tests/unit/test_compat_api.py checks our classes against that record. The record
holds facts only (member names, parameters, defaults, async-ness), no source text.

Re-run it (needs network access to PyPI and Python >= 3.11, as the official 5.7.0
client does) after changing the version or the list of classes below:

    python3 tools/record_official_api.py                   # downloads the wheel with pip
    python3 tools/record_official_api.py --wheel FILE.whl  # or uses a wheel at hand

It downloads ``hazelcast-python-client==VERSION`` with ``pip download --no-deps``,
unzips it in a temporary directory and imports it in a subprocess whose
PYTHONPATH points there (never this checkout), then writes the JSON.

Format: ``{"version": ..., "classes": {"module.Class": {"subclass_of": [...],
"async_context_manager": bool, "members": {name: member}}}, "functions":
{"module.function": member}, "modules": {"module": [public name, ...]}, "definitions":
{"module": {name: class record, member or constant}}}`` (``definitions``: every public
class, function and constant each recorded module defines, and the classes and
functions it re-exports from the private packages; a constant is ``{"kind":
"constant", "value": repr}``; a class record is ``{"kind": "class",
"subclass_of", "async_context_manager", "members"}``, its constant attributes carry
their ``"value"`` and the members it takes from the interpreter's classes their
``"inherited_from"``) where a member is
``{"kind": "method" | "classmethod" | "staticmethod" | "property" | "attribute" | "function",
"coroutine": bool, "async_context_manager": bool, "parameters": [{"name", "kind",
"default"}]}``; ``kind`` of a parameter is an ``inspect.Parameter`` kind name,
``default`` is the ``repr`` of the default or ``null`` when there is none.
Members are the public names (no leading ``_``) plus the dunders in ``DUNDERS``
that the class does not take from ``object``.
"""

from __future__ import annotations

import argparse
import ast
import glob
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import typing
import zipfile

VERSION = "5.7.0"

_STRUCTURES = [
    # (module under hazelcast.proxy, classes, whether the asyncio client has a face)
    ("map", ["Map", "BlockingMap"], True),
    ("queue", ["Queue", "BlockingQueue"], True),
    ("list", ["List", "BlockingList"], True),
    ("set", ["Set", "BlockingSet"], True),
    ("multi_map", ["MultiMap", "BlockingMultiMap"], True),
    ("replicated_map", ["ReplicatedMap", "BlockingReplicatedMap"], True),
    ("topic", ["Topic", "BlockingTopic"], True),
    ("reliable_topic", ["ReliableTopic", "BlockingReliableTopic", "ReliableMessageListener"], True),
    ("ringbuffer", ["Ringbuffer", "BlockingRingbuffer", "ReadResult"], True),
    ("pn_counter", ["PNCounter", "BlockingPNCounter"], True),
    ("flake_id_generator", ["FlakeIdGenerator", "BlockingFlakeIdGenerator"], True),
    ("executor", ["Executor", "BlockingExecutor"], True),
    ("transactional_map", ["TransactionalMap"], False),
    ("transactional_multi_map", ["TransactionalMultiMap"], False),
    ("transactional_queue", ["TransactionalQueue"], False),
    ("transactional_list", ["TransactionalList"], False),
    ("transactional_set", ["TransactionalSet"], False),
]

CLASSES = [
    "hazelcast.client.HazelcastClient",
    "hazelcast.proxy.base.Proxy",
    "hazelcast.proxy.base.ItemEvent",
    "hazelcast.proxy.base.EntryEvent",
    "hazelcast.proxy.base.TopicMessage",
    "hazelcast.future.Future",
    "hazelcast.lifecycle.LifecycleService",
    "hazelcast.cluster.ClusterService",
    "hazelcast.partition.PartitionService",
    "hazelcast.predicate.Predicate",
    "hazelcast.predicate.PagingPredicate",
    "hazelcast.aggregator.Aggregator",
    "hazelcast.projection.Projection",
    "hazelcast.transaction.Transaction",
    "hazelcast.sql.SqlService",
    "hazelcast.sql.SqlResult",
    "hazelcast.sql.SqlRow",
    "hazelcast.sql.SqlRowMetadata",
    "hazelcast.sql.SqlColumnMetadata",
    "hazelcast.sql.SqlColumnType",
    "hazelcast.sql.SqlExpectedResultType",
    "hazelcast.sql.HazelcastSqlError",
    "hazelcast.internal.asyncio_sql.SqlService",
    "hazelcast.internal.asyncio_sql.SqlResult",
    "hazelcast.db.Connection",
    "hazelcast.db.Cursor",
    "hazelcast.db.DatabaseError",
    "hazelcast.cp.CPSubsystem",
    "hazelcast.proxy.cp.atomic_long.AtomicLong",
    "hazelcast.proxy.cp.atomic_long.BlockingAtomicLong",
    "hazelcast.proxy.cp.atomic_reference.AtomicReference",
    "hazelcast.proxy.cp.atomic_reference.BlockingAtomicReference",
    "hazelcast.proxy.cp.count_down_latch.CountDownLatch",
    "hazelcast.proxy.cp.count_down_latch.BlockingCountDownLatch",
    "hazelcast.proxy.cp.fenced_lock.FencedLock",
    "hazelcast.proxy.cp.fenced_lock.BlockingFencedLock",
    "hazelcast.proxy.cp.semaphore.Semaphore",
    "hazelcast.proxy.cp.semaphore.SessionAwareSemaphore",
    "hazelcast.proxy.cp.semaphore.SessionlessSemaphore",
    "hazelcast.proxy.cp.semaphore.BlockingSemaphore",
    "hazelcast.internal.asyncio_proxy.cp_manager.CPSubsystem",
    "hazelcast.internal.asyncio_proxy.atomic_long.AtomicLong",
    "hazelcast.internal.asyncio_proxy.atomic_reference.AtomicReference",
    "hazelcast.internal.asyncio_proxy.countdown_latch.CountDownLatch",
    "hazelcast.internal.asyncio_proxy.fenced_lock.FencedLock",
    "hazelcast.internal.asyncio_proxy.semaphore.Semaphore",
    # hazelcast.asyncio re-exports these from hazelcast.internal.asyncio_client and
    # hazelcast.internal.asyncio_lock_context.
    "hazelcast.asyncio.HazelcastClient",
    "hazelcast.asyncio.LockContext",
    "hazelcast.internal.asyncio_proxy.base.Proxy",
    # Value and serialization classes users build or are handed (issue 13, item 10).
    "hazelcast.future.ImmediateFuture",
    "hazelcast.future.ImmediateExceptionFuture",
    "hazelcast.core.HazelcastJsonValue",
    "hazelcast.core.MemberInfo",
    "hazelcast.core.EndpointQualifier",
    "hazelcast.core.SimpleEntryView",
    "hazelcast.core.Address",
    "hazelcast.core.MapEntry",
    "hazelcast.serialization.data.Data",
    "hazelcast.serialization.api.PortableReader",
    "hazelcast.serialization.api.PortableWriter",
    "hazelcast.serialization.portable.reader.DefaultPortableReader",
    "hazelcast.serialization.portable.writer.DefaultPortableWriter",
    "hazelcast.serialization.portable.classdef.FieldType",
    "hazelcast.serialization.portable.classdef.ClassDefinitionBuilder",
]
for _module, _classes, _has_asyncio_face in _STRUCTURES:
    CLASSES += ["hazelcast.proxy.%s.%s" % (_module, c) for c in _classes]
    if _has_asyncio_face:
        CLASSES.append("hazelcast.internal.asyncio_proxy.%s.%s" % (_module, _classes[0]))

# Modules whose public functions are recorded too (factories users call).
FUNCTION_MODULES = ["hazelcast.predicate", "hazelcast.aggregator", "hazelcast.projection", "hazelcast.db", "hazelcast.hash"]

# Every official module is recorded with its public names ("modules" in the record),
# except the ones under these prefixes: the official client's private packages, its
# wire layer (ours is generated from the protocol definitions and checked by the codec
# freshness test) and its asyncore reactor (our transports replace it).
PRIVATE_MODULE_PREFIXES = ("hazelcast.internal", "hazelcast.protocol", "hazelcast.reactor", "hazelcast.asyncore")

DUNDERS = ("__init__", "__aenter__", "__aexit__", "__enter__", "__exit__")

_REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_OUTPUT = os.path.join(_REPO_ROOT, "tests", "compat", "official_api.json")


def _is_async_cm(obj: typing.Any) -> bool:
    return isinstance(obj, type) and hasattr(obj, "__aenter__") and hasattr(obj, "__aexit__")


def _returns_async_cm(func: typing.Any) -> bool:
    wrapped = getattr(func, "__wrapped__", None)
    if wrapped is not None and inspect.isasyncgenfunction(wrapped):
        return True  # @contextlib.asynccontextmanager
    try:
        hint = typing.get_type_hints(func).get("return")
    except Exception:  # pylint: disable=broad-except
        hint = inspect.signature(func).return_annotation  # a name only TYPE_CHECKING imports
    return _is_async_cm(typing.get_origin(hint) or hint)


def _repr(value: typing.Any) -> str:
    # without the address a function's repr holds: "<function name>"
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def describe_member(cls: type, name: str) -> dict:
    """The record of one member of ``cls`` (see the module docstring)."""
    raw = inspect.getattr_static(cls, name)
    if isinstance(raw, property):
        return {"kind": "property", "coroutine": False, "async_context_manager": False}
    kind = "method"
    if isinstance(raw, (classmethod, staticmethod)):
        kind, raw = type(raw).__name__, raw.__func__
    if not inspect.isfunction(raw):
        return {"kind": "attribute", "type": type(raw).__name__}
    return {
        "kind": kind,
        "coroutine": inspect.iscoroutinefunction(raw),
        "async_context_manager": _returns_async_cm(raw),
        "parameters": [
            {
                "name": p.name,
                "kind": p.kind.name,
                "default": None if p.default is inspect.Parameter.empty else _repr(p.default),
            }
            for p in inspect.signature(raw).parameters.values()
        ],
    }


def member_names(cls: type) -> typing.List[str]:
    """The recorded members of ``cls``: public names and the ``DUNDERS`` it defines."""
    names = [n for n in dir(cls) if not n.startswith("_")]
    names += [n for n in DUNDERS if hasattr(cls, n) and getattr(cls, n) is not getattr(object, n, None)]
    return sorted(names)


def module_functions(module: typing.Any) -> typing.Dict[str, typing.Any]:
    """The public functions defined in ``module`` (not the ones it imports)."""
    return {
        name: obj
        for name, obj in vars(module).items()
        if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == module.__name__
    }


def describe_function(func: typing.Any) -> dict:
    """The record of one module-level function: as a method's, minus the kind."""
    holder = type("_Holder", (), {"f": staticmethod(func)})
    record = describe_member(holder, "f")
    record["kind"] = "function"
    return record


def _introspect_functions(modules: typing.List[str]) -> dict:
    """Runs inside the official package: the record of the modules' functions."""
    return {
        "%s.%s" % (module_name, name): describe_function(func)
        for module_name in modules
        for name, func in module_functions(importlib.import_module(module_name)).items()
    }


def public_module_names(path: str) -> typing.List[str]:
    """The public names a module's source defines at its top level, plus its ``__all__``.

    Names it only imports from elsewhere are left out (unless ``__all__`` lists them),
    except in a package's ``__init__.py``, where a name imported from a public module
    of the client is a re-export (``hazelcast.HazelcastClient``).
    """
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    is_package = os.path.basename(path) == "__init__.py"
    names = set()
    for node in tree.body:
        if (
            is_package
            and isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("hazelcast.")
            and not (node.module or "").startswith(PRIVATE_MODULE_PREFIXES)
        ):
            names.update(alias.asname or alias.name for alias in node.names if alias.name != "*")
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    if target.id == "__all__":
                        names.update(ast.literal_eval(node.value))
                    names.add(target.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return sorted(n for n in names if not n.startswith("_"))


def _introspect_modules() -> dict:
    """Runs inside the official package: every public module and its public names."""
    import hazelcast  # the official one: PYTHONPATH points at the unpacked wheel

    root = os.path.dirname(os.path.dirname(os.path.abspath(hazelcast.__file__)))
    modules = {}
    for dirpath, _, filenames in os.walk(os.path.join(root, "hazelcast")):
        for filename in filenames:
            if not filename.endswith(".py"):
                continue
            path = os.path.join(dirpath, filename)
            name = os.path.relpath(path, root)[: -len(".py")].replace(os.sep, ".")
            if name.endswith(".__init__"):
                name = name[: -len(".__init__")]
            if name.startswith(PRIVATE_MODULE_PREFIXES):
                continue
            module = importlib.import_module(name)
            modules[name] = [n for n in public_module_names(path) if hasattr(module, n)]
    return modules


_CONSTANT_TYPES = (bool, int, float, str, bytes, type(None))


def describe_class(cls: type, hazelcast_bases: typing.List[str]) -> dict:
    """The record of one class of a module's public names (``definitions``).

    ``hazelcast_bases`` are the ``module.Class`` paths of the package's classes it
    subclasses. Attributes holding a constant (an enum-like class's values) carry it;
    members a class takes from outside the package carry ``inherited_from``.
    """
    members = {}
    for name in member_names(cls):
        record = describe_member(cls, name)
        owner = next((c for c in cls.__mro__ if name in vars(c)), None)
        if owner is not None and not owner.__module__.startswith("hazelcast"):
            # from the interpreter (int, Enum, BaseException...): it varies with it
            record["inherited_from"] = "%s.%s" % (owner.__module__, owner.__qualname__)
        if record["kind"] == "attribute":
            value = inspect.getattr_static(cls, name)
            if type(value) in _CONSTANT_TYPES:
                record["value"] = repr(value)
        members[name] = record
    return {
        "kind": "class",
        "subclass_of": hazelcast_bases,
        "async_context_manager": _is_async_cm(cls),
        "members": members,
    }


def _introspect_definitions(modules: typing.Dict[str, typing.List[str]]) -> dict:
    """Runs inside the official package: the signatures of every public module.

    ``{module: {name: record}}`` for each public class and function a module defines
    or re-exports from the official client's private packages (``hazelcast.asyncio``'s
    names), and each public constant it defines (``{"kind": "constant", "value":
    repr}``). A class or function imported from another public module is recorded
    there. A class record holds its members (``describe_class``), a function's is
    ``describe_function``'s.
    """
    paths = {}  # class -> its official "module.Class"
    found = []
    for module_name in sorted(modules):
        module = importlib.import_module(module_name)
        for name in modules[module_name]:
            obj = getattr(module, name)
            home = getattr(obj, "__module__", None)
            if home != module_name and not (home or "").startswith(PRIVATE_MODULE_PREFIXES):
                if type(obj) in _CONSTANT_TYPES:
                    found.append((module_name, name, obj))
                continue
            if isinstance(obj, type):
                paths.setdefault(obj, "%s.%s" % (module_name, name))
                found.append((module_name, name, obj))
            elif inspect.isfunction(obj):
                found.append((module_name, name, obj))
    definitions: typing.Dict[str, dict] = {}
    for module_name, name, obj in found:
        if isinstance(obj, type):
            bases = sorted(paths[b] for b in obj.__mro__[1:] if b in paths)
            record = describe_class(obj, bases)
        elif inspect.isfunction(obj):
            record = describe_function(obj)
        else:
            record = {"kind": "constant", "value": repr(obj)}
        definitions.setdefault(module_name, {})[name] = record
    return definitions


def _introspect(targets: typing.List[str]) -> dict:
    """Runs inside the official package: returns the record of ``targets``."""
    classes = {}
    for target in targets:
        module_name, _, class_name = target.rpartition(".")
        classes[target] = getattr(importlib.import_module(module_name), class_name)
    return {
        target: {
            "defined_in": "%s.%s" % (cls.__module__, cls.__qualname__),
            "subclass_of": sorted(t for t, other in classes.items() if other is not cls and issubclass(cls, other)),
            "async_context_manager": _is_async_cm(cls),
            "members": {n: describe_member(cls, n) for n in member_names(cls)},
        }
        for target, cls in classes.items()
    }


def _download(version: str, into: str) -> str:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "hazelcast-python-client==%s" % version,
         "-d", into],
        check=True,
    )
    [wheel] = glob.glob(os.path.join(into, "*.whl"))
    return wheel


def main(argv: typing.Optional[typing.List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", help="the official wheel to read (default: download it with pip)")
    parser.add_argument("--version", default=VERSION, help="official version to download (default: %(default)s)")
    parser.add_argument("--output", default=_OUTPUT, help="JSON to write (default: %(default)s)")
    parser.add_argument("--introspect", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.introspect:
        modules = _introspect_modules()
        json.dump(
            {
                "classes": _introspect(CLASSES),
                "functions": _introspect_functions(FUNCTION_MODULES),
                "modules": modules,
                "definitions": _introspect_definitions(modules),
            },
            sys.stdout,
        )
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or _download(args.version, tmp)
        unpacked = os.path.join(tmp, "unpacked")
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(unpacked)
        # -s: no user site; cwd and PYTHONPATH point at the wheel, never at this checkout.
        env = dict(os.environ, PYTHONPATH=unpacked)
        check = subprocess.run(
            [sys.executable, "-s", "-c", "import hazelcast; print(hazelcast.__file__)"],
            cwd=unpacked, env=env, capture_output=True, text=True, check=True,
        )
        if not os.path.abspath(check.stdout.strip()).startswith(os.path.abspath(unpacked)):
            raise SystemExit("the official package did not come first on sys.path: %s" % check.stdout)
        result = subprocess.run(
            [sys.executable, "-s", os.path.abspath(__file__), "--introspect"],
            cwd=unpacked, env=env, capture_output=True, text=True, check=True,
        )
        version = os.path.basename(wheel).split("-")[1]
    introspected = json.loads(result.stdout)
    record = {
        "package": "hazelcast-python-client",
        "version": version,
        "classes": introspected["classes"],
        "functions": introspected["functions"],
        "modules": introspected["modules"],
        "definitions": introspected["definitions"],
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        json.dump(record, f, indent=1, sort_keys=True)
        f.write("\n")
    print(
        "wrote %d classes, %d functions, %d modules and %d definitions of hazelcast-python-client %s to %s"
        % (len(record["classes"]), len(record["functions"]), len(record["modules"]),
           sum(len(d) for d in record["definitions"].values()), version, args.output)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
