"""Links to the EPUB and PDF editions and the handout (:mod:`orgkb.downloads`) from every page.

The web build names their folder in ``orgkb_downloads`` (``./dev site`` does, with ``-D``;
a path relative to the configuration folder): the files found there for the language being
built (:func:`orgkb.downloads.formats`, :func:`orgkb.downloads.handout`) are copied to
``downloads/`` in the site and linked from the footer of every page, with their sizes.
Without the setting, or before the files are built, pages link to no download.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from orgkb.downloads import file_size, formats, handout
from orgkb.sphinxext.shared import builds_web_pages

SITE_FOLDER = "downloads"


def _found(app: Sphinx) -> list[Path]:
    setting = app.config.orgkb_downloads
    if not setting or not builds_web_pages(app.builder):
        return []
    folder = Path(app.confdir, setting)
    language = app.config.language or "en"
    names = [*formats(language), handout(language)]
    return [folder / name for name in names if (folder / name).is_file()]


def _link_downloads(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    pathto = context["pathto"]
    language = app.config.language or "en"
    labels = formats(language)
    found = {
        path.name: {
            "label": labels.get(path.name, "PDF"),
            "href": pathto(f"{SITE_FOLDER}/{path.name}", 1),
            "size": file_size(path),
        }
        for path in _found(app)
    }
    # The whole site, then the handout, which the footer names apart.
    context["orgkb_handout"] = found.pop(handout(language), None)
    context["orgkb_downloads"] = list(found.values())


def _copy_downloads(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return
    for path in _found(app):
        target = Path(app.builder.outdir) / SITE_FOLDER
        target.mkdir(exist_ok=True)
        shutil.copy2(path, target / path.name)


def setup_downloads(app: Sphinx) -> None:
    """Link and copy the downloads named by ``orgkb_downloads`` in a web build."""
    app.add_config_value("orgkb_downloads", "", "html", types=frozenset({str}))
    app.connect("html-page-context", _link_downloads)
    app.connect("build-finished", _copy_downloads)
