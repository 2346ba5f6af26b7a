"""Error responses decode into the official error classes, their causes chained."""

from __future__ import annotations

import ast
import inspect

from hazelcast import errors
from hazelcast.protocol import ErrorHolder, StackTraceElement
from hazelcast.protocol.builtin import ListMultiFrameCodec
from hazelcast.protocol.codec.custom.error_holder_codec import ErrorHolderCodec
from hazelcast.protocol.errors import create_error_from_message

from protocol_helpers import encoded, response


def _error_response(holders):
    frames = encoded(lambda b, v: ListMultiFrameCodec.encode(b, v, ErrorHolderCodec.encode), holders)
    return response(errors.EXCEPTION_MESSAGE_TYPE, frames=[frames])


def test_error_response_becomes_the_error_with_its_cause():
    message = _error_response(
        [
            ErrorHolder(23, "java.lang.IllegalArgumentException", "bad arg",
                        [StackTraceElement("com.X", "run", "X.java", 12)]),
            ErrorHolder(37, "java.lang.NullPointerException", None, []),
        ]
    )
    error = create_error_from_message(message)
    assert isinstance(error, errors.IllegalArgumentError)
    assert "bad arg" in str(error) and "at com.X.run(X.java:12)" in str(error)
    assert isinstance(error.cause, errors.NullPointerError)


def test_unknown_error_code_names_the_java_class():
    error = create_error_from_message(_error_response([ErrorHolder(5000, "com.acme.Boom", "boom", [])]))
    assert isinstance(error, errors.UndefinedErrorCodeError)
    assert "com.acme.Boom" in str(error)


def _protocol_imports(node, exempt_function):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef) and child.name == exempt_function:
            continue
        if isinstance(child, ast.ImportFrom) and (child.module or "").startswith("hazelcast.protocol"):
            yield child.module
        elif isinstance(child, ast.Import):
            yield from (a.name for a in child.names if a.name.startswith("hazelcast.protocol"))
        yield from _protocol_imports(child, exempt_function)


def test_errors_module_imports_nothing_from_the_protocol_layer():
    tree = ast.parse(inspect.getsource(errors))
    assert list(_protocol_imports(tree, None)) == []
