"""Start a test cluster by hand (benchmarks, debugging) and keep it until Ctrl-C:

    PYTHONPATH=tests python3 -m harness --members 3 --profile perf

Prints one JSON line with the client configuration once the cluster has formed.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time

from . import Cluster


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness", description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1, help="member count (default 1)")
    parser.add_argument("--profile", choices=("test", "perf"), default=None, help="JVM flag set")
    parser.add_argument("--version", default=None, help="Hazelcast version (default HZ_VERSION or 5.7.0)")
    parser.add_argument("--cluster-name", default=None)
    parser.add_argument("--backup-count", type=int, default=None, help="backup count of every map")
    parser.add_argument("--partition-count", type=int, default=None)
    parser.add_argument("--java-classes", action="store_true", help="put tests/java's classes on the classpath")
    parser.add_argument("--jet", action="store_true", help="enable the Jet engine (SQL)")
    args = parser.parse_args(argv)

    map_configs = {"default": {"backup_count": args.backup_count}} if args.backup_count is not None else None
    started = time.monotonic()
    cluster = Cluster(args.members, cluster_name=args.cluster_name, map_configs=map_configs,
                      partition_count=args.partition_count, java_classes=args.java_classes,
                      jet_enabled=args.jet, jvm_profile=args.profile, version=args.version)
    info = dict(cluster.client_config(), start_seconds=round(time.monotonic() - started, 2),
                logs=[m.log_path for m in cluster.members])
    print(json.dumps(info), flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        cluster.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
