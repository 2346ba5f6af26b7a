"""Server errors become the official client's error classes, with their causes."""

from __future__ import annotations

import socket

from hazelcast import errors
from hazelcast.protocol import ErrorHolder, StackTraceElement


def _holder(code, class_name, message):
    return ErrorHolder(code, class_name, message, [StackTraceElement("com.X", "run", "X.java", 12)])


def test_error_codes_map_to_the_official_classes():
    assert errors.error_class_for_code(3) is errors.AuthenticationError
    assert errors.error_class_for_code(21) is errors.HazelcastSerializationError
    assert errors.error_class_for_code(23) is errors.IllegalArgumentError
    assert errors.error_class_for_code(50) is socket.error
    assert errors.error_class_for_code(62) is errors.WrongTargetError
    assert errors.error_class_for_code(80) is errors.IndeterminateOperationStateError
    assert errors.error_class_for_code(99) is errors.NoClassDefFoundError
    assert errors.error_class_for_code(1000) is None


def test_holders_chain_into_causes_with_the_server_stack_trace():
    error = errors.create_error_from_holders(
        [_holder(23, "java.lang.IllegalArgumentException", "bad arg"), _holder(37, "java.lang.NullPointerException", "npe")]
    )
    assert isinstance(error, errors.IllegalArgumentError)
    assert "bad arg" in str(error) and "at com.X.run(X.java:12)" in str(error)
    assert isinstance(error.cause, errors.NullPointerError)


def test_unknown_code_becomes_undefined_error_naming_the_java_class():
    error = errors.create_error_from_holders([_holder(5000, "com.acme.Boom", "boom")])
    assert isinstance(error, errors.UndefinedErrorCodeError)
    assert "com.acme.Boom" in str(error)


def test_retryable_errors():
    for cls in (errors.WrongTargetError, errors.MemberLeftError, errors.PartitionMigratingError,
                errors.TargetNotMemberError, errors.CallerNotMemberError, errors.RetryableIOError):
        assert errors.is_retryable_error(cls("x"))
    assert not errors.is_retryable_error(errors.IllegalArgumentError("x"))
    assert not errors.is_retryable_error(ValueError())


def test_default_messages():
    assert str(errors.HazelcastClientNotActiveError()) == "Client is not active"
    assert str(errors.ClientOfflineError()) == "No connection found to cluster"
    assert str(errors.HazelcastError()) == "HazelcastError"
