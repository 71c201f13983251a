"""The Python the Run buttons start in the reader's browser: Pyodide, PyYAML, orgkb, examples.

:func:`build_runtime` prepares it in a folder: the Pyodide core from npm (:data:`PYODIDE`), a
pure-Python PyYAML wheel built from its source (PyPI has no WebAssembly wheel, and orgkb
reads YAML with the pure-Python loader anyway), orgkb's own wheel built from this tree, and
the pages' example files (``docs/examples``) as one zip. Each file is wrapped as a classic
script that files its bytes, in base64, under its name (:func:`wrap`): opened from a folder,
Chromium refuses ``fetch`` and module scripts but runs classic scripts. The pages' Run
buttons (:mod:`orgkb.sphinxext.site.runner`) load the scripts on the first click and hand
the bytes to Pyodide in a web worker; nothing comes from another host.

``python -m orgkb.browser_runtime FOLDER`` builds it; ``./dev site`` does, and the HTML
build copies it into the site. Without npm, or when npm or pip fail, there is no runtime,
the command says so in one line, and the pages go without Run buttons.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The 0.29 line, not the 314 one: its scripts are classic, so they run from a folder too.
PYODIDE = "pyodide@0.29.3"
PYYAML = "pyyaml==6.0.3"
# The files of Pyodide's npm package that start it, in the order the worker loads them.
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK_FILE = "pyodide-lock.json"
EXAMPLES = "examples.zip"
# What the folder holds, for the HTML build and for the next build of the runtime.
MANIFEST = "manifest.json"
# The object of the page the wrapped files fill.
PAGE_GLOBAL = "__orgkbRuntime"
# The tree files that build orgkb's wheel.
_WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "LICENSE-content")


class RuntimeBuildError(Exception):
    """The runtime could not be built; the message says why, in one line."""


def wrap(name: str, data: bytes) -> str:
    """*data* as a classic script that files it in base64 under *name*.

    >>> wrap("hello.txt", b"hi")
    '(self.__orgkbRuntime ||= {})["hello.txt"] = "aGk=";\\n'
    """
    encoded = base64.b64encode(data).decode("ascii")
    return f"(self.{PAGE_GLOBAL} ||= {{}})[{json.dumps(name)}] = {json.dumps(encoded)};\n"


def wrapped_name(name: str) -> str:
    """The name of the script that holds the file *name*.

    >>> wrapped_name("pyodide.asm.wasm")
    'pyodide.asm.wasm.js'
    """
    return f"{name}.js"


def _run(command: list[str], what: str, env: dict[str, str] | None = None) -> str:
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            env=None if env is None else {**os.environ, **env},
            timeout=1800,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RuntimeBuildError(f"{what} failed: {error}") from None
    if result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
        raise RuntimeBuildError(f"{what} failed: {' '.join(last) or result.returncode}")
    return result.stdout


def _lock_file(package: Path) -> bytes:
    # Pyodide's own lock file names every package of its distribution, to be fetched from a
    # CDN on demand; the runtime offers none, so that nothing can be fetched.
    lock = json.loads((package / LOCK_FILE).read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}).encode()


def _pyodide(work: Path) -> dict[str, bytes]:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeBuildError("no npm, so no Run buttons (install Debian's npm)")
    packed = _run(
        [npm, "pack", PYODIDE, "--silent", "--prefer-offline", "--pack-destination", str(work)],
        f"npm pack {PYODIDE}",
    )
    with tarfile.open(work / packed.strip().splitlines()[-1]) as archive:
        archive.extractall(work, filter="data")
    package = work / "package"
    files = {name: (package / name).read_bytes() for name in PYODIDE_FILES}
    files[LOCK_FILE] = _lock_file(package)
    return files


def _wheel(
    arguments: list[str], what: str, work: Path, env: dict[str, str] | None = None
) -> dict[str, bytes]:
    out = work / "wheels"
    shutil.rmtree(out, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check"]
    _run([*pip, "--no-deps", "-w", str(out), *arguments], what, env)
    return {wheel.name: wheel.read_bytes() for wheel in out.glob("*.whl")}


def _pyyaml(work: Path) -> dict[str, bytes]:
    # PyYAML alone from its source, without its C extension; its build tools come as
    # wheels, which takes seconds where building them from source too takes minutes.
    arguments = ["--no-binary", "pyyaml", PYYAML]
    return _wheel(arguments, f"pip wheel {PYYAML}", work, {"PYYAML_FORCE_LIBYAML": "0"})


def _orgkb(work: Path) -> dict[str, bytes]:
    # Built from a copy, so that the build leaves no build/ or egg-info in the tree.
    tree = work / "orgkb-tree"
    for name in _WHEEL_SOURCES:
        if (ROOT / name).is_file():
            tree.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    shutil.copytree(
        ROOT / "orgkb", tree / "orgkb", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return _wheel([str(tree)], "pip wheel orgkb", work)


def examples_zip(docs: Path) -> bytes:
    """The example files under *docs*/examples, as the pages name them (``examples/...``).

    The same files give the same bytes, so that rebuilding the site changes nothing.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((docs / "examples").rglob("*")):
            if path.is_file():
                name = path.relative_to(docs).as_posix()
                archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), path.read_bytes())
    return buffer.getvalue()


def _reusable(folder: Path) -> dict[str, str]:
    """The third-party files of a previous build in *folder*: name to where it came from."""
    try:
        sources: dict[str, str] = json.loads((folder / MANIFEST).read_text("utf-8"))["sources"]
    except (OSError, ValueError, KeyError):
        return {}
    return {
        name: source
        for name, source in sources.items()
        if source in {PYODIDE, PYYAML} and (folder / wrapped_name(name)).is_file()
    }


def _store(folder: Path, sources: dict[str, str], files: dict[str, bytes], source: str) -> None:
    for name, data in files.items():
        (folder / wrapped_name(name)).write_text(wrap(name, data), encoding="ascii")
        sources[name] = source
    # Without "files" the HTML build finds no runtime; the sources let the next build reuse
    # what this one fetched, even if it fails later on.
    (folder / MANIFEST).write_text(json.dumps({"sources": sources}, indent=1), encoding="utf-8")


def build_runtime(folder: Path) -> list[str]:
    """Build the runtime into *folder*; return the names of its files.

    Pyodide and PyYAML are kept from a previous build in *folder* when their versions are
    the same, so that a rebuild needs no network; orgkb and the examples are always rebuilt.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sources = _reusable(folder)
    _store(folder, sources, {}, "")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        if any(sources.get(name) != PYODIDE for name in (*PYODIDE_FILES, LOCK_FILE)):
            _store(folder, sources, _pyodide(work), PYODIDE)
        if PYYAML not in sources.values():
            _store(folder, sources, _pyyaml(work), PYYAML)
        _store(folder, sources, _orgkb(work), "tree")
    _store(folder, sources, {EXAMPLES: examples_zip(ROOT / "docs")}, "tree")
    files = list(sources)
    for stale in set(folder.glob("*.js")) - {folder / wrapped_name(name) for name in files}:
        stale.unlink()
    manifest = {"files": files, "sources": sources}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return files


def main(arguments: list[str]) -> int:
    """Build the runtime into the folder given as the one argument."""
    if len(arguments) != 1:
        print("usage: python -m orgkb.browser_runtime FOLDER", file=sys.stderr)
        return 2
    folder = Path(arguments[0])
    try:
        files = build_runtime(folder)
    except RuntimeBuildError as error:
        # As without chromium there is no PDF: the site builds, without the buttons.
        print(f"runtime: {error}")
        return 0
    size = sum((folder / wrapped_name(name)).stat().st_size for name in files)
    print(f"runtime: {folder} ({len(files)} files, {size / (1024 * 1024):.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
