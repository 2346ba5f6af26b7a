"""Builds a member's XML configuration from plain Python arguments.

Every member of a test cluster binds 127.0.0.1 on its own fixed port and finds the
others by TCP-IP on the ports of its cluster's block; multicast is off so clusters
started in the same run never find each other, and each cluster has its own name.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Mapping, Optional
from xml.sax.saxutils import escape, quoteattr

# Member properties that suit short tests on a small machine.
DEFAULT_PROPERTIES = {
    "hazelcast.phone.home.enabled": "false",
    "hazelcast.socket.bind.any": "false",
    "hazelcast.health.monitoring.level": "OFF",
    # A killed member is dropped in seconds instead of a minute.
    "hazelcast.heartbeat.interval.seconds": "1",
    "hazelcast.max.no.heartbeat.seconds": "10",
    "hazelcast.graceful.shutdown.max.wait": "60",
    "hazelcast.wait.seconds.before.join": "0",
}


def _tag(name: str) -> str:
    return name.replace("_", "-")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _render(name: str, value: Any, indent: str) -> str:
    """One option as XML: scalars become elements, dicts elements with attributes.

    A dict's entries whose values are dicts or lists become child elements; the key
    "raw" inside any dict is copied as raw XML into that element.
    """
    tag = _tag(name)
    if isinstance(value, Mapping):
        attrs = []
        children = []
        raw = value.get("raw")
        for k, v in value.items():
            if k == "raw":
                continue
            if isinstance(v, (Mapping, list, tuple)):
                children.append(_render(k, v, indent + "  "))
            else:
                attrs.append(" %s=%s" % (_tag(k), quoteattr(_text(v))))
        if raw:
            children.append(indent + "  " + raw)
        if not children:
            return "%s<%s%s/>" % (indent, tag, "".join(attrs))
        return "%s<%s%s>\n%s\n%s</%s>" % (indent, tag, "".join(attrs), "\n".join(children), indent, tag)
    if isinstance(value, (list, tuple)):
        # <indexes>[{...}, {...}]</indexes>: the children's tag is the singular of the key.
        child = tag[:-2] if tag.endswith("es") and tag[:-2].endswith("x") else tag.rstrip("s")
        inner = "\n".join(_render(child, v, indent + "  ") for v in value)
        return "%s<%s>\n%s\n%s</%s>" % (indent, tag, inner, indent, tag)
    return "%s<%s>%s</%s>" % (indent, tag, escape(_text(value)), tag)


def map_config_xml(name: str, options: Mapping[str, Any], indent: str = "  ") -> str:
    """<map name=...> from options such as backup_count=1, async_backup_count=0,
    time_to_live_seconds=10, in_memory_format="OBJECT", read_backup_data=True,
    eviction={"eviction_policy": "LRU", "max_size_policy": "PER_NODE", "size": 1000},
    indexes=[{"type": "SORTED", "attributes": ["age"]}] or raw="<xml .../>"."""
    body = []
    for key, value in options.items():
        if key == "raw":
            body.append(indent + "  " + value)
        elif key == "indexes":
            body.append(_indexes_xml(value, indent + "  "))
        else:
            body.append(_render(key, value, indent + "  "))
    return "%s<map name=%s>\n%s\n%s</map>" % (indent, quoteattr(name), "\n".join(body), indent)


def _indexes_xml(indexes: Iterable[Mapping[str, Any]], indent: str) -> str:
    parts = []
    for index in indexes:
        attrs = "".join(
            " %s=%s" % (_tag(k), quoteattr(_text(v))) for k, v in index.items() if k != "attributes"
        )
        attributes = "".join("<attribute>%s</attribute>" % escape(a) for a in index.get("attributes", ()))
        parts.append("%s  <index%s><attributes>%s</attributes></index>" % (indent, attrs, attributes))
    return "%s<indexes>\n%s\n%s</indexes>" % (indent, "\n".join(parts), indent)


def member_xml(
    cluster_name: str,
    port: int,
    join_ports: Iterable[int],
    host: str = "127.0.0.1",
    map_configs: Optional[Mapping[str, Mapping[str, Any]]] = None,
    properties: Optional[Mapping[str, Any]] = None,
    partition_count: Optional[int] = None,
    jet_enabled: bool = False,
    extra_xml: Optional[str] = None,
) -> str:
    """The full XML configuration of one member.

    Args:
        cluster_name: the cluster's name; clients must use the same.
        port: the member's own port (fixed: a restarted member gets it back).
        join_ports: ports on `host` where the other members of the cluster may be.
        host: interface the member binds and advertises.
        map_configs: map name (or wildcard such as "backup*") -> options, see map_config_xml.
        properties: member properties, added to and overriding DEFAULT_PROPERTIES.
        partition_count: value of hazelcast.partition.count (default: Hazelcast's 271).
        jet_enabled: enable the Jet engine (needed by SQL).
        extra_xml: raw XML appended inside <hazelcast>, for anything not covered here.

    Returns:
        The XML document as a string.
    """
    props: Dict[str, str] = dict(DEFAULT_PROPERTIES)
    if partition_count is not None:
        if int(partition_count) < 1:
            raise ValueError("invalid value %r for 'partition_count': must be >= 1" % partition_count)
        props["hazelcast.partition.count"] = str(int(partition_count))
    for k, v in (properties or {}).items():
        props[k] = _text(v)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<hazelcast xmlns="http://www.hazelcast.com/schema/config"',
        '           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        '           xsi:schemaLocation="http://www.hazelcast.com/schema/config'
        ' http://www.hazelcast.com/schema/config/hazelcast-config-5.5.xsd">',
        "  <cluster-name>%s</cluster-name>" % escape(cluster_name),
        "  <properties>",
    ]
    for k in sorted(props):
        lines.append("    <property name=%s>%s</property>" % (quoteattr(k), escape(props[k])))
    lines.append("  </properties>")
    members = "".join("<member>%s:%d</member>" % (host, p) for p in join_ports)
    lines += [
        "  <network>",
        '    <port auto-increment="false">%d</port>' % port,
        "    <reuse-address>true</reuse-address>",
        "    <join>",
        '      <auto-detection enabled="false"/>',
        '      <multicast enabled="false"/>',
        '      <tcp-ip enabled="true"><member-list>%s</member-list></tcp-ip>' % members,
        "    </join>",
        '    <interfaces enabled="true"><interface>%s</interface></interfaces>' % host,
        "  </network>",
    ]
    if jet_enabled:
        lines.append('  <jet enabled="true" resource-upload-enabled="true"/>')
    for name, options in (map_configs or {}).items():
        lines.append(map_config_xml(name, options))
    if extra_xml:
        lines.append(extra_xml)
    lines.append("</hazelcast>")
    return "\n".join(lines) + "\n"
