"""What the training slide decks need from the extension, and what the site needs to link them.

The decks are MyST pages in ``docs/training/slides/`` (:data:`DECKS`), built by
sphinx-revealjs's ``revealjs`` builder with their own configuration (``conf/slides``) into the
site's ``training/slides/`` folder; the site's own build leaves that folder out. This module
gives them:

- the ``slide-rule`` directive, which states a rule on a slide from :data:`orgkb.rules.RULES`
  — its short code (``R3``), title and statement in the project's language, marked "beyond the
  article" where the rule is ours — so a slide can neither state a rule differently from the
  library nor leave out its code;
- the ``scenario-tree`` directive, the handout's decision tree (:mod:`orgkb.handout`) on a
  slide;
- the ``site`` role, a link from a deck to a page of the site around it
  (``{site}`the planner <planner>```): the decks are built apart from the site, so Sphinx
  cannot check these; each link has the class :data:`SITE_LINK` for the test that does;
- in a ``revealjs`` build, the bundled reveal.js trimmed to what the decks load: the package
  ships every theme, some of which load fonts from another host, and the source maps.

And the site's pages get the ``deck`` role (``{deck}`Overview <overview>```), a link to a
built deck, warned of as ``orgkb.deck-unknown`` when no deck of that name exists; in a book
(EPUB, PDF) it leads to the deck on the published site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import ReferenceRole, SphinxDirective
from sphinx.util.osutil import relative_uri

from orgkb.handout import Outcome, Question, decision_tree, outcome_name
from orgkb.rules import UnknownRuleError, rule, wording
from orgkb.sphinxext.shared import builds_web_pages, warn
from orgkb.text import Text

DECKS = "training/slides"
"""The folder of the decks' sources under ``docs/``, and of the built decks in each edition."""
SITE_LINK = "orgkb-site-link"
"""The class of a link from a deck to a page of the site."""
RULE_CODE = "orgkb-rule-code"
"""The class of a rule's short code on a slide."""

BEYOND = Text("Beyond the article")
"""The label of a rule that is ours, not the article's, as the pages' boxes say it."""


class SlideRuleDirective(SphinxDirective):
    """States one rule on a slide: its code, title and statement, from the rule itself."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            stated = rule(self.arguments[0])
        except UnknownRuleError as error:
            warn("rule-unknown", f"slide-rule: {error}", self.get_location())
            return []
        language = self.config.language or "en"
        words = wording(stated, language)
        box = nodes.container(classes=["orgkb-slide-rule"])
        self.set_source_info(box)
        # The words come from the rule in each language, not from the deck's catalogue.
        heading = nodes.paragraph(classes=["orgkb-slide-rule-title"])
        heading += nodes.inline("", stated.code, classes=[RULE_CODE])
        heading += nodes.Text(" ")
        heading += nodes.strong("", words.title)
        box += heading
        box += nodes.paragraph("", words.statement, classes=["orgkb-slide-rule-statement"])
        if stated.beyond_the_article:
            box += nodes.paragraph("", BEYOND.translated(language), classes=["orgkb-beyond"])
        return [box]


class ScenarioTreeDirective(SphinxDirective):
    """The scenarios as the handout's decision tree (:func:`orgkb.handout.decision_tree`):
    each answer's scenario and the codes of the rules orgkb applies there."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        language = self.config.language or "en"
        tree = nodes.container(classes=["orgkb-scenario-tree"])
        self.set_source_info(tree)
        tree += _question(decision_tree(language), language)
        return [tree]


def _question(question: Question, language: str) -> nodes.Element:
    listing = nodes.bullet_list()
    for answer in question.answers:
        line = nodes.paragraph("", "", nodes.strong("", answer.answer), nodes.Text(" → "))
        item = nodes.list_item("", line)
        if isinstance(answer.then, Question):
            item += _question(answer.then, language)
        else:
            line += _outcome(answer.then, language)
        listing += item
    return nodes.container("", nodes.paragraph("", question.ask), listing)


def _outcome(outcome: Outcome, language: str) -> list[nodes.Node]:
    shown: list[nodes.Node] = [nodes.Text(outcome_name(outcome, language))]
    for code in outcome.codes:
        shown += [nodes.Text(" "), nodes.inline("", code, classes=[RULE_CODE])]
    return shown


class _SiteLink(ReferenceRole):
    """A link from a deck to a page of the site, by the page's name (``planner``)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        deck_page = f"{DECKS}/{self.env.docname}.html"
        target = relative_uri(deck_page, f"{self.target}.html")
        link = nodes.reference(self.rawtext, self.title, refuri=target, classes=[SITE_LINK])
        return [link], []


class _DeckLink(nodes.Inline, nodes.TextElement):
    """A link to a built deck, made for each builder once the page is written."""


class _DeckRole(ReferenceRole):
    """A link from a page of the site to a deck, by the deck's name (``overview``)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        source = Path(self.env.srcdir, DECKS, f"{self.target}.md")
        if not source.is_file():
            where = self.get_location()
            warn("deck-unknown", f"deck: no deck {self.target!r} in docs/{DECKS}", where)
        link = _DeckLink(self.rawtext, self.title, deck=self.target)
        return [link], []


class _ResolveDeckLinks(SphinxPostTransform):
    """Turns each deck link into a link the output can follow."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        page = builder.get_target_uri(self.env.docname)
        for link in list(self.document.findall(_DeckLink)):
            deck = f"{DECKS}/{link['deck']}.html"
            if builds_web_pages(builder) and builder.name != "singlehtml":
                uri = relative_uri(page, deck)
            elif self.config.html_baseurl:
                # A book or a single page has no decks beside it; the published site has.
                uri = self.config.html_baseurl.rstrip("/") + "/" + deck
            else:
                link.replace_self(nodes.Text(link.astext()))
                continue
            link.replace_self(nodes.reference("", link.astext(), refuri=uri))


# What a deck loads of the bundled reveal.js, besides its theme and the theme's fonts.
_ENGINE = ("revealjs/dist/reveal.js", "revealjs/dist/reveal.css", "revealjs/LICENSE")
_FONT_IMPORT = re.compile(r"@import url\(\./(fonts/[^/)]+)/")


def _trim_reveal(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "revealjs":
        return
    static = Path(app.builder.outdir) / "_static"
    theme = f"revealjs/dist/theme/{app.config.revealjs_style_theme}.css"
    kept = [*_ENGINE, theme]
    kept += [
        f"revealjs/dist/theme/{folder}/"
        for folder in _FONT_IMPORT.findall((static / theme).read_text(encoding="utf-8"))
    ]
    # A plugin's script is bundled whole; its folder's other files are other builds of it.
    kept += [plugin["src"] for plugin in app.config.revealjs_script_plugins]
    for path in sorted((static / "revealjs").rglob("*"), reverse=True):
        name = path.relative_to(static).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif name.endswith(".map") or not any(name.startswith(keep) for keep in kept):
            path.unlink()
    # A deck is not a site: nothing links these, and the decks' folder should hold decks.
    for leftover in ("objects.inv", ".buildinfo", "genindex.html", "search.html"):
        (Path(app.builder.outdir) / leftover).unlink(missing_ok=True)
    shutil.rmtree(Path(app.builder.outdir) / "_sources", ignore_errors=True)


def setup_slides(app: Sphinx) -> None:
    """Register the ``slide-rule`` and ``scenario-tree`` directives, the ``site`` and ``deck``
    roles, and the trim."""
    app.add_directive("slide-rule", SlideRuleDirective)
    app.add_directive("scenario-tree", ScenarioTreeDirective)
    app.add_role("site", _SiteLink())
    app.add_role("deck", _DeckRole())
    app.add_node(_DeckLink)
    app.add_post_transform(_ResolveDeckLinks)
    app.connect("build-finished", _trim_reveal)
