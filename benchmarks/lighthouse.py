"""Lighthouse scores of the built site on a phone, and what its pages weigh.

    python benchmarks/lighthouse.py [SITE] [PAGE ...]

Serves SITE (default ``build/html``, built by ``./dev site``) gzip-compressed on 127.0.0.1,
runs Lighthouse 12.2.3 (pinned in ``benchmarks/package.json``; installed with npm on first
use) in Debian's chromium three times on each PAGE (default: the home page and a scenario
page), and prints the median score of each category with Lighthouse's mobile settings, the
bytes Lighthouse saw transferred, and the compressed weight ``page_weight.py`` computes
from the files. Target: 100 in every category; a content page under 40 KB.
"""

from __future__ import annotations

import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import BUDGET, page_weight

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
PAGES = ["index.html", "explanation/multi-region.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# As in the browser tests: no background traffic of chromium's own.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def _handler(site: Path) -> type[BaseHTTPRequestHandler]:
    class Compressing(BaseHTTPRequestHandler):
        """Serves *site* as a compressing web server would: gzip, and 404.html when missing."""

        def do_GET(self) -> None:
            path = site / unquote(urlsplit(self.path).path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            status = 200
            if not path.is_file() or site.resolve() not in path.resolve().parents:
                status, path = 404, site / "404.html"
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if "text" in kind else ""))
            self.send_header("Cache-Control", "max-age=3600")
            if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get(
                "Accept-Encoding", ""
            ):
                body = gzip.compress(body, compresslevel=9)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Compressing


def _ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print("lighthouse: installing Lighthouse with npm (once)", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def _chromium() -> str:
    found = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not found:
        sys.exit("lighthouse: no chromium; install Debian's chromium (./dev test does as root)")
    return found


def _run(url: str, chromium: str) -> dict[str, float]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    report = json.loads(result.stdout)
    scores = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    scores["transferred"] = report["audits"]["total-byte-weight"]["numericValue"]
    failing = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in {"binary", "numeric"}
    ]
    if failing:
        print(f"  {url}: below full marks: {', '.join(sorted(failing))}", file=sys.stderr)
    return scores


def main(arguments: list[str]) -> int:
    site = Path(arguments[0]) if arguments else Path("build/html")
    if not (site / "index.html").is_file():
        print(f"lighthouse: no built site in {site}; run ./dev site first", file=sys.stderr)
        return 2
    pages = arguments[1:] or PAGES
    _ensure_lighthouse()
    chromium = _chromium()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    header = " ".join(f"{name:>14}" for name in CATEGORIES)
    print(f"{'page':<32} {header} {'transferred':>12} {'page weight':>12}")
    try:
        for page in pages:
            runs = [_run(base + page, chromium) for _ in range(RUNS)]
            medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            weight = page_weight(site / page, site)
            scores = " ".join(f"{medians[name]:>14.0f}" for name in CATEGORIES)
            print(
                f"{page:<32} {scores} {medians['transferred'] / 1024:>10.1f}KB "
                f"{weight / 1024:>10.1f}KB  ({weight / BUDGET:.0%} of {BUDGET // 1024} KB)"
            )
    finally:
        server.shutdown()
    print(f"median of {RUNS} runs each, Lighthouse mobile settings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
