"""The long fuzz run: coverage-guided with atheris (libFuzzer) where it is
installed, else the mutation loop of the test suite for as long as asked.

    python3 tests/fuzz/run.py TARGET [--twin pure|compiled] [--seconds N] [--new-dir DIR] [libFuzzer flags...]

TARGET is one of frames, codecs, entries, data, pickle (tests/fuzz/targets.py),
or all (every target in one process, the first byte choosing). New
inputs go to --new-dir (default .cache/fuzz/<target>), never into the
repository's corpus, which is only read; copy the inputs worth keeping (a
finding, once fixed, or a new shape) into tests/fuzz/corpus/<target>/.
A finding stops the run and is written as crash-<sha1> (atheris) or
finding-<sha1> (mutation loop) in the current directory.

Atheris instruments the pure Python code (its coverage guides the search);
with --twin compiled the compiled twins run but only Python code around
them is instrumented.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target")
    parser.add_argument("--twin", choices=["pure", "compiled"], default="pure")
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--new-dir", default=None)
    parser.add_argument("--no-atheris", action="store_true", help="use the mutation loop even if atheris is installed")
    return parser.parse_known_args(argv)


def main(argv=None) -> int:
    args, rest = _arguments(sys.argv[1:] if argv is None else argv)
    new_dir = args.new_dir or os.path.join(ROOT, ".cache", "fuzz", args.target)
    os.makedirs(new_dir, exist_ok=True)
    atheris = None
    if not args.no_atheris:
        try:
            import atheris  # type: ignore[import-not-found,no-redef]
        except ImportError:
            atheris = None
    if atheris is not None:
        with atheris.instrument_imports(include=["hazelcast"]):
            import targets

            # the pure twins are imported on demand (use_twin): import them
            # here, so that their coverage guides the run too
            for name in targets.pure_twin_modules():
                importlib.import_module(name)
    else:
        import targets
    if args.target == "all":
        target = targets.target_all
        # the seeds of every target, behind the byte that chooses it, start the run
        corpus_dir = os.path.join(new_dir, "seeds")
        os.makedirs(corpus_dir, exist_ok=True)
        for name, raw in targets.corpus("all"):
            with open(os.path.join(corpus_dir, name), "wb") as f:
                f.write(raw)
    elif args.target in targets.TARGETS:
        target = targets.TARGETS[args.target]
        corpus_dir = os.path.join(targets.CORPUS_DIR, args.target)
    else:
        print("unknown target %r; one of %s, all" % (args.target, ", ".join(sorted(targets.TARGETS))), file=sys.stderr)
        return 2
    with targets.use_twin(args.twin):
        if atheris is not None:
            def one_input(data: bytes) -> None:
                targets.run_one(target, data)

            libfuzzer_args = [sys.argv[0], "-max_total_time=%d" % int(args.seconds), "-timeout=%d" % int(targets.TIME_LIMIT * 5)]
            libfuzzer_args += rest + [new_dir, corpus_dir]
            atheris.Setup(libfuzzer_args, one_input)
            atheris.Fuzz()
            return 0
        return _mutation_loop(targets, target, corpus_dir, new_dir, args.seconds)


def _mutation_loop(targets, target, corpus_dir, new_dir, seconds) -> int:
    from mutate import mutate

    seeds = []
    for directory in (corpus_dir, new_dir):
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if os.path.isfile(path):
                with open(path, "rb") as f:
                    seeds.append(f.read())
    rng = random.Random()
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(seeds), seeds)
        try:
            targets.run_one(target, data, measure_allocation=runs % 16 == 0)
        except BaseException as e:
            name = "finding-" + hashlib.sha1(data).hexdigest()
            with open(name, "wb") as f:
                f.write(data)
            print("finding after %d runs: %s: %s (input in %s)" % (runs, type(e).__name__, e, name))
            return 1
        runs += 1
    print("%d runs, no finding" % runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
