"""The site for training rooms: the whole of it as an EPUB and as a PDF, and the one-page
handout as a PDF, in each language.

:func:`build_downloads` makes them: Sphinx's EPUB builder, and a single-page HTML build that
Debian's chromium prints to PDF, so no TeX installation is needed; the same build writes the
handout's page (:mod:`orgkb.handout`), which chromium prints too. Without chromium there is
no PDF and no handout. The PDFs embed the fonts they use: the print style sheets name a
TrueType Chinese font (Debian's fonts-wqy-microhei, which ``./dev`` installs), for the Chinese
terms of the English edition and for all of the Chinese one. ``python -m orgkb.downloads
FOLDER [LANGUAGE]`` builds them into FOLDER, in English unless LANGUAGE (``zh_CN``) is given;
``./dev site`` does, for each edition, and each edition links its own
(:mod:`orgkb.sphinxext.site.downloads`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from orgkb.handout import HANDOUT_PAGE

ROOT = Path(__file__).resolve().parent.parent
EPUB = "orgkb.epub"
PDF = "orgkb.pdf"
"""The English edition's downloads; another language's add it to the name (:func:`formats`)."""
# As in the browser tests: a headless chromium with no traffic of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


class DownloadError(Exception):
    """A download could not be built; the message says which and why."""


def formats(language: str = "en") -> dict[str, str]:
    """The downloads of the edition in *language*, in the order the site lists them: each
    file's name and the name a reader sees.

    >>> formats()
    {'orgkb.epub': 'EPUB', 'orgkb.pdf': 'PDF'}
    >>> formats("zh_CN")
    {'orgkb-zh_CN.epub': 'EPUB', 'orgkb-zh_CN.pdf': 'PDF'}
    """
    stem = "orgkb" if language == "en" else f"orgkb-{language}"
    return {f"{stem}.epub": "EPUB", f"{stem}.pdf": "PDF"}


def handout(language: str = "en") -> str:
    """The file name of the handout of the edition in *language*.

    >>> handout(), handout("zh_CN")
    ('orgkb-handout.pdf', 'orgkb-zh_CN-handout.pdf')
    """
    stem = "orgkb" if language == "en" else f"orgkb-{language}"
    return f"{stem}-handout.pdf"


def _sphinx(builder: str, out: Path, work: Path, language: str) -> None:
    # Warning-free, as the HTML site is: a warning here means a page reads wrong on paper.
    command = [
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "--no-color",
        "-b", builder, "-c", str(ROOT / "conf"), "-d", str(work / f"{builder}-doctrees"),
        "-D", f"language={language}", str(ROOT / "docs"), str(out),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DownloadError(f"the {builder} build failed: {result.stderr.strip()}")


def find_chromium() -> str | None:
    """The path of Debian's chromium, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def build_downloads(folder: Path, chromium: str | None, language: str = "en") -> list[Path]:
    """Build the EPUB of the edition in *language* into *folder*, and its PDF and handout too
    when *chromium* is given; return them."""
    folder.mkdir(parents=True, exist_ok=True)
    epub, pdf_name = formats(language)
    built = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        _sphinx("epub", work / "epub", work, language)
        # Sphinx names the book after the project, in every language.
        built.append(Path(shutil.copy2(work / "epub" / EPUB, folder / epub)))
        if chromium is not None:
            _sphinx("singlehtml", work / "single", work, language)
            printing = {"index.html": folder / pdf_name, HANDOUT_PAGE: folder / handout(language)}
            for page, printed in printing.items():
                _print(chromium, work / "single" / page, printed)
                built.append(printed)
    return built


def _print(chromium: str, page: Path, pdf: Path) -> None:
    result = subprocess.run(
        [chromium, *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 or not pdf.is_file():
        raise DownloadError(f"chromium did not print {pdf.name}: {result.stderr.strip()}")


def file_size(path: Path) -> str:
    """The size of *path* as a reader reads it: ``167 KB``, ``5.4 MB``."""
    size = path.stat().st_size
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size // 1024} KB"


def main(arguments: list[str]) -> int:
    """Build the downloads into the folder given as the first argument, in the language given
    as the second (English without one)."""
    if len(arguments) not in (1, 2):
        print("usage: python -m orgkb.downloads FOLDER [LANGUAGE]", file=sys.stderr)
        return 2
    chromium = find_chromium()
    try:
        built = build_downloads(Path(arguments[0]), chromium, *arguments[1:])
    except DownloadError as error:
        print(f"downloads: {error}", file=sys.stderr)
        return 2
    if chromium is None:
        print("downloads: no chromium, so no PDF (./dev installs it when run as root)")
    for path in built:
        print(f"downloads: {path} ({file_size(path)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
