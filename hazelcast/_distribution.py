"""Our distribution's name and version, and the check for the official one beside it.

The import package is ``hazelcast``, as in the official ``hazelcast-python-client``
(that is the point of a drop-in replacement), but the distribution pip installs is
our own: ``DISTRIBUTION_NAME`` at ``DISTRIBUTION_VERSION``. Both distributions write
the files of the one package ``hazelcast``, so with both installed the files of the
one installed last replace the other's, and uninstalling either removes files the
other needs. :func:`warn_if_official_installed` (run when ``hazelcast`` is imported)
says so in a warning naming both.
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import Iterable, List, Optional

DISTRIBUTION_NAME = "dropin-hazelcast-client"
DISTRIBUTION_VERSION = "0.1.0"
OFFICIAL_DISTRIBUTION_NAME = "hazelcast-python-client"

# How the official distribution's metadata folder starts, as pip writes it
# (``hazelcast_python_client-5.7.0.dist-info``, or an ``.egg-info``).
_OFFICIAL_PREFIXES = ("hazelcast_python_client-", "hazelcast-python-client-")


class DistributionConflictWarning(UserWarning):
    """The official ``hazelcast-python-client`` is installed beside this client."""


def _metadata_folders(paths: Iterable[str]) -> List[str]:
    # A listing of each folder on the path: cheap, and importlib.metadata (slower to
    # import) is only asked when a candidate is there.
    found = []
    for entry in paths:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # not a folder (a zip), or gone
            continue
        for name in names:
            lower = name.lower()
            if lower.startswith(_OFFICIAL_PREFIXES) and lower.endswith((".dist-info", ".egg-info")):
                found.append(os.path.join(entry, name))
    return found


def official_distribution(paths: Optional[Iterable[str]] = None) -> Optional[str]:
    """Returns the installed version of the official distribution, or None.

    Args:
        paths: Folders to look in; default ``sys.path``.

    Returns:
        The version string of ``hazelcast-python-client`` when it is installed in one
        of ``paths``, else None.
    """
    search = list(sys.path if paths is None else paths)
    if not _metadata_folders(search):
        return None
    from importlib import metadata

    for dist in metadata.distributions(path=search):
        name = dist.metadata["Name"] or ""
        if name.lower().replace("_", "-") == OFFICIAL_DISTRIBUTION_NAME:
            return dist.version
    return None


def warn_if_official_installed(paths: Optional[Iterable[str]] = None) -> bool:
    """Warns (:class:`DistributionConflictWarning`) when the official client is installed too.

    Args:
        paths: Folders to look in; default ``sys.path``.

    Returns:
        True when it warned.
    """
    try:
        version = official_distribution(paths)
    except Exception:  # a broken metadata folder must not stop the import
        return False
    if version is None:
        return False
    here = os.path.dirname(os.path.abspath(__file__))
    warnings.warn(
        "Both %s %s (this client, imported from %s) and the official %s %s are installed. "
        "They provide the same import package 'hazelcast': the files of the one installed "
        "last replace the other's, and uninstalling either breaks the other. Keep one: "
        "'pip uninstall -y %s %s', then 'pip install' the one you want."
        % (DISTRIBUTION_NAME, DISTRIBUTION_VERSION, here, OFFICIAL_DISTRIBUTION_NAME, version,
           OFFICIAL_DISTRIBUTION_NAME, DISTRIBUTION_NAME),
        DistributionConflictWarning,
        stacklevel=2,
    )
    return True
