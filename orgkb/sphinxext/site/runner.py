"""Run buttons on the examples of a page: Python in the reader's browser, from the site itself.

The HTML build names the runtime's folder, as :mod:`orgkb.browser_runtime` builds it, in
``orgkb_runtime`` (``./dev site`` does, with ``-D``; a path relative to the configuration
folder). Then every code block of ``>>>`` examples and every ``console`` block gets a Run
button, and the page loads one small deferred script (``buttons.js``, under 1 KB
compressed) and nothing else until a click. The page's examples — its Python blocks,
hidden set-up blocks (``% invisible-code-block: python``) included, and its console blocks,
in order and as written, as Sybil runs them — are data in a script of the page's own under
``_static/orgkb-examples/``: inline they would take the page with the most examples over its
weight budget. The first click loads them and the runner (``runner.js``, with ``python.js``,
which starts ``worker.js``) from ``_runtime/``, where the runtime is copied: once for
the editions on one host, into the first edition in ``orgkb_editions``, whose copy the others'
pages load. Without the setting, before the runtime is built and in any other builder (EPUB,
the PDF's single page), pages get no button and the site no runtime.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.transforms.post_transforms.code import TrimDoctestFlagsTransform

from orgkb.browser_runtime import MANIFEST, wrap, wrapped_name
from orgkb.page_examples import Kind
from orgkb.sphinxext.shared import builds_page_files
from orgkb.sphinxext.site.editions import edition_link
from orgkb.text import CHINESE, ENGLISH, written_in

ASSETS = Path(__file__).parent / "runner"
SITE_FOLDER = "_runtime"
# In _static, as the page's other scripts; the runner itself is in SITE_FOLDER.
BUTTONS = "orgkb-run.js"
# Each page's examples, a script per page, also in the edition's own _static.
EXAMPLES_FOLDER = "_static/orgkb-examples"
EXAMPLES_GLOBAL = "__orgkbExamples"
# Where the post-transform leaves the page's blocks for the page's script.
EXAMPLES_KEY = "orgkb_examples"
# The class of a block that gets a Run button.
RUNNABLE = "orgkb-run"
HIDDEN_BLOCK = "invisible-code-block: python"
# A comment alone on its lines, of either kind.
_COMMENT_LINES = re.compile(r"^[ \t]*(?:/\*.*?\*/|//[^\n]*)\n", re.MULTILINE | re.DOTALL)
# The words of the buttons and their messages, by the edition's language.
LABELS = {
    ENGLISH: {
        "run": "Run",
        "reset": "Reset",
        "starting": "Starting Python…",
        "running": "Running…",
        "same": "Output as printed",
        "differ": "Output differs from the page",
        "differs": "Differs from the printed output:",
        "failed": "Python could not start:",
        "edit": "Example code, editable",
        "output": "Output",
        "stop": "Stop",
        "stopped": "Stopped; the next Run starts Python again",
    },
    CHINESE: {
        "run": "运行",
        "reset": "重置",
        "starting": "正在启动 Python…",
        "running": "正在运行…",
        "same": "输出与页面一致",
        "differ": "输出与页面不同",
        "differs": "与页面所示不同：",
        "failed": "Python 无法启动：",
        "edit": "示例代码，可编辑",
        "output": "输出",
        "stop": "停止",
        "stopped": "已停止；下次运行会重新启动 Python",
    },
}


@dataclass(frozen=True)
class Block:
    """A block of a page that runs, as the runner gets it: *button* if the reader sees it run."""

    kind: Kind
    source: str
    button: bool


def _block(node: nodes.Element) -> Block | None:
    if isinstance(node, nodes.comment):
        first, _, code = node.astext().partition("\n")
        if first.strip() != HIDDEN_BLOCK:
            return None
        return Block("code", textwrap.dedent(code).strip("\n") + "\n", button=False)
    # A block with a source of its own was included from a file; Sybil does not run those.
    if not isinstance(node, nodes.literal_block) or node.hasattr("source"):
        return None
    source = node.astext()
    if node.get("language") == "console":
        return Block("console", source, button=True)
    if node.get("language") == "python":
        if source.lstrip().startswith(">>>"):
            return Block("doctest", source, button=True)
        return Block("code", source, button=False)
    return None


def page_blocks(doctree: nodes.document) -> list[tuple[nodes.Element, Block]]:
    """The blocks of *doctree* that run, in order, each with its node."""
    found = []
    for node in doctree.findall(nodes.Element):
        block = _block(node)
        if block is not None:
            found.append((node, block))
    return found


def _runtime_files(folder: Path) -> list[str]:
    """The runtime's files in *folder*, or none when it is not built (or failed to build)."""
    try:
        files = json.loads((folder / MANIFEST).read_text("utf-8")).get("files", [])
    except (OSError, ValueError):
        return []
    # Part of a runtime starts no Python.
    return files if all((folder / wrapped_name(name)).is_file() for name in files) else []


def _find_runtime(app: Sphinx, config: Config) -> None:
    # A config value, so that pages are written again when the runtime comes or goes.
    setting = config.orgkb_runtime
    config.orgkb_runtime_files = _runtime_files(Path(app.confdir, setting)) if setting else []


def _labels(app: Sphinx) -> dict[str, str]:
    return LABELS[written_in(app.config.language or ENGLISH)]


def runs_examples(app: Sphinx) -> bool:
    """Whether this build gives pages Run buttons: web pages each in a file of its own, with
    the whole runtime."""
    return builds_page_files(app.builder) and bool(app.config.orgkb_runtime_files)


def _holder(app: Sphinx) -> tuple[str, str] | None:
    """This edition's address and the first edition's, if that one holds the runtime for it.

    Editions on one host share the first edition's copy (orgkb_editions,
    :mod:`~orgkb.sphinxext.site.editions`); an edition on a host of its own has its own,
    since nothing may load from another host.
    """
    editions: dict[str, str] = app.config.orgkb_editions
    here = editions.get(app.config.language)
    first = next(iter(editions.values()), None)
    if here is None or first is None or here == first:
        return None
    if urlsplit(here)[:2] != urlsplit(first)[:2]:
        return None
    return here, first


class RunButtons(SphinxPostTransform):
    """Marks the blocks that get a Run button and keeps the page's runnable blocks."""

    builders = ("html",)
    # Before Sphinx trims ``<BLANKLINE>`` and doctest flags from what the page shows: the
    # examples run as written.
    default_priority = TrimDoctestFlagsTransform.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        if not self.config.orgkb_runtime_files:
            return
        found = page_blocks(self.document)
        if not any(block.button for _, block in found):
            return
        for node, block in found:
            if block.button:
                node["classes"].append(RUNNABLE)
        self.document[EXAMPLES_KEY] = [asdict(block) for _, block in found]


def examples_script(app: Sphinx, blocks: list[dict[str, Any]]) -> str:
    """The page's examples, with the runtime's files and the words of the edition's language.

    A classic script, as everything the runner loads: it runs from a folder too.
    """
    data = {
        "files": app.config.orgkb_runtime_files,
        "labels": _labels(app),
        "blocks": blocks,
    }
    return f"window.{EXAMPLES_GLOBAL} = {json.dumps(data, ensure_ascii=False, indent=0)};\n"


def _add_script(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    blocks = doctree.get(EXAMPLES_KEY) if doctree is not None else None
    if not blocks:
        return
    script = examples_script(app, blocks)
    name = f"{EXAMPLES_FOLDER}/{pagename}.js"
    path = Path(app.builder.outdir, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
    # A new version of the page's examples gets a new address, as Sphinx gives its scripts.
    version = hashlib.sha256(script.encode()).hexdigest()[:8]
    pathto = context["pathto"]
    runtime = runtime_address(app, pathto)
    attributes: dict[str, Any] = {
        "defer": "defer",
        "data-runtime": runtime,
        "data-examples": f"{pathto(name, 1)}?v={version}",
        "data-run": _labels(app)["run"],
    }
    app.add_js_file(BUTTONS, **attributes)


def runtime_address(app: Sphinx, pathto: Callable[..., str]) -> str:
    """The address of the runtime's folder from the page *pathto* belongs to, ending in ``/``."""
    holder = _holder(app)
    if holder is None:
        return pathto(f"{SITE_FOLDER}/", 1)
    root = pathto("_static/", 1).removesuffix("_static/")
    return edition_link(*holder, root, SITE_FOLDER) + "/"


def without_comment_lines(script: str) -> str:
    """*script* without the lines that hold only a comment, for the page's weight budget.

    >>> without_comment_lines('/* Why.\\n * More. */\\nrun();\\n  // Why not.\\nstop(); // kept\\n')
    'run();\\nstop(); // kept\\n'
    """
    return _COMMENT_LINES.sub("", script)


def _copy_buttons(app: Sphinx) -> None:
    # Before the pages are written, so that Sphinx gives the script's address a version.
    if runs_examples(app):
        static = Path(app.builder.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        script = (ASSETS / "buttons.js").read_text(encoding="utf-8")
        (static / BUTTONS).write_text(without_comment_lines(script), encoding="utf-8")


def _copy_runtime(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not runs_examples(app) or _holder(app) is not None:
        return
    folder = Path(app.confdir, app.config.orgkb_runtime)
    site = Path(app.builder.outdir, SITE_FOLDER)
    site.mkdir(exist_ok=True)
    for name in app.config.orgkb_runtime_files:
        shutil.copyfile(folder / wrapped_name(name), site / wrapped_name(name))
    # The runner starts Python with python.js, which the planner loads alone: the site's
    # runner.js holds both, so that the Run buttons' script names one file, as small as it was.
    shutil.copyfile(ASSETS / "python.js", site / "python.js")
    runner = [(ASSETS / name).read_text(encoding="utf-8") for name in ("python.js", "runner.js")]
    (site / "runner.js").write_text("\n".join(runner), encoding="utf-8")
    worker = (ASSETS / "worker.js").read_bytes()
    (site / wrapped_name("worker.js")).write_text(wrap("worker.js", worker), encoding="ascii")


def setup_runner(app: Sphinx) -> None:
    """Run buttons on the examples of HTML pages, with the runtime named by ``orgkb_runtime``."""
    app.add_config_value("orgkb_runtime", "", "html", types=frozenset({str}))
    app.add_config_value("orgkb_runtime_files", [], "html", types=frozenset({list}))
    app.connect("config-inited", _find_runtime)
    app.connect("builder-inited", _copy_buttons)
    app.add_post_transform(RunButtons)
    # Before the assets component replaces the page's list of scripts with its own.
    app.connect("html-page-context", _add_script, priority=400)
    app.connect("build-finished", _copy_runtime)
