"""Sphinx configuration of the training slide decks (``docs/training/slides``).

sphinx-revealjs's ``revealjs`` builder makes each deck a reveal.js presentation; ``./dev site``
builds them into the site's ``training/slides/`` folder, in each edition:
``sphinx -b revealjs -c conf/slides docs/training/slides build/html/training/slides``. The
Chinese decks are translated as the pages are, from one catalogue for all of them,
``locales/zh_CN/LC_MESSAGES/training/slides/decks.po``.
"""

from __future__ import annotations

from pathlib import Path

import orgkb
from orgkb.sphinxext.orgchart import CSS_FILE as CHART_CSS_FILE

CONF = Path(__file__).resolve().parent

project = "orgkb"
author = "The orgkb authors"
copyright = "2026, The orgkb authors"
version = release = orgkb.__version__
language = "en"

# The decks' charts and rule slides (orgkb.sphinxext); not the site's policy, which is for
# pages: a deck has no footer, sidebar or citation.
extensions = ["myst_parser", "sphinx_revealjs", "orgkb.sphinxext"]
myst_enable_extensions = ["colon_fence", "deflist"]

# Every deck says ``orphan: true``: each is a presentation of its own, linked from the site's
# "Slide decks" page, not a chapter of a book under this one.
root_doc = "overview"
templates_path = [str(CONF / "_templates")]
# The site's icon, which a browser asks for on a deck as on any page.
html_favicon = str(CONF.parent / "_static" / "favicon.svg")

locale_dirs = [str(CONF.parent.parent / "locales")]
gettext_compact = "training/slides/decks"
gettext_uuid = False

# The basic reveal.js page, without Sphinx's own scripts; "white" is a bundled theme whose
# font ships with the package (several others load fonts from another host).
revealjs_html_theme = "revealjs-simple"
revealjs_style_theme = "white"
revealjs_static_path = [str(CONF / "_static")]
# The charts' style sheet, which the site loads only on pages with a chart, on every deck:
# sphinx-revealjs settles a page's style sheets before the chart could add its own.
revealjs_css_files = [CHART_CSS_FILE, "orgkb-slides.css"]
revealjs_use_index = False
revealjs_script_conf = {
    "hash": True,
    "slideNumber": "c/t",
    # Printing (``?print-pdf``) puts each slide on a page of its own, its fragments shown.
    "pdfSeparateFragments": False,
    "pdfMaxPagesPerSlide": 1,
}
# The speaker view (press S): a trainer's notes beside the slide the room sees.
revealjs_script_plugins = [{"name": "RevealNotes", "src": "revealjs/plugin/notes/notes.js"}]

nitpicky = True
