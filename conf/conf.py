"""Sphinx configuration for the orgkb site; the build runs with ``-c conf``."""

from __future__ import annotations

import orgkb

project = "orgkb"
author = "The orgkb authors"
copyright = "2026, The orgkb authors"
version = release = orgkb.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.autodoc",
    "orgkb.sphinxext",
]

root_doc = "index"
exclude_patterns = ["conftest.py", "**/__pycache__"]
templates_path = ["_templates"]
html_static_path = ["_static"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "orgkb: organising online marketing"
html_css_files = ["orgkb.css"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}

nitpicky = True
# Intersphinx would fetch the Python inventory from another host at build time, and the build
# must work offline; these standard-library names therefore stay unlinked.
nitpick_ignore_regex = [
    (r"py:class", r"(pathlib\.)?Path"),
    (r"py:class", r"collections\.abc\..*"),
    (r"py:class", r"typing\..*"),
    (r"py:class", r"enum\..*"),
    (r"py:class", r"argparse\..*"),
    (r"py:class", r"(sphinx|docutils)\..*"),
]
