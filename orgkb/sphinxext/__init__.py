"""orgkb's Sphinx extension: one module per component, each with its own ``setup_*``.

Add ``"orgkb.sphinxext"`` to ``extensions`` in ``conf.py``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from orgkb import __version__
from orgkb.sphinxext.accessible import setup_accessible
from orgkb.sphinxext.assets import setup_assets
from orgkb.sphinxext.citations import setup_citations
from orgkb.sphinxext.downloads import setup_downloads
from orgkb.sphinxext.machine_readable import setup_machine_readable
from orgkb.sphinxext.orgchart import setup_orgchart
from orgkb.sphinxext.pagemeta import setup_pagemeta
from orgkb.sphinxext.pooling import setup_pooling
from orgkb.sphinxext.redirects import setup_redirects
from orgkb.sphinxext.rules import setup_rules
from orgkb.sphinxext.runner import setup_runner
from orgkb.sphinxext.search import setup_search


def setup(app: Sphinx) -> dict[str, Any]:
    """Register every component of the extension with *app*."""
    setup_rules(app)
    setup_orgchart(app)
    setup_citations(app)
    setup_redirects(app)
    setup_machine_readable(app)
    setup_accessible(app)
    setup_pagemeta(app)
    setup_pooling(app)
    setup_assets(app)
    setup_search(app)
    setup_downloads(app)
    setup_runner(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
