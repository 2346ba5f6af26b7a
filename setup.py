"""Build script: the pure-Python package, plus the Cython speedups where they build.

Every ``hazelcast/_speedups/*.pyx`` becomes the extension ``hazelcast._speedups.<name>``.
Extensions are optional: a failed compile still installs the pure-Python package,
unless ``HAZELCAST_REQUIRE_SPEEDUPS=1`` makes it fatal. PyPy never compiles them.
"""

import glob
import os
import platform
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

REQUIRE_SPEEDUPS = os.environ.get("HAZELCAST_REQUIRE_SPEEDUPS") == "1"
# The same boolean as at run time (hazelcast/_speedups/_select.py): 0/false/no/off or
# empty keep the speedups; any other value skips compiling them.
NO_SPEEDUPS = os.environ.get("HAZELCAST_NO_SPEEDUPS", "").strip().lower() not in ("", "0", "false", "no", "off")


def _extensions():
    if NO_SPEEDUPS or platform.python_implementation() != "CPython":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        if REQUIRE_SPEEDUPS:
            sys.exit("HAZELCAST_REQUIRE_SPEEDUPS=1 but Cython is not installed")
        return []
    from setuptools import Extension

    extensions = [
        Extension(
            "hazelcast._speedups." + os.path.splitext(os.path.basename(path))[0],
            [path],
            optional=not REQUIRE_SPEEDUPS,
            extra_compile_args=["-O3"] if sys.platform != "win32" else [],
        )
        for path in sorted(glob.glob(os.path.join("hazelcast", "_speedups", "*.pyx")))
    ]
    return cythonize(
        extensions,
        language_level="3",
        compiler_directives={"boundscheck": False, "wraparound": False, "cdivision": True},
    )


class _BuildExt(build_ext):
    """Turns a failed optional compile into a warning, and into an error when required."""

    def run(self):
        try:
            super().run()
        except Exception as e:
            if REQUIRE_SPEEDUPS:
                raise
            print("warning: the speedups were not built (%s); using pure Python" % e, file=sys.stderr)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as e:
            if REQUIRE_SPEEDUPS:
                raise
            print("warning: %s was not built (%s); using pure Python" % (ext.name, e), file=sys.stderr)


setup(ext_modules=_extensions(), cmdclass={"build_ext": _BuildExt})
