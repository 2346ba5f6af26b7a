"""Command line: ``python3 -m tools.codec_generator [--definitions FILE] [--check]``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Dict, List, Optional

from tools.codec_generator.generator import generate

_REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_DEFAULT_DEFINITIONS = os.path.join(_REPO_ROOT, "tools", "codec_generator", "protocol", "definitions.json")
_DEFAULT_OUTPUT_DIR = os.path.join(_REPO_ROOT, "hazelcast", "protocol", "codec")


def _existing_files(output_dir: str) -> List[str]:
    found = []
    for root, _, names in os.walk(output_dir):
        for name in names:
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(root, name), output_dir))
    return found


def differences(files: Dict[str, str], output_dir: str) -> List[str]:
    """Returns the paths whose committed content differs from ``files`` (or is stale)."""
    changed = []
    for path, content in sorted(files.items()):
        full = os.path.join(output_dir, path)
        try:
            with open(full, encoding="utf-8") as f:
                if f.read() == content:
                    continue
        except FileNotFoundError:
            pass
        changed.append(path)
    changed += sorted(set(_existing_files(output_dir)) - set(files))
    return changed


def write(files: Dict[str, str], output_dir: str) -> None:
    for stale in set(_existing_files(output_dir)) - set(files):
        os.remove(os.path.join(output_dir, stale))
    for path, content in files.items():
        full = os.path.join(output_dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.codec_generator", description=__doc__)
    parser.add_argument("--definitions", default=_DEFAULT_DEFINITIONS,
                        help="compact protocol definitions, written by tools.protocol_snapshot "
                             "(default: %(default)s)")
    parser.add_argument("--output-dir", default=_DEFAULT_OUTPUT_DIR,
                        help="codec package to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the committed codecs differ from a fresh generation")
    args = parser.parse_args(argv)
    files = generate(args.definitions)
    if args.check:
        changed = differences(files, args.output_dir)
        for path in changed:
            print("out of date: %s" % path, file=sys.stderr)
        return 1 if changed else 0
    write(files, args.output_dir)
    print("wrote %d files to %s" % (len(files), args.output_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
