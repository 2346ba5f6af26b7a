"""Readers and writers of the Java types that have no Python twin of one piece
(BigInteger, BigDecimal, LocalTime, LocalDate, LocalDateTime, OffsetDateTime).

``IOUtil`` keeps the official client's name for them; the implementations are the
ones the built-in serializers use (:mod:`hazelcast.serialization.serializer`).
"""

from __future__ import annotations

import datetime
import decimal

from hazelcast.serialization import serializer as _s
from hazelcast.serialization.api import ObjectDataInput, ObjectDataOutput


class IOUtil:
    """Static readers and writers of Java value types, in the members' format."""

    @staticmethod
    def read_big_integer(inp: ObjectDataInput) -> int:
        return _s._read_big_int(inp)  # pylint: disable=protected-access

    @staticmethod
    def write_big_integer(out: ObjectDataOutput, value: int) -> None:
        out.write_byte_array(_s._big_int_to_bytes(value))  # pylint: disable=protected-access

    @staticmethod
    def read_big_decimal(inp: ObjectDataInput) -> decimal.Decimal:
        return _s.read_big_decimal(inp)

    @staticmethod
    def write_big_decimal(out: ObjectDataOutput, value: decimal.Decimal) -> None:
        _s.write_big_decimal(out, value)

    @staticmethod
    def read_time(inp: ObjectDataInput) -> datetime.time:
        return _s.read_local_time(inp)

    @staticmethod
    def write_time(out: ObjectDataOutput, value: datetime.time) -> None:
        _s.write_local_time(out, value)

    @staticmethod
    def read_date(inp: ObjectDataInput) -> datetime.date:
        return _s.read_local_date(inp)

    @staticmethod
    def write_date(out: ObjectDataOutput, value: datetime.date) -> None:
        _s.write_local_date(out, value)

    @staticmethod
    def read_timestamp(inp: ObjectDataInput) -> datetime.datetime:
        return _s.read_local_date_time(inp)

    @staticmethod
    def write_timestamp(out: ObjectDataOutput, value: datetime.datetime) -> None:
        _s.write_local_date_time(out, value)

    @staticmethod
    def read_timestamp_with_timezone(inp: ObjectDataInput) -> datetime.datetime:
        return _s.read_offset_date_time(inp)

    @staticmethod
    def write_timestamp_with_timezone(out: ObjectDataOutput, value: datetime.datetime) -> None:
        _s.write_offset_date_time(out, value)
