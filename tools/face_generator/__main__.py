"""Command line: ``python3 -m tools.face_generator [--root DIR] [--check]``.

Rewrites the blocking twin at the end of each proxy module listed in
``tools.face_generator.generator.PROXIES`` and the asyncio faces under
hazelcast/internal/asyncio_proxy/; ``--check`` writes nothing and exits 1 when a
committed file differs from a fresh generation.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from tools.face_generator.generator import generate

_REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _read(path: str) -> Optional[str]:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.face_generator", description=__doc__)
    parser.add_argument("--root", default=_REPO_ROOT, help="checkout to read and write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a committed file differs from a fresh generation")
    args = parser.parse_args(argv)
    files = generate(args.root)
    changed = [p for p, text in sorted(files.items()) if _read(os.path.join(args.root, p)) != text]
    if args.check:
        for path in changed:
            print("out of date: %s" % path, file=sys.stderr)
        return 1 if changed else 0
    for path in changed:
        full = os.path.join(args.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(files[path])
    print("%d of %d files rewritten under %s" % (len(changed), len(files), args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
