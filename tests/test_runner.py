"""The Run buttons: which blocks get one, what a page carries, and the runtime's build.

The pages' examples are also run here as the browser runs them (orgkb.page_examples, with
``python -m orgkb`` in-process); tests/test_runner_browser.py runs them in chromium.
"""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from benchmarks.page_weight import BUDGET, page_weight
from orgkb import browser_runtime
from orgkb.browser_runtime import (
    EXAMPLES,
    LOCK_FILE,
    MANIFEST,
    PYODIDE,
    PYODIDE_FILES,
    PYYAML,
    RuntimeBuildError,
    build_runtime,
    examples_zip,
    wrap,
    wrapped_name,
)
from orgkb.page_examples import PageSession, restore_blank_lines, run_in_process
from orgkb.sphinxext.site.runner import BUTTONS, EXAMPLES_FOLDER, EXAMPLES_GLOBAL, RUNNABLE
from tests.conftest import EDITIONS, BuiltSite
from tests.helpers import DOCS, ROOT, run_sphinx
from tests.sphinxproject import FILES, build, fake_runtime

PAGE = """\
# Examples

% invisible-code-block: python
%
% base = 40

```python
>>> base + 2
42
>>> print("a", "b", sep="\\n\\n")
a
<BLANKLINE>
b
```

```python
answer = base + 2
```

```yaml
name: Duo
```

```{literalinclude} /shown.py
:language: python
```

```console
$ orgkb rules
```
"""
PLAIN = "# Prose\n\nNo examples here.\n\n```yaml\nname: Duo\n```\n"


def examples_of(script: str) -> dict[str, Any]:
    """The data of a page's examples script."""
    prefix = f"window.{EXAMPLES_GLOBAL} = "
    assert script.startswith(prefix), script[:80]
    data: dict[str, Any] = json.loads(script[len(prefix) :].rstrip().removesuffix(";"))
    return data


TOC = "\n```{toctree}\nguide/plain\nguide/deep\n```\n"
PAGES = {
    "index.md": PAGE + TOC,
    "guide/plain.md": PLAIN,
    "guide/deep.md": PAGE,
    "shown.py": ">>> 1 + 1\n2\n",
}


def built_pages(tmp_path: Path, builder: str = "html", conf: str = "") -> Any:
    runtime = fake_runtime(tmp_path / "runtime")
    return build(tmp_path, PAGES, builder, conf=f"orgkb_runtime = {str(runtime)!r}\n" + conf)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    built = built_pages(tmp_path_factory.mktemp("runner"))
    assert built.returncode == 0, built.log
    return built


def test_blocks_of_examples_and_console_blocks_get_a_button(site: Any) -> None:
    page = site.read("index.html")
    runnable = re.findall(rf'<div class="{RUNNABLE} highlight-(\w+)', page)
    # The doctest block and the console session; not the plain code, YAML or included file.
    assert runnable == ["python", "console"]
    assert page.count(f"{RUNNABLE} ") == 2


def test_the_page_loads_one_deferred_script_that_names_its_examples(site: Any) -> None:
    page = site.read("guide/deep.html")
    [tag] = re.findall(rf"<script [^>]*{BUTTONS}[^>]*>", page)
    assert 'defer="defer"' in tag
    assert 'data-runtime="../_runtime/"' in tag
    assert 'data-run="Run"' in tag
    [examples] = re.findall(r'data-examples="([^"?]+)\?v=\w+"', tag)
    assert examples == f"../{EXAMPLES_FOLDER}/guide/deep.js"
    # The examples are not in the page: they load with the runner, on the first click.
    assert "base + 2" not in page.split("</article>")[-1]


def test_the_examples_are_all_the_blocks_that_run_in_order_as_written(site: Any) -> None:
    data = examples_of(site.read(f"{EXAMPLES_FOLDER}/index.js"))
    assert [(block["kind"], block["button"]) for block in data["blocks"]] == [
        ("code", False),
        ("doctest", True),
        ("code", False),
        ("console", True),
    ]
    hidden, doctest, plain, console = (block["source"] for block in data["blocks"])
    assert hidden == "base = 40\n"
    # As Sybil reads it, though the page shows an empty line for the marker.
    assert "<BLANKLINE>" in doctest
    assert "&lt;BLANKLINE&gt;" not in site.read("index.html")
    assert plain == "answer = base + 2\n"
    assert console == "$ orgkb rules\n"
    assert data["files"] == FILES
    assert data["labels"]["run"] == "Run"


def test_the_examples_run_as_sybil_runs_them(site: Any) -> None:
    data = examples_of(site.read(f"{EXAMPLES_FOLDER}/index.js"))
    session = PageSession(DOCS)
    outcomes = [
        outcome
        for block in data["blocks"][:3]
        for outcome in session.run(block["kind"], block["source"])
    ]
    assert [(outcome.got, outcome.agrees) for outcome in outcomes] == [
        ("42\n", True),
        ("a\n\nb\n", True),
    ]
    assert session.namespace["answer"] == 42


def test_a_page_without_examples_loads_nothing_new(site: Any) -> None:
    page = site.read("guide/plain.html")
    assert BUTTONS not in page
    assert RUNNABLE not in page
    assert not (site.out / EXAMPLES_FOLDER / "guide" / "plain.js").exists()


def test_the_site_holds_the_runtime_and_the_runner(site: Any) -> None:
    runtime = site.out / "_runtime"
    assert sorted(path.name for path in runtime.iterdir()) == sorted(
        [*map(wrapped_name, [*FILES, "worker.js"]), "python.js", "runner.js"]
    )
    assert (site.out / "_static" / BUTTONS).is_file()


@pytest.mark.parametrize("builder", ["epub", "singlehtml"])
def test_no_button_and_no_runtime_in_the_epub_and_the_pdf(tmp_path: Path, builder: str) -> None:
    # The PDF is printed from the single-page build.
    runtime = fake_runtime(tmp_path / "runtime")
    built = build(
        tmp_path, PAGES, builder, conf=f"orgkb_runtime = {str(runtime)!r}\n", strict=False
    )
    assert built.returncode == 0, built.log
    written = "".join(
        path.read_text("utf-8")
        for path in built.out.rglob("*")
        if path.suffix in {".html", ".xhtml"}
    )
    assert "highlight-console" in written
    assert RUNNABLE not in written
    assert not list(built.out.rglob("_runtime"))
    assert not list(built.out.rglob(BUTTONS))
    assert not list(built.out.rglob("orgkb-examples"))


@pytest.mark.parametrize(
    "manifest",
    [None, {"sources": {"pyodide.js": PYODIDE}}, {"files": [*FILES, "missing.whl"]}],
    ids=["no-runtime", "failed-build", "missing-file"],
)
def test_without_a_whole_runtime_there_are_no_buttons(
    tmp_path: Path, manifest: dict[str, Any] | None
) -> None:
    runtime = fake_runtime(tmp_path / "runtime")
    if manifest is None:
        (runtime / MANIFEST).unlink()
    else:
        (runtime / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    built = build(tmp_path, PAGES, conf=f"orgkb_runtime = {str(runtime)!r}\n")
    assert built.returncode == 0, built.log
    assert RUNNABLE not in built.read("index.html")
    assert BUTTONS not in built.read("index.html")
    assert not (built.out / "_runtime").exists()


def test_the_chinese_edition_labels_its_buttons_in_chinese(tmp_path: Path) -> None:
    built = built_pages(tmp_path, conf='language = "zh_CN"\n')
    assert built.returncode == 0, built.log
    assert 'data-run="运行"' in built.read("index.html")
    labels = examples_of(built.read(f"{EXAMPLES_FOLDER}/index.js"))["labels"]
    assert labels["reset"] == "重置"


def test_an_edition_on_a_host_of_its_own_has_its_own_runtime(tmp_path: Path) -> None:
    editions = {"en": "https://orgkb.example.org/", "zh_CN": "https://zh.example.org/"}
    built = built_pages(tmp_path, conf=f'language = "zh_CN"\norgkb_editions = {editions!r}\n')
    assert built.returncode == 0, built.log
    assert 'data-runtime="_runtime/"' in built.read("index.html")
    assert (built.out / "_runtime" / "runner.js").is_file()


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pages in each edition, as ./dev site builds them, with a stand-in runtime."""
    out = tmp_path_factory.mktemp("docs")
    runtime = fake_runtime(out / "runtime")
    for language, folder in EDITIONS.items():
        returncode, log = run_sphinx(
            DOCS,
            out / "html" / folder,
            doctrees=out / "doctrees" / language,
            settings={"language": language, "orgkb_runtime": str(runtime)},
        )
        assert returncode == 0, log
    return out / "html"


def _buttons_in_source(page: Path) -> int:
    text = page.read_text(encoding="utf-8")
    doctests = re.findall(r"^```python\n>>>", text, re.MULTILINE)
    return len(doctests) + len(re.findall(r"^```console\n", text, re.MULTILINE))


def test_every_block_of_examples_on_the_pages_gets_a_button(docs_site: Path) -> None:
    expected = {
        page.relative_to(DOCS).with_suffix(".html").as_posix(): count
        for page in (DOCS).rglob("*.md")
        if (count := _buttons_in_source(page))
    }
    for folder in EDITIONS.values():
        edition = BuiltSite(docs_site / folder, 0, "")
        found = {
            page.relative_to(edition.html).as_posix(): count
            for page in edition.pages()
            if (count := page.read_text(encoding="utf-8").count(f'class="{RUNNABLE} '))
        }
        assert found == expected, folder


def test_the_editions_share_one_runtime_at_the_site_s_root(docs_site: Path) -> None:
    assert (docs_site / "_runtime").is_dir()
    assert not (docs_site / "zh_CN" / "_runtime").exists()
    page = (docs_site / "zh_CN" / "how-to" / "recommend.html").read_text(encoding="utf-8")
    assert 'data-runtime="../../_runtime/"' in page
    assert 'data-run="运行"' in page
    assert (docs_site / "zh_CN" / EXAMPLES_FOLDER / "how-to" / "recommend.js").is_file()


def test_pages_with_a_chart_stay_under_the_budget_with_their_buttons(docs_site: Path) -> None:
    # The budget of tests/test_page_weight.py, before a click: the button script is all a
    # page loads more.
    heavy, counted = {}, 0
    for folder in EDITIONS.values():
        edition = BuiltSite(docs_site / folder, 0, "")
        for page in edition.pages():
            text = page.read_text(encoding="utf-8")
            if 'class="orgkb-chart' in text and BUTTONS in text:
                counted += 1
                if (weight := page_weight(page, edition.html)) > BUDGET:
                    heavy[page.relative_to(docs_site).as_posix()] = weight
    assert counted >= 10
    assert heavy == {}


def test_every_example_on_the_pages_runs_as_printed_the_way_the_browser_runs_it(
    docs_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in the worker: the pages' examples find docs beside orgkb, run from there, and
    # "python -m orgkb" runs in the same process.
    monkeypatch.setattr(subprocess, "run", run_in_process)
    monkeypatch.chdir(DOCS)
    differ = []
    scripts = sorted((docs_site / EXAMPLES_FOLDER).rglob("*.js"))
    assert len(scripts) > 10
    for script in scripts:
        session = PageSession(DOCS)
        for block in examples_of(script.read_text(encoding="utf-8"))["blocks"]:
            differ += [
                f"{script.name}: {outcome.report()}"
                for outcome in session.run(block["kind"], block["source"])
                if not outcome.agrees
            ]
    assert differ == []


def test_an_edited_block_keeps_its_blank_lines_of_output() -> None:
    # What the reader sees and edits: the marker shown as the empty line it stands for.
    shown = '>>> print("a", "b", sep="\\n\\n")\na\n\nb\n\n>>> 1\n1\n'
    [first, second] = PageSession().run("doctest", restore_blank_lines(shown))
    assert first.agrees and second.agrees
    assert restore_blank_lines(">>> 1\n1\n\n>>> 2\n2\n") == ">>> 1\n1\n\n>>> 2\n2\n"


def test_run_in_process_runs_nothing_but_orgkb() -> None:
    with pytest.raises(OSError, match="only python -m orgkb"):
        run_in_process(["ls"], capture_output=True)
    done = run_in_process([sys.executable, "-m", "orgkb", "rules"], capture_output=True)
    assert done.returncode == 0
    assert isinstance(done.stdout, bytes) and done.stdout.startswith(b"R1  no-branches.")


# The runtime's build.


def test_a_wrapped_file_gives_back_its_bytes() -> None:
    data = bytes(range(256))
    script = wrap("a.wasm", data)
    assert script.startswith('(self.__orgkbRuntime ||= {})["a.wasm"] = "')
    encoded = json.loads(script.split(" = ", 1)[1].rstrip().removesuffix(";"))
    assert base64.b64decode(encoded) == data


def test_the_examples_zip_holds_the_example_files_as_the_pages_name_them() -> None:
    archive = zipfile.ZipFile(io.BytesIO(examples_zip(DOCS)))
    names = set(archive.namelist())
    assert "examples/explanation/brightpath-guangzhou.yaml" in names
    assert names == {
        path.relative_to(DOCS).as_posix()
        for path in (DOCS / "examples").rglob("*")
        if path.is_file()
    }
    # The same files give the same bytes, so that a rebuild changes nothing in the site.
    assert examples_zip(DOCS) == examples_zip(DOCS)


def _stand_in(name: str) -> Any:
    def fetched(work: Path) -> dict[str, bytes]:
        return {name: b"built"}

    return fetched


def test_without_npm_the_build_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(browser_runtime.shutil, "which", lambda name: None)
    assert browser_runtime.main([str(tmp_path / "runtime")]) == 0
    said = capsys.readouterr()
    assert said.out == "runtime: no npm, so no Run buttons (install Debian's npm)\n"
    assert said.err == ""
    assert "files" not in json.loads((tmp_path / "runtime" / MANIFEST).read_text("utf-8"))


def test_a_rebuild_fetches_pyodide_and_pyyaml_again_only_when_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fetched: list[str] = []

    def pyodide(work: Path) -> dict[str, bytes]:
        fetched.append(PYODIDE)
        return dict.fromkeys((*PYODIDE_FILES, LOCK_FILE), b"pyodide")

    def pyyaml(work: Path) -> dict[str, bytes]:
        fetched.append(PYYAML)
        return {"pyyaml-6.0.3-py3-none-any.whl": b"yaml"}

    monkeypatch.setattr(browser_runtime, "_pyodide", pyodide)
    monkeypatch.setattr(browser_runtime, "_pyyaml", pyyaml)
    monkeypatch.setattr(browser_runtime, "_orgkb", _stand_in("orgkb-0.1.0-py3-none-any.whl"))
    folder = tmp_path / "runtime"
    files = build_runtime(folder)
    assert set(files) == {
        *PYODIDE_FILES, LOCK_FILE, "pyyaml-6.0.3-py3-none-any.whl",
        "orgkb-0.1.0-py3-none-any.whl", EXAMPLES,
    }  # fmt: skip
    assert sorted(path.name for path in folder.glob("*.js")) == sorted(map(wrapped_name, files))
    assert build_runtime(folder) == files
    assert fetched == [PYODIDE, PYYAML]
    # A new version of orgkb leaves no old wheel behind.
    monkeypatch.setattr(browser_runtime, "_orgkb", _stand_in("orgkb-0.2.0-py3-none-any.whl"))
    assert "orgkb-0.2.0-py3-none-any.whl" in build_runtime(folder)
    assert not (folder / wrapped_name("orgkb-0.1.0-py3-none-any.whl")).exists()


def test_a_failed_build_leaves_no_runtime_but_keeps_what_it_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        browser_runtime, "_pyodide", lambda work: dict.fromkeys((*PYODIDE_FILES, LOCK_FILE), b"")
    )
    monkeypatch.setattr(browser_runtime, "_pyyaml", _stand_in("pyyaml-6.0.3-py3-none-any.whl"))

    def fails(work: Path) -> dict[str, bytes]:
        raise RuntimeBuildError("pip wheel orgkb failed: no network")

    monkeypatch.setattr(browser_runtime, "_orgkb", fails)
    folder = tmp_path / "runtime"
    with pytest.raises(RuntimeBuildError):
        build_runtime(folder)
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    assert "files" not in manifest
    assert manifest["sources"]["pyodide.asm.wasm"] == PYODIDE


def test_a_wheel_carries_the_runner_s_files() -> None:
    # The site is built from an installed orgkb as well as from the tree.
    import fnmatch
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["orgkb.sphinxext.site"]
    folder = ROOT / "orgkb" / "sphinxext" / "site"
    assets = [path.relative_to(folder).as_posix() for path in (folder / "runner").iterdir()]
    assert assets
    assert [name for name in assets if not any(fnmatch.fnmatch(name, p) for p in patterns)] == []
