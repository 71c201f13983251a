"""orgkb's Sphinx extension: the directives any project can use, one module per component.

Add ``"orgkb.sphinxext"`` to ``extensions`` in ``conf.py`` for the ``rule``, ``rule-list``
and ``orgchart`` directives, the ``rule`` role, the ``pooling`` directive, and what the
training slide decks use (``slide-rule``, the ``site`` and ``deck`` roles). The policy of
orgkb's own site — citations, licences, the machine-readable edition, downloads, redirects
and its patches to Sphinx's output — is the separate extension :mod:`orgkb.sphinxext.site`.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from orgkb import __version__
from orgkb.sphinxext.orgchart import setup_orgchart
from orgkb.sphinxext.pooling import setup_pooling
from orgkb.sphinxext.rules import setup_rules
from orgkb.sphinxext.slides import setup_slides

ENV_VERSION = 1
"""The version of what the extension keeps in Sphinx's build environment (the rules' record).

Raise it when that record changes shape: Sphinx then reads every page again, rather than
trust what an older version recorded.
"""


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the role with *app*."""
    setup_rules(app)
    setup_orgchart(app)
    setup_pooling(app)
    setup_slides(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
