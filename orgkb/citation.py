"""Citations of the site's pages and rules: plain text and BibTeX, with stable URLs.

A rule is cited at its entry on the generated rules page, ``reference/rules.html``, whose
anchor is derived from the rule's id and never changes; a page at its own address. Both
addresses start from a base URL, :data:`PUBLISHED_URL` unless told otherwise.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from orgkb import __version__
from orgkb.rules import Rule

PUBLISHED_URL = "https://orgkb.example.org/"
"""Where the site is published; the default base of every URL a citation gives."""
SITE_TITLE = "orgkb: organising online marketing"
"""The site's title, as a citation names the work."""
AUTHORS = "The orgkb authors"
"""Who a citation credits."""
PUBLICATION_YEAR = 2026
"""The year a citation of this version gives."""
CONTENT_LICENCE = "CC BY 4.0"
"""The licence of the pages' text and figures (see ``LICENSE-content``)."""
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
"""Where the content licence is published."""
CODE_LICENCE = "MIT"
"""The licence of the code (see ``LICENSE``)."""
RULES_PAGE = "reference/rules"
"""The page, generated from :data:`orgkb.rules.RULES`, that lists every rule at its anchor."""


def rule_anchor(rule_id: str) -> str:
    """The HTML anchor of the rule *rule_id*: ``rule-`` and the id, dots turned to hyphens.

    >>> rule_anchor("one-region.unify-promotion-and-service")
    'rule-one-region-unify-promotion-and-service'
    """
    return "rule-" + re.sub(r"[^a-z0-9]+", "-", rule_id.lower()).strip("-")


def page_url(page: str, base_url: str = PUBLISHED_URL, anchor: str = "") -> str:
    """The URL of the page *page* (a path without suffix, such as ``explanation/index``).

    >>> page_url("reference/rules", "https://example.org/kb", "rule-x")
    'https://example.org/kb/reference/rules.html#rule-x'
    """
    url = f"{base_url.rstrip('/')}/{page}.html"
    return f"{url}#{anchor}" if anchor else url


def rule_url(rule_id: str, base_url: str = PUBLISHED_URL) -> str:
    """The URL of the rule *rule_id*'s entry on the rules page."""
    return page_url(RULES_PAGE, base_url, rule_anchor(rule_id))


@dataclass(frozen=True)
class Citation:
    """What a citation names: the cited item's title, URL and key, and the work's version."""

    title: str
    url: str
    key: str
    version: str = __version__
    year: int = PUBLICATION_YEAR
    authors: str = AUTHORS
    work: str = SITE_TITLE

    def as_text(self) -> str:
        """The citation as one line of plain text.

        >>> print(Citation("Glossary", "https://example.org/glossary.html", "g", "1.0").as_text())
        The orgkb authors (2026). “Glossary”. In orgkb: organising online marketing, version 1.0. https://example.org/glossary.html
        """
        return (
            f"{self.authors} ({self.year}). “{self.title}”. In {self.work}, "
            f"version {self.version}. {self.url}"
        )

    def as_bibtex(self) -> str:
        r"""The citation as a BibTeX ``@misc`` entry.

        Text is escaped for LaTeX; in the URL, what a URL may not hold as it is — braces,
        backslashes, spaces, control and non-ASCII characters — is percent-encoded, which
        names the same address, so that no URL can close its field.

        >>> print(Citation("100% & {more}", "https://example.org/x.html", "orgkb:x", "1.0").as_bibtex())
        @misc{orgkb:x,
          author = {{The orgkb authors}},
          title = {100\% \& \{more\}},
          howpublished = {orgkb: organising online marketing},
          version = {1.0},
          year = {2026},
          url = {https://example.org/x.html},
          note = {Version 1.0}
        }
        """  # noqa: E501
        fields = [
            ("author", "{" + _bibtex(self.authors) + "}"),
            ("title", _bibtex(self.title)),
            ("howpublished", _bibtex(self.work)),
            ("version", _bibtex(self.version)),
            ("year", str(self.year)),
            ("url", _bibtex_url(self.url)),
            ("note", f"Version {_bibtex(self.version)}"),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}"


def rule_citation(cited: Rule, base_url: str = PUBLISHED_URL) -> Citation:
    """The citation of the rule *cited*, at its entry on the rules page.

    >>> from orgkb.rules import rule
    >>> print(rule_citation(rule("one-region.sales-in-every-branch"), "https://x.org").url)
    https://x.org/reference/rules.html#rule-one-region-sales-in-every-branch
    """
    return Citation(
        title=f"Rule {cited.id}: {cited.title}",
        url=rule_url(cited.id, base_url),
        key=citation_key(cited.id),
    )


def citation_key(name: str) -> str:
    """A BibTeX key for *name*, a page path or a rule id: ``orgkb:`` and safe characters.

    >>> citation_key("explanation/one-region")
    'orgkb:explanation/one-region'
    """
    return "orgkb:" + re.sub(r"[^A-Za-z0-9_./:-]+", "-", name)


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bibtex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(character, character) for character in text)


# The characters a URL holds as they are (RFC 3986): those quote() always keeps, the reserved
# ones, and % for what is already percent-encoded.
_URL_CHARACTERS = "!#$%&'()*+,/:;=?@[]"


def _bibtex_url(url: str) -> str:
    r"""*url* with every character a URL may not hold as it is percent-encoded.

    >>> _bibtex_url("https://kb.example.com/a b/}, note = {x\\")
    'https://kb.example.com/a%20b/%7D,%20note%20=%20%7Bx%5C'
    """
    # A lone surrogate, which UTF-8 cannot encode, is kept visible as its escape.
    return urllib.parse.quote(url.encode("utf-8", "backslashreplace"), safe=_URL_CHARACTERS)
