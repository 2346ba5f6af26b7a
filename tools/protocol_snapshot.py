"""Writes the compact, in-repository form of the client protocol definitions.

    python3 -m tools.protocol_snapshot --protocol-dir DIR [--check]

Reads the upstream YAML definitions (``protocol-definitions/*.yaml`` and
``custom/Custom.yaml`` under ``--protocol-dir``, a checkout of the upstream
hazelcast-client-protocol repository) and writes ``tools/codec_generator/protocol/definitions.json``:
the facts the codec generator needs (services and their ids, methods with their ids,
``since`` versions, retryability and partition parameter, the request, response and
event parameters, and the custom types), without the upstream prose. The codec
generator and its freshness test read only that file, so a clone builds and checks
the codecs without the upstream definitions.

Each parameter is ``[name, type, nullable, since]``; one method per line, so that a
protocol update shows as a readable diff.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from typing import Any, Dict, List, Optional

_REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFINITIONS = os.path.join(_REPO_ROOT, "tools", "codec_generator", "protocol", "definitions.json")
FORMAT = 1


def _params(params: Optional[list]) -> List[list]:
    return [[p["name"], p["type"], bool(p["nullable"]), str(p["since"])] for p in params or []]


def _method(method: Dict[str, Any]) -> Dict[str, Any]:
    request = method["request"]
    out: Dict[str, Any] = {
        "id": method["id"],
        "name": method["name"],
        "since": str(method["since"]),
        "retryable": bool(request["retryable"]),
        "partition": request.get("partitionIdentifier"),
        "request": _params(request.get("params")),
        "response": _params((method.get("response") or {}).get("params")),
    }
    events = method.get("events") or []
    if events:
        out["events"] = [
            {"name": e["name"], "since": str(e["since"]), "params": _params(e.get("params"))} for e in events
        ]
    return out


def snapshot(protocol_dir: str) -> Dict[str, Any]:
    """Returns the compact definitions read from the upstream YAML files."""
    import yaml  # only this maintainer tool needs PyYAML

    definitions = os.path.join(protocol_dir, "protocol-definitions")
    paths = sorted(glob.glob(os.path.join(definitions, "*.yaml")))
    if not paths:
        raise FileNotFoundError("no protocol definitions under %s" % definitions)
    services = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            service = yaml.safe_load(f)
        services.append({
            "id": service["id"],
            "name": service["name"],
            "methods": [_method(m) for m in service["methods"]],
        })
    with open(os.path.join(definitions, "custom", "Custom.yaml"), encoding="utf-8") as f:
        custom = yaml.safe_load(f)["customTypes"]
    custom_types = [{"name": t["name"], "since": str(t["since"]), "params": _params(t["params"])} for t in custom]
    return {"format": FORMAT, "services": services, "customTypes": custom_types}


def dumps(data: Dict[str, Any]) -> str:
    """The file's text: one method, event list included, or one custom type per line."""

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    lines = ["{", '"format": %d,' % data["format"], '"services": [']
    for i, service in enumerate(data["services"]):
        lines.append('{"id": %d, "name": %s, "methods": [' % (service["id"], one(service["name"])))
        methods = service["methods"]
        lines += [one(m) + ("," if j < len(methods) - 1 else "") for j, m in enumerate(methods)]
        lines.append("]}" + ("," if i < len(data["services"]) - 1 else ""))
    lines.append("],")
    lines.append('"customTypes": [')
    types = data["customTypes"]
    lines += [one(t) + ("," if j < len(types) - 1 else "") for j, t in enumerate(types)]
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.protocol_snapshot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--protocol-dir", required=True,
                        help="a checkout of the upstream protocol repository (holding protocol-definitions/ and custom/)")
    parser.add_argument("--output", default=DEFINITIONS, help="file to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs from a fresh snapshot")
    args = parser.parse_args(argv)
    text = dumps(snapshot(args.protocol_dir))
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        if not same:
            print("out of date: %s" % args.output, file=sys.stderr)
        return 0 if same else 1
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
