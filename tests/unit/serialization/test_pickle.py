"""The pickle fallback (type id -120): the official client's format (a
protocol-0 pickle written as a string), safe unpickling by default, the
pickle_allowed_classes allowlist and pickle_trust_all."""

from __future__ import annotations

import collections
import datetime
import decimal
import fractions
import os
import pickle
import re
import sys
import uuid

import pytest

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import StreamSerializer
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Evil:
    def __reduce__(self):
        return (print, ("pwned",))


class Shell:
    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


class Other:
    pass


def service(allowed="unset", trust_all=False):
    config = Config()
    if allowed != "unset":
        config.pickle_allowed_classes = allowed
    config.pickle_trust_all = trust_all
    return SerializationServiceV1(config)


def official_bytes(obj) -> bytes:
    # what the official client writes: header, then the protocol-0 pickle as a string
    text = pickle.dumps(obj, 0)
    return b"\x00\x00\x00\x00" + (-120).to_bytes(4, "big", signed=True) + len(text).to_bytes(4, "big") + text


@pytest.mark.parametrize("value", [{"a": 1, "b": [1, 2]}, {1, 2, 3}, (1, "x"), Point(1, 2), frozenset({"k"})])
def test_same_bytes_as_the_official_client_both_ways(value):
    svc = service([Point])
    assert svc.to_data(value).to_bytes() == official_bytes(value)
    assert svc.to_object(Data(official_bytes(value))) == value


def test_values_whose_protocol_0_pickle_is_not_utf8_round_trip():
    # the official client fails on these; they are written as U+0080 + a binary pickle
    value = {"caf\u00e9": b"\xff\x00"}
    svc = service()
    data = svc.to_data(value)
    assert data.get_type() == -120
    assert svc.to_object(data) == value


def test_default_refuses_classes_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    data = service().to_data(Shell("touch %s" % marker))
    with pytest.raises(HazelcastSerializationError) as info:
        service().to_object(data)
    assert not marker.exists()
    message = str(info.value)
    assert "posix.system" in message or "os.system" in message
    assert "pickle_allowed_classes" in message and "pickle_trust_all" in message
    with pytest.raises(HazelcastSerializationError, match="test_pickle.Point"):
        service().to_object(service().to_data(Point(1, 2)))


def test_trust_all_is_the_official_behaviour(tmp_path):
    svc = service(trust_all=True)
    assert svc.to_object(svc.to_data(Point(3, 4))) == Point(3, 4)
    marker = tmp_path / "ran"
    svc.to_object(svc.to_data(Shell("touch %s" % marker)))
    assert marker.exists()


def test_allowlist_refuses_classes_not_listed():
    data = service().to_data(Evil())
    with pytest.raises(HazelcastSerializationError, match="builtins.print"):
        service([Point]).to_object(data)


@pytest.mark.parametrize("allowed", [[Point], ["test_pickle.Point"], [Point, collections.ChainMap]])
def test_allowlisted_classes_and_builtin_values_load(allowed):
    svc = service(allowed)
    assert svc.to_object(svc.to_data(Point(5, 6))) == Point(5, 6)
    builtin_values = {"k": [1, 2.5, None, True], "s": {1, 2}, "f": frozenset(), "t": (1,), "b": bytearray(b"x")}
    assert svc.to_object(svc.to_data(builtin_values)) == builtin_values
    with pytest.raises(HazelcastSerializationError, match="not in pickle_allowed_classes"):
        svc.to_object(svc.to_data(Other()))


def test_plain_data_of_the_standard_library_loads_by_default():
    value = {
        "when": datetime.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        "day": datetime.date(2024, 1, 2),
        "t": datetime.time(1, 2),
        "d": datetime.timedelta(days=3),
        "money": decimal.Decimal("1.25"),
        "id": uuid.UUID(int=12345),
        "q": fractions.Fraction(1, 3),
        "o": collections.OrderedDict(a=1),
        "dq": collections.deque([1, 2]),
        "c": collections.Counter("aab"),
        "bytes": b"\x00\xff",
        "z": 1 + 2j,
        "r": range(3),
    }
    svc = service()
    assert svc.to_object(svc.to_data(value)) == value


class Known:
    def __init__(self, v=0):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Known) and other.v == self.v


class KnownSerializer(StreamSerializer):
    def write(self, out, obj):
        out.write_int(obj.v)

    def read(self, inp):
        return Known(inp.read_int())

    def get_type_id(self):
        return 4242

    def destroy(self):
        pass


def test_classes_of_configured_serializers_load_by_default():
    config = Config()
    config.custom_serializers = {Known: KnownSerializer}
    svc = SerializationServiceV1(config)
    # a dict is pickled whole, with the Known instance inside
    data = SerializationServiceV1(Config()).to_data({"k": Known(7)})
    assert svc.to_object(data) == {"k": Known(7)}


def _proto4_global(module: str, name: str) -> bytes:
    # STACK_GLOBAL: the form protocol 4+ uses, which resolves dotted names
    def short(text):
        raw = text.encode()
        return b"\x8c" + bytes([len(raw)]) + raw

    return b"\x80\x04" + short(module) + short(name) + b"\x93."


BYPASSES = [
    # builtins reached directly, under Python 2 names and through INST/OBJ
    (b"cbuiltins\neval\n(Vprint(1)\ntR.", "builtins.eval"),
    (b"c__builtin__\neval\n(Vprint(1)\ntR.", "builtins.eval"),
    (b"(Vprint(1)\nibuiltins\nexec\n.", "builtins.exec"),
    (b"cbuiltins\ngetattr\n(cbuiltins\nobject\nV__subclasses__\ntR.", "builtins.getattr"),
    (_proto4_global("builtins", "object.__subclasses__"), "builtins.object.__subclasses__"),
    # getattr chains from an allowed class to the globals of its module
    (_proto4_global("test_pickle", "Point.__init__.__globals__"), "test_pickle.Point.__init__.__globals__"),
    (_proto4_global("collections", "OrderedDict.fromkeys"), "collections.OrderedDict.fromkeys"),
    # REDUCE on a function of an allowed class's module
    (b"ctest_pickle\nservice\n(tR.", "test_pickle.service"),
    (b"ccollections\nnamedtuple\n(VP\nVx\ntR.", "collections.namedtuple"),
    # copyreg: its helpers go through the check for the classes they get,
    # and its registry functions are not machinery
    (b"ccopyreg\n_reconstructor\n(cos\nsystem\ncbuiltins\nobject\nNtR.", "system"),
    (b"ccopy_reg\nadd_extension\n(Vos\nVsystem\nI1\ntR.", "copyreg.add_extension"),
    (b"ccopyreg\n__newobj__\n(csubprocess\nPopen\n(Vls\nttR.", "subprocess.Popen"),
    # codecs other than latin-1 import modules by name
    (b"c_codecs\nencode\n(Vx\nVrot13\ntR.", "_codecs.encode"),
    (b"cos\nsystem\n(Vtrue\ntR.", "system"),
]


@pytest.mark.parametrize("raw, named", BYPASSES, ids=[b[1] for b in BYPASSES])
@pytest.mark.parametrize("allowed", [[], [Point, collections.OrderedDict]])
def test_usual_bypasses_are_refused(raw, named, allowed):
    if raw.startswith(b"\x80"):  # binary pickles travel as U+0080 + latin-1 text
        raw = ("\x80" + raw.decode("latin-1")).encode("utf-8")
    data = Data(b"\x00\x00\x00\x00" + (-120).to_bytes(4, "big", signed=True) + len(raw).to_bytes(4, "big") + raw)
    with pytest.raises(HazelcastSerializationError, match="refused to unpickle .*%s" % re.escape(named)):
        service(allowed).to_object(data)


def test_allowlist_config_is_validated():
    config = Config()
    for bad in ("module.Class", [1], ["NoModule"], True):
        with pytest.raises((TypeError, ValueError), match="pickle_allowed_classes"):
            config.pickle_allowed_classes = bad
    config.pickle_allowed_classes = ("a.B",)
    assert config.pickle_allowed_classes == ["a.B"]
    config.pickle_allowed_classes = None  # the keyword default: plain data only
    assert config.pickle_allowed_classes == []
    with pytest.raises(TypeError, match="pickle_trust_all"):
        config.pickle_trust_all = "yes"


def test_bytes_are_a_byte_array_not_a_pickle():
    data = service().to_data(b"\x80\xff")
    assert data.get_type() == -12
    assert service().to_object(data) == bytearray(b"\x80\xff")


@pytest.mark.parametrize(
    "raw, named",
    [
        (b"\x80\x05\x96" + (1 << 40).to_bytes(8, "little") + b"abc.", "1099511627776 bytes declared at position 2, 4 remain"),
        (b"\x80\x04\x8e" + (1 << 40).to_bytes(8, "little") + b"abc.", "1099511627776 bytes declared at position 2, 4 remain"),
        (b"\x80\x02]r\xff\xff\xff\x7f.", "memo index 2147483647 is beyond"),
        (b"(lp99999999999\n.", "memo index 99999999999 is beyond"),
        # the C unpickler reads the index up to a NUL, with int()'s syntax
        (b"(lp999999999\x00\x00\x7f9\n.", "memo index 999999999 is beyond"),
        (b"(lp +99_999_999 \n.", "memo index 99999999 is beyond"),
    ],
    ids=["bytearray8", "binbytes8", "long-binput", "put", "put-c-string", "put-int-syntax"],
)
def test_numbers_in_a_pickle_allocate_nothing_beyond_it(raw, named):
    # the C unpickler allocates by these numbers before checking them
    # against the data; found by the fuzzer (tests/fuzz)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz"))
    from allocation import allocation_at_most

    if raw.startswith(b"\x80"):
        wire = ("\x80" + raw.decode("latin-1")).encode("utf-8")
    else:
        wire = raw
    data = Data(b"\x00\x00\x00\x00" + (-120).to_bytes(4, "big", signed=True) + len(wire).to_bytes(4, "big") + wire)
    with allocation_at_most(1 << 20):
        with pytest.raises(HazelcastSerializationError, match=named):
            service().to_object(data)
    value = {"b": bytearray(b"\x96" * 10), "s": "caf\u00e9"}  # a real protocol-5 pickle still loads
    assert service().to_object(service().to_data(value)) == value


# -- the size check before unpickling: both twins alike ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import hot_paths  # noqa: E402


def _scan_outcome(kind, raw):
    try:
        hot_paths.load_implementation("pickle_scan", kind).check_sizes(raw)
        return None
    except ValueError as e:
        return str(e)


_PICKLES = [pickle.dumps(v, p) for v in ({"a": [1, b"\x00" * 300, "x"]}, bytearray(b"ab"), list(range(400))) for p in range(6)]


@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(_PICKLES + [b"(lp99999999999\n.", b"\x80\x05\x96" + (1 << 40).to_bytes(8, "little")]),
    cut=st.integers(0, 2000),
    noise=st.binary(max_size=16),
    at=st.integers(0, 2000),
)
def test_both_scanners_agree(base, cut, noise, at):
    raw = base[:cut] if cut < len(base) else base
    raw = raw[:at] + noise + raw[at:]
    outcomes = {kind: _scan_outcome(kind, raw) for kind in hot_paths.IMPLEMENTATION_KINDS}
    assert len(set(outcomes.values())) == 1, outcomes


@pytest.mark.parametrize("raw", _PICKLES)
def test_real_pickles_pass_the_scan(raw):
    for kind in hot_paths.IMPLEMENTATION_KINDS:
        assert _scan_outcome(kind, raw) is None
