"""How many bytes a reader downloads for a page of the built site, compressed.

    python benchmarks/page_weight.py [SITE] [PAGE ...]

SITE is the built HTML folder (default ``build/html``); PAGE is a page's path inside it
(default: every page). For each page the script finds what the page makes a browser load —
stylesheets, scripts, the favicon, images, and whatever the stylesheets import or name with
``url()`` — gzips each file at level 9, as a compressing web server would send it, and prints
the sums against the 40 KB budget of a content page. The search index, which only the
search page loads, counts for the search page alone. Stylesheet ``url()`` files count even
when no element on the page would use them, so the figure is an upper bound.
"""

from __future__ import annotations

import gzip
import posixpath
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The reader-facing promise: a content page with its chart, under 40 KB compressed.
BUDGET = 40 * 1024

_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")
_LOADED_LINKS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest"}
# Sphinx's search page loads its index by adding a script element at run time.
_SEARCH_INDEX = "searchindex.js"


class _Loads(HTMLParser):
    """Collects the URLs an HTML page makes the browser fetch by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "link" and _LOADED_LINKS & set(found.get("rel", "").lower().split()):
            self.urls.append(found.get("href", ""))
        elif tag in {"script", "img", "iframe", "embed", "audio", "video", "source", "track"}:
            self.urls.append(found.get("src", ""))
            self.urls += [part.split()[0] for part in found.get("srcset", "").split(",") if part]
        elif tag == "object":
            self.urls.append(found.get("data", ""))
        if tag == "video":
            self.urls.append(found.get("poster", ""))


def _local(url: str, base: Path, site: Path) -> Path | None:
    """The file inside *site* that *url*, found in the file *base*, names; None if none."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return site / path.lstrip("/")
    relative = posixpath.normpath(posixpath.join(base.parent.relative_to(site).as_posix(), path))
    return site / relative


@dataclass(frozen=True)
class Resource:
    """One file a page loads and its size gzipped."""

    path: Path
    compressed: int


def compressed_size(path: Path) -> int:
    """The size of *path* gzipped at level 9, in bytes."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def page_resources(page: Path, site: Path) -> list[Resource]:
    """*page* and every file it loads, each once, in the order they are found.

    A URL that names no file in *site* (another host, or a missing file) is left out; the
    browser tests catch both.
    """
    seen: dict[Path, Resource] = {}
    pending = [page]
    while pending:
        current = pending.pop(0).resolve()
        if current in seen or not current.is_file():
            continue
        seen[current] = Resource(current, compressed_size(current))
        if current.suffix == ".html":
            parser = _Loads()
            parser.feed(current.read_text(encoding="utf-8"))
            urls = parser.urls
            if current.name == "search.html":
                folder = current.parent.relative_to(site.resolve()).as_posix()
                urls.append(posixpath.relpath(_SEARCH_INDEX, folder))
        elif current.suffix == ".css":
            urls = [a or b for a, b in _CSS_URL.findall(current.read_text(encoding="utf-8"))]
        else:
            urls = []
        for url in urls:
            target = _local(url, current, site.resolve())
            if target is not None:
                pending.append(target)
    return list(seen.values())


def page_weight(page: Path, site: Path) -> int:
    """The compressed bytes of *page* and everything it loads."""
    return sum(resource.compressed for resource in page_resources(page, site))


def main(arguments: list[str]) -> int:
    site = Path(arguments[0]) if arguments else Path("build/html")
    if not (site / "index.html").is_file():
        print(f"page_weight: no built site in {site}; run ./dev site first", file=sys.stderr)
        return 2
    pages = [site / name for name in arguments[1:]] or sorted(site.rglob("*.html"))
    width = max(len(page.relative_to(site).as_posix()) for page in pages)
    print(f"{'page':<{width}} {'HTML':>8} {'loaded':>8} {'total':>8}  of {BUDGET // 1024} KB")
    for page in pages:
        resources = page_resources(page, site)
        html = resources[0].compressed
        total = sum(resource.compressed for resource in resources)
        name = page.relative_to(site).as_posix()
        print(
            f"{name:<{width}} {html / 1024:>6.1f}KB {(total - html) / 1024:>6.1f}KB "
            f"{total / 1024:>6.1f}KB  {total / BUDGET:>4.0%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
