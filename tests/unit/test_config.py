"""Config: defaults, validation and from_dict of every client option."""

from __future__ import annotations

import socket

import pytest

from hazelcast.config import (
    BitmapIndexOptions,
    Config,
    EvictionPolicy,
    FlakeIdGeneratorConfig,
    IndexConfig,
    IndexType,
    IndexUtil,
    InMemoryFormat,
    IntType,
    NearCacheConfig,
    QueryConstants,
    ReconnectMode,
    ReliableTopicConfig,
    SSLProtocol,
    TopicOverloadPolicy,
    UniqueKeyTransformation,
)
from hazelcast.errors import InvalidConfigurationError
from hazelcast.security import BasicTokenProvider, TokenProvider
from hazelcast.util import RandomLB, RoundRobinLB

# The documented default of every option (the spec of HazelcastClient).
DEFAULTS = {
    "cluster_members": [],
    "cluster_name": "dev",
    "pickle_allowed_classes": [],
    "pickle_trust_all": False,
    "client_name": None,
    "connection_timeout": 5.0,
    "max_message_size": 1 << 30,
    "socket_options": [],
    "redo_operation": False,
    "smart_routing": True,
    "ssl_enabled": False,
    "ssl_cafile": None,
    "ssl_certfile": None,
    "ssl_keyfile": None,
    "ssl_password": None,
    "ssl_protocol": SSLProtocol.TLSv1_2,
    "ssl_ciphers": None,
    "ssl_check_hostname": False,
    "cloud_discovery_token": None,
    "async_start": False,
    "reconnect_mode": ReconnectMode.ON,
    "retry_initial_backoff": 1.0,
    "retry_max_backoff": 30.0,
    "retry_jitter": 0.0,
    "retry_multiplier": 1.05,
    "cluster_connect_timeout": -1,
    "portable_version": 0,
    "data_serializable_factories": {},
    "portable_factories": {},
    "compact_serializers": [],
    "class_definitions": [],
    "check_class_definition_errors": True,
    "is_big_endian": True,
    "default_int_type": IntType.INT,
    "global_serializer": None,
    "custom_serializers": {},
    "near_caches": {},
    "load_balancer": None,
    "membership_listeners": [],
    "lifecycle_listeners": [],
    "flake_id_generators": {},
    "reliable_topics": {},
    "labels": [],
    "heartbeat_interval": 5.0,
    "heartbeat_timeout": 60.0,
    "invocation_timeout": 120.0,
    "invocation_retry_pause": 1.0,
    "statistics_enabled": False,
    "statistics_period": 3.0,
    "shuffle_member_list": True,
    "backup_ack_to_client_enabled": True,
    "operation_backup_timeout": 5.0,
    "fail_on_indeterminate_operation_state": False,
    "creds_username": None,
    "creds_password": None,
    "token_provider": None,
    "use_public_ip": False,
}


def _listener(_):
    pass


class _Token(TokenProvider):
    def token(self, address=None):
        return b"t"


# A valid non-default value per option (serialization options are tested apart).
VALID = {
    "cluster_members": ["10.0.0.1", "10.0.0.2:5702"],
    "cluster_name": "prod",
    "client_name": "c1",
    "connection_timeout": 0,
    "max_message_size": 64 * 1024,
    "pickle_allowed_classes": ["myapp.Order"],
    "pickle_trust_all": True,
    "socket_options": [(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)],
    "redo_operation": True,
    "smart_routing": False,
    "ssl_enabled": True,
    "ssl_cafile": "/ca.pem",
    "ssl_certfile": "/cert.pem",
    "ssl_keyfile": "/key.pem",
    "ssl_password": b"secret",
    "ssl_protocol": SSLProtocol.TLSv1_3,
    "ssl_ciphers": "DHE-RSA-AES128-SHA",
    "ssl_check_hostname": True,
    "cloud_discovery_token": "token",
    "async_start": True,
    "reconnect_mode": ReconnectMode.ASYNC,
    "retry_initial_backoff": 0,
    "retry_max_backoff": 2.5,
    "retry_jitter": 1,
    "retry_multiplier": 1,
    "cluster_connect_timeout": 0,
    "portable_version": 3,
    "default_int_type": IntType.BIG_INT,
    "check_class_definition_errors": False,
    "is_big_endian": False,
    "membership_listeners": [(_listener, None), (None, _listener)],
    "lifecycle_listeners": [_listener],
    "labels": ["a", "b"],
    "heartbeat_interval": 0.5,
    "heartbeat_timeout": 1,
    "invocation_timeout": 0.1,
    "invocation_retry_pause": 0.01,
    "statistics_enabled": True,
    "statistics_period": 10,
    "shuffle_member_list": False,
    "backup_ack_to_client_enabled": False,
    "operation_backup_timeout": 0.5,
    "fail_on_indeterminate_operation_state": True,
    "creds_username": "user",
    "creds_password": "pass",
    "use_public_ip": True,
}

_BOOL_OPTIONS = [name for name, value in DEFAULTS.items() if isinstance(value, bool)]
_STR_OPTIONS = [
    "cluster_name",
    "client_name",
    "ssl_cafile",
    "ssl_certfile",
    "ssl_keyfile",
    "ssl_ciphers",
    "cloud_discovery_token",
    "creds_username",
    "creds_password",
]

# (option, invalid value, error class)
INVALID = (
    [(name, value, TypeError) for name in _BOOL_OPTIONS for value in (None, 1, "true")]
    + [(name, value, TypeError) for name in _STR_OPTIONS for value in (None, 1, b"x")]
    + [
        ("cluster_members", "127.0.0.1", TypeError),
        ("cluster_members", [1], TypeError),
        ("cluster_members", None, TypeError),
        ("connection_timeout", -1, ValueError),
        ("max_message_size", 5, ValueError),
        ("max_message_size", 2**31, ValueError),
        ("max_message_size", 1.5, TypeError),
        ("max_message_size", "1", TypeError),
        ("pickle_allowed_classes", "myapp.Order", TypeError),
        ("connection_timeout", "1", TypeError),
        ("connection_timeout", True, TypeError),
        ("socket_options", (1, 2, 3), TypeError),
        ("socket_options", [(1, 2)], TypeError),
        ("socket_options", [[1, 2, 3]], TypeError),
        ("ssl_password", 123, TypeError),
        ("ssl_password", None, TypeError),
        ("retry_initial_backoff", -0.1, ValueError),
        ("retry_initial_backoff", "1", TypeError),
        ("retry_max_backoff", -10, ValueError),
        ("retry_max_backoff", None, TypeError),
        ("retry_jitter", -0.01, ValueError),
        ("retry_jitter", 1.1, ValueError),
        ("retry_jitter", "0.5", TypeError),
        ("retry_multiplier", 0.99, ValueError),
        ("retry_multiplier", -1, ValueError),
        ("retry_multiplier", None, TypeError),
        ("cluster_connect_timeout", -2, ValueError),
        ("cluster_connect_timeout", -0.5, ValueError),
        ("cluster_connect_timeout", "", TypeError),
        ("portable_version", -1, ValueError),
        ("portable_version", 1.5, TypeError),
        ("portable_version", None, TypeError),
        ("load_balancer", None, TypeError),
        ("load_balancer", object(), TypeError),
        ("membership_listeners", None, TypeError),
        ("membership_listeners", [None], TypeError),
        ("membership_listeners", [(None, None)], TypeError),
        ("membership_listeners", [(_listener, 1)], TypeError),
        ("membership_listeners", [(_listener, _listener, _listener)], TypeError),
        ("lifecycle_listeners", None, TypeError),
        ("lifecycle_listeners", [None], TypeError),
        ("labels", None, TypeError),
        ("labels", ["a", None], TypeError),
        ("heartbeat_interval", 0, ValueError),
        ("heartbeat_interval", -1, ValueError),
        ("heartbeat_interval", None, TypeError),
        ("heartbeat_timeout", 0, ValueError),
        ("heartbeat_timeout", "60", TypeError),
        ("invocation_timeout", 0, ValueError),
        ("invocation_timeout", None, TypeError),
        ("invocation_retry_pause", -1, ValueError),
        ("invocation_retry_pause", None, TypeError),
        ("statistics_period", 0, ValueError),
        ("statistics_period", None, TypeError),
        ("operation_backup_timeout", 0, ValueError),
        ("operation_backup_timeout", None, TypeError),
        ("token_provider", object(), TypeError),
        ("token_provider", None, TypeError),
        ("near_caches", None, TypeError),
        ("near_caches", {1: {}}, TypeError),
        ("near_caches", {"m": 1}, TypeError),
        ("flake_id_generators", None, TypeError),
        ("flake_id_generators", {"g": []}, TypeError),
        ("reliable_topics", None, TypeError),
        ("reliable_topics", {1: {}}, TypeError),
    ]
)

ENUM_OPTIONS = [
    ("ssl_protocol", SSLProtocol),
    ("reconnect_mode", ReconnectMode),
    ("default_int_type", IntType),
]


def _members(enum_class):
    return {k: v for k, v in vars(enum_class).items() if not k.startswith("_")}


def test_every_spec_option_has_a_property_and_nothing_else():
    assert set(DEFAULTS) == {option.name for option in Config._OPTIONS}
    for name in DEFAULTS:
        assert isinstance(getattr(Config, name), property)


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_default(name):
    assert getattr(Config(), name) == DEFAULTS[name]


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_option_has_docstring(name):
    doc = getattr(Config, name).__doc__
    assert doc and len(doc) > 20


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_value_is_stored(name):
    config = Config()
    setattr(config, name, VALID[name])
    assert getattr(config, name) == VALID[name]


@pytest.mark.parametrize("name, value, error", INVALID, ids=lambda x: repr(x)[:30])
def test_invalid_value_raises_naming_option_and_value(name, value, error):
    config = Config()
    with pytest.raises(error) as info:
        setattr(config, name, value)
    message = str(info.value)
    assert repr(name) in message
    assert repr(value) in message
    # The old value is kept.
    assert getattr(config, name) == DEFAULTS[name]


def test_error_message_format():
    with pytest.raises(ValueError, match=r"^invalid value -1 for 'retry_multiplier': must be >= 1$"):
        Config().retry_multiplier = -1


def test_bool_is_not_a_number():
    # bool is an int subclass; a timeout of True is a mistake, not 1 second.
    with pytest.raises(TypeError):
        Config().heartbeat_interval = True


def test_cluster_connect_timeout_accepts_minus_one():
    config = Config()
    config.cluster_connect_timeout = 10
    config.cluster_connect_timeout = -1
    assert config.cluster_connect_timeout == -1


def test_ssl_password_forms():
    config = Config()
    for value in ("pw", b"pw", bytearray(b"pw")):
        config.ssl_password = value
        assert config.ssl_password == value
    config.ssl_password = lambda: "pw"
    assert config.ssl_password() == "pw"


def test_token_provider():
    config = Config()
    provider = BasicTokenProvider("tok")
    config.token_provider = provider
    assert config.token_provider is provider
    config.token_provider = _Token()
    assert config.token_provider.token() == b"t"


def test_load_balancers():
    config = Config()
    for lb in (RandomLB(), RoundRobinLB()):
        config.load_balancer = lb
        assert config.load_balancer is lb


# -- enums ---------------------------------------------------------------------


@pytest.mark.parametrize("name, enum_class", ENUM_OPTIONS)
def test_enum_by_value_and_by_name(name, enum_class):
    config = Config()
    for member_name, member_value in _members(enum_class).items():
        setattr(config, name, member_value)
        assert getattr(config, name) == member_value
        setattr(config, name, DEFAULTS[name])
        setattr(config, name, member_name)
        assert getattr(config, name) == member_value


@pytest.mark.parametrize("name, enum_class", ENUM_OPTIONS)
@pytest.mark.parametrize("bad", [None, 99, -1, "NOPE", "123", True, 1.0])
def test_enum_invalid(name, enum_class, bad):
    with pytest.raises(TypeError) as info:
        setattr(Config(), name, bad)
    assert repr(name) in str(info.value)
    assert repr(bad) in str(info.value)


def test_enum_names_are_case_sensitive_as_officially():
    with pytest.raises(TypeError):
        Config().reconnect_mode = "async"
    with pytest.raises(TypeError):
        Config().ssl_protocol = "tlsv1_2"


def test_enum_values():
    assert (IntType.VAR, IntType.BYTE, IntType.SHORT, IntType.INT, IntType.LONG) == (0, 1, 2, 3, 4)
    assert IntType.BIG_INT == 5
    assert (ReconnectMode.OFF, ReconnectMode.ON, ReconnectMode.ASYNC) == (0, 1, 2)
    assert (EvictionPolicy.NONE, EvictionPolicy.LRU, EvictionPolicy.LFU, EvictionPolicy.RANDOM) == (
        0,
        1,
        2,
        3,
    )
    assert (InMemoryFormat.BINARY, InMemoryFormat.OBJECT) == (0, 1)
    assert [SSLProtocol.SSLv2, SSLProtocol.SSLv3, SSLProtocol.TLSv1] == [0, 1, 2]
    assert [SSLProtocol.TLSv1_1, SSLProtocol.TLSv1_2, SSLProtocol.TLSv1_3] == [3, 4, 5]
    assert (QueryConstants.KEY_ATTRIBUTE_NAME, QueryConstants.THIS_ATTRIBUTE_NAME) == ("__key", "this")
    assert (UniqueKeyTransformation.OBJECT, UniqueKeyTransformation.LONG) == (0, 1)
    assert UniqueKeyTransformation.RAW == 2
    assert (IndexType.SORTED, IndexType.HASH, IndexType.BITMAP) == (0, 1, 2)
    assert (TopicOverloadPolicy.DISCARD_OLDEST, TopicOverloadPolicy.DISCARD_NEWEST) == (0, 1)
    assert (TopicOverloadPolicy.BLOCK, TopicOverloadPolicy.ERROR) == (2, 3)


# -- from_dict -------------------------------------------------------------------


def test_from_dict_empty_gives_defaults():
    config = Config.from_dict({})
    for name, default in DEFAULTS.items():
        assert getattr(config, name) == default


def test_from_dict_all_valid_values():
    config = Config.from_dict(VALID)
    for name, value in VALID.items():
        assert getattr(config, name) == value
    untouched = set(DEFAULTS) - set(VALID)
    for name in untouched:
        assert getattr(config, name) == DEFAULTS[name]


def test_from_dict_enum_names():
    config = Config.from_dict(
        {"reconnect_mode": "OFF", "ssl_protocol": "TLSv1_3", "default_int_type": "LONG"}
    )
    assert config.reconnect_mode == ReconnectMode.OFF
    assert config.ssl_protocol == SSLProtocol.TLSv1_3
    assert config.default_int_type == IntType.LONG


def test_from_dict_skips_none_values():
    config = Config.from_dict({"cluster_name": None, "cluster_members": None, "load_balancer": None})
    assert config.cluster_name == "dev"
    assert config.cluster_members == []
    assert config.load_balancer is None


def test_from_dict_unknown_option():
    with pytest.raises(InvalidConfigurationError) as info:
        Config.from_dict({"invalid_elem": False})
    assert "'invalid_elem'" in str(info.value)


def test_from_dict_unknown_option_suggests_close_name():
    with pytest.raises(InvalidConfigurationError, match="did you mean 'cluster_name'"):
        Config.from_dict({"clustername": "x"})


def test_from_dict_invalid_value_raises():
    with pytest.raises(ValueError, match="'retry_jitter'"):
        Config.from_dict({"retry_jitter": 2})


def test_from_dict_needs_a_dict():
    with pytest.raises(TypeError):
        Config.from_dict([("cluster_name", "x")])


def test_unknown_attribute_cannot_be_set():
    with pytest.raises(AttributeError):
        Config().clustr_name = "x"


def test_mutable_defaults_are_not_shared():
    a, b = Config(), Config()
    a.labels.append("x")
    a.near_caches["m"] = NearCacheConfig()
    assert b.labels == []
    assert b.near_caches == {}
    assert Config().labels == []


# -- sub-configs -----------------------------------------------------------------

SUB_CONFIGS = {
    NearCacheConfig: {
        "invalidate_on_change": True,
        "in_memory_format": InMemoryFormat.BINARY,
        "time_to_live": None,
        "max_idle": None,
        "eviction_policy": EvictionPolicy.LRU,
        "eviction_max_size": 10000,
        "eviction_sampling_count": 8,
        "eviction_sampling_pool_size": 16,
    },
    FlakeIdGeneratorConfig: {"prefetch_count": 100, "prefetch_validity": 600},
    ReliableTopicConfig: {"read_batch_size": 10, "overload_policy": TopicOverloadPolicy.BLOCK},
}

SUB_VALID = {
    NearCacheConfig: {
        "invalidate_on_change": False,
        "in_memory_format": InMemoryFormat.OBJECT,
        "time_to_live": 0,
        "max_idle": 2.5,
        "eviction_policy": EvictionPolicy.NONE,
        "eviction_max_size": 1,
        "eviction_sampling_count": 20,
        "eviction_sampling_pool_size": 1,
    },
    FlakeIdGeneratorConfig: {"prefetch_count": 100000, "prefetch_validity": 0},
    ReliableTopicConfig: {"read_batch_size": 1, "overload_policy": TopicOverloadPolicy.ERROR},
}

SUB_INVALID = [
    (NearCacheConfig, "invalidate_on_change", None, TypeError),
    (NearCacheConfig, "in_memory_format", None, TypeError),
    (NearCacheConfig, "in_memory_format", "BINARYY", TypeError),
    (NearCacheConfig, "in_memory_format", 2, TypeError),
    (NearCacheConfig, "time_to_live", None, TypeError),
    (NearCacheConfig, "time_to_live", -1, ValueError),
    (NearCacheConfig, "max_idle", "1", TypeError),
    (NearCacheConfig, "max_idle", -12, ValueError),
    (NearCacheConfig, "eviction_policy", None, TypeError),
    (NearCacheConfig, "eviction_policy", 4, TypeError),
    (NearCacheConfig, "eviction_max_size", None, TypeError),
    (NearCacheConfig, "eviction_max_size", 1.5, TypeError),
    (NearCacheConfig, "eviction_max_size", 0, ValueError),
    (NearCacheConfig, "eviction_sampling_count", 0, ValueError),
    (NearCacheConfig, "eviction_sampling_count", None, TypeError),
    (NearCacheConfig, "eviction_sampling_pool_size", -10, ValueError),
    (NearCacheConfig, "eviction_sampling_pool_size", None, TypeError),
    (FlakeIdGeneratorConfig, "prefetch_count", None, TypeError),
    (FlakeIdGeneratorConfig, "prefetch_count", 0, ValueError),
    (FlakeIdGeneratorConfig, "prefetch_count", 100001, ValueError),
    (FlakeIdGeneratorConfig, "prefetch_count", 10.0, TypeError),
    (FlakeIdGeneratorConfig, "prefetch_validity", None, TypeError),
    (FlakeIdGeneratorConfig, "prefetch_validity", -1, ValueError),
    (ReliableTopicConfig, "read_batch_size", None, TypeError),
    (ReliableTopicConfig, "read_batch_size", 0, ValueError),
    (ReliableTopicConfig, "read_batch_size", -1, ValueError),
    (ReliableTopicConfig, "overload_policy", None, TypeError),
    (ReliableTopicConfig, "overload_policy", -1, TypeError),
    (ReliableTopicConfig, "overload_policy", "block", TypeError),
]

_PARENT_OPTION = {
    NearCacheConfig: "near_caches",
    FlakeIdGeneratorConfig: "flake_id_generators",
    ReliableTopicConfig: "reliable_topics",
}


@pytest.mark.parametrize("cls", list(SUB_CONFIGS), ids=lambda c: c.__name__)
def test_sub_config_defaults(cls):
    direct = cls()
    via_parent = getattr(Config.from_dict({_PARENT_OPTION[cls]: {"x": {}}}), _PARENT_OPTION[cls])["x"]
    for name, default in SUB_CONFIGS[cls].items():
        assert getattr(direct, name) == default
        assert getattr(via_parent, name) == default


@pytest.mark.parametrize("cls", list(SUB_CONFIGS), ids=lambda c: c.__name__)
def test_sub_config_valid_values(cls):
    config = cls.from_dict(SUB_VALID[cls])
    for name, value in SUB_VALID[cls].items():
        assert getattr(config, name) == value
    parent = Config.from_dict({_PARENT_OPTION[cls]: {"x": SUB_VALID[cls]}})
    stored = getattr(parent, _PARENT_OPTION[cls])["x"]
    assert isinstance(stored, cls)
    for name, value in SUB_VALID[cls].items():
        assert getattr(stored, name) == value


@pytest.mark.parametrize("cls", list(SUB_CONFIGS), ids=lambda c: c.__name__)
def test_sub_config_a_few_changes_keep_other_defaults(cls):
    first = next(iter(SUB_VALID[cls]))
    config = cls.from_dict({first: SUB_VALID[cls][first]})
    for name, default in SUB_CONFIGS[cls].items():
        expected = SUB_VALID[cls][first] if name == first else default
        assert getattr(config, name) == expected


@pytest.mark.parametrize("cls, name, value, error", SUB_INVALID, ids=lambda x: repr(x)[:30])
def test_sub_config_invalid_value(cls, name, value, error):
    with pytest.raises(error) as info:
        setattr(cls(), name, value)
    assert repr(name) in str(info.value)
    assert repr(value) in str(info.value)
    # From the client config, the message also says which structure.
    with pytest.raises(error) as info:
        Config.from_dict({_PARENT_OPTION[cls]: {"struct-1": {name: value}}})
    assert "'struct-1'" in str(info.value)
    assert repr(name) in str(info.value)


@pytest.mark.parametrize("cls", list(SUB_CONFIGS), ids=lambda c: c.__name__)
def test_sub_config_unknown_option(cls):
    with pytest.raises(InvalidConfigurationError, match="'invalid_option'"):
        cls.from_dict({"invalid_option": 1})
    with pytest.raises(InvalidConfigurationError, match="'invalid_option'"):
        Config.from_dict({_PARENT_OPTION[cls]: {"x": {"invalid_option": 1}}})


def test_sub_config_enum_names():
    config = Config.from_dict(
        {
            "near_caches": {"m": {"in_memory_format": "OBJECT", "eviction_policy": "RANDOM"}},
            "reliable_topics": {"t": {"overload_policy": "DISCARD_NEWEST"}},
        }
    )
    assert config.near_caches["m"].in_memory_format == InMemoryFormat.OBJECT
    assert config.near_caches["m"].eviction_policy == EvictionPolicy.RANDOM
    assert config.reliable_topics["t"].overload_policy == TopicOverloadPolicy.DISCARD_NEWEST


def test_sub_config_instances_are_accepted():
    nc = NearCacheConfig()
    nc.time_to_live = 5
    config = Config()
    config.near_caches = {"m": nc}
    assert config.near_caches["m"] is nc


# -- serialization options (need the serialization API) ------------------------


@pytest.fixture
def api():
    return pytest.importorskip("hazelcast.serialization.api")


def test_serialization_factories(api):
    class IDS(api.IdentifiedDataSerializable):
        pass

    class P(api.Portable):
        pass

    config = Config()
    config.data_serializable_factories = {1: {2: IDS}}
    config.portable_factories = {3: {4: P}}
    assert config.data_serializable_factories == {1: {2: IDS}}
    assert config.portable_factories == {3: {4: P}}
    for option, cls in (("data_serializable_factories", IDS), ("portable_factories", P)):
        for bad in ({"1": {2: cls}}, {1: "x"}, {1: {"2": cls}}, {1: {2: str}}, {1: {2: cls()}}, 1, None):
            with pytest.raises(TypeError, match=repr(option)):
                setattr(config, option, bad)


def test_global_and_custom_serializers(api):
    class S(api.StreamSerializer):
        pass

    config = Config()
    config.global_serializer = S
    config.custom_serializers = {int: S}
    assert config.global_serializer is S
    assert config.custom_serializers == {int: S}
    for bad in ("S", str, S(), None):
        with pytest.raises(TypeError, match="'global_serializer'"):
            config.global_serializer = bad
    for bad in ({1: S}, {int: "S"}, {int: str}, None):
        with pytest.raises(TypeError, match="'custom_serializers'"):
            config.custom_serializers = bad


def test_compact_serializers(api):
    class Foo:
        pass

    class FooSerializer(api.CompactSerializer):
        def read(self, reader):
            return Foo()

        def write(self, writer, obj):
            pass

        def get_class(self):
            return Foo

        def get_type_name(self):
            return "Foo"

    config = Config()
    serializers = [FooSerializer()]
    config.compact_serializers = serializers
    assert config.compact_serializers == serializers
    for bad in ([None], [""], [FooSerializer(), 1], [FooSerializer], "", None):
        with pytest.raises(TypeError, match="'compact_serializers'"):
            config.compact_serializers = bad


def test_class_definitions():
    classdef = pytest.importorskip("hazelcast.serialization.portable.classdef")
    if not hasattr(classdef, "ClassDefinition"):
        pytest.skip("ClassDefinition not available yet")
    config = Config()
    with pytest.raises(TypeError, match="'class_definitions'"):
        config.class_definitions = [123]
    with pytest.raises(TypeError, match="'class_definitions'"):
        config.class_definitions = None


# -- index configs -----------------------------------------------------------------


def test_index_config_defaults_and_from_dict():
    for config in (IndexConfig(), IndexConfig.from_dict({})):
        assert config.name is None
        assert config.type == IndexType.SORTED
        assert config.attributes == []
        assert config.bitmap_index_options.unique_key == QueryConstants.KEY_ATTRIBUTE_NAME
        assert config.bitmap_index_options.unique_key_transformation == UniqueKeyTransformation.OBJECT
    with pytest.raises(InvalidConfigurationError, match="'unknown_key'"):
        IndexConfig.from_dict({"unknown_key": 1})


def test_index_config_options():
    config = IndexConfig("idx", "HASH", ["a", "b.c"], {"unique_key": "this", "unique_key_transformation": "RAW"})
    assert (config.name, config.type, config.attributes) == ("idx", IndexType.HASH, ["a", "b.c"])
    assert config.bitmap_index_options.unique_key == QueryConstants.THIS_ATTRIBUTE_NAME
    assert config.bitmap_index_options.unique_key_transformation == UniqueKeyTransformation.RAW
    with pytest.raises(TypeError, match="'type'"):
        config.type = "HASHH"
    with pytest.raises(TypeError, match="'name'"):
        config.name = 123
    with pytest.raises(TypeError):
        config.attributes = None
    with pytest.raises(ValueError):
        config.attributes = ["a."]
    for bad, error in (
        ({"unique_key": None}, TypeError),
        ({"unique_key_transformation": None}, TypeError),
        ({"invalid_config": None}, InvalidConfigurationError),
        ([], TypeError),
    ):
        with pytest.raises(error):
            config.bitmap_index_options = bad


def test_index_config_add_attribute():
    config = IndexConfig()
    for bad, error in ((None, AssertionError), ("   ", ValueError), ("x.", ValueError), ("  x.x.", ValueError)):
        with pytest.raises(error):
            config.add_attribute(bad)
    config.add_attribute("x.y")
    config.add_attribute("x.y.z")
    assert config.attributes == ["x.y", "x.y.z"]


def test_bitmap_index_options():
    options = BitmapIndexOptions.from_dict({"unique_key": "KEY_ATTRIBUTE_NAME", "unique_key_transformation": "LONG"})
    assert options.unique_key == "__key"
    assert options.unique_key_transformation == UniqueKeyTransformation.LONG
    with pytest.raises(TypeError):
        options.unique_key_transformation = 132
    with pytest.raises(InvalidConfigurationError):
        BitmapIndexOptions.from_dict({"unknown_key": 1})


def test_index_util_normalizes_name_and_attributes():
    normalized = IndexUtil.validate_and_normalize("m", IndexConfig(None, IndexType.HASH, [" this.a ", "b"]))
    assert normalized.name == "m_hash_a_b"
    assert normalized.attributes == ["a", "b"]
    assert normalized.type == IndexType.HASH
    named = IndexUtil.validate_and_normalize("m", IndexConfig("given", IndexType.SORTED, ["a"]))
    assert named.name == "given"


def test_index_util_bitmap_keeps_options():
    config = IndexConfig(None, IndexType.BITMAP, ["a"], {"unique_key": "this", "unique_key_transformation": "RAW"})
    normalized = IndexUtil.validate_and_normalize("m", config)
    assert normalized.name == "m_bitmap_a"
    assert normalized.bitmap_index_options.unique_key == "this"
    assert normalized.bitmap_index_options.unique_key_transformation == UniqueKeyTransformation.RAW


@pytest.mark.parametrize(
    "config",
    [
        IndexConfig(None, IndexType.SORTED, []),
        IndexConfig(None, IndexType.SORTED, ["a", "this.a"]),
        IndexConfig(None, IndexType.SORTED, ["a", "a"]),
        IndexConfig(None, IndexType.BITMAP, ["a", "b"]),
        IndexConfig(None, IndexType.SORTED, ["a%d" % i for i in range(256)]),
    ],
)
def test_index_util_rejects(config):
    with pytest.raises(ValueError):
        IndexUtil.validate_and_normalize("m", config)
