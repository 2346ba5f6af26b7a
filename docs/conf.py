"""Sphinx configuration: the user guide (Markdown, through MyST) and the API reference
generated from the docstrings (autodoc, Google-style sections through napoleon).

Build: ``.venv/bin/python -m sphinx -W --keep-going -b html docs build/docs``
(``tools/run_tests.sh`` does, with warnings as errors).
"""

import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, ROOT)

from hazelcast._distribution import DISTRIBUTION_NAME, DISTRIBUTION_VERSION  # noqa: E402

project = "Hazelcast Python client (%s)" % DISTRIBUTION_NAME
release = version = DISTRIBUTION_VERSION
author = "The %s authors" % DISTRIBUTION_NAME
copyright = author

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# Markdown: `#` headings get anchors (for links such as page.md#section).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

# API reference.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
# Docstrings name classes by their short name and refer to standard types; an
# unresolved reference prints as plain code instead of failing the build.
nitpicky = False

html_theme = "alabaster"
html_title = "Hazelcast Python client"
html_static_path = []


# Pages of features still being written: listed in index.md's tables of contents,
# left out of them while the file does not exist yet.
OPTIONAL_PAGES = ("messaging", "security")


def _drop_missing_optional_pages(app, docname, source):
    here = os.path.dirname(os.path.abspath(__file__))
    missing = [p for p in OPTIONAL_PAGES if not os.path.isfile(os.path.join(here, p + ".md"))]
    if not missing:
        return
    text = source[0]
    if docname == root_doc:
        text = "\n".join(line for line in text.split("\n") if line.strip() not in missing)
    for page in missing:
        # A link to the page, [text](page.md) or [text](page.md#part): the text alone.
        text = re.sub(r"\[([^\]]*)\]\(%s\.md(#[^)]*)?\)" % re.escape(page), r"\1", text)
    source[0] = text


def setup(app):
    app.connect("source-read", _drop_missing_optional_pages)
