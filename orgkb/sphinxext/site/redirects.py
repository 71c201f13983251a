"""Published addresses keep working: redirects for moved pages and anchors, checked at build.

``orgkb_redirects`` maps an old address to a new one, both relative to the site's root, such
as ``{"explanation/old.html": "explanation/new.html"}``. An old page gets a small static page
that sends the reader on; an old anchor on a page that still exists (``page.html#rule-x``) gets
a note at that anchor linking to the new place.

``orgkb_published_urls`` names a file (relative to the configuration folder) listing every
address ever published, one a line. After a build of the site's pages (the ``html`` builder,
one page a document), each must still be a page with that anchor, or be redirected; otherwise
the build warns (``orgkb.published-url``), which fails a build run with ``-W``. A redirect
that leads nowhere, or whose old address still exists, is the warning ``orgkb.redirect``.

In a project that lists its rules (the ``rule-list`` directive), every rule also gets a short
address, ``r/`` and its code (``r/R3.html``, :func:`orgkb.citation.short_address`): a static
page of the same kind that sends the reader to the rule's entry in that list, short enough to
say in a room or print on a slide. A page of the project at that address is the warning
``orgkb.redirect``.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from orgkb import citation
from orgkb.rules import RULES, rule, wording
from orgkb.sphinxext.rules import rule_anchor, rule_list_page
from orgkb.sphinxext.shared import builds_page_files, language_tag, warn
from orgkb.sphinxext.site.citations import edition_base_url
from orgkb.text import is_chinese

_ID = re.compile(r"""<[^>]*?\sid=["']([^"']*)["']""")
# What a redirect says, in the language of the edition that writes it (orgkb.text.is_chinese).
_ENGLISH = {
    "title": "Moved to {new}",
    "page": "This page has moved to {link}.",
    "anchor": "“{anchor}” has moved: see {link}.",
    "rule_title": "Rule {code}: {title}",
    "rule": "Rule {code} ({id}) is on the rules page: {link}.",
}
_CHINESE = {
    "title": "已移至 {new}",
    "page": "本页已移至 {link}。",
    "anchor": "“{anchor}”已移至 {link}。",
    "rule_title": "规则 {code}：{title}",
    "rule": "规则 {code}（{id}）见规则页：{link}。",
}


def _words(language: str) -> dict[str, str]:
    return _CHINESE if is_chinese(language) else _ENGLISH


def read_url_list(path: Path) -> list[str]:
    """The addresses listed in *path*, one a line; blank lines and ``#`` comments skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def redirect_page(old: str, new: str, base_url: str, language: str = "en") -> str:
    """The static page written at *old*, sending the reader to *new* (both site-relative),
    in the edition of *language*.

    >>> print(redirect_page("a/old.html", "b/new.html#x", "https://example.org/"))
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Moved to b/new.html#x</title>
    <link rel="canonical" href="https://example.org/b/new.html#x">
    <meta name="robots" content="noindex">
    <meta http-equiv="refresh" content="0; url=../b/new.html#x">
    </head>
    <body>
    <p>This page has moved to <a href="../b/new.html#x">b/new.html#x</a>.</p>
    </body>
    </html>
    >>> print(redirect_page("old.html", "new.html", "https://example.org/zh_CN/", "zh_CN"))
    <!DOCTYPE html>
    <html lang="zh-CN">
    ...
    <p>本页已移至 <a href="new.html">new.html</a>。</p>
    ...
    """
    words = _words(language)
    title = words["title"].format(new=html.escape(new))
    return _forwarding_page(old, new, base_url, language, title, words["page"].format)


def short_address_page(code: str, new: str, base_url: str, language: str = "en") -> str:
    """The static page written at the short address of the rule with the code *code*,
    sending the reader to *new*, the rule's entry on the page that lists the rules.

    >>> print(short_address_page("R3", "reference/rules.html#rule-x", "https://example.org/"))
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Rule R3: Unify promotion and customer service</title>
    <link rel="canonical" href="https://example.org/reference/rules.html#rule-x">
    <meta name="robots" content="noindex">
    <meta http-equiv="refresh" content="0; url=../reference/rules.html#rule-x">
    </head>
    <body>
    <p>Rule R3 (one-region.unify-promotion-and-service) is on the rules page: <a href="../reference/rules.html#rule-x">reference/rules.html#rule-x</a>.</p>
    </body>
    </html>
    """  # noqa: E501
    words = _words(language)
    known = rule(code)
    named = {"code": html.escape(known.code), "id": html.escape(known.id)}
    title = words["rule_title"].format(**named, title=html.escape(wording(known, language).title))
    return _forwarding_page(
        citation.short_address(known.code),
        new,
        base_url,
        language,
        title,
        lambda link: words["rule"].format(**named, link=link),
    )


def _forwarding_page(
    old: str, new: str, base_url: str, language: str, title: str, sentence: Callable[..., str]
) -> str:
    """The page at *old* that sends the reader to *new*: at once, where the browser follows a
    refresh, and otherwise by the link in *sentence*, called with it as ``link``. *title* and
    what *sentence* gives are HTML already."""
    page, _, anchor = new.partition("#")
    relative = posixpath.relpath(page, posixpath.dirname(old) or ".")
    target = html.escape(relative + (f"#{anchor}" if anchor else ""))
    canonical = html.escape(base_url.rstrip("/") + "/" + new)
    link = f'<a href="{target}">{html.escape(new)}</a>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{language_tag(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{title}</title>",
            f'<link rel="canonical" href="{canonical}">',
            '<meta name="robots" content="noindex">',
            f'<meta http-equiv="refresh" content="0; url={target}">',
            "</head>",
            "<body>",
            f"<p>{sentence(link=link)}</p>",
            "</body>",
            "</html>",
        ]
    )


def _page_of(app: Sphinx, docname: str) -> str:
    return docname + app.builder.out_suffix if hasattr(app.builder, "out_suffix") else docname


def _note_moved_anchors(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    redirects: dict[str, str] = app.config.orgkb_redirects
    page = _page_of(app, docname)
    for old, new in redirects.items():
        old_page, _, anchor = old.partition("#")
        if not anchor or old_page != page:
            continue
        if anchor in doctree.ids:
            message = f"orgkb_redirects: {old} still exists; remove its redirect"
            warn("redirect", message, (docname, None))
            continue
        relative = posixpath.relpath(new.partition("#")[0], posixpath.dirname(page) or ".")
        anchor_part = new.partition("#")[2]
        refuri = relative + (f"#{anchor_part}" if anchor_part else "")
        note = nodes.paragraph("", "", classes=["orgkb-moved"], ids=[anchor])
        sentence = _words(app.config.language or "en")["anchor"].format(anchor=anchor, link="\0")
        before, _, after = sentence.partition("\0")
        note += nodes.Text(before)
        note += nodes.reference("", new, refuri=refuri)
        note += nodes.Text(after)
        doctree += note


def anchors_in(page: Path) -> set[str]:
    """The ids of the elements of the HTML page *page*: the anchors a link can name."""
    text = page.read_text(encoding="utf-8")
    return {html.unescape(match) for match in _ID.findall(text)}


def _address_exists(outdir: Path, address: str) -> bool:
    page, _, anchor = address.partition("#")
    path = outdir / page
    if not path.is_file():
        return False
    return not anchor or anchor in anchors_in(path)


def _write_and_check(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not builds_page_files(app.builder):
        return
    outdir = Path(app.builder.outdir)
    # The pages of the project's documents; a file at another address may be what this step
    # wrote there in an earlier build into the same folder.
    pages = {_page_of(app, docname) for docname in app.env.found_docs}
    redirects: dict[str, str] = app.config.orgkb_redirects
    for old, new in redirects.items():
        old_page, _, anchor = old.partition("#")
        if not _address_exists(outdir, new):
            warn("redirect", f"orgkb_redirects: {old} points to {new}, which does not exist")
        if anchor:
            continue
        if old_page in pages:
            warn("redirect", f"orgkb_redirects: {old} is still a page; remove its redirect")
            continue
        (outdir / old_page).parent.mkdir(parents=True, exist_ok=True)
        page = redirect_page(
            old_page, new, edition_base_url(app.config), app.config.language or "en"
        )
        (outdir / old_page).write_text(page, encoding="utf-8")
    _write_short_addresses(app, outdir, pages)
    listed = app.config.orgkb_published_urls
    if not listed:
        return
    path = Path(app.confdir) / listed
    if not path.is_file():
        warn("published-url", f"orgkb_published_urls: {path} does not exist")
        return
    for address in read_url_list(path):
        moved = address in redirects or address.partition("#")[0] in redirects
        if not moved and not _address_exists(outdir, address):
            warn(
                "published-url",
                f"{address} was published and is gone: restore it or add it to orgkb_redirects",
            )


def _write_short_addresses(app: Sphinx, outdir: Path, pages: set[str]) -> None:
    listing = rule_list_page(app.env)
    if listing is None:
        return
    for known in RULES:
        short = citation.short_address(known.code)
        if short in pages:
            warn("redirect", f"{short} is a page; a rule's short address cannot be written there")
            continue
        new = f"{_page_of(app, listing)}#{rule_anchor(known.id)}"
        page = short_address_page(
            known.code, new, edition_base_url(app.config), app.config.language or "en"
        )
        (outdir / short).parent.mkdir(parents=True, exist_ok=True)
        (outdir / short).write_text(page, encoding="utf-8")


def setup_redirects(app: Sphinx) -> None:
    """Register ``orgkb_redirects`` and ``orgkb_published_urls`` and their build steps."""
    app.add_config_value("orgkb_redirects", {}, "html", types=frozenset({dict}))
    app.add_config_value("orgkb_published_urls", "", "html", types=frozenset({str}))
    app.connect("doctree-resolved", _note_moved_anchors)
    app.connect("build-finished", _write_and_check)
