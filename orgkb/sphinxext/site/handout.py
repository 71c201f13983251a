"""The one-page handout (:mod:`orgkb.handout`), written beside the single-page build.

:func:`orgkb.downloads.build_downloads` prints the PDF edition from Sphinx's ``singlehtml``
build; that build has read every page in the edition's language, the glossary among them, so
it also writes ``handout.html`` (:data:`HANDOUT_PAGE`), which is printed to the handout PDF.
Its glossary is the glossary page's, as the build translated it: the core headwords
(:data:`orgkb.handout.CORE_TERMS`) with the first sentence of each definition. A core headword
the glossary lacks is the warning ``orgkb.handout``.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from orgkb.handout import CORE_TERMS, HANDOUT_PAGE, GlossaryEntry, first_sentence, handout_html
from orgkb.sphinxext.shared import warn

GLOSSARY = "reference/glossary"
"""The page whose glossary the handout quotes."""


def glossary_entries(doctree: nodes.document) -> dict[str, GlossaryEntry]:
    """Each entry of the glossaries in *doctree*, by its English (first) headword."""
    entries = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [term.astext() for term in item.findall(nodes.term)]
            definition = next(iter(item.findall(nodes.definition)), None)
            if len(terms) < 2 or definition is None:
                continue
            entries[terms[0]] = GlossaryEntry(
                terms[0], terms[1], first_sentence(definition.astext())
            )
    return entries


def _write_handout(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "singlehtml":
        return
    if GLOSSARY not in app.env.all_docs:
        return
    entries = glossary_entries(app.env.get_doctree(GLOSSARY))
    core = []
    for term in CORE_TERMS:
        if term in entries:
            core.append(entries[term])
        else:
            warn("handout", f"handout: the glossary has no entry {term!r}", (GLOSSARY, None))
    page = handout_html(app.config.language or "en", core)
    Path(app.builder.outdir, HANDOUT_PAGE).write_text(page, encoding="utf-8")


def setup_handout(app: Sphinx) -> None:
    """Write the handout's page in every ``singlehtml`` build of the site."""
    app.connect("build-finished", _write_handout)
