"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/):
valid inputs of each kind, and the hostile ones found or known. Run from
the repository root: ``python3 tests/fuzz/make_corpus.py``. The files are
kept in the repository; a fuzzer adds what it finds in its own directory
(see docs/testing.md), and inputs worth keeping are copied here."""

from __future__ import annotations

import datetime
import decimal
import hashlib
import os
import pickle
import struct
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import targets  # noqa: E402

from hazelcast.config import Config, IntType  # noqa: E402
from hazelcast.core import HazelcastJsonValue  # noqa: E402
from hazelcast.protocol.codec import map_get_codec, map_put_codec, client_authentication_codec  # noqa: E402
from hazelcast.serialization.service import SerializationServiceV1  # noqa: E402

_FRAME = struct.Struct("<iH")


def frame(body: bytes, flags: int = 0) -> bytes:
    return _FRAME.pack(len(body) + 6, flags) + body


def _message(initial: bytes, *frames: bytes) -> bytes:
    parts = [frame(initial, 0xC000)] + list(frames)
    raw = bytearray(b"".join(parts))
    # IS_FINAL on the last frame
    pos = last = 0
    while pos < len(raw):
        last = pos
        pos += _FRAME.unpack_from(raw, pos)[0]
    length, flags = _FRAME.unpack_from(raw, last)
    _FRAME.pack_into(raw, last, length, flags | 0x2000)
    return bytes(raw)


def frames_seeds():
    service = SerializationServiceV1(Config())
    key, value = service.to_data("key"), service.to_data({"v": [1, 2]})
    put = bytes(map_put_codec.encode_request("m", key, value, 1, -1).buf)
    get = bytes(map_get_codec.encode_request("m", key, 1).buf)
    auth = bytes(
        client_authentication_codec.encode_request(
            "dev", None, None, uuid.UUID(int=1), "PYH", 1, "5.7.0", "c", [], 1, False
        ).buf
    )
    response = _message(struct.pack("<iqB", 0x010201, 5, 0), frame(value.buffer))
    event = _message(struct.pack("<iqi", 0x011902, 5, -1) + b"\x00" * 30, frame(b"", 0x0400), frame(key.buffer))
    # a fragmented message: begin, middle, end fragments of one id
    fragments = (
        frame(struct.pack("<q", 77), 0x8000 | 0x2000)[:0]
        + _FRAME.pack(6 + 8, 0x8000) + struct.pack("<q", 77) + frame(b"part-1", 0x2000)
        + _FRAME.pack(6 + 8, 0x4000) + struct.pack("<q", 77) + frame(b"part-2", 0x2000)
    )
    seeds = {
        "put": put, "get": get, "auth": auth, "response": response, "event": event,
        "two-messages": response + event, "fragments": fragments,
        "huge-length": _FRAME.pack(0x7FFFFFFF, 0xC000) + b"x" * 10,
        "negative-length": _FRAME.pack(-5, 0),
    }
    # the first byte chooses the chunk size
    return {name: bytes([i % 17]) + raw for i, (name, raw) in enumerate(seeds.items())}


def codecs_seeds():
    decoders = targets.codec_decoders()
    names = [name for name, _ in decoders]
    service = SerializationServiceV1(Config())
    data = service.to_data("value").buffer
    bodies = {
        "fixed": frame(struct.pack("<iqB", 0, 1, 0) + bytes(range(64)), 0xC000),
        "data": frame(struct.pack("<iqB", 0, 1, 0) + b"\x01" * 24, 0xC000) + frame(data),
        "list": frame(struct.pack("<iqB", 0, 1, 0) + b"\x00" * 24, 0xC000)
        + frame(b"", 0x1000) + frame(data) + frame(data) + frame(b"", 0x0800),
        "null": frame(struct.pack("<iqB", 0, 1, 0) + b"\x00" * 24, 0xC000) + frame(b"", 0x0400),
    }
    wanted = [
        "map_get_codec.decode_response", "map_entry_set_codec.decode_response",
        "client_authentication_codec.decode_response", "map_add_entry_listener_codec.handle",
        "client_add_cluster_view_listener_codec.handle", "sql_execute_codec.decode_response",
        "map_fetch_entries_codec.decode_response", "client_get_distributed_objects_codec.decode_response",
        "ringbuffer_read_many_codec.decode_response", "map_execute_on_keys_codec.decode_response",
    ]
    seeds = {}
    for name in wanted:
        if name not in names:
            continue
        index = names.index(name)
        for body_name, body in bodies.items():
            seeds["%s-%s" % (name.replace(".", "-"), body_name)] = struct.pack("<H", index) + body
    return seeds


def data_seeds():
    config = Config()
    config.default_int_type = IntType.VAR
    plain = SerializationServiceV1(config)
    service = targets.make_service()
    values = {
        "int": 1, "long": 2**40, "bigint": 2**80, "double": 1.5, "bool": True, "str": "héllo😀",
        "bytes": bytearray(b"abc"), "list": [1, "a", None, [2.5]], "decimal": decimal.Decimal("-12.345"),
        "uuid": uuid.UUID(int=12345), "date": datetime.date(2024, 2, 29), "time": datetime.time(1, 2, 3, 4000),
        "datetime": datetime.datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=datetime.timezone.utc),
        "json": HazelcastJsonValue('{"a": [1, 2]}'), "pickled-dict": {"k": [1, {2, 3}], "d": datetime.date(2020, 1, 1)},
    }
    seeds = {name: plain.to_data(v).buffer for name, v in values.items()}
    employee = targets.Employee("ann", 40, targets.Employee("bob", 50, None, ["x"]), ["a", "b"])
    seeds["ids-nested"] = service.to_data(employee).buffer
    node = targets.Node("root", targets.Node("child"), [targets.Node("a"), targets.Node("b", None, None, [1, 2])], [7])
    seeds["portable-nested"] = service.to_data(node).buffer
    order = targets.Order(1, "first", targets.Order(2, None, None, [1.0, 2.0]), [3.5])
    seeds["compact-nested"] = service.to_data(order).buffer
    nested = []
    for _ in range(99):
        nested = [nested]
    seeds["list-nested-99"] = plain.to_data(nested).buffer
    seeds["pickle-os-system"] = plain.to_data(_Reduce()).buffer
    return seeds


class _Reduce:
    def __reduce__(self):
        return (os.system, ("true",))


def pickle_seeds():
    values = {"dict": {"a": [1, 2.5, None], "b": (True, b"\x00\xff")}, "set": {1, 2}, "str": "café",
              "date": datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc), "decimal": decimal.Decimal("1.5")}
    seeds = {}
    for name, value in values.items():
        seeds[name + "-p0"] = pickle.dumps(value, 0)
        for protocol in (2, 5):
            seeds["%s-p%d" % (name, protocol)] = b"\x80" + pickle.dumps(value, protocol)
    seeds["os-system-p0"] = pickle.dumps(_Reduce(), 0)
    seeds["eval-p0"] = b"cbuiltins\neval\n(Vprint(1)\ntR."
    seeds["getattr-chain-p4"] = b"\x80\x80\x04\x8c\x08builtins\x8c\x15object.__subclasses__\x93."
    return seeds


def entries_seeds():
    # the first byte: bit 0 read_entries (else read_object), bit 1 little-endian
    seeds = {}
    for big_endian in (True, False):
        service = targets.make_service(big_endian)
        order = 0 if big_endian else 2
        suffix = "" if big_endian else "-le"
        values = [
            "key", "héllo😀", 7, -1.5, True, None, [1, "a"], {"d": {1, 2}},
            targets.Employee("ann", 40, None, ["x"]), targets.Node("root", targets.Node("c")),
            targets.Order(1, "first", None, [2.5]),
        ]
        datas = [service.to_data(v) for v in values]
        entries = frame(b"", 0x1000)
        for k, v in zip(datas, reversed(datas)):
            entries += frame(k.buffer if k is not None else b"", 0 if k is not None else 0x0400)
            entries += frame(v.buffer if v is not None else b"", 0 if v is not None else 0x0400)
        seeds["entries" + suffix] = bytes([1 | order]) + entries + frame(b"", 0x0800)
        seeds["entries-empty" + suffix] = bytes([1 | order]) + frame(b"", 0x1000) + frame(b"", 0x0800)
        for value, data in zip(values, datas):
            name = type(value).__name__.lower()
            if data is None:
                seeds["object-null" + suffix] = bytes([order]) + frame(b"", 0x0400)
            else:
                seeds["object-%s-%s%s" % (name, hashlib.sha1(data.buffer).hexdigest()[:6], suffix)] = (
                    bytes([order]) + frame(data.buffer)
                )
    return seeds


def main() -> None:
    for target, seeds in (
        ("frames", frames_seeds()), ("codecs", codecs_seeds()), ("data", data_seeds()), ("pickle", pickle_seeds()),
        ("entries", entries_seeds()),
    ):
        directory = os.path.join(targets.CORPUS_DIR, target)
        os.makedirs(directory, exist_ok=True)
        for name, raw in seeds.items():
            path = os.path.join(directory, "seed-%s" % name)
            with open(path, "wb") as f:
                f.write(bytes(raw))
        print("%s: %d seeds" % (target, len(seeds)))


def file_name_for(raw: bytes) -> str:
    """The name a found input is kept under: its SHA-1, as libFuzzer names it."""
    return hashlib.sha1(raw).hexdigest()


if __name__ == "__main__":
    main()
