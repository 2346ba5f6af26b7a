"""The examples a user runs first work as the README says: each starts a member,
uses it and stops it, in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.parametrize(
    "example, expected",
    [
        ("quickstart.py", ["Capital of Japan: Tokyo", "Size: 4", "Asynchronously: NAIROBI", "Member stopped."]),
        (
            "asyncio_quickstart.py",
            [
                "Capital of Japan: Tokyo",
                "Squares stored: 1000 - 12 squared is 144",
                "Distributed objects: ['a-new-map', 'capitals', 'squares']",
                "Lifecycle: SHUTDOWN",
                "Member stopped.",
            ],
        ),
    ],
)
def test_example_runs_against_a_member_it_starts_and_stops(example, expected):
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "examples", example)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    for line in expected:
        assert line in lines, "%r missing from:\n%s" % (line, done.stdout)
