"""How each protocol type maps to builtin codecs and Python classes."""

from __future__ import annotations

import keyword
import re
from typing import Dict, List, NamedTuple, Optional, Set, Tuple

# Custom protocol types decoded into existing classes: type name -> (module, class,
# attribute expressions used when encoding, by YAML parameter name). The class
# constructor takes the YAML parameters in order. Types missing here get a simple
# holder class generated into their codec module; point a type at a real class here
# once one exists.
CUSTOM_TYPE_CLASSES: Dict[str, Tuple[str, str, Dict[str, str]]] = {
    "Address": ("hazelcast.core", "Address", {}),
    "MemberInfo": ("hazelcast.core", "MemberInfo", {}),
    "MemberVersion": ("hazelcast.core", "MemberVersion", {}),
    "EndpointQualifier": ("hazelcast.core", "EndpointQualifier", {}),
    "DistributedObjectInfo": ("hazelcast.core", "DistributedObjectInfo", {}),
    "SimpleEntryView": ("hazelcast.core", "SimpleEntryView", {}),
    "HazelcastJsonValue": ("hazelcast.core", "HazelcastJsonValue", {"value": "{}.to_string()"}),
    "ErrorHolder": ("hazelcast.protocol", "ErrorHolder", {}),
    "StackTraceElement": ("hazelcast.protocol", "StackTraceElement", {}),
    "RaftGroupId": ("hazelcast.protocol", "RaftGroupId", {}),
    "AnchorDataListHolder": ("hazelcast.protocol", "AnchorDataListHolder", {}),
    "PagingPredicateHolder": ("hazelcast.protocol", "PagingPredicateHolder", {}),
}


class FixedType(NamedTuple):
    """A fixed-size type: struct format, size, default for older members, decoder,
    Python type; the decoder of the values the protocol defines as not nullable."""

    fmt: str
    size: int
    default: str
    decoder: str
    py_type: str
    non_null_decoder: str


FIXED_TYPES: Dict[str, FixedType] = {
    "boolean": FixedType("?", 1, "False", "decode_boolean", "bool", "decode_boolean"),
    "byte": FixedType("b", 1, "0", "decode_byte", "int", "decode_byte"),
    "int": FixedType("i", 4, "0", "decode_int", "int", "decode_int"),
    "long": FixedType("q", 8, "0", "decode_long", "int", "decode_long"),
    "float": FixedType("f", 4, "0.0", "decode_float", "float", "decode_float"),
    "UUID": FixedType("?QQ", 17, "None", "decode_uuid", "UUID", "decode_non_null_uuid"),
}

# Variable-size types with a dedicated builtin codec class.
BUILTIN_CODECS: Dict[str, str] = {
    "String": "StringCodec",
    "Data": "DataCodec",
    "byteArray": "ByteArrayCodec",
    "longArray": "LongArrayCodec",
    "floatArray": "FloatArrayCodec",
    "List_Integer": "ListIntegerCodec",
    "List_Long": "ListLongCodec",
    "List_UUID": "ListUUIDCodec",
    "Set_UUID": "ListUUIDCodec",
    "List_Data": "ListDataCodec",
    "EntryList_Integer_UUID": "EntryListIntegerUUIDCodec",
    "EntryList_Integer_Long": "EntryListIntegerLongCodec",
    "EntryList_Integer_Integer": "EntryListIntegerIntegerCodec",
    "EntryList_UUID_Long": "EntryListUUIDLongCodec",
    "EntryList_UUID_UUID": "EntryListUUIDUUIDCodec",
    "EntryList_UUID_List_Integer": "EntryListUUIDListIntegerCodec",
    "EntryList_Long_byteArray": "EntryListLongByteArrayCodec",
    "SqlPage": "SqlPageCodec",
}


# Python types of the builtin variable-size types, as the decoders return them and
# as the encoders take them (any sequence for a list...).
BUILTIN_DECODED_TYPES: Dict[str, str] = {
    "String": "str",
    "Data": "Data",
    "byteArray": "bytes",
    "longArray": "List[int]",
    "floatArray": "List[float]",
    "List_Integer": "List[int]",
    "List_Long": "List[int]",
    "List_UUID": "List[UUID]",
    "Set_UUID": "List[UUID]",
    "List_Data": "List[Data]",
    "EntryList_Integer_UUID": "List[Tuple[int, UUID]]",
    "EntryList_Integer_Long": "List[Tuple[int, int]]",
    "EntryList_Integer_Integer": "List[Tuple[int, int]]",
    "EntryList_UUID_Long": "List[Tuple[UUID, int]]",
    "EntryList_UUID_UUID": "List[Tuple[UUID, UUID]]",
    "EntryList_UUID_List_Integer": "List[Tuple[UUID, List[int]]]",
    "EntryList_Long_byteArray": "List[Tuple[int, bytes]]",
    "SqlPage": "SqlPage",
}
BUILTIN_ENCODED_TYPES: Dict[str, str] = {
    "String": "str",
    "Data": "Data",
    "byteArray": "bytes",
    "longArray": "Sequence[int]",
    "floatArray": "Sequence[float]",
    "List_Integer": "Sequence[int]",
    "List_Long": "Sequence[int]",
    "List_UUID": "Collection[UUID]",
    "Set_UUID": "Collection[UUID]",
    "List_Data": "Sequence[Data]",
    "EntryList_Integer_UUID": "Collection[Tuple[int, UUID]]",
    "EntryList_Integer_Long": "Collection[Tuple[int, int]]",
    "EntryList_Integer_Integer": "Collection[Tuple[int, int]]",
    "EntryList_UUID_Long": "Collection[Tuple[UUID, int]]",
    "EntryList_UUID_UUID": "Collection[Tuple[UUID, UUID]]",
    "EntryList_UUID_List_Integer": "Collection[Tuple[UUID, Sequence[int]]]",
    "EntryList_Long_byteArray": "Collection[Tuple[int, bytes]]",
}
# Where the names used in annotations come from (imported for type checkers only).
_TYPE_NAME_MODULES: Dict[str, str] = {
    "UUID": "uuid",
    "Data": "hazelcast.serialization.data",
    "SqlPage": "hazelcast.protocol.builtin",
    "InboundMessage": "hazelcast.protocol.client_message",
}
_TYPE_NAME_MODULES.update((cls, module) for module, cls, _ in CUSTOM_TYPE_CLASSES.values())
_TYPING_NAMES = (
    "Callable", "Collection", "Dict", "List", "Mapping", "Optional", "Sequence", "Tuple", "TypedDict",
)


def snake_case(name: str) -> str:
    """Map.put -> put, addAndGet -> add_and_get, CPGroup -> cp_group, memberUUID -> member_uuid."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def param_name(name: str) -> str:
    s = snake_case(name)
    return s + "_" if keyword.iskeyword(s) else s


def version(since: object) -> Tuple[int, ...]:
    return tuple(int(p) for p in str(since).split("."))


class Context:
    """Collects the imports one generated module needs."""

    def __init__(self, custom_types: Dict[str, dict], own_type: Optional[str] = None):
        self.custom_types = custom_types
        self.own_type = own_type
        self.builtin: Set[str] = set()
        self.custom: Set[str] = set()
        # Names used in annotations only: module -> names.
        self.type_names: Dict[str, Set[str]] = {}

    def use_builtin(self, name: str) -> str:
        self.builtin.add(name)
        return name

    def use_custom(self, type_name: str) -> str:
        codec = type_name + "Codec"
        if type_name != self.own_type:
            self.custom.add(type_name)
        return codec

    def import_lines(self) -> List[str]:
        lines = []
        if self.builtin:
            lines.append("from hazelcast.protocol.builtin import %s" % ", ".join(sorted(self.builtin)))
        for type_name in sorted(self.custom):
            lines.append(
                "from hazelcast.protocol.codec.custom.%s_codec import %sCodec"
                % (snake_case(type_name), type_name)
            )
        return lines

    def use_type(self, annotation: str) -> str:
        """Records the imports the names of an annotation need; returns it."""
        for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", annotation):
            if name in _TYPING_NAMES:
                self.type_names.setdefault("typing", set()).add(name)
            elif name in _TYPE_NAME_MODULES:
                self.type_names.setdefault(_TYPE_NAME_MODULES[name], set()).add(name)
            elif name in self.custom_types and name != self.own_type:
                # a generated holder class, defined in its codec module
                module = "hazelcast.protocol.codec.custom.%s_codec" % snake_case(name)
                self.type_names.setdefault(module, set()).add(name)
        return annotation

    def type_import_lines(self, runtime_names: Set[str]) -> List[str]:
        """Imports of the names used in annotations, but for those imported already."""
        lines = []
        for module in sorted(self.type_names):
            names = sorted(self.type_names[module] - runtime_names)
            if names:
                lines.append("    from %s import %s" % (module, ", ".join(names)))
        return ["", "if TYPE_CHECKING:"] + lines if lines else []


def _split_pair(rest: str) -> Tuple[str, str]:
    # Keys of entry lists and maps are single names; the value takes the rest.
    key, _, value = rest.partition("_")
    return key, value


def py_type(t: str, ctx: Context, encoded: bool = False) -> str:
    """The Python type of values of protocol type t, as decoded or (encoded) as the
    encoders take them."""
    if t in FIXED_TYPES:
        return ctx.use_type(FIXED_TYPES[t].py_type)
    builtin = BUILTIN_ENCODED_TYPES if encoded else BUILTIN_DECODED_TYPES
    if t in builtin:
        return ctx.use_type(builtin[t])
    if t in ctx.custom_types:
        mapped = CUSTOM_TYPE_CLASSES.get(t)
        return ctx.use_type(mapped[1] if mapped else t)
    kind, _, rest = t.partition("_")
    if kind in ("List", "ListCN"):
        item = py_type(rest, ctx, encoded)
        if kind == "ListCN":
            item = "Optional[%s]" % item
        return ctx.use_type(("Sequence[%s]" if encoded else "List[%s]") % item)
    if kind == "EntryList":
        key, val = _split_pair(rest)
        pair = "Tuple[%s, %s]" % (py_type(key, ctx, encoded), py_type(val, ctx, encoded))
        return ctx.use_type(("Collection[%s]" if encoded else "List[%s]") % pair)
    if kind == "Map":
        key, val = _split_pair(rest)
        pair = "%s, %s" % (py_type(key, ctx, encoded), py_type(val, ctx, encoded))
        return ctx.use_type(("Mapping[%s]" if encoded else "Dict[%s]") % pair)
    raise ValueError("unsupported protocol type %r" % t)


def optional(annotation: str, ctx: Context) -> str:
    return ctx.use_type("Optional[%s]" % annotation)


def encoder_fn(t: str, ctx: Context) -> str:
    """An expression for a callable (buf, value, is_final=False) encoding type t."""
    if t in BUILTIN_CODECS:
        return ctx.use_builtin(BUILTIN_CODECS[t]) + ".encode"
    if t in ctx.custom_types:
        return ctx.use_custom(t) + ".encode"
    return "lambda b, v, f=False: %s" % encode_stmt(t, "b", "v", "f", False, ctx)


def decoder_fn(t: str, ctx: Context) -> str:
    """An expression for a callable (msg) decoding type t."""
    if t in BUILTIN_CODECS:
        return ctx.use_builtin(BUILTIN_CODECS[t]) + ".decode"
    if t in ctx.custom_types:
        return ctx.use_custom(t) + ".decode"
    return "lambda m: %s" % decode_expr(t, "m", False, ctx)


def encode_stmt(t: str, buf: str, value: str, final: str, nullable: bool, ctx: Context) -> str:
    """A statement appending the frames of value (type t) to buf."""
    tail = "" if final == "False" else ", " + final
    if t == "Data":
        codec = ctx.use_builtin("DataCodec")
        method = "encode_nullable" if nullable else "encode"
        return "%s.%s(%s, %s%s)" % (codec, method, buf, value, tail)
    if t in BUILTIN_CODECS or t in ctx.custom_types:
        fn = encoder_fn(t, ctx)
        if nullable:
            return "%s.encode_nullable(%s, %s, %s%s)" % (ctx.use_builtin("CodecUtil"), buf, value, fn, tail)
        return "%s(%s, %s%s)" % (fn, buf, value, tail)
    kind, _, rest = t.partition("_")
    if kind in ("List", "ListCN"):
        codec = ctx.use_builtin("ListMultiFrameCodec")
        element = encoder_fn(rest, ctx)
        if kind == "ListCN":
            stmt = "%s.encode_contains_nullable(%s, %s, %s%s)" % (codec, buf, value, element, tail)
            if nullable:
                return "%s.encode_nullable(%s, %s, lambda b, v, f=False: %s.encode_contains_nullable(b, v, %s, f)%s)" % (
                    ctx.use_builtin("CodecUtil"), buf, value, codec, element, tail)
            return stmt
        method = "encode_nullable" if nullable else "encode"
        return "%s.%s(%s, %s, %s%s)" % (codec, method, buf, value, element, tail)
    if kind in ("EntryList", "Map"):
        codec = ctx.use_builtin("EntryListCodec" if kind == "EntryList" else "MapCodec")
        key, val = _split_pair(rest)
        method = "encode_nullable" if nullable else "encode"
        return "%s.%s(%s, %s, %s, %s%s)" % (
            codec, method, buf, value, encoder_fn(key, ctx), encoder_fn(val, ctx), tail)
    raise ValueError("unsupported protocol type %r" % t)


def decode_expr(t: str, msg: str, nullable: bool, ctx: Context) -> str:
    """An expression decoding a value of type t from msg."""
    if t == "Data":
        codec = ctx.use_builtin("DataCodec")
        return "%s.%s(%s)" % (codec, "decode_nullable" if nullable else "decode", msg)
    if t in BUILTIN_CODECS or t in ctx.custom_types:
        fn = decoder_fn(t, ctx)
        if nullable:
            return "%s.decode_nullable(%s, %s)" % (ctx.use_builtin("CodecUtil"), msg, fn)
        return "%s(%s)" % (fn, msg)
    kind, _, rest = t.partition("_")
    if kind in ("List", "ListCN"):
        codec = ctx.use_builtin("ListMultiFrameCodec")
        element = decoder_fn(rest, ctx)
        if kind == "ListCN":
            expr = "%s.decode_contains_nullable(%s, %s)" % (codec, msg, element)
            if nullable:
                return "%s.decode_nullable(%s, lambda m: %s.decode_contains_nullable(m, %s))" % (
                    ctx.use_builtin("CodecUtil"), msg, codec, element)
            return expr
        method = "decode_nullable" if nullable else "decode"
        return "%s.%s(%s, %s)" % (codec, method, msg, element)
    if kind in ("EntryList", "Map"):
        codec = ctx.use_builtin("EntryListCodec" if kind == "EntryList" else "MapCodec")
        key, val = _split_pair(rest)
        method = "decode_nullable" if nullable else "decode"
        return "%s.%s(%s, %s, %s)" % (codec, method, msg, decoder_fn(key, ctx), decoder_fn(val, ctx))
    raise ValueError("unsupported protocol type %r" % t)
