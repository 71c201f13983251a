"""The policy of orgkb's own site, switched on by its ``conf.py``: one module per component.

Each language's edition links the others (:mod:`~orgkb.sphinxext.site.editions`); every
page is cited and licensed (:mod:`~orgkb.sphinxext.site.citations`), described for
search engines and link previews (:mod:`~orgkb.sphinxext.site.pagemeta`) and loads only the
files it uses (:mod:`~orgkb.sphinxext.site.assets`); the web build writes a machine-readable
edition (:mod:`~orgkb.sphinxext.site.machine_readable`), links the downloads
(:mod:`~orgkb.sphinxext.site.downloads`) and writes the handout they include
(:mod:`~orgkb.sphinxext.site.handout`), puts Run buttons on the examples
(:mod:`~orgkb.sphinxext.site.runner`), draws the planner's form
(:mod:`~orgkb.sphinxext.site.planner`) and keeps every published address working
(:mod:`~orgkb.sphinxext.site.redirects`); and two defects of Sphinx's output are patched, in
its markup (:mod:`~orgkb.sphinxext.site.accessible`) and in its Chinese search
(:mod:`~orgkb.sphinxext.site.search`). The directives the pages use are the extension
:mod:`orgkb.sphinxext`.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from orgkb import __version__
from orgkb.sphinxext.site.accessible import setup_accessible
from orgkb.sphinxext.site.assets import setup_assets
from orgkb.sphinxext.site.citations import setup_citations
from orgkb.sphinxext.site.downloads import setup_downloads
from orgkb.sphinxext.site.editions import setup_editions
from orgkb.sphinxext.site.handout import setup_handout
from orgkb.sphinxext.site.machine_readable import setup_machine_readable
from orgkb.sphinxext.site.pagemeta import setup_pagemeta
from orgkb.sphinxext.site.planner import setup_planner
from orgkb.sphinxext.site.redirects import setup_redirects
from orgkb.sphinxext.site.runner import setup_runner
from orgkb.sphinxext.site.search import setup_search


def setup(app: Sphinx) -> dict[str, Any]:
    """Register every component of the site's policy with *app*."""
    setup_editions(app)
    setup_citations(app)
    setup_redirects(app)
    setup_machine_readable(app)
    setup_accessible(app)
    setup_pagemeta(app)
    setup_assets(app)
    setup_search(app)
    setup_downloads(app)
    setup_handout(app)
    setup_runner(app)
    setup_planner(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
