"""The generated member XML: what every test cluster relies on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from harness.member_config import DEFAULT_PROPERTIES, member_xml

NS = {"hz": "http://www.hazelcast.com/schema/config"}


def _parse(xml):
    return ET.fromstring(xml.encode("utf-8"))


def _props(root):
    return {p.get("name"): p.text for p in root.findall("hz:properties/hz:property", NS)}


def test_network_binds_loopback_port_and_joins_by_tcp_ip_only():
    root = _parse(member_xml("c1", 15701, [15701, 15702]))
    assert root.find("hz:cluster-name", NS).text == "c1"
    port = root.find("hz:network/hz:port", NS)
    assert port.text == "15701" and port.get("auto-increment") == "false"
    assert root.find("hz:network/hz:join/hz:multicast", NS).get("enabled") == "false"
    tcp = root.find("hz:network/hz:join/hz:tcp-ip", NS)
    assert tcp.get("enabled") == "true"
    assert [m.text for m in tcp.findall("hz:member-list/hz:member", NS)] == ["127.0.0.1:15701", "127.0.0.1:15702"]
    assert root.find("hz:network/hz:interfaces/hz:interface", NS).text == "127.0.0.1"


def test_default_properties_turn_phone_home_off_and_can_be_overridden():
    root = _parse(member_xml("c", 1, [1], properties={"hazelcast.max.no.heartbeat.seconds": 30, "x.y": True}))
    props = _props(root)
    assert props["hazelcast.phone.home.enabled"] == "false"
    assert props["hazelcast.max.no.heartbeat.seconds"] == "30"
    assert props["x.y"] == "true"
    assert set(DEFAULT_PROPERTIES) <= set(props)


def test_partition_count_option_sets_the_property():
    assert _props(_parse(member_xml("c", 1, [1], partition_count=7)))["hazelcast.partition.count"] == "7"
    assert "hazelcast.partition.count" not in _props(_parse(member_xml("c", 1, [1])))
    with pytest.raises(ValueError, match="partition_count"):
        member_xml("c", 1, [1], partition_count=0)


def test_map_configs_render_elements_attributes_and_raw_xml():
    xml = member_xml("c", 1, [1], map_configs={
        "backup*": {"backup_count": 2, "async_backup_count": 1, "read_backup_data": True,
                    "eviction": {"eviction_policy": "LRU", "max_size_policy": "PER_NODE", "size": 100},
                    "indexes": [{"type": "SORTED", "attributes": ["age"]}],
                    "raw": "<statistics-enabled>false</statistics-enabled>"},
        "plain": {"time_to_live_seconds": 5},
    })
    root = _parse(xml)
    maps = {m.get("name"): m for m in root.findall("hz:map", NS)}
    assert set(maps) == {"backup*", "plain"}
    b = maps["backup*"]
    assert b.find("hz:backup-count", NS).text == "2"
    assert b.find("hz:async-backup-count", NS).text == "1"
    assert b.find("hz:read-backup-data", NS).text == "true"
    ev = b.find("hz:eviction", NS)
    assert (ev.get("eviction-policy"), ev.get("max-size-policy"), ev.get("size")) == ("LRU", "PER_NODE", "100")
    index = b.find("hz:indexes/hz:index", NS)
    assert index.get("type") == "SORTED"
    assert [a.text for a in index.findall("hz:attributes/hz:attribute", NS)] == ["age"]
    assert b.find("hz:statistics-enabled", NS).text == "false"
    assert maps["plain"].find("hz:time-to-live-seconds", NS).text == "5"


def test_extra_xml_and_jet_go_inside_the_root():
    root = _parse(member_xml("c", 1, [1], jet_enabled=True, extra_xml="<queue name='q'><max-size>3</max-size></queue>"))
    assert root.find("hz:jet", NS).get("enabled") == "true"
    assert root.find("hz:queue", NS).get("name") == "q"


def test_names_are_escaped():
    root = _parse(member_xml("a<b&c", 1, [1], map_configs={'m"1': {"backup_count": 0}}))
    assert root.find("hz:cluster-name", NS).text == "a<b&c"
    assert root.find("hz:map", NS).get("name") == 'm"1'
