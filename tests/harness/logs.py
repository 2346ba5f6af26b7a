"""Reads what a member wrote to its log: start-up, membership lists, its own UUID."""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional

STARTED = " is STARTED"
_MEMBERS_BLOCK = re.compile(r"Members \{size:(\d+), ver:(\d+)\} \[\n(.*?)\n\]", re.S)
_MEMBER_LINE = re.compile(r"Member \[([^\]]+)\]:(\d+) - ([0-9a-fA-F-]{36})( this)?")


class MemberEntry(NamedTuple):
    address: str  # "host:port"
    uuid: str
    this: bool


class MembersView(NamedTuple):
    size: int
    version: int
    members: List[MemberEntry]


def read(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def tail(path: str, lines: int = 40) -> str:
    """The last `lines` lines of a log file ('' if it does not exist)."""
    text = read(path)
    return "\n".join(text.splitlines()[-lines:])


def members_views(text: str) -> List[MembersView]:
    """Every membership list the member logged, oldest first."""
    views = []
    for m in _MEMBERS_BLOCK.finditer(text):
        entries = [
            MemberEntry("%s:%s" % (e.group(1), e.group(2)), e.group(3), bool(e.group(4)))
            for e in _MEMBER_LINE.finditer(m.group(3))
        ]
        views.append(MembersView(int(m.group(1)), int(m.group(2)), entries))
    return views


def latest_view(text: str) -> Optional[MembersView]:
    views = members_views(text)
    return views[-1] if views else None


def own_uuid(text: str) -> Optional[str]:
    """The UUID on the line the member marks as ' this' in its membership lists."""
    for view in reversed(members_views(text)):
        for entry in view.members:
            if entry.this:
                return entry.uuid
    return None


def has_started(text: str) -> bool:
    return STARTED in text
