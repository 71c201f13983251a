"""Citations of the site's pages and rules: plain text, BibTeX and GB/T 7714, with stable URLs.

A rule is cited at its entry on the generated rules page, ``reference/rules.html``, whose
anchor is derived from the rule's id and never changes; a page at its own address. Both
addresses start from a base URL, :data:`PUBLISHED_URL` unless told otherwise, and from the
folder of the :class:`Edition` cited: the English edition at the base itself, the Chinese one
under ``zh_CN/``, with the same page paths and anchors. A citation of the Chinese edition is
worded in Chinese. A rule's citation names it by its code and id; the rule also has a short
address (:func:`short_address`, ``r/R3.html``) that forwards to its entry, for saying aloud,
while a citation gives the entry's own address.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from dataclasses import dataclass

from orgkb import __version__
from orgkb.rules import Rule, wording
from orgkb.text import is_chinese

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


@dataclass(frozen=True)
class Edition:
    """One language edition of the site: where it is published, and how its citations read.

    *language* is the edition's language code, as Sphinx's ``language`` takes it; *folder*
    is where the edition lives under the site's base URL (empty for the English edition, at
    the base itself). *authors* and *work* name the authors and the site as a citation of the
    edition does. *text* is the plain-text citation, a ``str.format`` pattern of the
    fields of :class:`Citation`; *version_note* is the BibTeX note that names the version;
    *rule_title* is the title of a rule's citation, from its code, its id and its title.
    """

    language: str
    folder: str
    authors: str
    work: str
    text: str
    version_note: str
    rule_title: str


ENGLISH = Edition(
    language="en",
    folder="",
    authors=AUTHORS,
    work=SITE_TITLE,
    text="{authors} ({year}). “{title}”. In {work}, version {version}. {url}",
    version_note="Version {version}",
    rule_title="Rule {code} ({id}): {title}",
)
"""The English edition, the original, at the root of the site."""
CHINESE = Edition(
    language="zh_CN",
    folder="zh_CN/",
    authors="orgkb 作者",
    work="orgkb：网络营销体系的组织架构",
    text="{authors}（{year}）。“{title}”。载于《{work}》，版本 {version}。{url}",
    version_note="版本 {version}",
    rule_title="规则 {code}（{id}）：{title}",
)
"""The Chinese edition, under ``zh_CN/``: the same pages, translated."""


def edition(language: str) -> Edition:
    """The edition in *language*, a language code such as ``"en"`` or ``"zh_CN"``.

    As :func:`orgkb.rules.wording` chooses the words of a rule: any code that starts with
    ``zh`` gives the Chinese edition, every other code the English one.

    >>> edition("zh").folder, edition("en_GB").folder
    ('zh_CN/', '')
    """
    return CHINESE if is_chinese(language) else ENGLISH


def edition_url(base_url: str, cited: Edition) -> str:
    """The base URL of the edition *cited* of the site published at *base_url*.

    >>> edition_url("https://example.org/kb", CHINESE)
    'https://example.org/kb/zh_CN/'
    """
    return f"{base_url.rstrip('/')}/{cited.folder}"


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


SHORT_ADDRESS_FOLDER = "r"
"""The folder of the short addresses, one a rule, each sending the reader to the rule."""


def short_address(code: str) -> str:
    """The short address of the rule with the code *code*, relative to an edition's root:
    short enough to say in a room or print on a slide.

    >>> short_address("R3")
    'r/R3.html'
    """
    return f"{SHORT_ADDRESS_FOLDER}/{code}.html"


@dataclass(frozen=True)
class Citation:
    """What a citation names: the cited item's title, URL and key, the work's version, and the
    edition cited, whose language the citation is worded in.

    *updated* is the day the item last changed, where known.
    """

    title: str
    url: str
    key: str
    version: str = __version__
    year: int = PUBLICATION_YEAR
    edition: Edition = ENGLISH
    updated: datetime.date | None = None

    def as_text(self) -> str:
        """The citation as one line of plain text, in the edition's language.

        >>> print(Citation("Glossary", "https://example.org/glossary.html", "g", "1.0").as_text())
        The orgkb authors (2026). “Glossary”. In orgkb: organising online marketing, version 1.0. https://example.org/glossary.html
        >>> print(Citation("术语表", "https://example.org/zh_CN/glossary.html", "g", "1.0",
        ...                edition=CHINESE).as_text())
        orgkb 作者（2026）。“术语表”。载于《orgkb：网络营销体系的组织架构》，版本 1.0。https://example.org/zh_CN/glossary.html
        """
        return self.edition.text.format(
            authors=self.edition.authors,
            year=self.year,
            title=self.title,
            work=self.edition.work,
            version=self.version,
            url=self.url,
        )

    def as_gbt7714(self, cited_on: datetime.date) -> str:
        """The citation as GB/T 7714-2015 gives an online resource, cited on *cited_on*.

        Author, title, the type ``[EB/OL]``, the day the item was updated in parentheses
        where known, the day it was cited in brackets, and its address.

        >>> import datetime
        >>> print(Citation("多个片区", "https://example.org/zh_CN/multi-region.html", "m",
        ...                edition=CHINESE, updated=datetime.date(2026, 11, 30),
        ...                ).as_gbt7714(datetime.date(2026, 12, 1)))
        orgkb 作者. 多个片区[EB/OL]. (2026-11-30)[2026-12-01]. https://example.org/zh_CN/multi-region.html.
        >>> print(Citation("Glossary", "https://example.org/glossary.html", "g",
        ...                ).as_gbt7714(datetime.date(2026, 12, 1)))
        The orgkb authors. Glossary[EB/OL]. [2026-12-01]. https://example.org/glossary.html.
        """
        updated = f"({self.updated.isoformat()})" if self.updated else ""
        return (
            f"{self.edition.authors}. {self.title}[EB/OL]. "
            f"{updated}[{cited_on.isoformat()}]. {self.url}."
        )

    def as_bibtex(self) -> str:
        r"""The citation as a BibTeX ``@misc`` entry, in the edition's language.

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
            ("author", "{" + _bibtex(self.edition.authors) + "}"),
            ("title", _bibtex(self.title)),
            ("howpublished", _bibtex(self.edition.work)),
            ("version", _bibtex(self.version)),
            ("year", str(self.year)),
            ("url", _bibtex_url(self.url)),
            ("note", self.edition.version_note.format(version=_bibtex(self.version))),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}"


def rule_citation(
    cited: Rule, base_url: str = PUBLISHED_URL, language: str = ENGLISH.language
) -> Citation:
    """The citation of the rule *cited*, at its entry on the rules page of the edition in
    *language*, and worded in that language.

    >>> from orgkb.rules import rule
    >>> print(rule_citation(rule("one-region.sales-in-every-branch"), "https://x.org").url)
    https://x.org/reference/rules.html#rule-one-region-sales-in-every-branch
    >>> chinese = rule_citation(rule("one-region.sales-in-every-branch"), "https://x.org", "zh_CN")
    >>> print(chinese.title)
    规则 R2（one-region.sales-in-every-branch）：每家分公司设销售部
    >>> print(chinese.url)
    https://x.org/zh_CN/reference/rules.html#rule-one-region-sales-in-every-branch
    """
    cited_in = edition(language)
    return Citation(
        title=cited_in.rule_title.format(
            code=cited.code, id=cited.id, title=wording(cited, language).title
        ),
        url=rule_url(cited.id, edition_url(base_url, cited_in)),
        key=citation_key(cited_in.folder + cited.id),
        edition=cited_in,
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
