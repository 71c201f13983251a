"""The site for training rooms: the whole of it as an EPUB and as a PDF.

:func:`build_downloads` makes them: Sphinx's EPUB builder, and a single-page HTML build that
Debian's chromium prints to PDF, so no TeX installation is needed; without chromium there is
no PDF. ``python -m orgkb.downloads FOLDER`` builds both into FOLDER; ``./dev site`` does,
and the site links to them (:mod:`orgkb.sphinxext.site.downloads`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPUB = "orgkb.epub"
PDF = "orgkb.pdf"
# The downloads, in the order the site lists them, with the name a reader sees.
FORMATS = {EPUB: "EPUB", PDF: "PDF"}
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


def _sphinx(builder: str, out: Path, work: Path) -> None:
    # Warning-free, as the HTML site is: a warning here means a page reads wrong on paper.
    command = [
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", builder,
        "-c", str(ROOT / "conf"), "-d", str(work / f"{builder}-doctrees"),
        str(ROOT / "docs"), str(out),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DownloadError(f"the {builder} build failed: {result.stderr.strip()}")


def find_chromium() -> str | None:
    """The path of Debian's chromium, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def build_downloads(folder: Path, chromium: str | None) -> list[Path]:
    """Build the EPUB into *folder*, and the PDF too when *chromium* is given; return them."""
    folder.mkdir(parents=True, exist_ok=True)
    built = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        _sphinx("epub", work / "epub", work)
        built.append(Path(shutil.copy2(work / "epub" / EPUB, folder / EPUB)))
        if chromium is not None:
            _sphinx("singlehtml", work / "single", work)
            pdf = folder / PDF
            page = (work / "single" / "index.html").as_uri()
            result = subprocess.run(
                [chromium, *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", page],
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
            if result.returncode != 0 or not pdf.is_file():
                raise DownloadError(f"chromium did not print the PDF: {result.stderr.strip()}")
            built.append(pdf)
    return built


def file_size(path: Path) -> str:
    """The size of *path* as a reader reads it: ``167 KB``, ``5.4 MB``."""
    size = path.stat().st_size
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size // 1024} KB"


def main(arguments: list[str]) -> int:
    """Build the downloads into the folder given as the one argument."""
    if len(arguments) != 1:
        print("usage: python -m orgkb.downloads FOLDER", file=sys.stderr)
        return 2
    chromium = find_chromium()
    try:
        built = build_downloads(Path(arguments[0]), chromium)
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
