"""Small Sphinx projects built from a test's own pages, to try one feature of the extension."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from orgkb.browser_runtime import MANIFEST, wrap, wrapped_name
from tests.helpers import run_sphinx

CONF = """\
project = "demo"
author = "The orgkb authors"
version = release = "9.9"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
"""
DIRECTIVES = ("orgkb.sphinxext",)
"""The reusable extension alone, as another project would use it."""
SITE = (*DIRECTIVES, "orgkb.sphinxext.site")
"""The directives and the policy of orgkb's own site, as ``conf/conf.py`` lists them."""
FILES = ["pyodide.js", "pyodide.asm.wasm", "orgkb-0.1.0-py3-none-any.whl"]
"""The files of a runtime :func:`fake_runtime` stands in for."""


@dataclass(frozen=True)
class Built:
    """What a build wrote to *out*, and what it said."""

    out: Path
    returncode: int
    log: str

    def read(self, name: str) -> str:
        """The text of the output file *name*."""
        return (self.out / name).read_text(encoding="utf-8")


def build(
    root: Path,
    pages: dict[str, str],
    builder: str = "html",
    conf: str = "",
    strict: bool = True,
    extensions: tuple[str, ...] = SITE,
    jobs: int = 1,
) -> Built:
    """Write *pages* (path: text) under *root*/src and build them with *builder*.

    The configuration loads *extensions* after MyST, and ends with *conf*; *strict* makes
    every warning fail the build, as the site's build does; *jobs* above 1 reads the pages in
    that many processes.
    """
    source = root / "src"
    for name, text in pages.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    (source / "conf.py").write_text(
        CONF.format(extensions=["myst_parser", *extensions]) + conf, encoding="utf-8"
    )
    out = root / builder
    returncode, log = run_sphinx(
        source, out, builder, conf=None, strict=strict, fresh=True, jobs=jobs
    )
    return Built(out, returncode, log)


def fake_runtime(folder: Path, files: list[str] = FILES) -> Path:
    """A runtime folder as browser_runtime leaves it, with stand-ins for its files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        (folder / wrapped_name(name)).write_text(wrap(name, name.encode()), encoding="ascii")
    manifest = {"files": files, "sources": dict.fromkeys(files, "tree")}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return folder
