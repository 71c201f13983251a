"""The site in more than one language: each edition at its own address, linked to the others.

``orgkb_editions`` maps each language the site is built in (a Sphinx ``language`` code, such
as ``"en"`` or ``"zh_CN"``) to the address its edition is published at; the first is the one
a search engine offers readers whose language none of the editions is in (``x-default``). A
build for one of those languages (``-D language=zh_CN``) takes its addresses from there:
``html_baseurl`` (canonical links, the sitemap), ``orgkb_base_url`` (citations, the
machine-readable edition) and ``notfound_urls_prefix`` (the 404 page); and the settings
``orgkb_edition_settings`` gives for that language (a title, a 404 page's text), since Sphinx
translates pages, not settings.

Every HTML page then names the same page in each edition: for search engines, with
``<link rel="alternate" hreflang>`` in its head; for readers, through the template variable
``orgkb_editions``, a list of the other editions (``language``, a BCP 47 tag; ``name``, the
language's name in itself; ``href``), which the site's ``sidebar/editions.html`` shows as a
language switcher. The link is relative, so it works from a web server and from a folder;
on the 404 page, which a server shows at any depth, it starts from the server's root.
"""

from __future__ import annotations

import html
import posixpath
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from orgkb.sphinxext.shared import language_tag


def language_name(language: str) -> str:
    """The name of *language* (a Sphinx language code) in that language itself.

    >>> language_name("zh_CN"), language_name("en")
    ('中文', 'English')
    """
    locale = Locale.parse(language)
    name = locale.get_language_name(locale) or language
    return name[:1].upper() + name[1:]


def edition_link(here: str, there: str, root: str, page: str) -> str:
    """The link from *page* of the edition at *here* to the same page of the one at *there*.

    *root* is the link from the page to its own edition's root, as the page's ``pathto``
    gives it: ``""`` or ``"../"`` on most pages, a path from the server's root on the 404
    page. An edition on another host is linked by its full address.

    >>> edition_link("https://e.org/", "https://e.org/zh_CN/", "../", "how-to/cite.html")
    '../zh_CN/how-to/cite.html'
    >>> edition_link("https://e.org/zh_CN/", "https://e.org/", "", "index.html")
    '../index.html'
    >>> edition_link("https://e.org/kb/zh_CN/", "https://e.org/kb/", "/kb/zh_CN/", "404.html")
    '/kb/404.html'
    >>> edition_link("https://e.org/", "https://zh.e.org/", "", "index.html")
    'https://zh.e.org/index.html'
    """
    ours, theirs = urlsplit(here), urlsplit(there)
    if (ours.scheme, ours.netloc) != (theirs.scheme, theirs.netloc):
        return f"{there.rstrip('/')}/{page}"
    step = posixpath.relpath(theirs.path or "/", ours.path or "/")
    return posixpath.normpath(posixpath.join(root or ".", step, page))


def _apply_edition(app: Sphinx, config: Config) -> None:
    editions: dict[str, str] = config.orgkb_editions
    base = editions.get(config.language)
    if base is None:
        return
    config.html_baseurl = base
    config.orgkb_base_url = base
    if "notfound_urls_prefix" in config:
        config.notfound_urls_prefix = urlsplit(base).path or "/"
    settings: dict[str, dict[str, Any]] = config.orgkb_edition_settings
    for name, value in settings.get(config.language, {}).items():
        setattr(config, name, value)


def _link_editions(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    editions: dict[str, str] = app.config.orgkb_editions
    here = editions.get(app.config.language)
    if here is None:
        context["orgkb_editions"] = []
        return
    page = app.builder.get_target_uri(pagename)
    # A resource path no page has: pathto gives the way to the edition's root before it.
    root = context["pathto"]("_static/", 1).removesuffix("_static/")
    context["orgkb_editions"] = [
        {
            "language": language_tag(language),
            "name": language_name(language),
            "href": edition_link(here, there, root, page),
        }
        for language, there in editions.items()
        if language != app.config.language
    ]
    default = next(iter(editions.values()))
    alternates = [
        (language_tag(language), f"{there.rstrip('/')}/{page}")
        for language, there in editions.items()
    ]
    alternates.append(("x-default", f"{default.rstrip('/')}/{page}"))
    context["metatags"] = context.get("metatags", "") + "".join(
        f'<link rel="alternate" hreflang="{tag}" href="{html.escape(url, quote=True)}">\n'
        for tag, url in alternates
    )


def setup_editions(app: Sphinx) -> None:
    """Register ``orgkb_editions`` and ``orgkb_edition_settings``, and link the editions."""
    app.add_config_value("orgkb_editions", {}, "html", types=frozenset({dict}))
    app.add_config_value("orgkb_edition_settings", {}, "html", types=frozenset({dict}))
    # Before the other components read the addresses at config-inited.
    app.connect("config-inited", _apply_edition, priority=400)
    app.connect("html-page-context", _link_editions)
