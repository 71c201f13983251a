"""Sphinx configuration for the orgkb site; the build runs with ``-c conf``."""

from __future__ import annotations

import logging
from pathlib import Path

# Imported here, not only by Sphinx's Chinese search, which silently indexes no Chinese words
# when jieba is missing; its progress messages would clutter the build log.
import jieba

import orgkb
from orgkb.citation import PUBLISHED_URL

project = "orgkb"
author = "The orgkb authors"
copyright = "2026, The orgkb authors"
version = release = orgkb.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",
    "sphinx_last_updated_by_git",
    "notfound.extension",
    "sphinx.ext.autodoc",
    # The directives (rule, orgchart, pooling), then this site's policy: citations, licences,
    # the machine-readable edition, downloads, redirects and the patches to Sphinx's output.
    "orgkb.sphinxext",
    "orgkb.sphinxext.site",
]

root_doc = "index"
# The training slide decks are built apart, by sphinx-revealjs (conf/slides).
exclude_patterns = ["conftest.py", "**/__pycache__", "training/slides/**"]
CONF = Path(__file__).resolve().parent
# Absolute: the gettext builder looks for templates under the source folder, not this one.
templates_path = [str(CONF / "_templates")]
html_static_path = ["_static"]

# The Chinese edition (-D language=zh_CN) is translated the standard way: one catalogue a
# page, locales/zh_CN/LC_MESSAGES/<page>.po, made by ./dev catalogues. The examples are never
# extracted (no literal-block in gettext_additional_targets): both editions run the same ones.
locale_dirs = [str(CONF.parent / "locales")]
gettext_compact = False
gettext_uuid = False
# Where the site is published: canonical links, the sitemap, link previews and citations
# name it. Each edition has its address, the Chinese one in its folder: a build for a language
# takes it from orgkb_editions for these and the 404 page's links, and every page links the
# same page in the other edition.
html_baseurl = orgkb_base_url = PUBLISHED_URL
orgkb_editions = {"en": PUBLISHED_URL, "zh_CN": f"{PUBLISHED_URL}zh_CN/"}

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "orgkb: organising online marketing"
# The language switcher (conf/_templates/sidebar/editions.html) under the site's name.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/editions.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_css_files = ["orgkb.css"]
# Our own copy button: a twentieth of sphinx-copybutton's weight, and it needs no library.
html_js_files = [("copybutton.js", {"defer": "defer"})]
html_favicon = "_static/favicon.svg"
# Readers read the pages, not their Markdown; the "view source" button sat outside every
# landmark. Search summaries come from the HTML pages.
html_copy_source = False
html_show_sourcelink = False
# Per page: the date of the last commit that changed the page or a file it includes.
html_last_updated_fmt = "%Y-%m-%d"
# Built outside a git clone (from an unpacked archive) or from a shallow one, pages just go
# without a date rather than failing the warning-free build.
suppress_warnings = ["git.subprocess_error", "git.too_shallow"]
# The Chinese splitter (jieba) finds 客服 inside 客服部; English words are still stemmed.
html_search_language = "zh"
jieba.setLogLevel(logging.WARNING)
sitemap_url_scheme = "{link}"
# Each edition writes its own sitemap at its own base URL; the other editions are named on
# every page (orgkb_editions), not by sphinx-sitemap, whose alternates assume other folders.
sitemap_locales = [None]
sitemap_show_lastmod = True
# Pages a search engine should not offer as answers.
sitemap_excludes = ["404.html", "search.html", "genindex.html", "py-modindex.html"]
# Every page and rule address ever published; the build warns if one goes missing without an
# entry in orgkb_redirects (old address -> new, both relative to the site root).
orgkb_published_urls = "published-urls.txt"
orgkb_redirects: dict[str, str] = {}
# The 404 page is served at any depth of a web server, so its links start from the edition's
# own folder on that server (notfound_urls_prefix, from orgkb_editions).
notfound_context = {
    "title": "Page not found",
    "body": "<h1>Page not found</h1>\n\n<p>Unfortunately we couldn't find the content you were "
    "looking for.</p>",
}
# What an edition says differently in settings, which Sphinx does not translate.
orgkb_edition_settings = {
    "zh_CN": {
        "html_title": "orgkb：网络营销体系的组织架构",
        "copyright": "2026，orgkb 作者",
        # A book's language is a BCP 47 tag; Sphinx would write the locale, zh_CN.
        "epub_language": "zh-CN",
        "notfound_context": {
            "title": "找不到页面",
            "body": "<h1>找不到页面</h1>\n\n<p>抱歉，这个地址下没有您要找的内容。</p>",
        },
    }
}

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": False}

nitpicky = True
# Intersphinx would fetch the Python inventory from another host at build time, and the build
# must work offline; these standard-library names therefore stay unlinked.
nitpick_ignore_regex = [
    (r"py:class", r"(pathlib\.)?Path"),
    (r"py:class", r"collections\..*"),
    (r"py:class", r"typing\..*"),
    (r"py:class", r"enum\..*"),
    (r"py:class", r"argparse\..*"),
    (r"py:class", r"datetime(\..*)?"),
    (r"py:class", r"fractions\..*"),
    (r"py:class", r"(sphinx|docutils)\..*"),
]
